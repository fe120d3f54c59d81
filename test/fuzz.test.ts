// A seeded sample of fuzz cases through the loader in-process (the fuzz command spawns the CLI per
// case, too slow for the suite): no case may throw anything but a WenError, and every load that
// succeeds must account for each row, in its report and in the sources table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WenError } from '../src/errors.js';
import { HEAVY_MUTATIONS, makeCase, seedFiles } from '../src/fuzz/cases.js';
import { accountingBreaks, SOURCE_COUNTS_SQL, type SourceCounts } from '../src/fuzz/check.js';
import { loadFile } from '../src/load/loader.js';
import { REALDATA, SAMPLE_DATA, tempDatabase, tempDir } from './helpers.js';

const SEED = 7;
const CASES = 20;
/** Seed files cut to their first 40 lines, and no 10,000-column or 2 MB cases: 20 cases take about 15 s alone (30 s beside a running fuzzer). */
const LINES = 40;

describe('fuzzing the loader', () => {
  it(`${CASES} seeded cases end in a load or a WenError, with every row accounted for`, async () => {
    const seeds = seedFiles(SAMPLE_DATA, REALDATA, LINES);
    const db = await tempDatabase();
    const dir = tempDir();
    const crashes: string[] = [];
    const breaks: string[] = [];
    for (let n = 0; n < CASES; n++) {
      const c = makeCase(seeds, SEED, n, HEAVY_MUTATIONS);
      const file = join(dir, `case-${n}${c.ext}`);
      writeFileSync(file, c.bytes);
      try {
        const reports = await loadFile(db, file);
        breaks.push(
          ...accountingBreaks(reports, await db.all<SourceCounts>(SOURCE_COUNTS_SQL)).map(
            (b) => `case ${n} (${c.mutations.join(', ')}): ${b}`,
          ),
        );
      } catch (error) {
        if (!(error instanceof WenError)) crashes.push(`case ${n} (${c.base}: ${c.mutations.join(', ')}): ${(error as Error).message}`);
      }
    }
    expect(crashes).toEqual([]);
    expect(breaks).toEqual([]);
  }, 300_000);

  it('refuses a CSV line that stops the CSV parser of DuckDB (a JSON record among AITR rows) as bad input, not an internal error', async () => {
    // Found by the fuzzer (seed 7, case 37): DuckDB threw "the CSV Parser state machine reached an invalid state".
    const db = await tempDatabase();
    const lines = readFileSync(join(SAMPLE_DATA, 'aitr-2014-2019.csv'), 'utf8').split('\n');
    const file = join(tempDir(), 'json-line.csv');
    writeFileSync(
      file,
      [...lines.slice(0, 3), `{"contraband": ${'['.repeat(64)}${']'.repeat(64)}, "persons": []}`, ...lines.slice(3, 8)].join('\n') + '\n',
    );
    await expect(loadFile(db, file)).rejects.toThrow(
      /json-line\.csv: DuckDB's CSV reader cannot read the file: The CSV Parser state machine reached an invalid state/,
    );
  });

  it('builds the same case from the same seed and case number', () => {
    const seeds = seedFiles(SAMPLE_DATA, REALDATA);
    const a = makeCase(seeds, 99, 5),
      b = makeCase(seeds, 99, 5),
      other = makeCase(seeds, 100, 5);
    expect(b).toEqual(a);
    expect(other.bytes.equals(a.bytes) && other.mutations.join() === a.mutations.join()).toBe(false);
  });
});
