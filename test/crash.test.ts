// A load killed with SIGKILL at any instant leaves the database exactly as before it or after it:
// counts per table per source, the sources rows and the last source id. Runs the real loader in a
// child process (needs dist/), on the database attached with 2,048 rows per row group (child.ts):
// a 6,000-row load then takes DuckDB's path for big ones (rows written to the file before COMMIT),
// which at the default row group needs over 122,880 rows, and the file leaves out the place column
// (the gazetteer's fixed cost).
// Kills fall anywhere in the load, in the 40 ms after its first write (the sources row), and from its
// last write to its exit (the COMMIT and the close). `npm run crashtest` runs 200+ kills, through
// `wen load` itself at DuckDB's default row group, or as here with --row-group.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killDelay, MODES, setUp, trial } from '../src/crashtest/run.js';
import { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { FIXTURES, tempDir } from './helpers.js';

const ROWS = 6000;
const ROW_GROUP = 2048;
const KILLS = 54;
/** Trials at a time: each is a process of its own on its own copy of the database. */
const WORKERS = 2;

describe("a load's COMMIT", () => {
  // DuckDB 1.5.6 replays a WAL torn by a kill keeping the rows written before COMMIT and dropping the
  // rest of the transaction (its sources row among them): a load commits by a checkpoint instead.
  it('checkpoints instead of writing the WAL, so that no torn WAL can be left by a kill', async () => {
    const path = join(tempDir(), 'commit.duckdb');
    const db = await Database.open(path);
    try {
      await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
      // Still open: nothing of the load waits in the WAL for the close's checkpoint.
      expect(existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0).toBe(0);
      expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources'))!.n).toBe(1);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('a killed load', () => {
  it('leaves the database as before the load or as after it, whenever the kill comes', async () => {
    const setup = await setUp(ROWS, tempDir(), { rowGroup: ROW_GROUP, lean: true });
    expect(setup.before.sources.map((s) => s.source_id)).toEqual([1]);
    expect(setup.after.sources.map((s) => s.source_id)).toEqual([1, 2]);
    expect(setup.after.counts.specimens['2']).toBe(ROWS);
    const outcomes: string[] = [];
    let next = 0;
    const work = async () => {
      for (let n = next++; n < KILLS; n = next++) {
        const mode = MODES[n % MODES.length];
        // Each mode's kills spread evenly over its span, each at a random instant of its own slice.
        const slice = Math.floor(n / MODES.length);
        const t = await trial(setup, mode, killDelay(setup, mode, (slice + Math.random()) / (KILLS / MODES.length)), n);
        outcomes.push(`${mode} +${t.delayMs.toFixed(0)} ms: ${t.outcome}`);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, work));
    rmSync(setup.big, { force: true });
    expect(outcomes).toHaveLength(KILLS);
    expect(outcomes.filter((o) => o.endsWith('other'))).toEqual([]);
    // The kills did land on both sides of the COMMIT: before it, and after it (in the close, or once
    // the load had ended; on a quiet machine the close is too short to be hit every run).
    expect(outcomes.some((o) => o.endsWith('before'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith('after') || o.endsWith('finished'))).toBe(true);
  }, 600_000);
});
