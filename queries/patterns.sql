-- patterns: when and where seizures happen.
-- $by: year | month | month-of-year | season | weekday | hour | weekday-hour | country | city | port
-- A seizure counts in a time cell only when its date is precise enough for it (weekday needs the day).
WITH cells AS (
  SELECT
    CASE $by
      WHEN 'year' THEN CASE WHEN date_precision IN ('day', 'month', 'year') THEN strftime(date, '%Y') END
      WHEN 'month' THEN CASE WHEN date_precision IN ('day', 'month') THEN strftime(date, '%Y-%m') END
      WHEN 'month-of-year' THEN CASE WHEN date_precision IN ('day', 'month') THEN strftime(date, '%m %b') END
      WHEN 'season' THEN CASE WHEN date_precision IN ('day', 'month') THEN
        CASE WHEN month(date) IN (12, 1, 2) THEN '1 Dec-Feb' WHEN month(date) IN (3, 4, 5) THEN '2 Mar-May'
             WHEN month(date) IN (6, 7, 8) THEN '3 Jun-Aug' ELSE '4 Sep-Nov' END END
      WHEN 'weekday' THEN CASE WHEN date_precision = 'day' THEN isodow(date) || ' ' || strftime(date, '%a') END
      WHEN 'hour' THEN CASE WHEN time IS NOT NULL THEN lpad(hour(time)::VARCHAR, 2, '0') END
      WHEN 'weekday-hour' THEN CASE WHEN date_precision = 'day' AND time IS NOT NULL THEN isodow(date) || ' ' || strftime(date, '%a') || ' ' || lpad(hour(time)::VARCHAR, 2, '0') END
      WHEN 'country' THEN seizure_country
      WHEN 'city' THEN coalesce(city, place)
      WHEN 'port' THEN coalesce(port, place)
    END AS period,
    quantity_kg, value_usd
  FROM f_seizures
)
SELECT period, count(*)::INTEGER AS seizures, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS share_pct,
       round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(value_usd), 2) AS value_usd
FROM cells
WHERE period IS NOT NULL
GROUP BY period
ORDER BY CASE WHEN $by IN ('country', 'city', 'port') THEN -count(*) ELSE 0 END, period
