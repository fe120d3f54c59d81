// A summary of a wen database, for `wen info` and for scripts (as JSON).
import type { Database } from './database.js';
import { DatabaseError } from '../errors.js';
import { TABLES } from './schema.js';
import { referenceInUse, type ReferenceInUse } from '../reference/import.js';

export interface DatabaseInfo {
  database: string;
  tables: Array<{ table: string; rows: number }>;
  dates: { first: string | null; last: string | null; undated: number };
  sources: Array<Record<string, unknown>>;
  /** The taxonomic reference the loader uses: bundled, or the files of `wen reference import`. */
  reference: ReferenceInUse;
}

export async function describeDatabase(db: Database): Promise<DatabaseInfo> {
  const present = await db.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main'");
  const names = new Set(present.map((p) => p.name));
  if (!names.has('sources'))
    throw new DatabaseError(`${db.path} is not a wen database (no sources table)`, { hint: 'load a file first: wen load FILE' });
  const tables = [];
  // Table names come from the fixed list TABLES, never from input.
  for (const table of TABLES)
    if (names.has(table)) tables.push({ table, rows: (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n });
  const dates = (await db.one<{ first: string | null; last: string | null; undated: number }>(
    'SELECT min(date)::VARCHAR AS first, max(coalesce(date_end, date))::VARCHAR ' +
      'AS last, count(*) FILTER (date IS NULL)::INTEGER AS undated FROM seizures',
  ))!;
  const sources = await db.all(
    `SELECT source_id, file_name, coalesce(sheet, '') AS sheet, profile, encoding, loaded_at::VARCHAR AS loaded_at,
            rows_read, rows_loaded, rows_rejected, rows_blank + rows_totals + rows_filtered AS rows_skipped, rows_flagged
     FROM sources ORDER BY source_id`,
  );
  return { database: db.path, tables, dates, sources, reference: await referenceInUse(db) };
}
