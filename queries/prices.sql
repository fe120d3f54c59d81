-- prices: value per unit in US dollars by species, term, supply-chain stage, seizure country and
-- year. The stage is the seizing country's place in the chain: origin, transit or destination, with
-- the seizing country placed where a person would when the file does not list it (src/analysis/selection.ts).
-- Per kilogram where the quantity converts to mass, else per item where it is a count, else per unit
-- of the quantity as given (USD/CUM for m³ of timber, USD/LTR); a value with no quantity at all (an
-- online ad, a court case, a seizure line valued as a whole) is the price of the lot, USD/lot.
WITH priced AS (
  SELECT sp.specimen_id, coalesce(sp.taxon, sp.species_as_given) AS species, sp.term, s.seizure_country AS country, s.year,
    s.seizing_stage AS stage, -- the seizing country's place in the chain (placed when the file omits it: selection.ts)
    CASE WHEN sp.quantity_kg > 0 THEN 'USD/kg' WHEN sp.quantity_count > 0 THEN 'USD/item'
         WHEN sp.quantity > 0 AND sp.unit IS NOT NULL THEN 'USD/' || sp.unit ELSE 'USD/lot' END AS unit,
    sp.item_value_usd / coalesce(nullif(sp.quantity_kg, 0), nullif(sp.quantity_count, 0),
                                 CASE WHEN sp.quantity > 0 AND sp.unit IS NOT NULL THEN sp.quantity ELSE 1 END) AS usd_per_unit,
    sp.item_value IS NOT NULL AND sp.item_value_usd IS NULL AS unconverted
  FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id) -- the base: prices need no seizure totals
  WHERE sp.item_value IS NOT NULL
),
groups AS (
  SELECT species, term, stage, country, year, unit,
    count(usd_per_unit)::INTEGER AS n,
    quantile_cont(usd_per_unit, [0.25, 0.5, 0.75]) AS quartiles,
    count(*) FILTER (unconverted)::INTEGER AS n_unconverted
  FROM priced
  GROUP BY species, term, stage, country, year, unit
),
-- Tukey's fences: more than 1.5 interquartile ranges outside the quartiles.
outliers AS (
  SELECT g.species, g.term, g.stage, g.country, g.year, g.unit, list(p.specimen_id ORDER BY p.specimen_id) AS ids
  FROM groups g JOIN priced p
    ON p.species IS NOT DISTINCT FROM g.species AND p.term IS NOT DISTINCT FROM g.term AND p.stage = g.stage
   AND p.country IS NOT DISTINCT FROM g.country AND p.year IS NOT DISTINCT FROM g.year AND p.unit IS NOT DISTINCT FROM g.unit
  WHERE p.usd_per_unit < g.quartiles[1] - 1.5 * (g.quartiles[3] - g.quartiles[1]) OR p.usd_per_unit > g.quartiles[3] + 1.5 *
    (g.quartiles[3] - g.quartiles[1])
  GROUP BY g.species, g.term, g.stage, g.country, g.year, g.unit
)
SELECT g.species, g.term, g.stage, g.country, g.year, g.n, round(g.quartiles[2], 2) AS median_usd_per_unit, g.unit,
       round(g.quartiles[1], 2) AS q1_usd_per_unit, round(g.quartiles[3], 2) AS q3_usd_per_unit, g.n_unconverted,
       coalesce(o.ids, []) AS outlier_specimens
FROM groups g LEFT JOIN outliers o
  ON o.species IS NOT DISTINCT FROM g.species AND o.term IS NOT DISTINCT FROM g.term AND o.stage = g.stage
 AND o.country IS NOT DISTINCT FROM g.country AND o.year IS NOT DISTINCT FROM g.year AND o.unit IS NOT DISTINCT FROM g.unit
WHERE g.n >= $min_n OR g.n_unconverted > 0
ORDER BY g.species, g.term, g.stage, g.country, g.year, g.unit
