-- adjusted-trends: the selected seizures per seizing country and year, every country that seized
-- any of them × every year of the span (--from/--to, else the selection's first to last year), with
-- whether the country's own report covers the year — any record it reported that year, of any taxon,
-- in the sources loaded (--as-of) — and its reporting rate: the share of the span's years it reported.
-- A seizure counts in the year of the first day its date can mean; undated ones and those with no (or
-- an unknown) seizing country are left out. wen fits a negative-binomial regression on the
-- country-years reported and turns its year effects into the adjusted index.
WITH selected AS (
  SELECT seizure_id, seizure_country AS country, year FROM f_seizures
  WHERE seizure_country IS NOT NULL AND seizure_country <> 'XX' AND year IS NOT NULL
),
span AS (
  SELECT coalesce(year($from::DATE), min(year)) AS first_year, coalesce(year($to::DATE), max(year)) AS last_year FROM selected
),
countries AS (SELECT DISTINCT country FROM selected),
years AS (SELECT unnest(range(first_year, last_year + 1)) AS year FROM span WHERE first_year IS NOT NULL),
reported AS (
  SELECT DISTINCT reporting_country AS country, year(date) AS year FROM seizures
  WHERE reporting_country IS NOT NULL AND date IS NOT NULL AND source_id IN (SELECT source_id FROM f_source_ids)
),
counts AS (SELECT country, year, count(*) AS seizures FROM selected GROUP BY ALL)
SELECT c.country, y.year::INTEGER AS year, coalesce(n.seizures, 0)::INTEGER AS seizures, r.country IS NOT NULL AS reported,
       avg(CASE WHEN r.country IS NOT NULL THEN 1 ELSE 0 END) OVER (PARTITION BY c.country) AS reporting_rate
FROM countries c CROSS JOIN years y
LEFT JOIN counts n ON n.country = c.country AND n.year = y.year
LEFT JOIN reported r ON r.country = c.country AND r.year = y.year
ORDER BY c.country, y.year
