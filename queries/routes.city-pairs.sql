-- routes --view city-pairs (routes --level city): legs between the cities of the trade chains, ranked
-- as the airport pairs are, with seizures, kilograms and species per pair. A seizure's chain at city
-- level: its origin, export, transit (each its own stop) and destination items (chain_stops) at their
-- cities — a city or a port's city as placed, an airport at the city it serves ($airport_cities: the
-- town of each airport, looked up once per distinct airport) — with the seizure's own place
-- (seizure_points) as a stop before the destination when no stop already names its city or stands for
-- its airport (a chain's "Entebbe" and a seizure at Entebbe airport, whose town is Kampala). As for
-- airports: stops without a city are left out, equal consecutive stops collapse, every city of a stop
-- links to every one of the next, and a pair counts once per seizure. A city is its name and country.
WITH airport_cities AS (
  SELECT unnest(from_json($airport_cities,
    '[{"airport": "VARCHAR", "city": "VARCHAR", "country": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE"}]'), recursive := true)
),
chain AS (
  SELECT st.seizure_id, st.stop, st.airport,
         CASE WHEN st.kind = 'airport' THEN ac.city ELSE st.name END AS city,
         CASE WHEN st.kind = 'airport' THEN ac.country ELSE st.country END AS country,
         CASE WHEN st.kind = 'airport' THEN ac.latitude ELSE st.latitude END AS latitude,
         CASE WHEN st.kind = 'airport' THEN ac.longitude ELSE st.longitude END AS longitude
  FROM chain_stops st JOIN f_seizures s USING (seizure_id)
  LEFT JOIN airport_cities ac ON st.kind = 'airport' AND ac.airport = st.airport
  WHERE st.kind IS NOT NULL
),
seized AS (
  SELECT s.seizure_id, 999 AS stop, p.airport,
         CASE WHEN p.kind = 'airport' THEN ac.city ELSE p.name END AS city,
         CASE WHEN p.kind = 'airport' THEN ac.country ELSE p.place_country END AS country,
         CASE WHEN p.kind = 'airport' THEN ac.latitude ELSE p.latitude END AS latitude,
         CASE WHEN p.kind = 'airport' THEN ac.longitude ELSE p.longitude END AS longitude
  FROM f_seizures s JOIN seizure_points p USING (seizure_id)
  LEFT JOIN airport_cities ac ON p.kind = 'airport' AND ac.airport = p.code
  WHERE p.kind IS NOT NULL
),
placed AS (
  SELECT seizure_id, stop, city || ', ' || coalesce(country, '?') AS place, city, country, latitude, longitude
  FROM (FROM chain WHERE city IS NOT NULL
        UNION ALL
        FROM seized x WHERE city IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM chain c WHERE c.seizure_id = x.seizure_id AND c.city IS NOT NULL
            AND ((c.city = x.city AND c.country IS NOT DISTINCT FROM x.country) OR c.airport = x.airport)))
),
-- Where each city is drawn: of the points it was placed at, the first by latitude and longitude.
city_points AS (
  SELECT place, any_value(city) AS city, any_value(country) AS country,
         first(latitude ORDER BY latitude, longitude) AS latitude, first(longitude ORDER BY latitude, longitude) AS longitude
  FROM placed GROUP BY place
),
stops AS (
  SELECT seizure_id, stop, list(DISTINCT place ORDER BY place) AS places FROM placed GROUP BY seizure_id, stop
),
ordered AS (
  SELECT seizure_id, list(places ORDER BY stop) AS stages FROM stops GROUP BY seizure_id
),
collapsed AS (
  SELECT seizure_id, list_filter(stages, (stage, i) -> i = 1 OR stage <> stages[i - 1]) AS stages FROM ordered
),
pairs AS (
  SELECT DISTINCT seizure_id, unnest(flatten(list_transform(range(1, len(stages)), i ->
    flatten(list_transform(stages[i], f -> list_transform(stages[i + 1], t -> {'from_place': f, 'to_place': t})))))) AS pair
  FROM collapsed WHERE len(stages) > 1
),
legs AS (
  SELECT seizure_id, pair.from_place, pair.to_place FROM pairs WHERE pair.from_place <> pair.to_place
),
taxa AS (SELECT seizure_id, species FROM f_seizure_species),
-- The species of a pair: distinct taxa (else the species or product as given) of its seizures, the one most seizures name first (of
-- equal counts, the first by name).
pair_species AS (
  SELECT from_place, to_place, count(*)::INTEGER AS species, first(species ORDER BY seizures DESC, species) AS top_species
  FROM (SELECT l.from_place, l.to_place, t.species, count(*) AS seizures FROM legs l JOIN taxa t USING (seizure_id) GROUP BY ALL)
  GROUP BY from_place, to_place
)
SELECT fc.city AS from_city, tc.city AS to_city, fc.country AS from_country, tc.country AS to_country,
       count(DISTINCT l.seizure_id)::INTEGER AS seizures, round(exact_sum(s.quantity_kg), 3) AS quantity_kg,
       coalesce(any_value(ps.species), 0) AS species, any_value(ps.top_species) AS top_species,
       min(s.date)::VARCHAR AS first_seen, max(s.date)::VARCHAR AS last_seen,
       round(fc.latitude, 5) AS from_latitude, round(fc.longitude, 5) AS from_longitude, round(tc.latitude, 5) AS to_latitude,
         round(tc.longitude, 5) AS to_longitude
FROM legs l JOIN f_seizures s USING (seizure_id)
JOIN city_points fc ON fc.place = l.from_place
JOIN city_points tc ON tc.place = l.to_place
LEFT JOIN pair_species ps ON ps.from_place = l.from_place AND ps.to_place = l.to_place
GROUP BY ALL
ORDER BY seizures DESC, quantity_kg DESC NULLS LAST, from_city, from_country, to_city, to_country
