-- routes --view hotspots: places and ports where the most chains were intercepted, and transit
-- countries through which the most chains pass. A seizure place carries the gazetteer's point of the
-- cell as given (places, matched within its seizure country), else the mean of the coordinates its
-- file gave for those seizures, so that the hotspots can be mapped.
WITH seized AS (
  SELECT s.seizure_id, coalesce(s.port, s.place, s.city) AS hotspot, s.seizure_country AS country, s.quantity_kg, s.value_usd,
         CASE WHEN p.placed_from = 'given' THEN p.latitude END AS given_lat, CASE WHEN p.placed_from = 'given' THEN p.longitude END AS given_lon
  FROM f_seizures s LEFT JOIN seizure_points p USING (seizure_id)
  WHERE coalesce(s.port, s.place, s.city) IS NOT NULL
)
SELECT 'seizure place' AS kind, g.hotspot, g.country, g.seizures, g.quantity_kg, g.value_usd,
       pl.kind AS place_kind, CASE WHEN pl.kind = 'airport' THEN pl.code END AS airport_code,
       round(coalesce(pl.latitude, g.given_lat), 5) AS latitude, round(coalesce(pl.longitude, g.given_lon), 5) AS longitude
FROM (
  SELECT hotspot, country, count(*)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(value_usd), 2) AS value_usd,
         avg(given_lat) AS given_lat, avg(given_lon) AS given_lon
  FROM seized GROUP BY hotspot, country
) g
LEFT JOIN places pl ON pl.as_given = g.hotspot AND pl.country IS NOT DISTINCT FROM g.country AND pl.kind IS NOT NULL
UNION ALL
SELECT 'transit hub', NULL, t.country, count(DISTINCT s.seizure_id)::INTEGER, round(exact_sum(s.quantity_kg), 3), round(exact_sum(s.value_usd), 2),
       NULL, NULL, NULL, NULL
FROM f_seizures s, unnest(s.transit_countries) t(country)
WHERE t.country <> 'XX'
GROUP BY t.country
ORDER BY seizures DESC, kind, hotspot, country
