-- modus-operandi: the combinations of concealment, mode of transport, product and route that
-- recur, most common first; with $interval = 'year', one row per combination and year.
WITH items AS (
  SELECT s.seizure_id, s.year, s.date, coalesce(s.concealment, 'unknown') AS concealment,
    coalesce(s.transport_mode, 'unknown') AS transport_mode,
    coalesce(sp.term, 'unknown') AS term,
    coalesce(array_to_string(s.origin_countries, '/'), '?') || ' → ' || coalesce(array_to_string(s.destination_countries, '/'), '?') AS
      route,
    sp.taxon, sp.quantity_kg
  FROM f_specimens sp JOIN f_seizure_base s USING (seizure_id)
)
SELECT concealment, transport_mode, term, route,
  CASE WHEN $interval = 'year' THEN year::VARCHAR ELSE 'all' END AS period,
  count(DISTINCT seizure_id)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg,
  list(DISTINCT taxon ORDER BY taxon) FILTER (taxon IS NOT NULL) AS species,
  min(date)::VARCHAR AS first_seen, max(date)::VARCHAR AS last_seen
FROM items
GROUP BY 1, 2, 3, 4, 5
HAVING count(DISTINCT seizure_id) >= $min_seizures
ORDER BY seizures DESC, concealment, transport_mode, term, route, period
