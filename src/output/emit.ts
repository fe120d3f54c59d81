// The one output surface of the commands that print tables (sql, rejects, info): every format, --out,
// --bom and --limit mean the same in each, and binary formats are written by the same writers as an
// analysis's (export.ts). The format is settled and the --out path checked before any query runs, so a
// mistyped path or format costs nothing. A command with several tables (info) writes them as one file
// where the format holds several (JSON, Markdown, XLSX) and as one file per table in a folder otherwise.
import { extname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Rows } from './text-formats.js';
import { BINARY_FORMATS, chooseFormat, FILE_EXTENSIONS, GRAPH_FORMATS, withBom, type ExportFormat } from './formats.js';
import { checkOutputFile, writeOutputFile } from './out-file.js';
import { makeOutputFolder } from './out-dir.js';

export interface OutputFlags {
  format?: ExportFormat;
  out?: string;
  bom?: boolean;
  limit?: number;
}

export interface TableData {
  rows: Rows;
  columns: string[];
  /** DuckDB's types of the columns, when the SQL returned them. */
  types?: Record<string, string>;
  /** The rows of the whole result, when `rows` holds only its first ones (a terminal's). */
  total?: number;
}

/** Formats that hold one table a file: several tables go to a folder, a file each. */
const ONE_TABLE_A_FILE: readonly ExportFormat[] = ['csv', 'parquet', 'arrow'];

/** The format of one table's output, and its --out checked: before any work is done. */
export function tableFormat(flags: OutputFlags): ExportFormat {
  const format = chooseFormat(flags.format, flags.out);
  if (GRAPH_FORMATS.includes(format))
    throw new UsageError(`${format} writes a graph, not a table`, { hint: 'use it with wen analyze networks' });
  if (format === 'parquet' && !flags.out) throw new UsageError('parquet is a binary file format: give --out FILE.parquet');
  if (BINARY_FORMATS.includes(format) && !flags.out && process.stdout.isTTY)
    throw new UsageError(`${format} is a binary format: give --out FILE.${FILE_EXTENSIONS[format]} or pipe it`);
  if (flags.out) checkOutputFile(flags.out);
  return format;
}

/** Writes one table to --out or stdout; `label` starts the note on stderr ("sql: 4 rows written to x.xlsx"). */
export async function emitTable(table: TableData, format: ExportFormat, flags: OutputFlags, label: string): Promise<void> {
  const rows = flags.limit !== undefined && format !== 'table' ? table.rows.slice(0, flags.limit) : table.rows;
  if (format === 'table' && !flags.out) {
    const { formatForTerminal } = await import('./text-formats.js');
    process.stdout.write(formatForTerminal(rows, table.columns, flags.limit, table.total));
    return;
  }
  const output = withBom(await render({ ...table, rows }, format, flags.out, label), format, flags.bom);
  if (!flags.out) {
    process.stdout.write(output);
    return;
  }
  if (format !== 'parquet') writeOutputFile(flags.out, output);
  process.stderr.write(`${label}: ${rows.length} rows written to ${flags.out}\n`);
}

/**
 * The format of several tables' output. Without --format, an --out with no extension is a folder of
 * CSV files; on a pipe the default is JSON (every table), as CSV holds only one.
 */
export function tablesFormat(flags: OutputFlags, tableCount: number): ExportFormat {
  const folder = flags.out !== undefined && !flags.format && extname(flags.out) === '';
  const format = folder
    ? 'csv'
    : (flags.format ?? (flags.out ? chooseFormat(undefined, flags.out) : process.stdout.isTTY ? 'table' : 'json'));
  if (GRAPH_FORMATS.includes(format))
    throw new UsageError(`${format} writes a graph, not a table`, { hint: 'use it with wen analyze networks' });
  if (ONE_TABLE_A_FILE.includes(format)) {
    if (!flags.out)
      throw new UsageError(`${format} holds one table, and there are ${tableCount}`, {
        hint: `give --out DIR for one ${format} file per table, or use -f json, md or xlsx`,
      });
    if (extname(flags.out) !== '')
      throw new UsageError(`--out ${flags.out}: ${format} holds one table, so --out names a folder for one file per table`, {
        hint: 'give a folder path (it is created when missing)',
      });
  } else {
    if (BINARY_FORMATS.includes(format) && !flags.out && process.stdout.isTTY)
      throw new UsageError(`${format} is a binary format: give --out FILE.${FILE_EXTENSIONS[format]} or pipe it`);
    if (flags.out) checkOutputFile(flags.out);
  }
  return format;
}

/** Several named tables: one file (JSON, Markdown, XLSX) or a folder with a file per table. */
export async function emitTables(
  tables: Record<string, TableData>,
  format: ExportFormat,
  flags: OutputFlags,
  label: string,
): Promise<void> {
  const write = (data: string | Buffer) => (flags.out ? writeOutputFile(flags.out, data) : process.stdout.write(data));
  switch (format) {
    case 'json':
      write(JSON.stringify(Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.rows])), jsonSafe, 2) + '\n');
      break;
    case 'table': {
      const { formatTable } = await import('./text-formats.js');
      write(
        Object.entries(tables)
          .map(([name, t]) => `${name}\n${formatTable(t.rows, t.columns)}`)
          .join('\n'),
      );
      break;
    }
    case 'ndjson':
      write(
        Object.entries(tables)
          .flatMap(([name, t]) => t.rows.map((row) => JSON.stringify({ table: name, ...row }, jsonSafe) + '\n'))
          .join(''),
      );
      break;
    case 'md': {
      const { formatMarkdown } = await import('./export.js');
      write(
        Object.entries(tables)
          .map(([name, t]) => `## ${name}\n\n${t.rows.length ? formatMarkdown(t.rows, t.columns) : '(no rows)\n'}`)
          .join('\n'),
      );
      break;
    }
    case 'xlsx': {
      const { xlsxWorkbook } = await import('./xlsx.js');
      write(await xlsxWorkbook(Object.entries(tables).map(([name, t]) => ({ name, ...t }))));
      break;
    }
    default: {
      const dir = flags.out!;
      makeOutputFolder(dir);
      for (const [name, table] of Object.entries(tables)) {
        const file = join(dir, `${name}.${FILE_EXTENSIONS[format]}`);
        const output = withBom(await render(table, format, file, name), format, flags.bom);
        if (format !== 'parquet') writeOutputFile(file, output);
      }
      process.stderr.write(
        `${label}: ${Object.keys(tables).length} tables written to ${dir} (${Object.keys(tables)
          .map((n) => `${n}.${FILE_EXTENSIONS[format]}`)
          .join(', ')})\n`,
      );
      return;
    }
  }
  if (flags.out) process.stderr.write(`${label}: ${Object.keys(tables).length} tables written to ${flags.out}\n`);
}

/** One table in one format; Parquet needs a DuckDB to write it, and gets a scratch one in memory. */
async function render(table: TableData, format: ExportFormat, out: string | undefined, sheet: string): Promise<string | Buffer> {
  const [{ exportRows }, { withDatabase }] = await Promise.all([import('./export.js'), import('../db/database.js')]);
  if (format !== 'parquet') return exportRows(undefined, table.rows, table.columns, format, out, table.types, sheet);
  return withDatabase(':memory:', (db) => exportRows(db, table.rows, table.columns, format, out, table.types, sheet));
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? (Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()) : value;
}
