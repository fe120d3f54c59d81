-- species-trends: seizures, kilograms, items and value per taxon and period ($interval: year or
-- month; $rank: the taxonomic rank to group by; $from: the selection's --from, NULL when not given).
-- wen adds each taxon's series over its own span, the changes and the Mann-Kendall test.
-- A seizure dated as a range (e.g. "2015-2016") counts in the year of the first day it can mean within
-- the selection (patterns --by year follows the same rule); by month, only when the range lies within
-- one month. A date given to the year only counts in years, not months. kg_estimated and organisms are
-- the standard quantities (--standardise; NULL without it).
SELECT CASE $rank WHEN 'genus' THEN coalesce(sp.genus, sp.taxon) WHEN 'family' THEN sp.family WHEN 'order' THEN sp.order_name WHEN 'class'
  THEN sp.class_name
                  ELSE coalesce(sp.taxon, sp.species_as_given) END AS species,
       CASE WHEN $interval = 'month' THEN
              CASE WHEN sp.date_precision IN ('day', 'month') OR
                (sp.date_precision = 'range' AND date_trunc('month', sp.date) = date_trunc('month', r.date_end))
                   THEN strftime(sp.date, '%Y-%m') END
            WHEN sp.date_precision IN ('day', 'month', 'year', 'range') THEN
              year(greatest(sp.date, coalesce($from::DATE, sp.date)))::VARCHAR END AS period,
       count(DISTINCT sp.seizure_id)::INTEGER AS seizures, round(exact_sum(sp.quantity_kg), 3) AS quantity_kg,
       round(exact_sum(sp.quantity_count), 3) AS items, round(exact_sum(sp.item_value_usd), 2) AS value_usd,
       round(exact_sum(sp.kg_estimated), 3) AS kg_estimated, round(exact_sum(sp.organisms), 1) AS organisms
FROM f_specimens sp
LEFT JOIN (SELECT seizure_id, date_end FROM f_seizure_base WHERE date_precision = 'range') r USING (seizure_id)
GROUP BY 1, 2
HAVING species IS NOT NULL AND period IS NOT NULL
ORDER BY species, period
