-- evidence: seizures linked by the same document (permit, certificate, airway bill, invoice),
-- phone or vehicle. Numbers are compared without spaces, dashes or case.
WITH links AS (
  SELECT 'document: ' || coalesce(d.doc_type, 'unknown type') AS link_type, number_key(d.number) AS value,
         d.seizure_id, d.fraudulent, d.issuing_country
  FROM documents d JOIN f_seizure_ids USING (seizure_id) WHERE d.number IS NOT NULL
  UNION ALL
  SELECT 'phone', phone_key(p), a.seizure_id, NULL, NULL FROM actors a JOIN f_seizure_ids USING (seizure_id), unnest(a.phones) t(p)
  UNION ALL
  SELECT 'vehicle', number_key(v), a.seizure_id, NULL, NULL FROM actors a JOIN f_seizure_ids USING (seizure_id), unnest(a.vehicles) t(v)
)
SELECT l.link_type, l.value, count(DISTINCT l.seizure_id)::INTEGER AS seizures,
  list(DISTINCT coalesce(s.seizure_ref, s.seizure_id::VARCHAR) ORDER BY coalesce(s.seizure_ref, s.seizure_id::VARCHAR)) AS seizure_refs,
  list(DISTINCT s.seizure_country ORDER BY s.seizure_country) FILTER (s.seizure_country IS NOT NULL) AS countries,
  min(s.date)::VARCHAR AS first_seen, max(s.date)::VARCHAR AS last_seen,
  coalesce(bool_or(l.fraudulent), false) AS fraudulent, min(l.issuing_country) AS issuing_country
FROM links l JOIN seizures s USING (seizure_id)
WHERE length(l.value) > 2
GROUP BY 1, 2
HAVING count(DISTINCT l.seizure_id) >= 2
ORDER BY seizures DESC, link_type, value
