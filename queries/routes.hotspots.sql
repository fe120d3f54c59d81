-- routes --view hotspots: places and ports where the most chains were intercepted, and transit
-- countries through which the most chains pass. A seizure place carries the gazetteer's point of the
-- cell as given (places, matched within its seizure country), else the mean of the coordinates its
-- file gave for those seizures, so that the hotspots can be mapped; each hotspot carries its period
-- (first and last seizure date) and the species most of its seizures name, for the map's tooltips.
WITH seized AS (
  SELECT s.seizure_id, coalesce(s.port, s.place, s.city) AS hotspot, s.seizure_country AS country, s.quantity_kg, s.value_usd, s.date,
         coalesce(s.date_end, s.date) AS last_day,
         CASE WHEN p.placed_from = 'given' THEN p.latitude END AS given_lat, CASE WHEN p.placed_from = 'given'
           THEN p.longitude END AS given_lon
  FROM f_seizures s LEFT JOIN seizure_points p USING (seizure_id)
  WHERE coalesce(s.port, s.place, s.city) IS NOT NULL
),
taxa AS (SELECT seizure_id, species FROM f_seizure_species),
-- The species most of a hotspot's seizures name (of equal counts, the first by name).
place_species AS (
  SELECT hotspot, country, first(species ORDER BY seizures DESC, species) AS top_species
  FROM (SELECT s.hotspot, s.country, t.species, count(*) AS seizures FROM seized s JOIN taxa t USING (seizure_id) GROUP BY ALL)
  GROUP BY hotspot, country
),
transits AS (
  SELECT s.seizure_id, t.country, s.quantity_kg, s.value_usd, s.date, coalesce(s.date_end, s.date) AS last_day
  FROM f_seizures s, unnest(s.transit_countries) t(country)
  WHERE t.country <> 'XX'
),
transit_species AS (
  SELECT country, first(species ORDER BY seizures DESC, species) AS top_species
  FROM (SELECT tr.country, t.species, count(DISTINCT tr.seizure_id) AS seizures FROM transits tr JOIN taxa t USING (seizure_id)
    GROUP BY ALL)
  GROUP BY country
)
SELECT 'seizure place' AS kind, g.hotspot, g.country, g.seizures, g.quantity_kg, g.value_usd,
       pl.kind AS place_kind, CASE WHEN pl.kind = 'airport' THEN pl.code END AS airport_code,
       round(coalesce(pl.latitude, g.given_lat), 5) AS latitude, round(coalesce(pl.longitude, g.given_lon), 5) AS longitude,
       ps.top_species, g.first_seen, g.last_seen
FROM (
  SELECT hotspot, country, count(*)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg,
    round(exact_sum(value_usd), 2) AS value_usd,
         avg(given_lat) AS given_lat, avg(given_lon) AS given_lon, min(date)::VARCHAR AS first_seen, max(last_day)::VARCHAR AS last_seen
  FROM seized GROUP BY hotspot, country
) g
LEFT JOIN places pl ON pl.as_given = g.hotspot AND pl.country IS NOT DISTINCT FROM g.country AND pl.kind IS NOT NULL
LEFT JOIN place_species ps ON ps.hotspot = g.hotspot AND ps.country IS NOT DISTINCT FROM g.country
UNION ALL
SELECT 'transit hub', NULL, t.country, t.seizures, t.quantity_kg, t.value_usd, NULL, NULL, NULL, NULL, ts.top_species, t.first_seen,
  t.last_seen
FROM (
  SELECT country, count(DISTINCT seizure_id)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg,
    round(exact_sum(value_usd), 2) AS value_usd,
         min(date)::VARCHAR AS first_seen, max(last_day)::VARCHAR AS last_seen
  FROM transits GROUP BY country
) t
LEFT JOIN transit_species ts USING (country)
ORDER BY seizures DESC, kind, hotspot, country
