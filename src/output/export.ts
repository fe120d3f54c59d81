// Writing analysis results: text formats through the pure formatters, binary formats (Parquet,
// Arrow IPC) through DuckDB and apache-arrow. The format comes from --format, else from the
// extension of --out (see formats.ts), else table on a terminal and CSV when piped.
import { rmSync, writeFileSync } from 'node:fs';
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { countryName } from '../normalise/countries.js';
import { formatRows, type Rows } from './format.js';
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

/** Renders rows in a text or binary format; binary formats need a file (or a pipe, for Arrow). */
export async function exportRows(db: Database, rows: Rows, columns: string[], format: ExportFormat, out?: string): Promise<string | Buffer> {
  // Rows straight from SQL already have their columns in order; only others are rebuilt.
  const inOrder = rows.length === 0 || Object.keys(rows[0]).join('\u0000') === columns.join('\u0000');
  const ordered = inOrder ? rows : rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
  switch (format) {
    case 'md':
      return formatMarkdown(ordered, columns);
    case 'arrow': {
      // Loaded only for Arrow output: it costs ~70 ms of start-up that every other format would pay.
      const { tableFromJSON, tableToIPC } = await import('apache-arrow');
      return Buffer.from(tableToIPC(tableFromJSON(ordered.length ? ordered.map(arrowSafe) : [Object.fromEntries(columns.map((c) => [c, null]))]), 'stream'));
    }
    case 'parquet': {
      if (!out) throw new UsageError('parquet is a binary file format: give --out FILE.parquet');
      // DuckDB infers the column types from the JSON and writes the Parquet file itself.
      const json = `${out}.tmp.json`;
      writeFileSync(json, JSON.stringify(ordered));
      try {
        await db.run(`COPY (SELECT ${columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')} FROM read_json($json, format = 'array')) TO '${out.replace(/'/g, "''")}' (FORMAT parquet)`, { json });
      } finally {
        rmSync(json, { force: true });
      }
      return '';
    }
    case 'graphml':
    case 'gexf':
      throw new UsageError(`${format} writes a graph, not a table`, { hint: 'use it with wen analyze networks' });
    default:
      return formatRows(ordered, format, columns);
  }
}

function arrowSafe(row: Record<string, unknown>): Record<string, unknown> {
  // apache-arrow infers list types poorly: lists travel as "a; b" text.
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v]));
}

export function formatMarkdown(rows: Rows, columns: string[]): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v)).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`)];
  return lines.join('\n') + '\n';
}
