// Runs one analysis: check its options, select the filtered records, run its SQL with bound
// parameters, then its TypeScript step. Returns rows with the documented columns and notes for stderr.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { columnsFor, type AnalysisContext, type AnalysisDefinition, type Row } from './definition.js';
import type { Filters } from './filters.js';
import { selectRecords, yearRanges, type Selection } from './selection.js';
import { standardNotes } from './standard.js';

export const QUERIES_DIR = fileURLToPath(new URL('../../queries/', import.meta.url));

export interface AnalysisResult {
  rows: Row[];
  columns: string[];
  /** DuckDB's type of each column the SQL returned (by name), for the typed writers (Arrow, Parquet). */
  types: Record<string, string>;
  notes: string[];
  context: AnalysisContext;
}

export function sqlFileFor(definition: AnalysisDefinition, view = 'default'): string {
  return `${definition.name}${view === 'default' ? '' : `.${view}`}.sql`;
}

export function readQuery(definition: AnalysisDefinition, view = 'default'): string {
  return readFileSync(`${QUERIES_DIR}${sqlFileFor(definition, view)}`, 'utf8');
}

export async function runAnalysis(
  db: Database,
  definition: AnalysisDefinition,
  filters: Filters,
  options: Record<string, unknown> = {},
  run: { view?: string; ratesPath?: string; rateYear?: number } = {},
): Promise<AnalysisResult> {
  const view = (run.view && run.view !== 'default' ? run.view : definition.impliedView?.(options)) ?? 'default';
  if (view !== 'default' && !definition.views?.[view]) {
    throw new UsageError(`${definition.name} has no view "${view}"`, {
      hint: `views: default${Object.keys(definition.views ?? {})
        .map((v) => `, ${v}`)
        .join('')}`,
    });
  }
  const withDefaults: Record<string, unknown> = {};
  for (const option of definition.options) withDefaults[option.key] = options[option.key] ?? option.default;
  const standardise = withDefaults.standardise
    ? { factorsPath: withDefaults.factors === undefined ? undefined : String(withDefaults.factors) }
    : undefined;
  const selection = await selectRecords(db, filters, run.ratesPath, run.rateYear, standardise);
  const context: AnalysisContext = { db, options: withDefaults, filters, selection, view };
  const sql = await db.table<Row>(readQuery(definition, view), (await definition.params?.(withDefaults, filters, db, view)) ?? {});
  const types = Object.fromEntries(sql.columns.map((c, i) => [c, sql.types[i]]));
  let rows = sql.rows;
  if (definition.postProcess) rows = await definition.postProcess(rows, context);
  const notes = [
    `${selection.seizures.toLocaleString('en-US')} seizures and ${selection.specimens.toLocaleString('en-US')} specimens selected`,
  ];
  // "--species pangolin" selects by Manidae: say so, so that a reader knows what was counted.
  if (filters.speciesAsGiven && selection.species && selection.species.toLowerCase() !== filters.speciesAsGiven.toLowerCase()) {
    notes.push(`--species "${filters.speciesAsGiven}" read as ${selection.species}`);
  }
  notes.push(...spokenForNotes(selection));
  notes.push(...currencyNotes(selection, 'are left out of value_usd'));
  if (selection.standard) notes.push(...standardNotes(selection.standard));
  notes.push(...((await definition.notes?.(rows, context)) ?? []));
  return { rows, columns: Object.keys(columnsFor(definition, view)), types, notes, context };
}

/** How many seizures another source's record of the same seizure spoke for, in words. */
export function spokenForNotes(selection: Selection): string[] {
  const n = selection.spokenFor;
  if (!n) return [];
  return [
    `${n.toLocaleString('en-US')} ${n === 1 ? 'seizure' : 'seizures'} ` +
      `told by two sources ${n === 1 ? 'is' : 'are'} counted once, as ` +
      `the better-graded source tells ${n === 1 ? 'it' : 'them'} (--keep-duplicates ` +
      `counts both; table seizure_links)`,
  ];
}

/**
 * What the dollar values leave out, and why, in words: a value with no currency, a currency with no
 * rate for its year (with what the rates file covers, so the reader sees why), and an undated value
 * (with the --rate-year fallback); and the undated values --rate-year did convert. `leftOut` says
 * where they are missing ("are left out of value_usd").
 */
export function currencyNotes(selection: Selection, leftOut: string): string[] {
  const notes: string[] = [];
  const count = (reason: string) => selection.unconverted.filter((u) => u.reason === reason);
  const sum = (list: Array<{ values: number }>) => list.reduce((n, u) => n + u.values, 0);
  const parts: string[] = [];
  const none = count('no currency');
  if (none.length) parts.push(`${sum(none)} with no currency (none given, or one not recognised when loaded: see data-quality)`);
  const noRate = count('no rate');
  if (noRate.length) {
    const { rates } = selection;
    const covers = rates.currencies.length ? `${rates.currencies.length} currencies, ${yearRanges(rates.years)}` : 'nothing';
    parts.push(
      `${sum(noRate)} in a currency with no rate for its year: ${noRate.map((u) => `${u.currency} ${u.year} (${u.values})`).join(', ')} ` +
        `(${rates.file} cover ${covers}; give --rates FILE with these)`,
    );
  }
  const undated = count('undated');
  if (undated.length) {
    const list = undated.map((u) => `${u.currency} (${u.values})`).join(', ');
    parts.push(
      selection.rateYear === null
        ? `${sum(undated)} undated, in a currency other than USD: ${list} (give --rate-year YYYY to convert them at one year's rates)`
        : `${sum(undated)} undated with no rate in ${selection.rateYear} (--rate-year): ${list}`,
    );
  }
  if (parts.length) notes.push(`${sum(selection.unconverted)} value(s) could not be converted to USD and ${leftOut}: ${parts.join('; ')}`);
  if (selection.atRateYear.length) {
    notes.push(
      `${sum(selection.atRateYear)} undated value(s) converted at the ` +
        `${selection.rateYear} rates (--rate-year): ${selection.atRateYear.map((u) => `${u.currency} (${u.values})`).join(', ')}`,
    );
  }
  return notes;
}
