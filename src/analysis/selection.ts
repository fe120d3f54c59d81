// Before an analysis runs, the filters select seizures and specimens (f_seizures, f_specimens, as
// views over narrow tables of selected ids) with values converted to US dollars. Every analysis SQL reads these
// instead of repeating the filter logic; f_legs is a view of the trade-chain legs (the seizing country
// placed in the chain, f_listed_legs the chain as the file lists it), computed only when an analysis reads it.
import type { Database } from '../db/database.js';
import { SPOKEN_FOR_SQL } from '../load/same-seizure.js';
import { InputError, UsageError } from '../errors.js';
import { referencePath } from '../reference/read-reference.js';
import { checkFiltersMatch, SPECIES_CONDITION } from './filter-matches.js';
import { filterParams, type Filters } from './filters.js';
import { prepareStandard, type IvoryModel } from './standard.js';

export interface Selection {
  seizures: number;
  specimens: number;
  /** Values that could not be converted to USD: counted and listed, never silently dropped. An item's
   *  value counts only when its seizure has no value of its own (the seizure's value is used first).
   *  Why: no currency (none given, or none recognised when loaded), no rate for the value's year, or
   *  undated (a currency other than USD and no --rate-year, or no rate in that year). */
  unconverted: Array<{ reason: UnconvertedReason; currency: string | null; year: number | null; values: number }>;
  /** Undated values in currencies other than USD converted at the rates of --rate-year, by currency. */
  atRateYear: Array<{ currency: string; values: number }>;
  /** The year whose rates convert undated values (--rate-year), or null. */
  rateYear: number | null;
  rates: RatesCoverage;
  /** The name the species filter selected by (the accepted name of a synonym, the taxon of a common name), or null. */
  species: string | null;
  /** Seizures left out because another source's record of the same seizure speaks for it (0 with --keep-duplicates). */
  spokenFor: number;
  /** The ivory weight model when the standard quantities were asked for (--standardise), else null. */
  standard: IvoryModel[] | null;
}

/** --standardise: f_specimens gains the standard quantities (src/analysis/standard.ts). */
export interface StandardRequest {
  factorsPath?: string;
}

type UnconvertedReason = 'no currency' | 'no rate' | 'undated';

/** What a rates file covers, read from the file itself (the dollar rows wen adds are not counted). */
export interface RatesCoverage {
  /** "the bundled rates", or "the rates in FILE" for --rates FILE. */
  file: string;
  currencies: string[];
  years: number[];
}

export async function selectRecords(
  db: Database,
  filters: Filters,
  ratesPath?: string,
  rateYear?: number,
  standardise?: StandardRequest,
): Promise<Selection> {
  const rates = await loadRates(db, ratesPath, rateYear);
  const standard = standardise ? await prepareStandard(db, standardise.factorsPath) : null;
  await loadUseTypes(db);
  filters = await checkFiltersMatch(db, filters);
  const params = filterParams(filters);
  const specimenFilter = `${SPECIES_CONDITION} AND ($term IS NULL OR sp.term = $term)`;
  // Without any filter every record is selected: the views then read the tables directly, which
  // spares every query a join against a million ids (about 0.3 s per analysis at 1M rows).
  // A seizure told by two sources counts once (src/load/same-seizure.ts): the other record is left out.
  const spokenFor = filters.keepDuplicates ? 0 : (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${SPOKEN_FOR_SQL})`))!.n;
  const onlyOnce = spokenFor > 0 ? `AND s.seizure_id NOT IN (${SPOKEN_FOR_SQL})` : '';
  const unfiltered =
    spokenFor === 0 && Object.entries(params).every(([key, value]) => value === null || (key === 'role' && value === 'any'));
  if (unfiltered) {
    await replaceTemp(db, 'f_source_ids', 'VIEW', 'SELECT source_id FROM sources');
    await replaceTemp(db, 'f_seizure_ids', 'VIEW', 'SELECT seizure_id FROM seizures');
    await replaceTemp(db, 'f_specimen_ids', 'VIEW', 'SELECT specimen_id FROM specimens');
  } else {
    // Sources loaded by --as-of (all of them without it), so that a run can be reproduced later.
    await replaceTemp(
      db,
      'f_source_ids',
      'TABLE',
      'SELECT source_id FROM sources WHERE $as_of IS NULL OR loaded_at < $as_of::DATE + INTERVAL 1 DAY',
      params,
    );
    // The filters, with bound parameters, choose ids into two narrow tables…
    await replaceTemp(
      db,
      'f_seizure_ids',
      'TABLE',
      `SELECT s.seizure_id FROM seizures s
       WHERE s.source_id IN (SELECT source_id FROM f_source_ids)
         AND ($from IS NULL OR coalesce(s.date_end, s.date) >= $from::DATE)
         AND ($to IS NULL OR s.date <= $to::DATE)
         AND ($reporting_country IS NULL OR s.reporting_country = $reporting_country)
         AND ($source IS NULL OR s.source_id = $source)
         AND ($country IS NULL OR CASE $role
               WHEN 'origin' THEN list_contains(s.origin_countries, $country)
               WHEN 'transit' THEN list_contains(s.transit_countries, $country) OR s.export_country = $country
               WHEN 'destination' THEN list_contains(s.destination_countries, $country)
               WHEN 'seizure' THEN s.seizure_country = $country
               ELSE $country IN (s.seizure_country, s.reporting_country, s.export_country) OR list_contains(s.origin_countries, $country)
                    OR list_contains(s.transit_countries, $country) OR list_contains(s.destination_countries, $country) END)
         AND ($species IS NULL AND $term IS NULL OR s.seizure_id IN (SELECT sp.seizure_id FROM specimens sp WHERE ${specimenFilter}))
         ${onlyOnce}`,
      params,
    );
    await replaceTemp(
      db,
      'f_specimen_ids',
      'TABLE',
      `SELECT sp.specimen_id FROM specimens sp JOIN f_seizure_ids USING (seizure_id) WHERE ${specimenFilter}`,
      params,
    );
  }
  const onlySelectedSeizures = unfiltered ? '' : 'JOIN f_seizure_ids USING (seizure_id)';
  const onlySelectedSpecimens = unfiltered ? '' : 'JOIN f_specimen_ids USING (specimen_id)';
  // …and views over them add US dollar values and totals. Views, not copies: DuckDB computes only
  // the columns the analysis reads. The year is matched with IS NOT DISTINCT FROM so that an undated
  // value meets the rates loadRates keeps under year NULL (the dollar's 1, and --rate-year's rates).
  await db.run(
    `CREATE OR REPLACE TEMP VIEW f_seizure_base AS
     SELECT s.*, year(s.date) AS year, s.value / r.per_usd AS seizure_value_usd, ${SEIZING_STAGE_SQL} AS seizing_stage
     FROM seizures s ${onlySelectedSeizures} LEFT JOIN usd_rates r ON r.currency = s.currency AND r.year IS NOT DISTINCT FROM year(s.date)`,
  );
  // The standard quantities are columns of every selection, NULL unless --standardise asked for them,
  // so that one SQL file serves both runs.
  const standardColumns = standard
    ? 'st.kg_estimated, st.kg_rule, st.raw_ivory_kg, st.organisms, st.organisms_low, st.organisms_high, st.organisms_rule'
    : `NULL::DOUBLE AS kg_estimated, NULL::VARCHAR AS kg_rule, NULL::DOUBLE AS raw_ivory_kg, NULL::DOUBLE AS organisms,
       NULL::DOUBLE AS organisms_low, NULL::DOUBLE AS organisms_high, NULL::VARCHAR AS organisms_rule`;
  await db.run(
    `CREATE OR REPLACE TEMP VIEW f_specimens AS
     SELECT sp.*, s.year, s.date, s.date_precision, sp.item_value / r.per_usd AS item_value_usd, ${standardColumns}
     FROM specimens sp ${onlySelectedSpecimens} JOIN f_seizure_base s USING (seizure_id)
     LEFT JOIN usd_rates r ON r.currency = sp.item_currency AND r.year IS NOT DISTINCT FROM s.year
     ${standard ? 'LEFT JOIN f_standard st USING (specimen_id)' : ''}`,
  );
  // Seizure totals over the selected specimens: kg, items and value (the seizure's own value when it
  // has one, else the sum of its items' values when all of them could be converted).
  await db.run(
    `CREATE OR REPLACE TEMP VIEW f_seizures AS
     SELECT s.*, t.quantity_kg, t.items,
       CASE WHEN s.value IS NOT NULL THEN s.seizure_value_usd WHEN t.unconverted = 0 THEN t.items_value_usd END AS value_usd
     FROM f_seizure_base s LEFT JOIN (
       SELECT seizure_id, exact_sum(quantity_kg) AS quantity_kg, exact_sum(quantity_count) AS items,
         exact_sum(item_value_usd) AS items_value_usd,
              count(*) FILTER (item_value IS NOT NULL AND item_value_usd IS NULL) AS unconverted
       FROM f_specimens GROUP BY seizure_id) t USING (seizure_id)`,
  );
  // The species a seizure names, for "top species" columns: its taxa, else the species or product as given.
  await db.run(
    `CREATE OR REPLACE TEMP VIEW f_seizure_species AS
     SELECT DISTINCT seizure_id, coalesce(taxon, species_as_given, term) AS species FROM f_specimens
     WHERE coalesce(taxon, species_as_given, term) IS NOT NULL`,
  );
  await db.run(`CREATE OR REPLACE TEMP VIEW f_legs AS ${legsSql(true)}`);
  await db.run(`CREATE OR REPLACE TEMP VIEW f_listed_legs AS ${legsSql(false)}`);
  const counts = (await db.one<{ seizures: number; specimens: number }>(
    'SELECT (SELECT count(*) FROM f_seizure_ids)::INTEGER AS seizures, (SELECT count(*) FROM f_specimen_ids)::INTEGER AS specimens',
  ))!;
  // Items count only in seizures without a value of their own, so those seizures are found first and
  // the specimens joined to them alone: through f_specimens (which joins every specimen to its
  // seizure) this took 0.2–0.3 s at 1M rows, on every analysis.
  // One pass over the values that count gives both the unconverted ones and the undated ones that
  // --rate-year converted (reported too, since their year is a stand-in).
  const groups = await db.all<{ currency: string | null; year: number | null; converted: boolean; values: number }>(
    `WITH valueless AS (SELECT seizure_id, year FROM f_seizure_base WHERE value IS NULL),
     counted AS (
       SELECT currency, year, seizure_value_usd IS NOT NULL AS converted FROM f_seizure_base WHERE value IS NOT NULL
       UNION ALL
       SELECT sp.item_currency, v.year, r.per_usd IS NOT NULL FROM specimens sp ${onlySelectedSpecimens} JOIN valueless v USING (seizure_id)
         LEFT JOIN usd_rates r ON r.currency = sp.item_currency AND r.year IS NOT DISTINCT FROM v.year
       WHERE sp.item_value IS NOT NULL)
     SELECT currency, year, converted, count(*)::INTEGER AS values FROM counted
     WHERE NOT converted OR (year IS NULL AND currency <> 'USD')
     GROUP BY ALL ORDER BY values DESC, currency, year`,
  );
  const unconverted = groups
    .filter((g) => !g.converted)
    .map(({ currency, year, values }) => ({
      reason: (currency === null ? 'no currency' : year === null ? 'undated' : 'no rate') as UnconvertedReason,
      currency,
      year,
      values,
    }));
  const atRateYear = groups.filter((g) => g.converted).map(({ currency, values }) => ({ currency: currency!, values }));
  return { ...counts, unconverted, atRateYear, rateYear: rateYear ?? null, rates, species: filters.species, spokenFor, standard };
}

/** Creates a temporary table or view, dropping whatever of that name an earlier selection left. */
async function replaceTemp(
  db: Database,
  name: string,
  kind: 'TABLE' | 'VIEW',
  select: string,
  params?: Record<string, unknown>,
): Promise<void> {
  const existing = await db.one<{ kind: string }>(
    `SELECT 'TABLE' AS kind FROM duckdb_tables() WHERE temporary ` +
      `AND table_name = $name UNION ALL SELECT 'VIEW' FROM duckdb_views() ` +
      `WHERE temporary AND view_name = $name`,
    { name },
  );
  if (existing) await db.run(`DROP ${existing.kind} ${name}`);
  await db.run(`CREATE TEMP ${kind} ${name} AS ${select}`, params as never);
}

/** What each CITES term is usually used for (src/reference/use-types.csv), for the motives analysis. */
async function loadUseTypes(db: Database): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE use_types AS SELECT term, use_type
     FROM read_csv($path, comment = '#', header = true, columns = {'term': 'VARCHAR', 'use_type': 'VARCHAR'}, auto_detect = false)`,
    { path: referencePath('use-types.csv') },
  );
}

/**
 * Reads the rates file into usd_rates(currency, year, per_usd) and says what it covers. Two kinds of
 * rows are added that no file needs to hold: a dollar is 1 in every year and undated (year NULL); and
 * with --rate-year, that year's rates are copied under year NULL, the documented fallback for undated
 * values in other currencies. Without it those stay unconverted and are counted.
 */
export async function loadRates(db: Database, ratesPath?: string, rateYear?: number): Promise<RatesCoverage> {
  const path = ratesPath ?? referencePath('usd-rates.csv');
  const file = ratesPath ? `the rates in ${ratesPath}` : 'the bundled rates';
  try {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE usd_rates AS
       SELECT upper(trim(currency)) AS currency, year::INTEGER AS year, per_usd::DOUBLE AS per_usd
       FROM read_csv($path, comment = '#', header = true, columns = {'currency': 'VARCHAR', 'year': 'VARCHAR', 'per_usd': 'VARCHAR'},
         auto_detect = false)
       WHERE per_usd::DOUBLE > 0 AND nullif(trim(year), '') IS NOT NULL`,
      { path },
    );
  } catch (cause) {
    throw new InputError(`${path}: cannot read exchange rates: ${(cause as Error).message.split('\n')[0]}`, {
      hint: 'a rates file has the columns currency,year,per_usd (units of the currency per US dollar)',
      cause,
    });
  }
  const coverage = (await db.one<{ currencies: string[] | null; years: number[] | null }>(
    'SELECT list(DISTINCT currency ORDER BY currency) AS currencies, list(DISTINCT year ORDER BY year) AS years FROM usd_rates',
  ))!;
  const rates: RatesCoverage = { file, currencies: [...(coverage.currencies ?? [])], years: [...(coverage.years ?? [])] };
  if (rateYear !== undefined && !rates.years.includes(rateYear)) {
    throw new UsageError(`--rate-year ${rateYear} is not a year of ${file}`, {
      hint: rates.years.length ? `years with rates: ${yearRanges(rates.years)}` : 'the rates file has no rates at all',
    });
  }
  // A dollar is a dollar in any year, and undated, whether or not the file says so: without these rows
  // a USD value dated outside the file's years (or every one, with a --rates file that lists only other
  // currencies), or not dated at all, would be left out as unconverted.
  await db.run(
    `INSERT INTO usd_rates SELECT 'USD', y::INTEGER, 1 FROM range(1900, 2101) t(y)
     WHERE y NOT IN (SELECT year FROM usd_rates WHERE currency = 'USD')`,
  );
  await db.run(`INSERT INTO usd_rates VALUES ('USD', NULL, 1)`);
  if (rateYear !== undefined) {
    await db.run(`INSERT INTO usd_rates SELECT currency, NULL, per_usd FROM usd_rates WHERE year = $year AND currency <> 'USD'`, {
      year: rateYear,
    });
  }
  return rates;
}

/** 2010, 2014–2024: years as ranges, for notes and hints. */
export function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    out.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j;
  }
  return out.join(', ');
}

/** The seizing country is known and listed nowhere in the chain: the case where it is placed. */
const seizingPlaced = (s: string) => `(${s}.seizure_country IS NOT NULL AND ${s}.seizure_country <> 'XX' AND NOT list_contains(
    coalesce(${s}.origin_countries, []) || [${s}.export_country]
      || coalesce(${s}.transit_countries, []) || coalesce(${s}.destination_countries, []), ${s}.seizure_country))`;

/**
 * Where the seizing country sits in a seizure's trade chain, the rule legs and prices' stage share.
 * A file often lists the chain without the country that made the seizure (a China seizure of
 * pangolins "from Viet Nam"). A person places it where the consignment must have been:
 *  - listed in the chain: where it is listed (destination first, then origin, then export or transit);
 *  - not listed, and the chain names a destination: after the origin, export and transits and before
 *    the destination (it was on the way): stage "transit";
 *  - not listed, and the chain ends before any destination: at the end, as the destination
 *    (VN → seized in CN is the leg VN→CN): stage "destination";
 *  - no seizing country (or XX), or no chain at all: "unknown", and nothing is placed.
 */
const SEIZING_STAGE_SQL = `CASE
    WHEN s.seizure_country IS NULL OR s.seizure_country = 'XX' THEN 'unknown'
    WHEN ${seizingPlaced('s')} THEN CASE
      WHEN len(coalesce(s.destination_countries, [])) > 0 THEN 'transit'
      WHEN len(coalesce(s.origin_countries, [])) > 0
           OR s.export_country IS NOT NULL OR len(coalesce(s.transit_countries, [])) > 0 THEN 'destination'
      ELSE 'unknown' END
    WHEN list_contains(s.destination_countries, s.seizure_country) THEN 'destination'
    WHEN list_contains(s.origin_countries, s.seizure_country) THEN 'origin'
    ELSE 'transit' END`;

/**
 * Trade-chain legs of each selected seizure: origin(s) → export → transit(s) → destination(s), with
 * the seizing country placed by the rule above when the file does not list it (f_legs), or the chain
 * exactly as the file lists it (f_listed_legs, for checking a file's own figures).
 * A stage not given is skipped; a stage given as unknown (only XX) breaks the chain, since joining
 * its neighbours would draw a leg the file does not have ("CD, XX, LA" has no CD→LA). XX beside known
 * countries in one stage is dropped. A stage equal to the one before is collapsed, and each leg joins
 * every country of one stage to every country of the next.
 */
function legsSql(placeSeizingCountry: boolean): string {
  // The placed stage goes just before the destination stage: the end of the chain when there is none.
  const placed = placeSeizingCountry ? `|| CASE WHEN ${seizingPlaced('f_seizures')} THEN [[seizure_country]] ELSE [] END` : '';
  return `
  WITH chains AS (
    SELECT seizure_id, year, date, quantity_kg, value_usd,
      list_filter(list_transform(
        [coalesce(origin_countries, [])] || [list_filter([export_country], c -> c IS NOT NULL)]
        || list_transform(coalesce(transit_countries, []), c -> [c]) ${placed} || [coalesce(destination_countries, [])],
        stage -> CASE WHEN len(stage) > 0 AND list_bool_and(list_transform(stage, c -> c = 'XX')) THEN ['?'] ELSE
          list_filter(stage, c -> c <> 'XX') END),
        stage -> len(stage) > 0) AS stages
    FROM f_seizures),
  collapsed AS (
    SELECT seizure_id, year, date, quantity_kg, value_usd,
      list_filter(stages, (stage, i) -> i = 1 OR list_sort(stage) <> list_sort(stages[i - 1])) AS stages
    FROM chains),
  -- Every (step, from, to) of a seizure built as one list and unnested once: much cheaper in DuckDB
  -- than joining each seizure to a range of steps.
  legs AS (
    SELECT seizure_id, year, date, quantity_kg, value_usd,
      unnest(list_distinct(flatten(list_transform(range(1, len(stages)), i ->
        flatten(list_transform(stages[i], f -> list_transform(stages[i + 1], t -> {'step': i, 'from_country': f, 'to_country': t}))))))) AS
          leg
    FROM collapsed WHERE len(stages) > 1)
  SELECT seizure_id, year, date, quantity_kg, value_usd, leg.step AS step, leg.from_country AS from_country, leg.to_country AS to_country
  FROM legs
  WHERE leg.from_country <> leg.to_country AND '?' NOT IN (leg.from_country, leg.to_country)`;
}
