// A load killed with SIGKILL at any instant leaves the database exactly as before it or after it:
// counts per table per source, the sources rows and the last source id. Runs the real binary
// (needs dist/); the long run with 200+ kills is `npm run crashtest`.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODES, setUp, trial } from '../src/crashtest/run.js';
import { tempDir } from './helpers.js';

// Above DuckDB's row group (122,880 rows), so that the load's inserts are written to the file before COMMIT.
const ROWS = 130_000;
const KILLS = 9;

describe('a killed load', () => {
  it('leaves the database as before the load or as after it, whenever the kill comes', async () => {
    const setup = await setUp(ROWS, tempDir());
    expect(setup.before.sources.map((s) => s.source_id)).toEqual([1]);
    expect(setup.after.sources.map((s) => s.source_id)).toEqual([1, 2]);
    expect(setup.after.counts.specimens['2']).toBeGreaterThan(122_880);
    const outcomes: string[] = [];
    for (let n = 0; n < KILLS; n++) {
      const mode = MODES[n % MODES.length];
      // Kills spread over the load, and 0–40 ms after the sources row is inserted or counted.
      const delayMs = mode === 'anywhere' ? (setup.loadMs * (n + 0.5)) / KILLS : Math.random() * 40;
      const t = await trial(setup, mode, delayMs, n);
      outcomes.push(`${mode} +${delayMs.toFixed(0)} ms: ${t.outcome}`);
    }
    rmSync(setup.big, { force: true });
    expect(outcomes.filter((o) => o.endsWith('other'))).toEqual([]);
  }, 300_000);
});
