// Parquet, JSON arrays and NDJSON of flat records into raw_rows, read by DuckDB itself.
// Every column is cast to text so that one normalisation path serves every format.
import type { Database } from '../../db/database.js';
import { InputError } from '../../errors.js';
import { cellText, columnId, type RawTable } from './raw-table.js';

export async function readColumnar(db: Database, path: string, format: 'parquet' | 'json' | 'ndjson'): Promise<RawTable> {
  // Parquet numbers its rows itself (file_row_number), so the file is read once, straight into raw_rows.
  const reader =
    format === 'parquet' ? 'read_parquet($path, file_row_number = true)'
    : format === 'json' ? "read_json($path, format = 'array', maximum_object_size = 268435456)"
    : "read_json($path, format = 'newline_delimited', maximum_object_size = 268435456)";
  let headings: string[];
  try {
    const columns = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${reader})`, { path });
    headings = columns.map((c) => c.column_name).filter((name) => format !== 'parquet' || name !== 'file_row_number');
    // Column names come from the file: quote them as identifiers and select them by position only.
    const selects = headings.map((name, i) => `${cellText(`CAST("${name.replace(/"/g, '""')}" AS VARCHAR)`)} AS ${columnId(i)}`).join(', ');
    if (format === 'parquet') {
      await db.run(`CREATE OR REPLACE TEMP TABLE raw_rows AS SELECT (file_row_number + 1)::INTEGER AS row_number, ${selects} FROM ${reader}`, { path });
    } else {
      await db.run(`CREATE OR REPLACE TEMP TABLE raw_input AS SELECT * FROM ${reader}`, { path });
      await db.run(`CREATE OR REPLACE TEMP TABLE raw_rows AS SELECT (rowid + 1)::INTEGER AS row_number, ${selects} FROM raw_input`);
      await db.run('DROP TABLE raw_input');
    }
  } catch (cause) {
    throw new InputError(`${path}: cannot be read as ${format}: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const count = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM raw_rows');
  return { headings, headerRow: 0, format, rowsInFile: count?.n ?? 0, blankLines: 0, malformed: [] };
}
