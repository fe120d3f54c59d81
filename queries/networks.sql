-- networks: persons and companies (one node per identity of table identities) and the
-- links between them: named in the same seizure, or sharing a document number, phone, address or
-- vehicle across seizures. wen builds the graph and measures it afterwards.
WITH a AS (
  SELECT a.actor_id, a.seizure_id, a.kind, a.name_as_given, a.nationality, a.address, a.phones, a.vehicles,
    i.identity_id AS identity
  FROM actors a JOIN identities i USING (actor_id) JOIN f_seizure_ids USING (seizure_id)
  WHERE a.kind IN ('person', 'company')
),
traits AS (
  SELECT identity, 'same seizure' AS link, seizure_id::VARCHAR AS value FROM a
  UNION ALL SELECT a.identity, 'shared document', upper(regexp_replace(d.number, '[^A-Za-z0-9]', '', 'g')) FROM a JOIN documents d USING (seizure_id) WHERE d.number IS NOT NULL
  UNION ALL SELECT identity, 'shared phone', regexp_replace(p, '[^0-9+]', '', 'g') FROM a, unnest(phones) t(p)
  UNION ALL SELECT identity, 'shared vehicle', upper(regexp_replace(v, '[^A-Za-z0-9]', '', 'g')) FROM a, unnest(vehicles) t(v)
  UNION ALL SELECT identity, 'shared address', lower(regexp_replace(strip_accents(address), '[^A-Za-z0-9]+', ' ', 'g')) FROM a WHERE address IS NOT NULL
),
edges AS (
  SELECT x.identity AS source, y.identity AS target, x.link, count(DISTINCT x.value)::INTEGER AS weight
  FROM (SELECT DISTINCT * FROM traits) x JOIN (SELECT DISTINCT * FROM traits) y ON x.link = y.link AND x.value = y.value AND x.identity < y.identity
  WHERE length(x.value) > 2
  GROUP BY 1, 2, 3
),
nodes AS (
  SELECT identity, min(kind) AS kind, mode(name_as_given) AS name, mode(nationality) AS nationality, count(DISTINCT seizure_id)::INTEGER AS seizures
  FROM a GROUP BY 1
)
SELECT 'node' AS row_type, identity, kind, name, nationality, seizures, NULL AS target, NULL AS link, NULL::INTEGER AS weight FROM nodes
UNION ALL
SELECT 'edge', source, NULL, NULL, NULL, NULL, target, link, weight FROM edges
ORDER BY row_type DESC, identity, target, link
