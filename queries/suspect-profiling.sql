-- suspect-profiling: who is caught — nationality, sex, age at arrest and role — with the species,
-- transport modes and routes they are caught with. Filter with --species or --country/--role to
-- see the profile for one species or route.
WITH offenders AS (
  SELECT a.actor_id, a.seizure_id, a.kind, coalesce(a.nationality, 'XX') AS nationality, coalesce(a.sex, 'unknown') AS sex,
    coalesce(a.role, 'unknown') AS role,
    CASE WHEN a.birth_date IS NULL THEN 'unknown'
         ELSE CASE WHEN date_diff('year', a.birth_date, coalesce(a.arrest_date, s.date)) < 25 THEN 'under 25'
                   WHEN date_diff('year', a.birth_date, coalesce(a.arrest_date, s.date)) < 35 THEN '25-34'
                   WHEN date_diff('year', a.birth_date, coalesce(a.arrest_date, s.date)) < 45 THEN '35-44'
                   WHEN date_diff('year', a.birth_date, coalesce(a.arrest_date, s.date)) < 55 THEN '45-54'
                   ELSE '55 and over' END END AS age_group,
    s.transport_mode
  FROM actors a JOIN f_seizure_base s USING (seizure_id)
  WHERE a.kind IN ('person', 'unknown')
)
SELECT o.nationality, o.sex, o.age_group, o.role, count(*)::INTEGER AS offenders, count(DISTINCT o.seizure_id)::INTEGER AS seizures,
  round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS share_pct,
  list(DISTINCT o.transport_mode ORDER BY o.transport_mode) FILTER (o.transport_mode IS NOT NULL) AS transport_modes,
  (SELECT list(t ORDER BY n DESC, t)[1:3] FROM (SELECT sp.taxon AS t, count(*) AS n FROM f_specimens sp WHERE sp.seizure_id IN (SELECT seizure_id FROM offenders x WHERE x.nationality = o.nationality AND x.sex = o.sex AND x.age_group = o.age_group AND x.role = o.role) AND sp.taxon IS NOT NULL GROUP BY 1)) AS top_species
FROM offenders o
GROUP BY 1, 2, 3, 4
ORDER BY offenders DESC, nationality, sex, age_group, role
