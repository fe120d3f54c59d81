-- annual report, top routes: the legs of the trade chain (origin → export → transit → destination,
-- as in wen analyze routes) used by most seizures of the year, with the quantity that went along them.
WITH legs AS (
  SELECT DISTINCT seizure_id, from_country, to_country, quantity_kg FROM f_legs WHERE year = $year
)
SELECT from_country, to_country, count(*)::INTEGER AS seizures, round(exact_sum(quantity_kg), 1) AS quantity_kg
FROM legs
GROUP BY from_country, to_country
ORDER BY seizures DESC, quantity_kg DESC NULLS LAST, from_country, to_country
LIMIT $top
