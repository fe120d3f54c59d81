-- annual report, reports received: each Party whose records cover the year or the year before —
-- seizures and specimen records it reported for the year, the files they came in, and whether they
-- arrived by the AITR due date (31 October of the following year). report_status (src/report/received.ts)
-- judges by the received dates given at load or with wen sources set, and by the load day (a file is
-- loaded after it arrives): a late load with no received date is "received date unknown", not "late".
-- A Party that reported the year before but not this year is "missing".
WITH reported AS (
  SELECT coalesce(s.reporting_country, 'XX') AS reporting_country, s.year, count(DISTINCT s.seizure_id)::INTEGER AS seizures,
         count(sp.specimen_id)::INTEGER AS specimen_records, min(src.received_on) AS received, min(src.loaded_at)::DATE AS loaded,
         report_status(src.received_on, src.loaded_at, s.year) AS status,
         string_agg(DISTINCT src.file_name, '; ' ORDER BY src.file_name) AS files
  FROM f_seizure_base s
  JOIN sources src ON src.source_id = s.source_id
  LEFT JOIN f_specimens sp ON sp.seizure_id = s.seizure_id
  WHERE s.year IN ($year - 1, $year)
  GROUP BY 1, 2
)
SELECT p.reporting_country, coalesce(t.seizures, 0) AS seizures, coalesce(t.specimen_records, 0) AS specimen_records,
       coalesce(b.seizures, 0) AS previous_year_seizures,
       CASE WHEN t.seizures IS NULL THEN 'missing' ELSE t.status END AS status,
       t.received::VARCHAR AS received, t.loaded::VARCHAR AS loaded, t.files
FROM (SELECT DISTINCT reporting_country FROM reported) p
LEFT JOIN reported t ON t.reporting_country = p.reporting_country AND t.year = $year
LEFT JOIN reported b ON b.reporting_country = p.reporting_country AND b.year = $year - 1
ORDER BY seizures DESC, previous_year_seizures DESC, p.reporting_country
