// Rows whose source is missing: what an interrupted load could leave behind (a data row is only
// meaningful with its sources row). Found with one set-based query per table, and removed by
// `wen repair`; every open for writing refuses a database that has any.
import type { Database } from './database.js';

/** Every table whose rows belong to a source. */
export const SOURCED_TABLES = [
  'specimens',
  'seizures',
  'actors',
  'documents',
  'forensic_results',
  'payments',
  'outcomes',
  'rejects',
  'flags',
] as const;

export interface OrphanCount {
  table: string;
  rows: number;
  sourceIds: number[];
}

/** Per table, the rows whose source_id has no sources row (tables without any are left out). */
export async function findOrphans(db: Database): Promise<OrphanCount[]> {
  const found: OrphanCount[] = [];
  for (const table of SOURCED_TABLES) {
    // The distinct ids first: cheap on a column whose values come in long runs of one id.
    const ids = (
      await db.all<{ id: number }>(
        `SELECT source_id AS id FROM (SELECT DISTINCT source_id FROM ${table} EXCEPT SELECT source_id FROM sources) ORDER BY id`,
      )
    ).map((r) => r.id);
    if (!ids.length) continue;
    const { n } = (await db.one<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM ${table} WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')))`,
      { ids: JSON.stringify(ids) },
    ))!;
    found.push({ table, rows: n, sourceIds: ids });
  }
  return found;
}

/**
 * Removes the orphan rows of every table in one transaction and returns what it removed. The ids
 * they carried are never given to a later load (wen_meta.last_source_id moves past them).
 */
export async function repairOrphans(db: Database): Promise<OrphanCount[]> {
  return db.transaction(async () => {
    const found = await findOrphans(db);
    for (const { table, sourceIds } of found) {
      await db.run(`DELETE FROM ${table} WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')))`, {
        ids: JSON.stringify(sourceIds),
      });
    }
    const highest = Math.max(0, ...found.flatMap((f) => f.sourceIds));
    if (highest) {
      await db.run(
        "INSERT OR REPLACE INTO wen_meta SELECT 'last_source_id', greatest($id, " +
          '(SELECT coalesce(max(value::INTEGER), 0) FROM wen_meta WHERE ' +
          "key = 'last_source_id'))::VARCHAR",
        { id: highest },
      );
    }
    return found;
  });
}
