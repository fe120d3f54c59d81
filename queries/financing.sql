-- financing: the persons and companies behind high-value seizures (value at or above $min_value USD,
-- default: the 90th percentile of the selection): candidates for financial investigation and asset recovery.
WITH threshold AS (
  SELECT coalesce($min_value, quantile_cont(value_usd, 0.9)) AS usd FROM f_seizures WHERE value_usd IS NOT NULL
),
high AS (SELECT s.* FROM f_seizures s, threshold t WHERE s.value_usd >= t.usd)
SELECT a.kind, i.identity_id AS actor_key, mode(a.name_as_given) AS name,
  string_agg(DISTINCT a.role, ', ' ORDER BY a.role) AS roles,
  count(DISTINCT h.seizure_id)::INTEGER AS high_value_seizures, round(exact_sum(h.value_usd), 2) AS value_usd,
  list(DISTINCT h.seizure_country ORDER BY h.seizure_country) FILTER (h.seizure_country IS NOT NULL) AS countries,
  list(DISTINCT a.nationality ORDER BY a.nationality) FILTER (a.nationality IS NOT NULL) AS nationalities,
  min(h.date)::VARCHAR AS first_seen, max(h.date)::VARCHAR AS last_seen,
  (SELECT round(usd, 2) FROM threshold) AS threshold_usd
FROM high h JOIN actors a USING (seizure_id) JOIN identities i USING (actor_id)
WHERE a.kind IN ('person', 'company')
GROUP BY 1, 2
ORDER BY value_usd DESC, high_value_seizures DESC, actor_key
