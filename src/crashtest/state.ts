// What a database holds, as one comparable value: rows per table per source, the sources rows and
// the last source id. A load killed at any instant must leave exactly the state before or after it.
import { DatabaseError } from '../errors.js';
import { Database } from '../db/database.js';

const DATA_TABLES = ['specimens', 'seizures', 'actors', 'documents', 'forensic_results', 'payments', 'rejects', 'flags'] as const;

export interface DbState {
  counts: Record<string, Record<string, number>>;
  sources: Array<Record<string, unknown>>;
  lastSourceId: string | null;
}

/** Reads the state through a plain read-only open (no write-open check), so that orphans are seen as they are. */
export async function readState(path: string): Promise<DbState> {
  const db = await Database.open(path, { readOnly: true });
  try {
    const counts: DbState['counts'] = {};
    for (const table of DATA_TABLES) {
      const rows = await db.all<{ id: number; n: number }>(
        `SELECT source_id AS id, count(*)::INTEGER AS n FROM ${table} GROUP BY source_id ORDER BY source_id`,
      );
      counts[table] = Object.fromEntries(rows.map((r) => [String(r.id), r.n]));
    }
    // loaded_at and path differ between runs; everything else of a sources row must match.
    const sources = await db.all(
      'SELECT source_id, file_name, sha256, size_bytes, profile, ' +
        'rows_in_file, rows_read, rows_loaded, rows_rejected, rows_flagged FROM sources ORDER BY source_id',
    );
    const meta = await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'last_source_id'");
    return { counts, sources, lastSourceId: meta?.value ?? null };
  } catch (error) {
    throw error instanceof DatabaseError ? error : new DatabaseError(`cannot read the state of ${path}: ${String(error)}`);
  } finally {
    db.close();
  }
}

export function sameState(a: DbState, b: DbState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
