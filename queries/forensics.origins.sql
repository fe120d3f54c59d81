-- forensics --view origins: the origin laboratories assigned against the origin the seizure declared.
SELECT f.assigned_origin, coalesce(array_to_string(s.origin_countries, '/'), 'not declared') AS declared_origin,
  coalesce(list_contains(s.origin_countries, f.assigned_origin), false) AS agrees,
  count(DISTINCT f.sample_id)::INTEGER AS samples, count(DISTINCT s.seizure_id)::INTEGER AS seizures,
  string_agg(DISTINCT f.method, '; ' ORDER BY f.method) AS methods
FROM forensic_results f JOIN seizures s ON s.seizure_ref = f.seizure_ref JOIN f_seizure_ids USING (seizure_id)
WHERE f.assigned_origin IS NOT NULL AND f.source_id IN (SELECT source_id FROM f_source_ids)
GROUP BY 1, 2, 3
ORDER BY samples DESC, assigned_origin, declared_origin
