-- repeat-suspects: persons and companies of the selected seizures, and the evidence that two of
-- them are the same: the same normalised name, passport or ID number, an alias matching a name,
-- the same birth date and nationality with a similar name, or a name similar above $threshold
-- (Jaro-Winkler on names that share a word). Links on names alone are refused when the two records
-- conflict: different passports, birth dates or nationalities. wen joins the links into suspects.
WITH a AS (
  -- Identifiers compared without spaces, dashes or case: "B 123-456" is "B123456".
  SELECT a.actor_id, a.seizure_id, a.kind, a.name_as_given, a.name_normalised, a.aliases,
         list_filter(list_transform(a.passport_numbers, p -> upper(regexp_replace(p, '[^A-Za-z0-9]', '', 'g'))), p -> p <> '') AS passport_numbers,
         list_filter(list_transform(a.id_numbers, i -> upper(regexp_replace(i, '[^A-Za-z0-9]', '', 'g'))), i -> i <> '') AS id_numbers,
         a.birth_date, a.nationality, a.role
  FROM actors a JOIN f_seizures s USING (seizure_id)
  WHERE a.kind IN ('person', 'company') AND a.name_normalised IS NOT NULL
),
keys AS (
  SELECT actor_id, 'same name' AS evidence, kind || ':' || name_normalised AS k FROM a
  UNION ALL SELECT actor_id, 'same passport number', p FROM a, unnest(passport_numbers) t(p)
  UNION ALL SELECT actor_id, 'same ID number', i FROM a, unnest(id_numbers) t(i)
  UNION ALL SELECT actor_id, 'alias matches a name', kind || ':' || array_to_string(list_sort(string_split_regex(trim(regexp_replace(lower(strip_accents(al)), '[^a-z0-9]+', ' ', 'g')), '\s+')), ' ')
    FROM a, unnest(aliases) t(al)
),
alias_links AS (
  SELECT x.actor_id AS a, y.actor_id AS b, 'alias matches a name' AS evidence
  FROM keys x JOIN keys y ON x.k = y.k AND x.actor_id <> y.actor_id
  WHERE (x.evidence = 'alias matches a name' AND y.evidence = 'same name')
),
exact_links AS (
  SELECT x.actor_id AS a, y.actor_id AS b, x.evidence
  FROM keys x JOIN keys y ON x.k = y.k AND x.evidence = y.evidence AND x.actor_id < y.actor_id
  WHERE x.evidence <> 'alias matches a name' AND length(x.k) > CASE WHEN x.evidence = 'same name' THEN 3 ELSE 1 END
),
conflicts AS (
  -- Pairs whose identifiers disagree: a name match between them is a namesake, not the same person.
  SELECT x.actor_id AS a, y.actor_id AS b
  FROM a x JOIN a y ON x.actor_id <> y.actor_id AND x.kind = y.kind
  WHERE (len(x.passport_numbers) > 0 AND len(y.passport_numbers) > 0 AND NOT list_has_any(x.passport_numbers, y.passport_numbers))
     OR (x.birth_date <> y.birth_date)
     OR (x.nationality <> y.nationality)
),
names AS (SELECT DISTINCT kind, name_normalised FROM a),
tokens AS (SELECT DISTINCT kind, name_normalised, unnest(string_split(name_normalised, ' ')) AS token FROM names),
similar_names AS (
  SELECT DISTINCT x.kind, x.name_normalised AS n1, y.name_normalised AS n2, jaro_winkler_similarity(x.name_normalised, y.name_normalised) AS similarity
  FROM tokens x JOIN tokens y ON x.kind = y.kind AND x.token = y.token AND length(x.token) > 2 AND x.name_normalised < y.name_normalised
  WHERE jaro_winkler_similarity(x.name_normalised, y.name_normalised) >= $threshold
),
fuzzy_links AS (
  SELECT x.actor_id AS a, y.actor_id AS b, 'similar name (' || round(sn.similarity, 2) || ')' AS evidence
  FROM similar_names sn JOIN a x ON x.kind = sn.kind AND x.name_normalised = sn.n1 JOIN a y ON y.kind = sn.kind AND y.name_normalised = sn.n2
),
birth_links AS (
  SELECT x.actor_id AS a, y.actor_id AS b, 'same birth date and nationality, similar name' AS evidence
  FROM a x JOIN a y ON x.birth_date = y.birth_date AND x.nationality = y.nationality AND x.actor_id < y.actor_id
  WHERE jaro_winkler_similarity(x.name_normalised, y.name_normalised) >= 0.75
),
name_links AS (
  SELECT * FROM exact_links WHERE evidence = 'same name'
  UNION ALL SELECT * FROM alias_links UNION ALL SELECT * FROM fuzzy_links UNION ALL SELECT * FROM birth_links
),
links AS (
  SELECT * FROM exact_links WHERE evidence <> 'same name'
  UNION ALL SELECT * FROM name_links n WHERE NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.a = n.a AND c.b = n.b)
)
SELECT 'actor' AS row_type, a.actor_id, NULL::BIGINT AS other_id, NULL AS evidence, a.seizure_id, a.kind, a.name_as_given, a.name_normalised,
       a.nationality, a.role, s.date::VARCHAR AS date, s.seizure_country, s.quantity_kg, s.value_usd,
       (SELECT list(DISTINCT taxon ORDER BY taxon) FROM f_specimens sp WHERE sp.seizure_id = a.seizure_id AND taxon IS NOT NULL) AS taxa
FROM a JOIN f_seizures s USING (seizure_id)
UNION ALL
SELECT 'link', a, b, evidence, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM links
ORDER BY row_type, actor_id, other_id, evidence
