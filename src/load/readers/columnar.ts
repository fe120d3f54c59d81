// Parquet, JSON arrays and NDJSON of flat records into raw_rows, read by DuckDB itself.
// Every column is cast to text so that one normalisation path serves every format.
import type { Database } from '../../db/database.js';
import { InputError } from '../../errors.js';
import { checkJsonDepth } from './json-depth.js';
import { trimmedCellSql, columnId, type RawTable } from './raw-table.js';
import type { RowStore } from './row-store.js';

export async function readColumnar(db: Database, path: string, format: 'parquet' | 'json' | 'ndjson', store: RowStore): Promise<RawTable> {
  if (format !== 'parquet') checkJsonDepth(path, format); // before DuckDB parses it: deep nesting crashes it
  // Parquet numbers its rows itself (file_row_number), so the file is read once, straight into raw_rows.
  const reader =
    format === 'parquet'
      ? 'read_parquet($path, file_row_number = true)'
      : format === 'json'
        ? "read_json($path, format = 'array', maximum_object_size = 268435456)"
        : "read_json($path, format = 'newline_delimited', maximum_object_size = 268435456)";
  let headings: string[];
  try {
    const columns = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${reader})`, { path });
    headings = columns.map((c) => c.column_name).filter((name) => format !== 'parquet' || name !== 'file_row_number');
    // Column names come from the file: quote them as identifiers and select them by position only.
    const selects = headings
      .map((name, i) => `${trimmedCellSql(`CAST("${name.replace(/"/g, '""')}" AS VARCHAR)`)} AS ${columnId(i)}`)
      .join(', ');
    const rows = store.table('raw_numbered');
    await db.run('DROP VIEW IF EXISTS raw_rows; DROP TABLE IF EXISTS raw_rows');
    if (format === 'parquet') {
      await db.run(`${store.create('raw_numbered')} AS SELECT (file_row_number + 1)::INTEGER AS row_number, ${selects} FROM ${reader}`, {
        path,
      });
    } else {
      const input = store.table('raw_input');
      await db.run(`${store.create('raw_input')} AS SELECT * FROM ${reader}`, { path });
      await db.run(`${store.create('raw_numbered')} AS SELECT (rowid + 1)::INTEGER AS row_number, ${selects} FROM ${input}`);
      await db.run(`DROP TABLE ${input}`);
    }
    await db.run(`CREATE OR REPLACE TEMP VIEW raw_rows AS SELECT rowid AS ordinal, * FROM ${rows}`);
  } catch (cause) {
    throw new InputError(`${path}: cannot be read as ${format}: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const count = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM raw_rows');
  return { headings, headerRow: 0, format, rowsInFile: count?.n ?? 0, blankLines: 0, malformed: [] };
}
