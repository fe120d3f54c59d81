-- annual report, detection methods: how the seizures of the year were detected (normalised labels;
-- a method wen does not recognise is shown as given), with the year before beside them.
SELECT coalesce(detection_method, 'not reported') AS detection_method,
       count(*) FILTER (WHERE year = $year)::INTEGER AS seizures,
       round(100.0 * count(*) FILTER (WHERE year = $year) / nullif(sum(count(*) FILTER (WHERE year = $year)) OVER (), 0), 1) AS
         seizures_pct,
       round(exact_sum(CASE WHEN year = $year THEN quantity_kg END), 1) AS quantity_kg,
       count(*) FILTER (WHERE year = $year - 1)::INTEGER AS previous_year_seizures
FROM f_seizures
WHERE year IN ($year - 1, $year)
GROUP BY 1
ORDER BY seizures DESC, previous_year_seizures DESC, detection_method
