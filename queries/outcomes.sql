-- outcomes: the enforcement funnel per seizing country and year (and taxon at $rank, 'none' for all
-- taxa): seizures → with an arrest → prosecuted → convicted, custodial terms and fines against the
-- seized value, from the outcomes table (read from sanctions text at load, src/outcomes/parse.ts).
-- A stage counts seizures with at least one outcome of it, for the seizure or any of its persons:
-- prosecuted = charged, prosecuted or a verdict (convicted, acquitted, a term, a fine); convicted =
-- convicted, a custodial term or a fine. Fines are converted to US dollars at the rates of the run
-- (--rates), in the seizure's year. Times, in days: from the seizure to each person's arrest
-- (actors.arrest_date), and to the verdict where the file gives its date (seizures.verdict_date, e.g. a
-- court table's judgment date) — from the seizure, and from each dated arrest.
WITH picked AS (
  SELECT seizure_id, coalesce(seizure_country, reporting_country) AS country, year, value_usd, date, verdict_date FROM f_seizures
),
grouped AS (
  SELECT seizure_id, country, year, value_usd, 'all taxa' AS taxon FROM picked WHERE $rank = 'none'
  UNION ALL
  SELECT DISTINCT p.seizure_id, p.country, p.year, p.value_usd,
    coalesce(CASE $rank WHEN 'genus' THEN coalesce(sp.genus, sp.taxon) WHEN 'family' THEN sp.family WHEN 'order' THEN sp.order_name
                        WHEN 'class' THEN sp.class_name ELSE coalesce(sp.taxon, sp.species_as_given) END, 'unknown') AS taxon
  FROM picked p JOIN f_specimens sp USING (seizure_id) WHERE $rank <> 'none'
),
converted AS (
  SELECT o.seizure_id, o.kind, o.months, o.suspended, o.fine_amount,
    CASE WHEN o.fine_currency = 'USD' THEN o.fine_amount ELSE o.fine_amount / r.per_usd END AS fine_usd
  FROM outcomes o JOIN picked p USING (seizure_id)
  LEFT JOIN usd_rates r ON r.currency = o.fine_currency AND r.year IS NOT DISTINCT FROM p.year
),
per_seizure AS (
  SELECT seizure_id,
    bool_or(kind = 'arrested') AS arrested,
    bool_or(kind IN ('charged', 'prosecuted', 'convicted', 'acquitted', 'custodial', 'fine')) AS prosecuted,
    bool_or(kind IN ('convicted', 'custodial', 'fine')) AS convicted,
    bool_or(kind = 'acquitted') AS acquitted, bool_or(kind = 'pending') AS pending, bool_or(kind = 'dismissed') AS dismissed,
    bool_or(kind = 'unparsed') AS unparsed,
    count(*) FILTER (kind = 'fine' AND fine_amount IS NOT NULL) AS fines,
    count(*) FILTER (kind = 'fine' AND fine_amount IS NOT NULL AND fine_usd IS NULL) AS fines_unconverted,
    sum(fine_usd) FILTER (kind = 'fine') AS fines_usd
  FROM converted GROUP BY seizure_id
),
terms AS (
  SELECT g.country, g.year, g.taxon, count(*) AS terms, count(*) FILTER (c.suspended) AS suspended_terms,
    count(*) FILTER (c.months IS NULL) AS life_terms,
    quantile_cont(c.months, 0.25) AS p25, quantile_cont(c.months, 0.5) AS median, quantile_cont(c.months, 0.75) AS p75,
      max(c.months) AS longest
  FROM grouped g JOIN converted c USING (seizure_id) WHERE c.kind = 'custodial'
  GROUP BY ALL
),
arrest_delays AS (
  SELECT g.country, g.year, g.taxon, count(*) AS persons, quantile_cont(date_diff('day', p.date, a.arrest_date), 0.5) AS median_days,
    max(date_diff('day', p.date, a.arrest_date)) AS longest_days
  FROM grouped g JOIN picked p USING (seizure_id) JOIN actors a USING (seizure_id)
  WHERE a.arrest_date IS NOT NULL AND p.date IS NOT NULL
  GROUP BY ALL
),
verdict_delays AS (
  SELECT g.country, g.year, g.taxon, count(*) AS verdicts, quantile_cont(date_diff('day', p.date, p.verdict_date), 0.5) AS median_days
  FROM grouped g JOIN picked p USING (seizure_id)
  WHERE p.verdict_date IS NOT NULL AND p.date IS NOT NULL
  GROUP BY ALL
),
arrest_to_verdict AS (
  SELECT g.country, g.year, g.taxon, count(*) AS persons, quantile_cont(date_diff('day', a.arrest_date, p.verdict_date), 0.5) AS median_days
  FROM grouped g JOIN picked p USING (seizure_id) JOIN actors a USING (seizure_id)
  WHERE a.arrest_date IS NOT NULL AND p.verdict_date IS NOT NULL
  GROUP BY ALL
),
funnel AS (
  SELECT g.country, g.year, g.taxon, count(*) AS seizures, count(p.seizure_id) AS with_outcome,
    count(*) FILTER (p.arrested) AS arrests, count(*) FILTER (p.prosecuted) AS prosecuted, count(*) FILTER (p.convicted) AS convicted,
    count(*) FILTER (p.acquitted) AS acquitted, count(*) FILTER (p.pending) AS pending, count(*) FILTER (p.dismissed) AS dismissed,
    count(*) FILTER (p.unparsed) AS unparsed,
    sum(p.fines) AS fines, sum(p.fines_unconverted) AS fines_unconverted,
    -- The deterrence ratio pairs each seizure's fines with its own seized value: only seizures with both in dollars.
    sum(p.fines_usd) FILTER (p.fines_unconverted = 0 AND g.value_usd > 0) AS paired_fines_usd,
    sum(g.value_usd) FILTER (p.fines_usd IS NOT NULL AND p.fines_unconverted = 0 AND g.value_usd > 0) AS paired_value_usd,
    sum(p.fines_usd) AS fines_usd
  FROM grouped g LEFT JOIN per_seizure p USING (seizure_id)
  GROUP BY ALL
)
SELECT f.country, f.year, f.taxon, f.seizures::INTEGER AS seizures, f.with_outcome::INTEGER AS with_outcome,
  f.arrests::INTEGER AS arrests, f.prosecuted::INTEGER AS prosecuted, f.convicted::INTEGER AS convicted,
  f.acquitted::INTEGER AS acquitted, f.pending::INTEGER AS pending, f.dismissed::INTEGER AS dismissed, f.unparsed::INTEGER AS unparsed,
  round(f.arrests / f.seizures, 4) AS arrest_rate, round(f.prosecuted / f.seizures, 4) AS prosecution_rate,
  CASE WHEN f.prosecuted > 0 THEN round(f.convicted / f.prosecuted, 4) END AS conviction_rate,
  coalesce(t.terms, 0)::INTEGER AS custodial_terms, coalesce(t.suspended_terms, 0)::INTEGER AS suspended_terms,
    coalesce(t.life_terms, 0)::INTEGER AS life_terms,
  round(t.median, 2) AS median_months, round(t.p25, 2) AS p25_months, round(t.p75, 2) AS p75_months, round(t.longest, 2) AS max_months,
  coalesce(f.fines, 0)::INTEGER AS fines, coalesce(f.fines_unconverted, 0)::INTEGER AS fines_unconverted,
    round(f.fines_usd, 2) AS fines_usd,
  round(f.paired_value_usd, 2) AS fined_seizures_value_usd,
  CASE WHEN f.paired_value_usd > 0 THEN round(f.paired_fines_usd / f.paired_value_usd, 4) END AS deterrence_ratio,
  coalesce(d.persons, 0)::INTEGER AS arrests_dated, round(d.median_days, 1) AS median_days_to_arrest,
    d.longest_days::INTEGER AS max_days_to_arrest,
  coalesce(v.verdicts, 0)::INTEGER AS verdicts_dated, round(v.median_days, 1) AS median_days_to_verdict,
  round(av.median_days, 1) AS median_days_arrest_to_verdict
FROM funnel f LEFT JOIN terms t ON t.country IS NOT DISTINCT FROM f.country AND t.year IS NOT DISTINCT FROM f.year AND t.taxon = f.taxon
LEFT JOIN arrest_delays d ON d.country IS NOT DISTINCT FROM f.country AND d.year IS NOT DISTINCT FROM f.year AND d.taxon = f.taxon
LEFT JOIN verdict_delays v ON v.country IS NOT DISTINCT FROM f.country AND v.year IS NOT DISTINCT FROM f.year AND v.taxon = f.taxon
LEFT JOIN arrest_to_verdict av ON av.country IS NOT DISTINCT FROM f.country AND av.year IS NOT DISTINCT FROM f.year AND av.taxon = f.taxon
ORDER BY f.country NULLS LAST, f.year NULLS LAST, f.taxon
