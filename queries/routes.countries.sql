-- routes --view countries: each country's roles in the trade chains, with ETIS's "seizures in/out",
-- ratios and Trade Chain Index, as TRAFFIC's ETIS defines them (DataDefinitions.md and
-- "Trade Route Calculation.R" of fmunderwood/ETIS_CITESReporting_RCode).
-- A seizure counts "in" for the country that made it. It counts "out" for other countries of its chain:
--  * law-enforcement definition: the countries that had a chance to seize it, i.e. those listed as
--    origin, export or transit (a transit only in the chain of custody: wen's files do not mark
--    custody, so every listed transit counts); the destination never reached the consignment;
--  * trade-flow definition: every country of the chain, destination included.
-- Neither counts the seizing country itself, nor unknown (XX). A seizure with no seizing country counts
-- "out" for its chain as it does in ETIS's tables (it is a seizure someone else made).
WITH roles AS (
  SELECT seizure_id, seizure_country, unnest(origin_countries) AS country, 'origin' AS role FROM f_seizures
  UNION ALL SELECT seizure_id, seizure_country, export_country, 'export' FROM f_seizures WHERE export_country IS NOT NULL
  UNION ALL SELECT seizure_id, seizure_country, unnest(transit_countries), 'transit' FROM f_seizures
  UNION ALL SELECT seizure_id, seizure_country, unnest(destination_countries), 'destination' FROM f_seizures
  UNION ALL SELECT seizure_id, seizure_country, seizure_country, 'seizure' FROM f_seizures WHERE seizure_country IS NOT NULL
),
known AS (SELECT * FROM roles WHERE country IS NOT NULL AND country <> 'XX'),
per_country AS (
  SELECT country,
    count(DISTINCT seizure_id) FILTER (role = 'origin')::INTEGER AS as_origin,
    count(DISTINCT seizure_id) FILTER (role = 'export')::INTEGER AS as_export,
    count(DISTINCT seizure_id) FILTER (role = 'transit')::INTEGER AS as_transit,
    count(DISTINCT seizure_id) FILTER (role = 'destination')::INTEGER AS as_destination,
    count(DISTINCT seizure_id) FILTER (role = 'seizure')::INTEGER AS seizures_in,
    count(DISTINCT seizure_id) FILTER (role IN ('origin', 'export', 'transit') AND country IS DISTINCT FROM seizure_country)::INTEGER AS
      seizures_out_law_enforcement,
    count(DISTINCT seizure_id) FILTER (role <> 'seizure' AND country IS DISTINCT FROM seizure_country)::INTEGER AS seizures_out_trade_flow
  FROM known GROUP BY country
),
-- Trade Chain Index, as ETIS's code computes it: a country's score in a role is 100 × the seizures
-- listing it in that role ÷ the seizures listing any country in that role (the seizing country is
-- counted too, as ETIS does with incl.disc = TRUE); oet is the mean of the origin, export and transit
-- scores; TCI = ln(dest + 1) − ln(oet + 1). Positive: more a destination than a source or transit.
-- ETIS computes it per year and averages raw and worked ivory; wen computes it over the selection
-- (all commodities, all years: filter with --from/--to for one year). A role no seizure names scores 0.
role_totals AS (
  SELECT count(DISTINCT seizure_id) FILTER (role = 'origin') AS origin, count(DISTINCT seizure_id) FILTER (role = 'export') AS export,
         count(DISTINCT seizure_id) FILTER (role = 'transit') AS transit,
           count(DISTINCT seizure_id) FILTER (role = 'destination') AS destination
  FROM known
)
SELECT p.country, p.as_origin, p.as_export, p.as_transit, p.as_destination, p.seizures_in,
  p.seizures_out_law_enforcement, p.seizures_out_trade_flow,
  -- 0/0 (a country only ever seizing nothing and never "out") is 0, as in ETIS.
  round(coalesce(p.seizures_in / nullif(p.seizures_in + p.seizures_out_law_enforcement, 0), 0), 3) AS law_enforcement_ratio,
  round(coalesce(p.seizures_in / nullif(p.seizures_in + p.seizures_out_trade_flow, 0), 0), 3) AS trade_flow_ratio,
  round(ln(coalesce(100 * p.as_destination / nullif(t.destination, 0), 0) + 1)
        - ln((coalesce(100 * p.as_origin / nullif(t.origin, 0), 0) + coalesce(100 * p.as_export / nullif(t.export, 0), 0)
              + coalesce(100 * p.as_transit / nullif(t.transit, 0), 0)) / 3 + 1), 3) AS trade_chain_index
FROM per_country p CROSS JOIN role_totals t
ORDER BY p.seizures_in + p.seizures_out_trade_flow DESC, p.country
