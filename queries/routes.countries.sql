-- routes --view countries: each country's roles in the trade chains, and ETIS "in/out" counts:
-- a seizure counts "in" for the country that made it and "out" for every other country of its chain.
WITH roles AS (
  SELECT seizure_id, unnest(origin_countries) AS country, 'origin' AS role FROM f_seizures
  UNION ALL SELECT seizure_id, export_country, 'export' FROM f_seizures WHERE export_country IS NOT NULL
  UNION ALL SELECT seizure_id, unnest(transit_countries), 'transit' FROM f_seizures
  UNION ALL SELECT seizure_id, unnest(destination_countries), 'destination' FROM f_seizures
  UNION ALL SELECT seizure_id, seizure_country, 'seizure' FROM f_seizures WHERE seizure_country IS NOT NULL
),
per_country AS (
  SELECT country,
    count(DISTINCT seizure_id) FILTER (role = 'origin')::INTEGER AS as_origin,
    count(DISTINCT seizure_id) FILTER (role = 'export')::INTEGER AS as_export,
    count(DISTINCT seizure_id) FILTER (role = 'transit')::INTEGER AS as_transit,
    count(DISTINCT seizure_id) FILTER (role = 'destination')::INTEGER AS as_destination,
    count(DISTINCT seizure_id) FILTER (role = 'seizure')::INTEGER AS seizures_in,
    count(DISTINCT seizure_id) FILTER (role <> 'seizure' AND seizure_id NOT IN (
      SELECT seizure_id FROM f_seizures s WHERE s.seizure_country = roles.country))::INTEGER AS seizures_out
  FROM roles WHERE country <> 'XX' GROUP BY country
)
SELECT country, as_origin, as_export, as_transit, as_destination, seizures_in, seizures_out,
       round(seizures_in / nullif(seizures_in + seizures_out, 0), 3) AS law_enforcement_ratio
FROM per_country
ORDER BY seizures_in + seizures_out DESC, country
