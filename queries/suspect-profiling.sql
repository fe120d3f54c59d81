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
),
-- The three taxa most often seized with each profile: specimens of the profile's seizures, each once.
profile_species AS (
  SELECT p.nationality, p.sex, p.age_group, p.role, sp.taxon, count(*) AS n
  FROM (SELECT DISTINCT nationality, sex, age_group, role, seizure_id FROM offenders) p
  JOIN f_specimens sp USING (seizure_id)
  WHERE sp.taxon IS NOT NULL
  GROUP BY p.nationality, p.sex, p.age_group, p.role, sp.taxon
),
top_species AS (
  SELECT nationality, sex, age_group, role, list(taxon ORDER BY n DESC, taxon)[1:3] AS top_species
  FROM profile_species GROUP BY nationality, sex, age_group, role
),
profiles AS (
  SELECT o.nationality, o.sex, o.age_group, o.role, count(*)::INTEGER AS offenders, count(DISTINCT o.seizure_id)::INTEGER AS seizures,
    list(DISTINCT o.transport_mode ORDER BY o.transport_mode) FILTER (o.transport_mode IS NOT NULL) AS transport_modes
  FROM offenders o
  GROUP BY o.nationality, o.sex, o.age_group, o.role
)
SELECT p.nationality, p.sex, p.age_group, p.role, p.offenders, p.seizures,
  round(100.0 * p.offenders / sum(p.offenders) OVER (), 2) AS share_pct,
  p.transport_modes, t.top_species
FROM profiles p LEFT JOIN top_species t USING (nationality, sex, age_group, role)
ORDER BY p.offenders DESC, p.nationality, p.sex, p.age_group, p.role
