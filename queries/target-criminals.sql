-- target-criminals: the measures behind the target score of each person and company, one row per
-- identity the loader resolved (table identities): seizures, kilograms, value, the highest CITES appendix
-- of the species seized, the last seizure date, and degree centrality (distinct co-offenders named
-- in the same seizures). wen scales each measure to 0–1 and weights them (see --help).
WITH a AS (
  SELECT a.actor_id, a.seizure_id, a.kind, a.name_as_given, a.nationality,
    i.identity_id AS identity
  FROM actors a JOIN identities i USING (actor_id) JOIN f_seizure_ids USING (seizure_id)
  WHERE a.kind IN ('person', 'company')
),
appendix AS (
  SELECT seizure_id, max(CASE WHEN cites_appendix LIKE 'I%' AND cites_appendix NOT LIKE 'II%' AND cites_appendix NOT LIKE 'III%' THEN 3
                              WHEN cites_appendix LIKE 'II%' AND cites_appendix NOT LIKE 'III%' THEN 2 WHEN cites_appendix = 'III' THEN 1
                                ELSE 0 END) AS level
  FROM f_specimens GROUP BY seizure_id
),
co AS (
  SELECT x.identity, count(DISTINCT y.identity) AS co_offenders
  FROM a x JOIN a y ON x.seizure_id = y.seizure_id AND x.identity <> y.identity
  GROUP BY 1
),
pairs AS (SELECT DISTINCT identity, seizure_id FROM a),
measures AS (
  SELECT p.identity, count(*)::INTEGER AS seizures, coalesce(round(exact_sum(s.quantity_kg), 3), 0) AS quantity_kg,
    coalesce(round(exact_sum(s.value_usd), 2), 0) AS value_usd,
    coalesce(max(ap.level), 0)::INTEGER AS appendix_level, max(s.date)::VARCHAR AS last_seen
  FROM pairs p JOIN f_seizures s USING (seizure_id) LEFT JOIN appendix ap USING (seizure_id)
  GROUP BY 1
),
names AS (
  SELECT identity, min(kind) AS kind, mode(name_as_given) AS name,
    list(DISTINCT nationality ORDER BY nationality) FILTER (nationality IS NOT NULL) AS nationalities
  FROM a GROUP BY 1
)
SELECT m.identity, n.kind, n.name, n.nationalities, m.seizures, m.quantity_kg, m.value_usd, m.appendix_level, m.last_seen,
  coalesce(co.co_offenders, 0)::INTEGER AS co_offenders
FROM measures m JOIN names n USING (identity) LEFT JOIN co USING (identity)
ORDER BY m.identity
