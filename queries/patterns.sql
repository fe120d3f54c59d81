-- patterns: when and where seizures happen, with each time cell's exposure for the evenness test.
-- $by: year | month | month-of-year | season | weekday | hour | weekday-hour | country | city | port | place
-- $from, $to: the selection's --from/--to (NULL when not given).
-- A seizure counts in a time cell only when its date is precise enough for it: a year for year, the
-- month for month, month-of-year and season, the day for weekday, a time for hour. A seizure dated as
-- a range counts in a year by the first day it can mean within the selection (species-trends' rule),
-- and in the finer cells only when the whole range lies within one month.
-- place: the seizure's point (seizure_points): the gazetteer's airport, city or port, so that "NBO" and
-- "Jomo Kenyatta Airport" are one place, "Name (code)"; a seizure not placed counts under its cell as given.
-- country, city, port and place cells carry their period (first and last seizure date) and the species
-- most of their seizures name (of equal counts, the first by name), for the map's tooltips.
-- Exposure: the days each cell covers from the first to the last day of the selection (the user's
-- --from/--to, else the first and last days the counted seizures can mean); for hour, one hour a day.
WITH counted AS (
  SELECT f_seizures.seizure_id, f_seizures.date AS seized_on, CASE
      WHEN $by = 'year' THEN CASE WHEN date_precision IN ('day', 'month', 'year', 'range')
        THEN greatest(date, coalesce($from::DATE, date)) END
      WHEN $by IN ('month', 'month-of-year', 'season') THEN
        CASE WHEN date_precision IN ('day', 'month')
          OR (date_precision = 'range' AND date_trunc('month', date) = date_trunc('month', date_end)) THEN date END
      WHEN $by IN ('weekday', 'weekday-hour') THEN CASE WHEN date_precision = 'day' THEN date END
      ELSE date END AS day,
    coalesce(date_end, date) AS last_day, time, seizure_country, coalesce(city, place) AS city, coalesce(port, place) AS port,
      quantity_kg, value_usd,
    CASE WHEN $by = 'place' THEN CASE
      WHEN p.name IS NOT NULL THEN p.name || ' (' || CASE WHEN p.kind = 'airport' THEN p.code ELSE p.place_country END || ')'
      ELSE coalesce(port, place, city) END END AS place,
    p.latitude, p.longitude
  -- The points are joined for --by place only.
  FROM f_seizures LEFT JOIN seizure_points p ON p.seizure_id = f_seizures.seizure_id AND $by = 'place'
),
span AS (
  SELECT coalesce($from::DATE, min(day)) AS first_day, coalesce($to::DATE, max(last_day)) AS last_day
  FROM counted
  WHERE $by IN ('month-of-year', 'season', 'weekday', 'hour') AND day IS NOT NULL AND ($by <> 'hour' OR time IS NOT NULL)
  HAVING count(*) > 0
),
span_days AS (
  SELECT unnest(generate_series(first_day, last_day, INTERVAL 1 DAY))::DATE AS day, CASE WHEN $by = 'hour' THEN range(24)
    ELSE [NULL] END AS hours FROM span
),
exposure AS (
  SELECT day, make_time(unnest(hours), 0, 0) AS time FROM span_days
),
cells AS (
  SELECT CASE WHEN $by IN ('country', 'city', 'port', 'place') OR day IS NOT NULL OR $by = 'hour' THEN CASE $by
      WHEN 'year' THEN strftime(day, '%Y')
      WHEN 'month' THEN strftime(day, '%Y-%m')
      WHEN 'month-of-year' THEN strftime(day, '%m %b')
      WHEN 'season' THEN CASE WHEN month(day) IN (12, 1, 2) THEN '1 Dec-Feb' WHEN month(day) IN (3, 4, 5) THEN '2 Mar-May'
                              WHEN month(day) IN (6, 7, 8) THEN '3 Jun-Aug' ELSE '4 Sep-Nov' END
      WHEN 'weekday' THEN isodow(day) || ' ' || strftime(day, '%a')
      WHEN 'hour' THEN lpad(hour(time)::VARCHAR, 2, '0')
      WHEN 'weekday-hour' THEN isodow(day) || ' ' || strftime(day, '%a') || ' ' || lpad(hour(time)::VARCHAR, 2, '0')
      WHEN 'country' THEN seizure_country
      WHEN 'city' THEN city
      WHEN 'port' THEN port
      WHEN 'place' THEN place
    END END AS period,
    seizure_id, seized_on, last_day, seizure, exposure, quantity_kg, value_usd, latitude, longitude
  FROM (SELECT seizure_id, seized_on, day, last_day, time, seizure_country, city, port, place, quantity_kg, value_usd, latitude,
    longitude, 1 AS seizure, 0 AS exposure FROM counted
        UNION ALL BY NAME
        SELECT day, time, 0 AS seizure, 1 AS exposure FROM exposure)
),
taxa AS (
  SELECT seizure_id, species FROM f_seizure_species WHERE $by IN ('country', 'city', 'port', 'place')
),
cell_species AS (
  SELECT period, first(species ORDER BY seizures DESC, species) AS top_species
  FROM (SELECT c.period, t.species, count(*) AS seizures FROM cells c JOIN taxa t USING (seizure_id) WHERE c.period IS NOT NULL
    GROUP BY ALL)
  GROUP BY period
),
grouped AS (
  SELECT period, sum(seizure)::INTEGER AS seizures, round(100.0 * sum(seizure) / sum(sum(seizure)) OVER (), 2) AS share_pct,
         round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(value_usd), 2) AS value_usd,
         CASE WHEN $by IN ('month-of-year', 'season', 'weekday', 'hour') THEN sum(exposure)::INTEGER END AS exposure,
         round(avg(latitude), 5) AS latitude, round(avg(longitude), 5) AS longitude,
         CASE WHEN $by IN ('country', 'city', 'port', 'place') THEN min(seized_on)::VARCHAR END AS first_seen,
         CASE WHEN $by IN ('country', 'city', 'port', 'place') THEN max(last_day)::VARCHAR END AS last_seen
  FROM cells
  WHERE period IS NOT NULL
  GROUP BY period
)
SELECT g.period, g.seizures, g.share_pct, g.quantity_kg, g.value_usd, g.exposure, g.latitude, g.longitude, cs.top_species,
  g.first_seen, g.last_seen
FROM grouped g LEFT JOIN cell_species cs USING (period)
ORDER BY CASE WHEN $by IN ('country', 'city', 'port', 'place') THEN -g.seizures ELSE 0 END, g.period
