-- annual report, enforcement outcomes: per seizing country, the seizures of the year and what
-- followed them (the ICCWC funnel: with an arrest → prosecuted → convicted), the custodial terms and
-- the fines in US dollars, from the outcomes table (as wen analyze outcomes counts them). Only
-- countries where at least one seizure of the year has an outcome are listed: a country that wrote
-- no sanctions is unknown, not zero.
WITH picked AS (
  SELECT seizure_id, coalesce(seizure_country, reporting_country) AS country, year FROM f_seizures WHERE year = $year
),
converted AS (
  SELECT o.seizure_id, o.kind, o.months, o.fine_amount,
    CASE WHEN o.fine_currency = 'USD' THEN o.fine_amount ELSE o.fine_amount / r.per_usd END AS fine_usd
  FROM outcomes o JOIN picked p USING (seizure_id)
  LEFT JOIN usd_rates r ON r.currency = o.fine_currency AND r.year IS NOT DISTINCT FROM p.year
),
per_seizure AS (
  SELECT seizure_id,
    bool_or(kind = 'arrested') AS arrested,
    bool_or(kind IN ('charged', 'prosecuted', 'convicted', 'acquitted', 'custodial', 'fine')) AS prosecuted,
    bool_or(kind IN ('convicted', 'custodial', 'fine')) AS convicted,
    count(*) FILTER (kind = 'custodial') AS terms,
    count(*) FILTER (kind = 'fine' AND fine_amount IS NOT NULL AND fine_usd IS NULL) AS fines_unconverted,
    sum(fine_usd) FILTER (kind = 'fine') AS fines_usd
  FROM converted GROUP BY seizure_id
),
months AS (
  SELECT p.country, quantile_cont(c.months, 0.5) AS median_months
  FROM picked p JOIN converted c USING (seizure_id) WHERE c.kind = 'custodial' GROUP BY ALL
),
funnel AS (
  SELECT p.country, count(*) AS seizures, count(s.seizure_id) AS with_outcome,
    count(*) FILTER (s.arrested) AS arrests, count(*) FILTER (s.prosecuted) AS prosecuted, count(*) FILTER (s.convicted) AS convicted,
    sum(s.terms) AS custodial_terms, sum(s.fines_unconverted) AS fines_unconverted, sum(s.fines_usd) AS fines_usd
  FROM picked p LEFT JOIN per_seizure s USING (seizure_id)
  GROUP BY ALL
)
SELECT f.country, f.seizures::INTEGER AS seizures, f.with_outcome::INTEGER AS with_outcome, f.arrests::INTEGER AS arrests,
  f.prosecuted::INTEGER AS prosecuted, f.convicted::INTEGER AS convicted,
  round(100.0 * f.arrests / f.seizures, 1) AS arrest_pct, round(100.0 * f.prosecuted / f.seizures, 1) AS prosecution_pct,
  CASE WHEN f.prosecuted > 0 THEN round(100.0 * f.convicted / f.prosecuted, 1) END AS conviction_pct,
  coalesce(f.custodial_terms, 0)::INTEGER AS custodial_terms, round(m.median_months, 1) AS median_months,
  round(f.fines_usd, 2) AS fines_usd, coalesce(f.fines_unconverted, 0)::INTEGER AS fines_unconverted
FROM funnel f LEFT JOIN months m ON m.country IS NOT DISTINCT FROM f.country
WHERE f.with_outcome > 0
ORDER BY f.seizures DESC, f.country NULLS LAST
LIMIT $top
