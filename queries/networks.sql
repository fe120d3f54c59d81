-- networks: persons and companies (one node per identity of table identities) and the typed links
-- between them: named in the same seizure; sharing a phone, vehicle or address; tied to seizures that
-- share a document number or a forensic match group; paying one another. wen builds the graph and
-- measures it afterwards. Each trait keeps only values that can identify something (floors below,
-- one per trait); seizure ids are compared as ids, never filtered by their length.
WITH a AS (
  SELECT a.actor_id, a.seizure_id, a.kind, a.name_as_given, a.name_normalised, a.nationality, a.address, a.phones, a.vehicles, a.role,
    i.identity_id AS identity
  FROM actors a JOIN identities i USING (actor_id) JOIN f_seizure_ids USING (seizure_id)
  WHERE a.kind IN ('person', 'company')
),
-- A payment joins the one identity its payer's or payee's name belongs to (view name_identities), when it is in the selection.
named AS (SELECT name_key AS name_normalised, identity_id AS identity FROM name_identities WHERE identity_id IN (SELECT identity FROM a)),
raw_traits AS (
  SELECT identity, seizure_id, 'same seizure' AS link, seizure_id::VARCHAR AS value FROM a
  -- documents and forensic samples belong to a seizure, not to a person: they link only across seizures (below)
  UNION ALL SELECT a.identity, a.seizure_id, 'shared document', number_key(d.number) FROM a JOIN documents d USING (seizure_id)
  UNION ALL SELECT a.identity, a.seizure_id, 'forensic match', f.source_id || ':' || f.match_group
    FROM a JOIN seizures s USING (seizure_id) JOIN forensic_results f ON f.seizure_ref = s.seizure_ref WHERE f.match_group IS NOT NULL
  UNION ALL SELECT identity, seizure_id, 'shared phone', phone_key(p) FROM a, unnest(phones) t(p)
  UNION ALL SELECT identity, seizure_id, 'shared vehicle', number_key(v) FROM a, unnest(vehicles) t(v)
  UNION ALL SELECT identity, seizure_id, 'shared address',
    trim(lower(regexp_replace(strip_accents(address), '[^\p{L}\p{N}]+', ' ', 'g'))) FROM a WHERE address IS NOT NULL
  UNION ALL SELECT n.identity, NULL, 'payment', p.source_id || ':' || p.source_row
    FROM payments p JOIN named n ON n.name_normalised IN (p.payer_normalised, p.payee_normalised)
    WHERE n.identity IS NOT NULL AND p.source_id IN (SELECT source_id FROM f_source_ids)
),
traits AS (
  SELECT DISTINCT * FROM raw_traits
  WHERE CASE link
    -- a document number has digits and at least 4 characters: "NA", "NIL", "none", "-" are placeholders
    WHEN 'shared document' THEN length(value) >= 4 AND regexp_matches(value, '[0-9]')
    -- a phone number has at least 6 digits (shorter: an extension, a short code or a placeholder) and is not one digit repeated
    WHEN 'shared phone' THEN length(value) >= 6 AND replace(value, left(value, 1), '') <> ''
    -- a plate has at least 3 characters and a digit ("NONE", "N/A" are not plates)
    WHEN 'shared vehicle' THEN length(value) >= 3 AND regexp_matches(value, '[0-9]')
    -- an address with a number in it, or of four words or more: a town or country alone links everyone living there
    WHEN 'shared address' THEN (regexp_matches(value, '[0-9]') AND value LIKE '% %') OR len(string_split(value, ' ')) >= 4
    ELSE value IS NOT NULL
  END
),
edges AS (
  SELECT x.identity AS source, y.identity AS target, x.link, count(DISTINCT x.value)::INTEGER AS weight
  FROM traits x JOIN traits y ON x.link = y.link AND x.value = y.value AND x.identity < y.identity
  WHERE x.link NOT IN ('shared document', 'forensic match') OR x.seizure_id <> y.seizure_id
  GROUP BY 1, 2, 3
),
nodes AS (
  SELECT identity, min(kind) AS kind, mode(name_as_given) AS name, mode(nationality) AS nationality,
    count(DISTINCT seizure_id)::INTEGER AS seizures,
    list(DISTINCT role ORDER BY role) FILTER (role IS NOT NULL) AS roles
  FROM a GROUP BY 1
)
SELECT 'node' AS row_type, identity, kind, name, nationality, seizures, roles, NULL AS target, NULL AS link,
  NULL::INTEGER AS weight FROM nodes
UNION ALL
SELECT 'edge', source, NULL, NULL, NULL, NULL, NULL, target, link, weight FROM edges
ORDER BY row_type DESC, identity, target, link
