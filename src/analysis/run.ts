// Runs one analysis: check its options, select the filtered records, run its SQL with bound
// parameters, then its TypeScript step. Returns rows with the documented columns and notes for stderr.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { columnsFor, type AnalysisContext, type AnalysisDefinition, type Row } from './definition.js';
import type { Filters } from './filters.js';
import { selectRecords } from './selection.js';

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
  run: { view?: string; ratesPath?: string } = {},
): Promise<AnalysisResult> {
  const view = run.view ?? 'default';
  if (view !== 'default' && !definition.views?.[view]) {
    throw new UsageError(`${definition.name} has no view "${view}"`, { hint: `views: default${Object.keys(definition.views ?? {}).map((v) => `, ${v}`).join('')}` });
  }
  const withDefaults: Record<string, unknown> = {};
  for (const option of definition.options) withDefaults[option.key] = options[option.key] ?? option.default;
  const selection = await selectRecords(db, filters, run.ratesPath);
  const context: AnalysisContext = { db, options: withDefaults, filters, selection, view };
  const sql = await db.table<Row>(readQuery(definition, view), definition.params?.(withDefaults) ?? {});
  const types = Object.fromEntries(sql.columns.map((c, i) => [c, sql.types[i]]));
  let rows = sql.rows;
  if (definition.postProcess) rows = await definition.postProcess(rows, context);
  const notes = [`${selection.seizures.toLocaleString('en-US')} seizures and ${selection.specimens.toLocaleString('en-US')} specimens selected`];
  if (selection.unconverted.length) {
    const total = selection.unconverted.reduce((n, u) => n + u.values, 0);
    notes.push(`${total} value(s) could not be converted to USD and are left out of value_usd: ${selection.unconverted.map((u) => `${u.currency ?? 'no currency'} ${u.year ?? 'undated'} (${u.values})`).join(', ')}; give --rates FILE to convert them`);
  }
  notes.push(...(definition.notes?.(rows, context) ?? []));
  return { rows, columns: Object.keys(columnsFor(definition, view)), types, notes, context };
}
