-- routes --view new: legs first seen in the latest year of the selection (none of its seizures earlier).
WITH latest AS (SELECT max(year) AS year FROM f_legs)
SELECT from_country AS "from", to_country AS "to", min(year)::INTEGER AS first_year, count(DISTINCT seizure_id)::INTEGER AS seizures,
       round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(value_usd), 2) AS value_usd
FROM f_legs
GROUP BY from_country, to_country
HAVING min(year) = (SELECT year FROM latest)
ORDER BY seizures DESC, "from", "to"
