// Builds the lookup tables that normalisation joins against. DuckDB lists each field's distinct
// values (all fields in one scan); the TypeScript normalisers map each one once; each map goes back
// as one bound JSON parameter. Work grows with the number of distinct values, not of rows.
import type { Database } from '../db/database.js';
import { readCell } from '../normalise/countries.js';
import { currencyCode, parseMoney } from '../normalise/currencies.js';
import { parseDate, parseTime, type DateOrder } from '../normalise/dates.js';
import { UNKNOWN_QUANTITIES, parseNumber, parseRange } from '../normalise/numbers.js';
import { citesAppendix, normaliseSpecies } from '../normalise/species.js';
import { termCode } from '../normalise/terms.js';
import { splitQuantityAndUnit, unitInfo, unitWithOverride, type UnitOverride } from '../normalise/units.js';
import {
  ACTOR_ROLES,
  DETECTION_METHODS,
  DOCUMENT_TYPES,
  PURPOSES,
  TRANSPORT_MODES,
  fromVocabulary,
  normaliseSex,
} from '../normalise/vocabulary.js';

type Column = [name: string, type: string];

/** Creates temp table `table` mapping each of `values` (distinct, not null) by `fn`. */
async function buildMap<T extends Record<string, unknown>>(
  db: Database,
  table: string,
  values: Iterable<string>,
  columns: Column[],
  fn: (value: string) => T,
): Promise<void> {
  const rows = [...new Set(values)].map((v) => ({ given: v, ...fn(v) }));
  const structure = `{"given": "VARCHAR", ${columns.map(([n, t]) => `"${n}": "${t}"`).join(', ')}}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (given VARCHAR, ${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  if (rows.length)
    await db.run(`INSERT INTO ${table} SELECT unnest(from_json($rows, '[${structure}]'), recursive := true)`, {
      rows: JSON.stringify(rows),
    });
}

export interface MapOptions {
  dateOrder: DateOrder;
}

const PLAIN_NUMBER = (column: string) => `regexp_full_match(${column}, '-?[0-9]+(\\.[0-9]+)?')`;
const COUNTRY_COLUMNS = ['reporting_country', 'seizure_country', 'origin', 'export', 'transit', 'destination', 'offender_nationality'];
const LISTED_COLUMNS = [
  ...COUNTRY_COLUMNS,
  'date',
  'verdict_date',
  'time',
  'species',
  'term',
  'unit',
  'currency',
  'item_currency',
  'transport_mode',
  'detection_method',
  'purpose',
  'weight',
  'cites_appendix',
];

/**
 * The distinct values of every column that has a map, in one scan of the staging view (one hash set
 * per column) and one of the small actor and document tables. Plain numbers need no map.
 */
async function distinctValues(db: Database): Promise<Record<string, string[]>> {
  const staged = (await db.one<Record<string, Array<string | null> | null>>(
    `SELECT ${LISTED_COLUMNS.map((c) => `list(DISTINCT ${c}) AS ${c}`).join(', ')},
       list(DISTINCT quantity) FILTER (NOT ${PLAIN_NUMBER('quantity')}) AS quantity,
       list(DISTINCT value) FILTER (NOT ${PLAIN_NUMBER('value')}) AS value,
       list(DISTINCT item_value) FILTER (NOT ${PLAIN_NUMBER('item_value')}) AS item_value
     FROM staged`,
  ))!;
  const actors = (await db.one<Record<string, Array<string | null> | null>>(
    `SELECT list(DISTINCT nationality) AS nationality, list(DISTINCT birth_date) AS birth_date, list(DISTINCT arrest_date) AS arrest_date,
            list(DISTINCT role) AS role, list(DISTINCT sex) AS sex FROM staged_actors`,
  ))!;
  const documents = (await db.one<Record<string, Array<string | null> | null>>(
    'SELECT list(DISTINCT issuing_country) AS issuing_country, list(DISTINCT doc_type) AS doc_type FROM staged_documents',
  ))!;
  const values: Record<string, string[]> = {};
  for (const [column, list] of [...Object.entries(staged), ...Object.entries(actors), ...Object.entries(documents)]) {
    values[column] = (list ?? []).filter((v): v is string => v !== null);
  }
  return values;
}

export async function buildValueMaps(db: Database, options: MapOptions): Promise<void> {
  const values = await distinctValues(db);
  await buildMap(
    db,
    'map_country',
    [...COUNTRY_COLUMNS, 'nationality', 'issuing_country'].flatMap((c) => values[c]),
    [
      ['codes', 'VARCHAR[]'],
      ['places', 'VARCHAR[]'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = readCell(v);
      return { codes: r.codes.length ? r.codes : null, places: r.places.length ? r.places : null, rule: r.rule };
    },
  );
  await buildMap(
    db,
    'map_date',
    [...values.date, ...values.verdict_date, ...values.birth_date, ...values.arrest_date],
    [
      ['start_date', 'DATE'],
      ['end_date', 'DATE'],
      ['precision', 'VARCHAR'],
      ['time_of_day', 'TIME'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = parseDate(v, options.dateOrder);
      return {
        start_date: r.value?.start ?? null,
        end_date: r.value?.end ?? null,
        precision: r.value?.precision ?? null,
        time_of_day: r.value?.time ?? null,
        rule: r.rule,
      };
    },
  );
  await buildMap(
    db,
    'map_time',
    values.time,
    [
      ['time_of_day', 'TIME'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const t = parseTime(v) ?? parseTime(v.replace(/^(\d{1,2})(\d{2})$/, '$1:$2'));
      return { time_of_day: t, rule: t ? 'time of day' : 'unrecognised time' };
    },
  );
  await buildMap(
    db,
    'map_species',
    values.species,
    [
      ['taxon', 'VARCHAR'],
      ['taxon_rank', 'VARCHAR'],
      ['genus', 'VARCHAR'],
      ['family', 'VARCHAR'],
      ['order_name', 'VARCHAR'],
      ['class_name', 'VARCHAR'],
      ['cites_appendix', 'VARCHAR'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = normaliseSpecies(v);
      const t = r.value;
      return {
        taxon: t?.taxon ?? null,
        taxon_rank: t?.rank ?? null,
        genus: t?.genus ?? null,
        family: t?.family ?? null,
        order_name: t?.order ?? null,
        class_name: t?.class ?? null,
        cites_appendix: t?.appendix ?? null,
        rule: r.rule,
      };
    },
  );
  await buildMap(
    db,
    'map_appendix',
    values.cites_appendix,
    [
      ['appendix', 'VARCHAR'],
      ['known', 'BOOLEAN'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = citesAppendix(v);
      return { appendix: r.value === 'not listed' ? null : r.value, known: r.value !== null, rule: r.rule };
    },
  );
  await buildMap(
    db,
    'map_term',
    values.term,
    [
      ['code', 'VARCHAR'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = termCode(v);
      return { code: r.value, rule: r.rule };
    },
  );
  // Quantities that are not plain numbers: "1,200", "12 kg", "3 pairs", "60-120", "Y". `flag` says
  // why a value read as not given (or as a midpoint) still loads; a quantity with neither an amount
  // nor a flag rejects its row.
  await db.run('CREATE TEMP TABLE IF NOT EXISTS mapped_missing (kind VARCHAR, given VARCHAR)');
  const embeddedUnits: string[] = [];
  await db.run('CREATE TEMP TABLE IF NOT EXISTS quantity_unknowns (given VARCHAR)');
  const unknowns = new Set([
    ...UNKNOWN_QUANTITIES,
    ...(await db.all<{ given: string }>('SELECT given FROM quantity_unknowns')).map((u) => u.given.trim().toLowerCase()),
  ]);
  await buildMap(
    db,
    'map_quantity',
    values.quantity,
    [
      ['amount', 'DOUBLE'],
      ['amount_min', 'DOUBLE'],
      ['amount_max', 'DOUBLE'],
      ['embedded_unit', 'VARCHAR'],
      ['rule', 'VARCHAR'],
      ['flag', 'VARCHAR'],
    ],
    (v) => {
      const q = readQuantity(v, unknowns);
      if (q.embedded_unit) embeddedUnits.push(q.embedded_unit);
      return q;
    },
  );
  // Weights given beside a count (a "Weight (kg)" column): kilograms unless the cell names another mass unit.
  await buildMap(
    db,
    'map_weight',
    values.weight,
    [
      ['kg', 'DOUBLE'],
      ['rule', 'VARCHAR'],
    ],
    (v) => readWeight(v, unknowns),
  );
  // A mapping's word on a unit (map, factor, to_kg), by the value as written, case aside.
  await db.run('CREATE TEMP TABLE IF NOT EXISTS unit_overrides (given VARCHAR, map VARCHAR, factor DOUBLE, to_kg DOUBLE)');
  const overrides = new Map<string, UnitOverride>();
  for (const o of await db.all<{ given: string; map: string | null; factor: number | null; to_kg: number | null }>(
    'SELECT * FROM unit_overrides',
  )) {
    overrides.set(o.given.trim().toLowerCase(), { map: o.map ?? undefined, factor: o.factor ?? undefined, toKg: o.to_kg ?? undefined });
  }
  await buildMap(
    db,
    'map_unit',
    [...values.unit, ...embeddedUnits, ''],
    [
      ['code', 'VARCHAR'],
      ['to_code', 'DOUBLE'],
      ['kg_per', 'DOUBLE'],
      ['count_per', 'DOUBLE'],
      ['known', 'BOOLEAN'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const o = overrides.get(v.trim().toLowerCase());
      const r = o ? unitWithOverride(v, o) : unitInfo(v);
      return {
        code: r.value?.code ?? null,
        to_code: r.value?.toCode ?? null,
        kg_per: r.value?.kgPer ?? null,
        count_per: r.value?.countPer ?? null,
        known: r.value !== null,
        rule: r.rule,
      };
    },
  );
  await buildMap(
    db,
    'map_currency',
    [...values.currency, ...values.item_currency],
    [
      ['code', 'VARCHAR'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = currencyCode(v);
      return { code: r.value, rule: r.rule };
    },
  );
  await buildMap(
    db,
    'map_money',
    [...values.value, ...values.item_value],
    [
      ['amount', 'DOUBLE'],
      ['currency', 'VARCHAR'],
      ['rule', 'VARCHAR'],
    ],
    (v) => {
      const r = parseMoney(v, null);
      return { amount: r.value?.amount ?? null, currency: r.value?.currency ?? null, rule: r.rule };
    },
  );
  const vocabularies: Array<[kind: string, column: string, fn: (v: string) => { value: string | null; rule: string }]> = [
    ['transport_mode', 'transport_mode', (v) => fromVocabulary(TRANSPORT_MODES, v, 'transport')],
    ['detection_method', 'detection_method', (v) => fromVocabulary(DETECTION_METHODS, v, 'detection')],
    ['purpose', 'purpose', (v) => fromVocabulary(PURPOSES, v, 'purpose')],
    ['doc_type', 'doc_type', (v) => fromVocabulary(DOCUMENT_TYPES, v, 'document type')],
    ['role', 'role', (v) => fromVocabulary(ACTOR_ROLES, v, 'role')],
    ['sex', 'sex', (v) => normaliseSex(v)],
  ];
  const vocabularyRows = vocabularies.flatMap(([kind, column, fn]) =>
    [...new Set(values[column])].map((given) => ({ kind, given, ...fn(given) })),
  );
  await db.run('CREATE OR REPLACE TEMP TABLE map_vocabulary (kind VARCHAR, given VARCHAR, value VARCHAR, rule VARCHAR)');
  if (vocabularyRows.length) {
    await db.run(
      `INSERT INTO map_vocabulary SELECT unnest(from_json($rows, '[{"kind": ` +
        `"VARCHAR", "given": "VARCHAR", "value": "VARCHAR", "rule": "VARCHAR"}]'), ` +
        `recursive := true)`,
      {
        rows: JSON.stringify(vocabularyRows.map(({ kind, given, value, rule }) => ({ kind, given, value, rule }))),
      },
    );
  }
}

type QuantityReading = {
  amount: number | null;
  amount_min: number | null;
  amount_max: number | null;
  embedded_unit: string | null;
  rule: string;
  flag: string | null;
};

/**
 * One quantity cell that is not a plain number: a number with separators or a unit, a range, a mark for "not given", or several numbers.
 */
function readQuantity(given: string, unknowns: ReadonlySet<string>): QuantityReading {
  const none = { amount: null, amount_min: null, amount_max: null, embedded_unit: null };
  const text = given.trim();
  if (unknowns.has(text.toLowerCase())) return { ...none, rule: 'amount not given', flag: `quantity not given (${text})` };
  const n = parseNumber(text);
  if (n !== null) return { ...none, amount: n, rule: 'number with separators', flag: null };
  const range = parseRange(text);
  if (range)
    return {
      ...none,
      amount: (range[0] + range[1]) / 2,
      amount_min: range[0],
      amount_max: range[1],
      rule: 'range: midpoint used',
      flag: 'range: midpoint used',
    };
  const split = splitQuantityAndUnit(text);
  const amount = split ? parseNumber(split.quantity) : null;
  if (split && amount !== null && unitInfo(split.unit).value)
    return { ...none, amount, embedded_unit: split.unit, rule: 'number and unit in one cell', flag: null };
  // "3520 (2440 cooked + 1080 raw)": the number outside the brackets, the note set aside.
  const outside = text.replace(/[(（][^)）]*[)）]/g, ' ').trim();
  if (outside && outside !== text) {
    const read = readQuantity(outside, new Set());
    if (read.amount !== null) return { ...read, rule: `${read.rule}; note in brackets set aside`, flag: 'note in brackets set aside' };
  }
  const parts = text.split(/\s*[;；、\r\n+＋/／]+\s*/).filter(Boolean);
  if (parts.length > 1 && parts.every((part) => parseNumber(part) !== null)) {
    const flag = /^\d+\s*[/／]\s*\d+$/.test(text)
      ? 'a/b: a fraction or two quantities? not read'
      : !/[;；、+＋/／]/.test(text)
        ? 'line break between digits: one number or two? not read'
        : 'several quantities in one cell: not read';
    return { ...none, rule: flag, flag };
  }
  return { ...none, rule: 'not a number', flag: null };
}

/** A weight cell: a number is kilograms; a number with a mass unit is converted; anything else is not read (and flagged). */
function readWeight(given: string, unknowns: ReadonlySet<string>): { kg: number | null; rule: string } {
  const q = readQuantity(given, unknowns);
  if (q.amount === null) return { kg: null, rule: q.flag ? q.flag.replace(/^quantity/, 'weight') : 'weight not read' };
  if (!q.embedded_unit) return { kg: q.amount, rule: q.amount_min !== null ? 'weight range: midpoint used' : 'kilograms' };
  const perKg = unitInfo(q.embedded_unit).value?.kgPer;
  return perKg
    ? { kg: q.amount * perKg, rule: `weight in ${q.embedded_unit}` }
    : { kg: null, rule: `weight not read: "${q.embedded_unit}" is not a unit of mass` };
}

/** The maps as (kind, as_given, normalised, rule) rows for the normalisation_rules table. */
export const RULES_SQL = `
  SELECT 'country' AS kind, given, array_to_string(codes, ', ') AS normalised, rule FROM map_country
  UNION ALL SELECT 'date', given,
    CASE WHEN precision = 'day' THEN start_date::VARCHAR WHEN start_date IS NULL THEN NULL ELSE start_date || ' … ' || end_date END,
    rule FROM map_date
  UNION ALL SELECT 'time', given, time_of_day::VARCHAR, rule FROM map_time
  UNION ALL SELECT 'weight', given, kg || ' kg', rule FROM map_weight
  UNION ALL SELECT 'species', given, taxon, rule FROM map_species
  UNION ALL SELECT 'appendix', given, appendix, rule FROM map_appendix
  UNION ALL SELECT 'term', given, code, rule FROM map_term
  UNION ALL SELECT 'quantity', given, CASE WHEN amount IS NULL THEN NULL ELSE amount || coalesce(' ' || embedded_unit, '') END,
    rule FROM map_quantity
  UNION ALL SELECT 'unit', given, CASE WHEN known THEN coalesce(code, 'number of specimens') END, rule FROM map_unit WHERE given <> ''
  UNION ALL SELECT 'currency', given, code, rule FROM map_currency
  UNION ALL SELECT 'value', given, CASE WHEN amount IS NULL THEN NULL ELSE amount || coalesce(' ' || currency, '') END, rule FROM map_money
  UNION ALL SELECT kind, given, value, rule FROM map_vocabulary
  UNION ALL SELECT kind, given, NULL, 'mapped to missing' FROM mapped_missing`;
