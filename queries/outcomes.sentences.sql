-- outcomes, view sentences: the distribution of custodial terms per seizing country (and taxon at
-- $rank, 'none' for all taxa), in bands of months, from the outcomes table (kind custodial). A term
-- counts once per person and sentence; suspended terms are counted beside; life terms have their
-- own band (they have no months). Bands are a fixed table joined by range: no per-row work.
WITH picked AS (
  SELECT seizure_id, coalesce(seizure_country, reporting_country) AS country FROM f_seizures
),
grouped AS (
  SELECT seizure_id, country, 'all taxa' AS taxon FROM picked WHERE $rank = 'none'
  UNION ALL
  SELECT DISTINCT p.seizure_id, p.country,
    coalesce(CASE $rank WHEN 'genus' THEN coalesce(sp.genus, sp.taxon) WHEN 'family' THEN sp.family WHEN 'order' THEN sp.order_name
                        WHEN 'class' THEN sp.class_name ELSE coalesce(sp.taxon, sp.species_as_given) END, 'unknown') AS taxon
  FROM picked p JOIN f_specimens sp USING (seizure_id) WHERE $rank <> 'none'
),
bands(band_order, band, months_from, months_to) AS (
  VALUES (1, 'under 6 months', 0, 6), (2, '6–11 months', 6, 12), (3, '1–2 years', 12, 24), (4, '2–5 years', 24, 60),
         (5, '5–10 years', 60, 120), (6, '10 years or more', 120, NULL), (7, 'life', NULL, NULL)
),
terms AS (
  SELECT g.country, g.taxon, o.months, coalesce(o.suspended, false) AS suspended
  FROM grouped g JOIN outcomes o USING (seizure_id) WHERE o.kind = 'custodial'
),
banded AS (
  SELECT t.country, t.taxon, b.band_order, b.band, b.months_from, b.months_to, t.suspended
  FROM terms t JOIN bands b
    ON (t.months IS NULL AND b.band = 'life')
    OR (t.months IS NOT NULL AND b.months_from IS NOT NULL AND t.months >= b.months_from AND
      (b.months_to IS NULL OR t.months < b.months_to))
)
SELECT country, taxon, band, months_from, months_to, count(*)::INTEGER AS terms, count(*) FILTER (suspended)::INTEGER AS suspended_terms,
  round(count(*) / sum(count(*)) OVER (PARTITION BY country, taxon), 4) AS share
FROM banded
GROUP BY country, taxon, band_order, band, months_from, months_to
ORDER BY country NULLS LAST, taxon, band_order
