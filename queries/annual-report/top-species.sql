-- annual report, top species: the taxa seized most often in the year (identified specimens only),
-- with what was seized of them (the three commonest CITES terms) and their rank the year before; with
-- --standardise, the kilograms estimated from pieces and volume and the whole organisms (else NULL,
-- and the report leaves those columns out).
WITH identified AS (
  SELECT year, seizure_id, taxon, common_name, taxonomic_group, cites_appendix, term, quantity_kg, quantity_count, kg_estimated, organisms
  FROM report_specimens WHERE taxon IS NOT NULL AND year IN ($year - 1, $year)
),
previous_ranks AS (
  SELECT taxon, rank() OVER (ORDER BY count(DISTINCT seizure_id) DESC) AS previous_rank
  FROM identified WHERE year = $year - 1 GROUP BY taxon
),
terms AS (
  SELECT taxon, term, count(*) AS n, row_number() OVER (PARTITION BY taxon ORDER BY count(*) DESC, term) AS position
  FROM identified WHERE year = $year AND term IS NOT NULL GROUP BY taxon, term
),
main_terms AS (
  SELECT taxon, string_agg(term, ', ' ORDER BY position) AS main_terms FROM terms WHERE position <= 3 GROUP BY taxon
)
SELECT i.taxon AS species, mode(i.common_name) AS common_name, min(i.taxonomic_group) AS taxonomic_group,
  min(i.cites_appendix) AS cites_appendix,
       count(DISTINCT i.seizure_id)::INTEGER AS seizures, count(*)::INTEGER AS specimen_records,
       round(exact_sum(i.quantity_kg), 1) AS quantity_kg, round(exact_sum(i.quantity_count), 0) AS items,
       round(exact_sum(i.kg_estimated), 1) AS kg_estimated, round(exact_sum(i.organisms), 0) AS organisms, m.main_terms,
       p.previous_rank::INTEGER AS previous_year_rank
FROM identified i
LEFT JOIN main_terms m USING (taxon)
LEFT JOIN previous_ranks p USING (taxon)
WHERE i.year = $year
GROUP BY i.taxon, m.main_terms, p.previous_rank
ORDER BY seizures DESC, quantity_kg DESC NULLS LAST, species
LIMIT $top
