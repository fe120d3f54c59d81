-- markets: destination markets with the species and products sent to them and what they are worth there.
-- Prices by the unit rule of prices.sql: per kg where the quantity converts to mass, else per item
-- (a count: live animals), else per lot (a value with no quantity: an ad, a court case); a quantity in
-- another unit (m³, litres) has its price in prices, not here.
WITH bound AS (
  -- One row per specimen and destination (unnest in the select list: cheaper than a lateral join).
  SELECT * FROM (
    SELECT unnest(s.destination_countries) AS market, sp.seizure_id, sp.taxon, sp.term, sp.quantity_kg, sp.item_value_usd,
      CASE WHEN sp.quantity_kg > 0 THEN sp.item_value_usd / sp.quantity_kg END AS usd_per_kg,
      CASE WHEN NOT coalesce(sp.quantity_kg > 0, false) AND sp.quantity_count > 0 THEN sp.item_value_usd / sp.quantity_count END AS
        usd_per_item,
      CASE WHEN NOT coalesce(sp.quantity_kg > 0 OR sp.quantity_count > 0 OR sp.quantity > 0, false) THEN sp.item_value_usd END AS
        usd_per_lot
    FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id))
  WHERE market <> 'XX'
),
per_market AS (
  SELECT market, count(DISTINCT seizure_id)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg,
    round(exact_sum(item_value_usd), 2) AS value_usd,
    round(median(usd_per_kg), 2) AS median_usd_per_kg, round(median(usd_per_item), 2) AS median_usd_per_item,
    round(median(usd_per_lot), 2) AS median_usd_per_lot
  FROM bound GROUP BY market
),
top_species AS (
  SELECT market, list(taxon ORDER BY n DESC, taxon)[1:5] AS top_species
  FROM (SELECT market, taxon, count(DISTINCT seizure_id) AS n FROM bound WHERE taxon IS NOT NULL GROUP BY market, taxon)
  GROUP BY market
),
top_products AS (
  SELECT market, list(term ORDER BY n DESC, term)[1:5] AS top_products
  FROM (SELECT market, term, count(DISTINCT seizure_id) AS n FROM bound WHERE term IS NOT NULL GROUP BY market, term)
  GROUP BY market
)
SELECT m.market, m.seizures, m.quantity_kg, m.value_usd, m.median_usd_per_kg, m.median_usd_per_item, m.median_usd_per_lot, s.top_species,
  p.top_products
FROM per_market m LEFT JOIN top_species s USING (market) LEFT JOIN top_products p USING (market)
ORDER BY m.seizures DESC, m.market
