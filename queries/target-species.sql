-- target-species: the most affected taxa for the selected period and region, ranked by $by
-- (seizures, kg, items — individuals and pieces counted, not weighed — value, or whole organisms), with
-- their class and CITES appendix. With --standardise, f_specimens carries the standard quantities
-- (queries/standard/specimens.sql): kilograms estimated from pieces and volume (ranked with the weighed
-- ones by kg), raw-ivory equivalents and whole organisms, with the rules that gave them; else NULL.
-- A taxon's class is its own: the reference's for a name it holds (an imported Checklist first, then
-- the bundled taxa at $taxa_path), else the class most of its rows give (ties alphabetically) — never
-- the alphabetically first of its rows, which a handful of mislabelled rows would decide.
WITH rows_in AS (
  SELECT CASE $rank WHEN 'genus' THEN coalesce(sp.genus, sp.taxon) WHEN 'family' THEN sp.family WHEN 'order' THEN sp.order_name WHEN 'class'
    THEN sp.class_name
                    ELSE coalesce(sp.taxon, sp.species_as_given) END AS species,
    sp.seizure_id, sp.class_name, sp.cites_appendix, sp.quantity_kg, sp.quantity_count, sp.item_value_usd, sp.term, s.seizure_country,
    sp.kg_estimated, sp.kg_rule, sp.raw_ivory_kg, sp.organisms, sp.organisms_low, sp.organisms_high, sp.organisms_rule
  FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id)
),
reference_names AS (
  SELECT name, class_name, 1 AS priority FROM reference_taxa WHERE class_name IS NOT NULL AND class_name <> ''
  UNION ALL
  SELECT name, class, 2 FROM read_csv($taxa_path, comment = '#', header = true, auto_detect = false,
    columns = {'name': 'VARCHAR', 'rank': 'VARCHAR', 'genus': 'VARCHAR', 'family': 'VARCHAR', 'order': 'VARCHAR', 'class': 'VARCHAR',
               'appendix': 'VARCHAR', 'accepted': 'VARCHAR', 'common_names': 'VARCHAR'})
  WHERE class IS NOT NULL AND accepted IS NULL
),
-- a name the reference places in two classes at one priority says nothing
reference_class AS (
  SELECT name, first(class_name ORDER BY priority) AS class_name
  FROM (SELECT name, priority, min(class_name) AS class_name FROM reference_names GROUP BY ALL HAVING count(DISTINCT class_name) = 1)
  GROUP BY name
),
row_class AS (
  SELECT species, first(class_name ORDER BY rows DESC, class_name) AS class_name
  FROM (SELECT species, class_name, count(*) AS rows FROM rows_in WHERE class_name IS NOT NULL GROUP BY ALL)
  GROUP BY species
),
per_taxon AS (
  SELECT species,
    string_agg(DISTINCT cites_appendix, ', ' ORDER BY cites_appendix) AS cites_appendix,
    count(DISTINCT seizure_id)::INTEGER AS seizures,
    round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(quantity_count), 3) AS items,
    round(exact_sum(item_value_usd), 2) AS value_usd,
    count(DISTINCT seizure_country)::INTEGER AS seizing_countries,
    string_agg(DISTINCT term, ', ' ORDER BY term) AS terms,
    round(exact_sum(kg_estimated), 3) AS kg_estimated, round(exact_sum(raw_ivory_kg), 3) AS raw_ivory_kg,
    -- kilograms as weighed or, for a specimen not weighed, as estimated (the two never both): what --by kg ranks by
    exact_sum(coalesce(quantity_kg, kg_estimated)) AS kg_ranked,
    round(exact_sum(organisms), 1) AS organisms, round(exact_sum(organisms_low), 1) AS organisms_low,
    round(exact_sum(organisms_high), 1) AS organisms_high,
    nullif(concat_ws('; ', string_agg(DISTINCT kg_rule, '; ' ORDER BY kg_rule),
                     string_agg(DISTINCT organisms_rule, '; ' ORDER BY organisms_rule)), '') AS standard_rules
  FROM rows_in
  GROUP BY 1
  HAVING species IS NOT NULL
)
SELECT row_number() OVER (ORDER BY CASE $by WHEN 'kg' THEN t.kg_ranked WHEN 'items' THEN t.items WHEN 'value' THEN t.value_usd
                                            WHEN 'organisms' THEN t.organisms ELSE t.seizures END DESC NULLS LAST, t.species)::INTEGER AS
                                              rank,
       t.species, coalesce(rc.class_name, rw.class_name) AS class_name, t.cites_appendix, t.seizures, t.quantity_kg, t.items, t.value_usd,
       t.seizing_countries, t.terms,
       t.kg_estimated, t.raw_ivory_kg, t.organisms, t.organisms_low, t.organisms_high, t.standard_rules
FROM per_taxon t
LEFT JOIN reference_class rc ON rc.name = regexp_replace(t.species, ' spp\.$', '')
LEFT JOIN row_class rw ON rw.species = t.species
ORDER BY rank
