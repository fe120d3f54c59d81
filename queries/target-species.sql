-- target-species: the most affected taxa for the selected period and region, ranked by $by
-- (seizures, kg, items — individuals and pieces counted, not weighed — or value), with their CITES appendix.
WITH per_taxon AS (
  SELECT CASE $rank WHEN 'genus' THEN coalesce(sp.genus, sp.taxon) WHEN 'family' THEN sp.family WHEN 'order' THEN sp.order_name WHEN 'class' THEN sp.class_name
                    ELSE coalesce(sp.taxon, sp.species_as_given) END AS species,
    min(sp.class_name) AS class_name,
    string_agg(DISTINCT sp.cites_appendix, ', ' ORDER BY sp.cites_appendix) AS cites_appendix,
    count(DISTINCT sp.seizure_id)::INTEGER AS seizures,
    round(exact_sum(sp.quantity_kg), 3) AS quantity_kg, round(exact_sum(sp.quantity_count), 3) AS items, round(exact_sum(sp.item_value_usd), 2) AS value_usd,
    count(DISTINCT s.seizure_country)::INTEGER AS seizing_countries,
    string_agg(DISTINCT sp.term, ', ' ORDER BY sp.term) AS terms
  FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id)
  GROUP BY 1
  HAVING species IS NOT NULL
)
SELECT row_number() OVER (ORDER BY CASE $by WHEN 'kg' THEN quantity_kg WHEN 'items' THEN items WHEN 'value' THEN value_usd ELSE seizures END DESC NULLS LAST, species)::INTEGER AS rank,
       species, class_name, cites_appendix, seizures, quantity_kg, items, value_usd, seizing_countries, terms
FROM per_taxon
ORDER BY rank
