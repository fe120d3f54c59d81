// Writing analysis results: text formats through the pure formatters, binary formats (Parquet,
// Arrow IPC, XLSX) through DuckDB, apache-arrow and exceljs. The format comes from --format, else from the
// extension of --out (see formats.ts), else table on a terminal and CSV when piped.
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { countryName } from '../normalise/countries.js';
import { columnKinds } from './column-kinds.js';
import { formatRows, neutraliseFormula, type Rows } from './text-formats.js';
import type { ExportFormat } from './formats.js';

/** Adds a *_name column after each country-code column, for people reading a table. */
export function withCountryNames(rows: Rows, columns: string[], countryColumns: string[]): { rows: Rows; columns: string[] } {
  const present = countryColumns.filter((c) => columns.includes(c));
  if (!present.length) return { rows, columns };
  const named = columns.flatMap((c) => (present.includes(c) ? [c, `${c}_name`] : [c]));
  return {
    columns: named,
    rows: rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) {
        out[c] = row[c];
        if (present.includes(c)) out[`${c}_name`] = typeof row[c] === 'string' ? (countryName(row[c] as string) ?? '') : '';
      }
      return out;
    }),
  };
}

/**
 * Renders rows in a text or binary format; binary formats need a file (or a pipe, for Arrow).
 * `types` are DuckDB's types of the columns the SQL returned, for the formats that carry a schema.
 */
export async function exportRows(
  db: Database | undefined,
  rows: Rows,
  columns: string[],
  format: ExportFormat,
  out?: string,
  types: Record<string, string> = {},
  sheet = 'results',
): Promise<string | Buffer> {
  // Rows straight from SQL already have their columns in order; only others are rebuilt.
  const inOrder = rows.length === 0 || Object.keys(rows[0]).join('\u0000') === columns.join('\u0000');
  const ordered = inOrder ? rows : rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
  switch (format) {
    case 'md':
      return formatMarkdown(ordered, columns);
    case 'arrow': {
      const { arrowFile } = await import('./typed-writers.js');
      return arrowFile(ordered, columns, columnKinds(ordered, columns, types));
    }
    case 'xlsx': {
      const { xlsxWorkbook } = await import('./xlsx.js');
      return xlsxWorkbook([{ name: sheet, rows: ordered, columns, types }]);
    }
    case 'parquet': {
      if (!out) throw new UsageError('parquet is a binary file format: give --out FILE.parquet');
      if (!db) throw new Error('parquet needs a database to write it');
      const { writeParquet } = await import('./typed-writers.js');
      await writeParquet(db, ordered, columns, columnKinds(ordered, columns, types), out);
      return '';
    }
    case 'graphml':
    case 'gexf':
      throw new UsageError(`${format} writes a graph, not a table`, { hint: 'use it with wen analyze networks' });
    default:
      return formatRows(ordered, format, columns);
  }
}

/** A Markdown table; text cells are HTML-escaped and cannot start a spreadsheet formula. */
export function formatMarkdown(rows: Rows, columns: string[]): string {
  const escapeCell = (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/\r\n|[\r\n]/g, ' ');
  const textOf = (v: unknown): string => (Array.isArray(v) ? v.map(textOf).join('; ') : String(v));
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : escapeCell(neutraliseFormula(textOf(v)));
  const lines = [
    `| ${columns.map(cell).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}
