-- evidence --view fraud: documents by issuing country and type, and how many were altered or fraudulent.
SELECT coalesce(d.issuing_country, 'XX') AS issuing_country, coalesce(d.doc_type, 'unknown') AS doc_type,
  count(*)::INTEGER AS documents, count(*) FILTER (d.fraudulent)::INTEGER AS fraudulent,
  round(100.0 * count(*) FILTER (d.fraudulent) / count(*), 1) AS fraudulent_pct,
  count(DISTINCT d.seizure_id)::INTEGER AS seizures
FROM documents d JOIN f_seizure_ids USING (seizure_id)
GROUP BY 1, 2
ORDER BY fraudulent DESC, documents DESC, issuing_country, doc_type
