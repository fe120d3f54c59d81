-- interception: what was seized per seizing country and year, under the interception rate that
-- applies ($rates: the rates file as JSON, checked in src/outcomes/interception.ts). Each specimen
-- takes the most specific rate of its country (taxon and term given > taxon > term > country alone;
-- the taxon matched at any rank; the period containing the year), the first in the file on a tie.
-- wen then draws the rate (triangular or PERT min/mode/max, seeded) and estimates the trade as seized ÷ rate.
-- With --standardise, kilograms estimated from pieces and volume count as seized, and the whole
-- organisms are estimated too (f_specimens' standard quantities; NULL without it).
WITH rates AS (
  SELECT unnest(from_json($rates,
    '[{"rate_row": "INTEGER", "country": "VARCHAR", "taxon": "VARCHAR", "term": "VARCHAR", "from_year": "INTEGER", "to_year": "INTEGER", '
    || '"min": "DOUBLE", "mode": "DOUBLE", "max": "DOUBLE", "source": "VARCHAR"}]'), recursive := true)
),
matched AS (
  -- as weighed or, for a specimen not weighed, as estimated (--standardise; the two never both)
  SELECT sp.seizure_id, coalesce(sp.quantity_kg, sp.kg_estimated) AS quantity_kg,
         sp.quantity_count, sp.organisms, s.country, sp.year, r.*
  FROM f_specimens sp JOIN (SELECT seizure_id, coalesce(seizure_country, reporting_country) AS country FROM f_seizure_base) s USING
    (seizure_id)
  JOIN rates r ON r.country = s.country
    AND (r.taxon IS NULL OR lower(r.taxon) IN (lower(sp.taxon), lower(sp.genus), lower(sp.family), lower(sp.order_name),
      lower(sp.class_name)))
    AND (r.term IS NULL OR r.term = sp.term)
    AND (r.from_year IS NULL OR sp.year >= r.from_year) AND (r.to_year IS NULL OR sp.year <= r.to_year)
  QUALIFY row_number() OVER (PARTITION BY sp.specimen_id ORDER BY (r.taxon IS NOT NULL)::INTEGER * 2 + (r.term IS NOT NULL)::INTEGER DESC,
    r.rate_row) = 1
)
SELECT country, year, coalesce(taxon, 'any') AS taxon, coalesce(term, 'any') AS term, rate_row,
  min AS rate_min, mode AS rate_mode, max AS rate_max, NULL::DOUBLE AS rate_mean,
  count(DISTINCT seizure_id)::INTEGER AS seizures, round(exact_sum(quantity_kg), 3) AS seized_kg,
  round(exact_sum(quantity_count), 3) AS seized_items,
  round(exact_sum(organisms), 1) AS seized_organisms,
  NULL::DOUBLE AS estimated_kg, NULL::DOUBLE AS estimated_kg_low, NULL::DOUBLE AS estimated_kg_high,
  NULL::DOUBLE AS estimated_items, NULL::DOUBLE AS estimated_items_low, NULL::DOUBLE AS estimated_items_high,
  NULL::DOUBLE AS estimated_organisms, NULL::DOUBLE AS estimated_organisms_low, NULL::DOUBLE AS estimated_organisms_high,
  NULL::DOUBLE AS sensitivity, any_value(source) AS source
FROM matched
WHERE year IS NOT NULL
GROUP BY country, year, taxon, term, rate_row, min, mode, max
ORDER BY country, year, rate_row
