-- data-quality: a scorecard per reporting country and year — completeness of key fields, values
-- kept as given (flags), rejected rows of the sources involved, and whether the year's report came
-- in by its due date (AITR: 31 October of the following year; report_status in src/report/received.ts
-- judges by the received dates given, and by the load day, which proves only an on-time report) or is
-- missing between the country's first and last reported years.
-- Undated seizures are scored too, in a row of their own per reporting country (year NULL, status
-- "undated"), so that a file whose dates all failed still gets its scorecard.
WITH seizure_quality AS (
  SELECT coalesce(s.reporting_country, 'XX') AS reporting_country, s.year, s.seizure_id, s.source_id,
    -- a country stated unknown (XX) is not a country given
    coalesce(s.date_precision = 'day', false)::INTEGER AS day_date,
      coalesce(len(list_filter(s.origin_countries, c -> c <> 'XX')) > 0, false)::INTEGER AS origin,
    coalesce(len(list_filter(s.destination_countries, c -> c <> 'XX')) > 0, false)::INTEGER AS destination,
      (s.transport_mode IS NOT NULL)::INTEGER AS transport,
    (s.detection_method IS NOT NULL)::INTEGER AS detection, (s.value IS NOT NULL OR sq.any_value)::INTEGER AS value,
    sq.species_ok::INTEGER AS species, sq.quantity_ok::INTEGER AS quantity
  FROM f_seizure_base s JOIN (
    SELECT seizure_id, bool_and(taxon IS NOT NULL) AS species_ok,
      bool_and(quantity_kg IS NOT NULL OR quantity_count IS NOT NULL) AS quantity_ok,
           bool_or(item_value IS NOT NULL) AS any_value
    FROM f_specimens GROUP BY seizure_id) sq USING (seizure_id)
),
flagged AS (
  SELECT DISTINCT sp.seizure_id, f.column_name, f.row_number
  FROM flags f JOIN specimens sp ON sp.source_id = f.source_id AND sp.source_row = f.row_number
),
timeliness AS (
  SELECT f.reporting_country, f.year, min(src.received_on) AS received, report_status(src.received_on, src.loaded_at, f.year) AS status
  FROM (SELECT DISTINCT reporting_country, year, source_id FROM seizure_quality) f JOIN sources src USING (source_id)
  GROUP BY 1, 2
),
per_year AS (
  SELECT q.reporting_country, q.year, count(*)::INTEGER AS seizures,
    round(100 * avg(q.day_date), 1) AS day_date_pct, round(100 * avg(q.species), 1) AS species_pct,
      round(100 * avg(q.quantity), 1) AS quantity_pct,
    round(100 * avg(q.origin), 1) AS origin_pct, round(100 * avg(q.destination), 1) AS destination_pct,
      round(100 * avg(q.transport), 1) AS transport_pct,
    round(100 * avg(q.detection), 1) AS detection_pct, round(100 * avg(q.value), 1) AS value_pct,
    round(100 * avg((q.day_date + q.species + q.quantity + q.origin + q.destination + q.transport + q.detection + q.value) / 8.0), 1) AS
      completeness_pct,
    (SELECT count(*) FROM flagged f WHERE f.seizure_id IN
      (SELECT seizure_id FROM seizure_quality x WHERE x.reporting_country = q.reporting_country AND x.year IS NOT DISTINCT FROM
      q.year))::INTEGER AS values_kept_as_given,
    (SELECT coalesce(sum(rows_rejected), 0) FROM sources WHERE source_id IN
      (SELECT DISTINCT source_id FROM seizure_quality x WHERE x.reporting_country = q.reporting_country AND x.year IS NOT DISTINCT FROM
      q.year))::INTEGER AS rejected_rows_in_sources,
    t.received, t.status
  FROM seizure_quality q
  LEFT JOIN timeliness t ON t.reporting_country = q.reporting_country AND t.year IS NOT DISTINCT FROM q.year
  GROUP BY 1, 2, t.received, t.status
),
expected_years AS (
  SELECT reporting_country, unnest(range(min(year), max(year) + 1)) AS year FROM per_year WHERE year IS NOT NULL GROUP BY 1
  UNION ALL
  SELECT reporting_country, year FROM per_year WHERE year IS NULL
)
SELECT e.reporting_country, e.year::INTEGER AS year, coalesce(p.seizures, 0) AS seizures, p.completeness_pct, p.day_date_pct, p.species_pct,
  p.quantity_pct,
  p.origin_pct, p.destination_pct, p.transport_pct, p.detection_pct, p.value_pct,
    coalesce(p.values_kept_as_given, 0) AS values_kept_as_given,
  coalesce(p.rejected_rows_in_sources, 0) AS rejected_rows_in_sources,
  CASE WHEN e.year IS NULL THEN 'undated'
       WHEN p.seizures IS NULL THEN 'missing'
       ELSE p.status END AS report_status,
  p.received::VARCHAR AS received
FROM expected_years e LEFT JOIN per_year p ON p.reporting_country = e.reporting_country AND p.year IS NOT DISTINCT FROM e.year
ORDER BY e.reporting_country, e.year NULLS LAST
