-- routes --view hotspots: places and ports where the most chains were intercepted, and transit
-- countries through which the most chains pass.
SELECT 'seizure place' AS kind, coalesce(port, place, city) AS hotspot, seizure_country AS country,
       count(*)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS quantity_kg, round(exact_sum(value_usd), 2) AS value_usd
FROM f_seizures WHERE coalesce(port, place, city) IS NOT NULL
GROUP BY 1, 2, 3
UNION ALL
SELECT 'transit hub', NULL, t.country, count(DISTINCT s.seizure_id)::INTEGER, round(exact_sum(s.quantity_kg), 3), round(exact_sum(s.value_usd), 2)
FROM f_seizures s, unnest(s.transit_countries) t(country)
WHERE t.country <> 'XX'
GROUP BY 1, 2, 3
ORDER BY seizures DESC, kind, hotspot, country
