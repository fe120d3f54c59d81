-- annual report, taxonomic groups: seizures and specimen records of the year by broad group
-- (src/reference/taxonomic-groups.csv), with the year before beside them. A seizure holding
-- several groups counts once in each, so the shares can add up to more than 100.
WITH grouped AS (
  SELECT year, seizure_id, taxonomic_group, quantity_kg, quantity_count FROM report_specimens WHERE year IN ($year - 1, $year)
),
seizures_in_year AS (
  SELECT count(DISTINCT seizure_id) AS n FROM grouped WHERE year = $year
)
SELECT taxonomic_group,
       count(DISTINCT seizure_id) FILTER (WHERE year = $year)::INTEGER AS seizures,
       round(100.0 * count(DISTINCT seizure_id) FILTER (WHERE year = $year) / nullif((SELECT n FROM seizures_in_year), 0), 1) AS
         seizures_pct,
       count(*) FILTER (WHERE year = $year)::INTEGER AS specimen_records,
       round(exact_sum(CASE WHEN year = $year THEN quantity_kg END), 1) AS quantity_kg,
       round(exact_sum(CASE WHEN year = $year THEN quantity_count END), 0) AS items,
       count(DISTINCT seizure_id) FILTER (WHERE year = $year - 1)::INTEGER AS previous_year_seizures
FROM grouped
GROUP BY taxonomic_group
ORDER BY seizures DESC, previous_year_seizures DESC, taxonomic_group
