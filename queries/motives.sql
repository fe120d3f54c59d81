-- motives: why specimens are taken — the CITES purpose declared and the typical use of the product
-- (src/reference/use-types.csv: medicine, food, pets, décor, fashion…) by species and destination market.
SELECT coalesce(sp.taxon, sp.species_as_given) AS species, coalesce(u.use_type, 'unknown') AS use_type,
  coalesce(s.purpose, 'unknown') AS purpose,
  coalesce(array_to_string(s.destination_countries, '/'), 'unknown') AS market,
  count(DISTINCT sp.seizure_id)::INTEGER AS seizures, round(exact_sum(sp.quantity_kg), 3) AS quantity_kg,
    round(exact_sum(sp.item_value_usd), 2) AS value_usd,
  string_agg(DISTINCT sp.term, ', ' ORDER BY sp.term) AS terms
FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id) LEFT JOIN use_types u ON u.term = sp.term
GROUP BY 1, 2, 3, 4
ORDER BY seizures DESC, species, use_type, purpose, market
