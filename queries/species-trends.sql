-- species-trends: seizures, kilograms, items and value per taxon and period ($interval: year or
-- month; $rank: the taxonomic rank to group by). wen adds changes and the Mann-Kendall test.
SELECT CASE $rank WHEN 'genus' THEN coalesce(genus, taxon) WHEN 'family' THEN family WHEN 'order' THEN order_name WHEN 'class' THEN class_name
                  ELSE coalesce(taxon, species_as_given) END AS species,
       CASE WHEN $interval = 'month' THEN strftime(date, '%Y-%m') ELSE year::VARCHAR END AS period,
       count(DISTINCT seizure_id)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg,
       round(exact_sum(quantity_count), 3) AS items, round(exact_sum(item_value_usd), 2) AS value_usd
FROM f_specimens
WHERE CASE WHEN $interval = 'month' THEN date_precision IN ('day', 'month') ELSE date_precision IN ('day', 'month', 'year') END
GROUP BY 1, 2
HAVING species IS NOT NULL
ORDER BY species, period
