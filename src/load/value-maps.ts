// Builds the lookup tables that normalisation joins against. DuckDB lists each field's distinct
// values; the TypeScript normalisers map each one once; the map goes back as one bound JSON
// parameter. Work grows with the number of distinct values, not with the number of rows.
import type { Database } from '../db/database.js';
import { countryList } from '../normalise/countries.js';
import { currencyCode, parseMoney } from '../normalise/currencies.js';
import { parseDate, parseTime, type DateOrder } from '../normalise/dates.js';
import { parseNumber } from '../normalise/numbers.js';
import { normaliseSpecies } from '../normalise/species.js';
import { termCode } from '../normalise/terms.js';
import { splitQuantityAndUnit, unitInfo } from '../normalise/units.js';
import { DETECTION_METHODS, DOCUMENT_TYPES, PURPOSES, ROLES, TRANSPORT_MODES, fromVocabulary, normaliseSex } from '../normalise/vocabulary.js';

type Column = [name: string, type: string];

/** Creates temp table `table` from the distinct values of `distinctSql` (one column `v`), mapped by `fn`. */
async function buildMap<T extends Record<string, unknown>>(db: Database, table: string, distinctSql: string, columns: Column[], fn: (value: string) => T): Promise<void> {
  const values = (await db.all<{ v: string }>(`SELECT DISTINCT v FROM (${distinctSql}) WHERE v IS NOT NULL`)).map((r) => r.v);
  const rows = values.map((v) => ({ given: v, ...fn(v) }));
  const structure = `{"given": "VARCHAR", ${columns.map(([n, t]) => `"${n}": "${t}"`).join(', ')}}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (given VARCHAR, ${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  if (rows.length) await db.run(`INSERT INTO ${table} SELECT unnest(from_json($rows, '[${structure}]'), recursive := true)`, { rows: JSON.stringify(rows) });
}

export interface MapOptions {
  dateOrder: DateOrder;
}

export async function buildValueMaps(db: Database, options: MapOptions): Promise<void> {
  const countryColumns = ['reporting_country', 'seizure_country', 'origin', 'export', 'transit', 'destination', 'offender_nationality'];
  await buildMap(
    db, 'map_country',
    [...countryColumns.map((c) => `SELECT ${c} AS v FROM staged`), 'SELECT nationality AS v FROM staged_actors', 'SELECT issuing_country AS v FROM staged_documents'].join(' UNION ALL '),
    [['codes', 'VARCHAR[]'], ['rule', 'VARCHAR']],
    (v) => { const r = countryList(v); return { codes: r.value, rule: r.rule }; },
  );
  await buildMap(
    db, 'map_date',
    "SELECT date AS v FROM staged UNION ALL SELECT birth_date FROM staged_actors UNION ALL SELECT arrest_date FROM staged_actors",
    [['start_date', 'DATE'], ['end_date', 'DATE'], ['precision', 'VARCHAR'], ['time_of_day', 'TIME'], ['rule', 'VARCHAR']],
    (v) => { const r = parseDate(v, options.dateOrder); return { start_date: r.value?.start ?? null, end_date: r.value?.end ?? null, precision: r.value?.precision ?? null, time_of_day: r.value?.time ?? null, rule: r.rule }; },
  );
  await buildMap(db, 'map_time', 'SELECT time AS v FROM staged', [['time_of_day', 'TIME'], ['rule', 'VARCHAR']], (v) => {
    const t = parseTime(v) ?? parseTime(v.replace(/^(\d{1,2})(\d{2})$/, '$1:$2'));
    return { time_of_day: t, rule: t ? 'time of day' : 'unrecognised time' };
  });
  await buildMap(
    db, 'map_species', 'SELECT species AS v FROM staged',
    [['taxon', 'VARCHAR'], ['taxon_rank', 'VARCHAR'], ['genus', 'VARCHAR'], ['family', 'VARCHAR'], ['order_name', 'VARCHAR'], ['class_name', 'VARCHAR'], ['cites_appendix', 'VARCHAR'], ['rule', 'VARCHAR']],
    (v) => { const r = normaliseSpecies(v); const t = r.value; return { taxon: t?.taxon ?? null, taxon_rank: t?.rank ?? null, genus: t?.genus ?? null, family: t?.family ?? null, order_name: t?.order ?? null, class_name: t?.class ?? null, cites_appendix: t?.appendix ?? null, rule: r.rule }; },
  );
  await buildMap(db, 'map_term', 'SELECT term AS v FROM staged', [['code', 'VARCHAR'], ['rule', 'VARCHAR']], (v) => { const r = termCode(v); return { code: r.value, rule: r.rule }; });
  // Quantities that are not plain numbers: "1,200", "12 kg", "3 pairs".
  await buildMap(
    db, 'map_quantity', `SELECT quantity AS v FROM staged WHERE NOT regexp_full_match(quantity, '-?[0-9]+(\\.[0-9]+)?')`,
    [['amount', 'DOUBLE'], ['embedded_unit', 'VARCHAR'], ['rule', 'VARCHAR']],
    (v) => {
      const n = parseNumber(v);
      if (n !== null) return { amount: n, embedded_unit: null, rule: 'number with separators' };
      const split = splitQuantityAndUnit(v);
      const amount = split ? parseNumber(split.quantity) : null;
      if (split && amount !== null && unitInfo(split.unit).value) return { amount, embedded_unit: split.unit, rule: `number and unit in one cell` };
      return { amount: null, embedded_unit: null, rule: 'not a number' };
    },
  );
  await buildMap(
    db, 'map_unit',
    `SELECT unit AS v FROM staged UNION ALL SELECT embedded_unit FROM map_quantity UNION ALL SELECT ''`,
    [['code', 'VARCHAR'], ['to_code', 'DOUBLE'], ['kg_per', 'DOUBLE'], ['count_per', 'DOUBLE'], ['known', 'BOOLEAN'], ['rule', 'VARCHAR']],
    (v) => { const r = unitInfo(v); return { code: r.value?.code ?? null, to_code: r.value?.toCode ?? null, kg_per: r.value?.kgPer ?? null, count_per: r.value?.countPer ?? null, known: r.value !== null, rule: r.rule }; },
  );
  await buildMap(db, 'map_currency', 'SELECT currency AS v FROM staged UNION ALL SELECT item_currency FROM staged', [['code', 'VARCHAR'], ['rule', 'VARCHAR']], (v) => {
    const r = currencyCode(v);
    return { code: r.value, rule: r.rule };
  });
  await buildMap(
    db, 'map_money', `SELECT value AS v FROM staged WHERE NOT regexp_full_match(value, '-?[0-9]+(\\.[0-9]+)?') UNION ALL SELECT item_value FROM staged WHERE NOT regexp_full_match(item_value, '-?[0-9]+(\\.[0-9]+)?')`,
    [['amount', 'DOUBLE'], ['currency', 'VARCHAR'], ['rule', 'VARCHAR']],
    (v) => { const r = parseMoney(v, null); return { amount: r.value?.amount ?? null, currency: r.value?.currency ?? null, rule: r.rule }; },
  );
  const vocabularies: Array<[kind: string, sql: string, fn: (v: string) => { value: string | null; rule: string }]> = [
    ['transport_mode', 'SELECT transport_mode AS v FROM staged', (v) => fromVocabulary(TRANSPORT_MODES, v, 'transport')],
    ['detection_method', 'SELECT detection_method AS v FROM staged', (v) => fromVocabulary(DETECTION_METHODS, v, 'detection')],
    ['purpose', 'SELECT purpose AS v FROM staged', (v) => fromVocabulary(PURPOSES, v, 'purpose')],
    ['doc_type', 'SELECT doc_type AS v FROM staged_documents', (v) => fromVocabulary(DOCUMENT_TYPES, v, 'document type')],
    ['role', 'SELECT role AS v FROM staged_actors', (v) => fromVocabulary(ROLES, v, 'role')],
    ['sex', 'SELECT sex AS v FROM staged_actors', (v) => normaliseSex(v)],
  ];
  await db.run('CREATE OR REPLACE TEMP TABLE map_vocabulary (kind VARCHAR, given VARCHAR, value VARCHAR, rule VARCHAR)');
  for (const [kind, sql, fn] of vocabularies) {
    await buildMap(db, 'map_one_vocabulary', sql, [['value', 'VARCHAR'], ['rule', 'VARCHAR']], (v) => { const r = fn(v); return { value: r.value, rule: r.rule }; });
    await db.run('INSERT INTO map_vocabulary SELECT $kind, given, value, rule FROM map_one_vocabulary', { kind });
  }
}

/** The maps as (kind, as_given, normalised, rule) rows for the normalisation_rules table. */
export const RULES_SQL = `
  SELECT 'country' AS kind, given, array_to_string(codes, ', ') AS normalised, rule FROM map_country
  UNION ALL SELECT 'date', given, CASE WHEN precision = 'day' THEN start_date::VARCHAR WHEN start_date IS NULL THEN NULL ELSE start_date || ' … ' || end_date END, rule FROM map_date
  UNION ALL SELECT 'time', given, time_of_day::VARCHAR, rule FROM map_time
  UNION ALL SELECT 'species', given, taxon, rule FROM map_species
  UNION ALL SELECT 'term', given, code, rule FROM map_term
  UNION ALL SELECT 'quantity', given, CASE WHEN amount IS NULL THEN NULL ELSE amount || coalesce(' ' || embedded_unit, '') END, rule FROM map_quantity
  UNION ALL SELECT 'unit', given, CASE WHEN known THEN coalesce(code, 'number of specimens') END, rule FROM map_unit WHERE given <> ''
  UNION ALL SELECT 'currency', given, code, rule FROM map_currency
  UNION ALL SELECT 'value', given, CASE WHEN amount IS NULL THEN NULL ELSE amount || coalesce(' ' || currency, '') END, rule FROM map_money
  UNION ALL SELECT kind, given, value, rule FROM map_vocabulary`;
