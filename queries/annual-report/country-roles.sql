-- annual report, country roles: for each country, in how many seizures of the year it was a country
-- of origin, of export, of transit, of destination, and the seizing country. Unknown countries (XX) left out.
WITH roles AS (
  SELECT seizure_id, unnest(origin_countries) AS country, 'origin' AS role FROM f_seizure_base WHERE year = $year
  UNION ALL SELECT seizure_id, export_country, 'export' FROM f_seizure_base WHERE year = $year
  UNION ALL SELECT seizure_id, unnest(transit_countries), 'transit' FROM f_seizure_base WHERE year = $year
  UNION ALL SELECT seizure_id, unnest(destination_countries), 'destination' FROM f_seizure_base WHERE year = $year
  UNION ALL SELECT seizure_id, seizure_country, 'seizure' FROM f_seizure_base WHERE year = $year
)
SELECT country,
       count(DISTINCT seizure_id)::INTEGER AS seizures,
       count(DISTINCT seizure_id) FILTER (WHERE role = 'origin')::INTEGER AS origin,
       count(DISTINCT seizure_id) FILTER (WHERE role = 'export')::INTEGER AS export,
       count(DISTINCT seizure_id) FILTER (WHERE role = 'transit')::INTEGER AS transit,
       count(DISTINCT seizure_id) FILTER (WHERE role = 'destination')::INTEGER AS destination,
       count(DISTINCT seizure_id) FILTER (WHERE role = 'seizure')::INTEGER AS seizing
FROM roles
WHERE country IS NOT NULL AND country <> 'XX'
GROUP BY country
ORDER BY seizures DESC, country
LIMIT $top
