-- routes --view airport-pairs: the ROUTES ranking of airport-to-airport legs, with seizures, kilograms and
-- species per pair. A seizure's chain at airport level: its origin, export, transit (each its own stop)
-- and destination items (chain_stops) at the airports they stand for (an airport named, or the one
-- large airport near a city named), with the seizure's own airport (seizure_points) as a stop before
-- the destination when no stop already has it. As for countries: stops without an airport are left
-- out, equal consecutive stops collapse, every airport of a stop links to every one of the next, and a
-- pair counts once per seizure.
WITH chain AS (
  SELECT st.seizure_id, st.stop, st.airport, st.country
  FROM chain_stops st JOIN f_seizures s USING (seizure_id)
  WHERE st.airport IS NOT NULL
),
seized AS (
  SELECT s.seizure_id, 999 AS stop, p.airport, s.seizure_country AS country
  FROM f_seizures s JOIN seizure_points p USING (seizure_id)
  WHERE p.airport IS NOT NULL AND p.airport NOT IN (SELECT c.airport FROM chain c WHERE c.seizure_id = s.seizure_id)
),
stops AS (
  SELECT seizure_id, stop, list(DISTINCT airport ORDER BY airport) AS airports, any_value(country) AS country
  FROM (FROM chain UNION ALL FROM seized) GROUP BY seizure_id, stop
),
ordered AS (
  SELECT seizure_id, list(airports ORDER BY stop) AS stages FROM stops GROUP BY seizure_id
),
collapsed AS (
  SELECT seizure_id, list_filter(stages, (stage, i) -> i = 1 OR stage <> stages[i - 1]) AS stages FROM ordered
),
pairs AS (
  SELECT DISTINCT seizure_id, unnest(flatten(list_transform(range(1, len(stages)), i ->
    flatten(list_transform(stages[i], f -> list_transform(stages[i + 1], t -> {'from_airport': f, 'to_airport': t})))))) AS pair
  FROM collapsed WHERE len(stages) > 1
),
legs AS (
  SELECT seizure_id, pair.from_airport, pair.to_airport FROM pairs WHERE pair.from_airport <> pair.to_airport
),
airport_countries AS (
  SELECT airport, mode(coalesce(place_country, country)) AS country FROM (
    SELECT airport, place_country, country FROM chain_places WHERE airport IS NOT NULL
    UNION ALL SELECT airport, place_country, country FROM places WHERE airport IS NOT NULL)
  GROUP BY airport
),
taxa AS (SELECT seizure_id, species FROM f_seizure_species),
-- The species of a pair: distinct taxa (else the species or product as given) of its seizures, the one most seizures name first.
pair_species AS (
  SELECT from_airport, to_airport, count(*)::INTEGER AS species, arg_max(species, seizures) AS top_species
  FROM (SELECT l.from_airport, l.to_airport, t.species, count(*) AS seizures FROM legs l JOIN taxa t USING (seizure_id) GROUP BY ALL)
  GROUP BY from_airport, to_airport
)
SELECT l.from_airport, l.to_airport, fc.country AS from_country, tc.country AS to_country,
       count(DISTINCT l.seizure_id)::INTEGER AS seizures, round(exact_sum(s.quantity_kg), 3) AS quantity_kg,
       coalesce(any_value(ps.species), 0) AS species, any_value(ps.top_species) AS top_species,
       min(s.date)::VARCHAR AS first_seen, max(s.date)::VARCHAR AS last_seen
FROM legs l JOIN f_seizures s USING (seizure_id)
LEFT JOIN airport_countries fc ON fc.airport = l.from_airport
LEFT JOIN airport_countries tc ON tc.airport = l.to_airport
LEFT JOIN pair_species ps ON ps.from_airport = l.from_airport AND ps.to_airport = l.to_airport
GROUP BY l.from_airport, l.to_airport, fc.country, tc.country
ORDER BY seizures DESC, quantity_kg DESC NULLS LAST, l.from_airport, l.to_airport
