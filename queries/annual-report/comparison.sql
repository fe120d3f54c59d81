-- annual report, comparison with the previous year: the headline figures of both years and the change.
WITH seizure_figures AS (
  SELECT year, count(DISTINCT reporting_country)::DOUBLE AS reporting_parties, count(*)::DOUBLE AS seizures,
         count(DISTINCT seizure_country)::DOUBLE AS seizing_countries, round(exact_sum(quantity_kg), 1) AS quantity_kg,
         round(exact_sum(items), 0) AS items, round(exact_sum(value_usd), 0) AS value_usd
  FROM f_seizures WHERE year IN ($year - 1, $year) GROUP BY year
),
specimen_figures AS (
  SELECT year, count(*)::DOUBLE AS specimen_records, count(DISTINCT taxon)::DOUBLE AS taxa
  FROM f_specimens WHERE year IN ($year - 1, $year) GROUP BY year
),
figures AS (
  SELECT * FROM seizure_figures FULL JOIN specimen_figures USING (year)
),
measures AS (
  UNPIVOT figures ON reporting_parties, seizures, specimen_records, taxa, seizing_countries, quantity_kg, items, value_usd
  INTO NAME measure VALUE amount
)
SELECT measure, max(amount) FILTER (WHERE year = $year - 1) AS previous_year, max(amount) FILTER (WHERE year = $year) AS this_year,
       round(max(amount) FILTER (WHERE year = $year) - max(amount) FILTER (WHERE year = $year - 1), 1) AS change,
       round(100 * (max(amount) FILTER (WHERE year = $year) / nullif(max(amount) FILTER (WHERE year = $year - 1), 0) - 1), 1) AS change_pct
FROM measures
GROUP BY measure
ORDER BY list_position(['reporting_parties', 'seizures', 'specimen_records', 'taxa', 'seizing_countries', 'quantity_kg', 'items',
  'value_usd'], measure)
