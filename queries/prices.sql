-- prices: value per unit in US dollars by species, term, supply-chain stage, seizure country and
-- year. The stage is the seizing country's place in the chain: origin, transit or destination.
-- Per kilogram where the quantity converts to mass, else per item.
WITH priced AS (
  SELECT sp.specimen_id, coalesce(sp.taxon, sp.species_as_given) AS species, sp.term, s.seizure_country AS country, s.year,
    CASE WHEN list_contains(s.destination_countries, s.seizure_country) THEN 'destination'
         WHEN list_contains(s.origin_countries, s.seizure_country) THEN 'origin'
         WHEN list_contains(s.transit_countries, s.seizure_country) OR s.export_country = s.seizure_country THEN 'transit'
         ELSE 'unknown' END AS stage,
    CASE WHEN sp.quantity_kg > 0 THEN 'USD/kg' WHEN sp.quantity_count > 0 THEN 'USD/item' END AS unit,
    sp.item_value_usd / coalesce(nullif(sp.quantity_kg, 0), nullif(sp.quantity_count, 0)) AS usd_per_unit,
    sp.item_value IS NOT NULL AND sp.item_value_usd IS NULL AS unconverted
  FROM f_specimens sp JOIN f_seizures s USING (seizure_id)
  WHERE sp.item_value IS NOT NULL
),
groups AS (
  SELECT species, term, stage, country, year, unit,
    count(usd_per_unit)::INTEGER AS n,
    quantile_cont(usd_per_unit, 0.25) AS q1, median(usd_per_unit) AS median, quantile_cont(usd_per_unit, 0.75) AS q3,
    count(*) FILTER (unconverted)::INTEGER AS n_unconverted,
    list(specimen_id ORDER BY specimen_id) FILTER (usd_per_unit IS NOT NULL) AS ids, list(usd_per_unit ORDER BY specimen_id) FILTER (usd_per_unit IS NOT NULL) AS values
  FROM priced
  WHERE unit IS NOT NULL OR unconverted
  GROUP BY species, term, stage, country, year, unit
)
SELECT species, term, stage, country, year, n, round(median, 2) AS median_usd_per_unit, unit,
       round(q1, 2) AS q1_usd_per_unit, round(q3, 2) AS q3_usd_per_unit, n_unconverted,
       -- Tukey's fences: more than 1.5 interquartile ranges outside the quartiles.
       list_filter(list_zip(ids, values), p -> p[2] < q1 - 1.5 * (q3 - q1) OR p[2] > q3 + 1.5 * (q3 - q1)).list_transform(p -> p[1]) AS outlier_specimens
FROM groups
ORDER BY species, term, stage, country, year
