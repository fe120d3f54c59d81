-- forensics: cases linked by forensic results — samples from different seizures that a laboratory
-- matched to one source (the same individual, population or weapon), with the origin the laboratory
-- assigned beside the origins the seizures declared.
WITH samples AS (
  SELECT f.sample_id, f.match_group, f.method, f.assigned_origin, s.seizure_id, s.seizure_ref, s.date, s.seizure_country, s.origin_countries
  FROM forensic_results f JOIN seizures s ON s.seizure_ref = f.seizure_ref JOIN f_seizure_ids USING (seizure_id)
  WHERE f.match_group IS NOT NULL AND f.source_id IN (SELECT source_id FROM f_source_ids)
)
SELECT match_group, string_agg(DISTINCT method, '; ' ORDER BY method) AS method,
  count(DISTINCT sample_id)::INTEGER AS samples, count(DISTINCT seizure_id)::INTEGER AS seizures,
  list(DISTINCT seizure_ref ORDER BY seizure_ref) AS seizure_refs,
  list(DISTINCT seizure_country ORDER BY seizure_country) FILTER (seizure_country IS NOT NULL) AS seizing_countries,
  min(date)::VARCHAR AS first_seen, max(date)::VARCHAR AS last_seen,
  list(DISTINCT assigned_origin ORDER BY assigned_origin) FILTER (assigned_origin IS NOT NULL) AS assigned_origins,
  list_sort(list_distinct(flatten(list(coalesce(origin_countries, []))))) AS declared_origins,
  count(DISTINCT sample_id) FILTER (assigned_origin IS NOT NULL AND NOT coalesce(list_contains(origin_countries, assigned_origin),
    false))::INTEGER AS origin_disagreements
FROM samples
GROUP BY match_group
ORDER BY seizures DESC, samples DESC, match_group
