-- annual report, values: the estimated value of the year's seizures in US dollars (bundled annual
-- rates or --rates), by taxonomic group and in all. A seizure holding several groups is counted
-- under "several groups"; values that could not be converted are counted, never summed as dollars.
WITH seizure_groups AS (
  SELECT seizure_id, CASE WHEN count(DISTINCT taxonomic_group) = 1 THEN min(taxonomic_group) ELSE 'several groups' END AS taxonomic_group
  FROM report_specimens WHERE year = $year GROUP BY seizure_id
),
valued AS (
  SELECT g.taxonomic_group, s.value_usd,
         s.value_usd IS NULL AND (s.value IS NOT NULL OR s.seizure_id IN (SELECT seizure_id FROM f_specimens WHERE item_value IS NOT NULL))
           AS not_converted
  FROM f_seizures s JOIN seizure_groups g USING (seizure_id)
)
SELECT coalesce(taxonomic_group, 'all groups') AS taxonomic_group, count(*)::INTEGER AS seizures,
       count(value_usd)::INTEGER AS seizures_with_value, round(exact_sum(value_usd), 0) AS value_usd,
       round(median(value_usd), 0) AS median_value_usd, round(max(value_usd), 0) AS largest_value_usd,
       count(*) FILTER (WHERE not_converted)::INTEGER AS values_not_converted
FROM valued
GROUP BY ROLLUP (taxonomic_group)
ORDER BY taxonomic_group IS NULL, value_usd DESC NULLS LAST, taxonomic_group
