// Rows left without their source (what an interrupted load could leave) are refused by the next
// open for writing, and `wen repair` removes exactly them. Runs the real binary (needs dist/).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { SOURCED_TABLES } from '../../src/db/repair.js';
import { DatabaseError, EXIT } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES, REPO, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function rowsOf(db: Database, sourceId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SOURCED_TABLES)
    counts[table] = (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE source_id = $id`, { id: sourceId }))!.n;
  return counts;
}

describe('wen repair', () => {
  it('refuses to load into a database with rows whose source is gone, removes exactly those rows, and then loads again', async () => {
    const path = join(tempDir(), 'orphans.duckdb');
    const db = await Database.open(path);
    await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    await loadFile(db, join(FIXTURES, 'payments-small.csv'));
    const orphans = await rowsOf(db, 1);
    // aitr-small.csv: 4 rows loaded as 4 seizures with 4 specimens, 1 row rejected.
    expect(orphans).toMatchObject({ seizures: 4, specimens: 4, rejects: 1, payments: 0 });
    const kept = await rowsOf(db, 2);
    await db.run('DELETE FROM sources WHERE source_id = 1'); // as a load killed between its rows and its source would leave it
    db.close();

    let refusal: unknown;
    await Database.open(path).catch((error) => (refusal = error));
    expect(refusal).toBeInstanceOf(DatabaseError);
    const load = wen(['load', join(FIXTURES, 'forensic-small.csv'), '--db', path]);
    expect(load.code).toBe(EXIT.database);
    expect(load.stderr).toContain('4 rows of specimens, 4 rows of seizures');
    expect(load.stderr).toContain('have no source (a load was interrupted?); run wen repair');

    const repair = wen(['repair', '--db', path, '-f', 'json']);
    expect(repair.code).toBe(0);
    const removed = Object.fromEntries(
      JSON.parse(repair.stdout).removed.map((r: { table: string; rows_removed: number }) => [r.table, r.rows_removed]),
    );
    expect(removed).toEqual(orphans);

    const again = wen(['load', join(FIXTURES, 'forensic-small.csv'), '--db', path, '-f', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)[0].sourceId).toBe(3);
    const after = await Database.open(path, { readOnly: true });
    expect(await rowsOf(after, 1)).toEqual(Object.fromEntries(SOURCED_TABLES.map((t) => [t, 0])));
    expect(await rowsOf(after, 2)).toEqual(kept);
    after.close();
  });

  it('gives a later load an id past the orphans, so that it never adopts them', async () => {
    const path = join(tempDir(), 'orphans.duckdb');
    const db = await Database.open(path);
    await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    await db.run('DELETE FROM sources WHERE source_id = 1');
    await db.run("DELETE FROM wen_meta WHERE key = 'last_source_id'"); // the state the interrupted loads of the report left
    const [report] = await loadFile(db, join(FIXTURES, 'payments-small.csv'));
    expect(report.sourceId).toBe(2);
    db.close();
  });
});
