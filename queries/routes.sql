-- routes: the legs of the trade chains (origin → export → transit → destination) with seizures,
-- kilograms and value, most used first.
SELECT from_country AS "from", to_country AS "to", count(DISTINCT seizure_id)::INTEGER AS seizures,
       round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(value_usd), 2) AS value_usd,
       min(date)::VARCHAR AS first_seen, max(date)::VARCHAR AS last_seen
FROM f_legs
GROUP BY from_country, to_country
ORDER BY seizures DESC, quantity_kg DESC NULLS LAST, "from", "to"
