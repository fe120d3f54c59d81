-- markets: destination markets with the species and products sent to them and what they are worth there.
WITH bound AS (
  SELECT d.market, sp.seizure_id, sp.taxon, sp.term, sp.quantity_kg, sp.item_value_usd,
    CASE WHEN sp.quantity_kg > 0 THEN sp.item_value_usd / sp.quantity_kg END AS usd_per_kg
  FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id), unnest(s.destination_countries) d(market)
  WHERE d.market <> 'XX'
),
per_market AS (
  SELECT market, count(DISTINCT seizure_id)::INTEGER AS seizures, round(sum(quantity_kg), 3) AS quantity_kg, round(sum(item_value_usd), 2) AS value_usd,
    round(median(usd_per_kg), 2) AS median_usd_per_kg
  FROM bound GROUP BY market
),
ranked_species AS (SELECT market, taxon, count(DISTINCT seizure_id) AS n FROM bound WHERE taxon IS NOT NULL GROUP BY 1, 2),
ranked_terms AS (SELECT market, term, count(DISTINCT seizure_id) AS n FROM bound WHERE term IS NOT NULL GROUP BY 1, 2)
SELECT m.market, m.seizures, m.quantity_kg, m.value_usd, m.median_usd_per_kg,
  (SELECT list(taxon ORDER BY n DESC, taxon)[1:5] FROM ranked_species r WHERE r.market = m.market) AS top_species,
  (SELECT list(term ORDER BY n DESC, term)[1:5] FROM ranked_terms r WHERE r.market = m.market) AS top_products
FROM per_market m
ORDER BY seizures DESC, market
