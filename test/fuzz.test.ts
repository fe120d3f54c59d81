// A seeded sample of fuzz cases through the loader in-process (the fuzz command's workers run the
// whole CLI, and a 10,000-case campaign, outside the suite): no case may throw anything but a
// refusal (an InputError, exit 3, one line naming the file), and every load that succeeds must
// account for each row, in its report and in the sources table. Each case loads into its own copy
// of a template database, two at a time: DuckDB works on its own threads, so two loads use both cores.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../src/db/database.js';
import { EXIT, WenError } from '../src/errors.js';
import { HEAVY_MUTATIONS, makeCase, seedFiles } from '../src/fuzz/cases.js';
import { accountingBreaks, SOURCE_COUNTS_SQL, type SourceCounts } from '../src/fuzz/check.js';
import { loadFile } from '../src/load/loader.js';
import { REALDATA, SAMPLE_DATA, tempDatabase, tempDir } from './helpers.js';

const SEED = 7;
const CASES = 500;
/**
 * Seed files cut to their first 40 lines, and no 10,000-column, 2 MB-cell or 20-fold cases (the
 * campaign runs those): what is left costs a load's fixed work, mostly DuckDB statements.
 */
const LINES = 40;
const LANES = 2;

describe('fuzzing the loader', () => {
  it(`${CASES} seeded cases end in a load or a one-line refusal (exit 3), with every row accounted for`, async () => {
    const seeds = seedFiles(SAMPLE_DATA, REALDATA, LINES);
    const dir = tempDir();
    const template = join(dir, 'template.duckdb');
    await withDatabase(template, async () => {});
    const failures: string[] = [];
    let next = 0;
    const lane = async () => {
      while (next < CASES) {
        const n = next++;
        const c = makeCase(seeds, SEED, n, HEAVY_MUTATIONS);
        const named = `case ${n} (${c.base}: ${c.mutations.join(', ')})`;
        const file = join(dir, `case-${n}${c.ext}`);
        const dbPath = join(dir, `case-${n}.duckdb`);
        writeFileSync(file, c.bytes);
        copyFileSync(template, dbPath);
        try {
          const breaks = await withDatabase(dbPath, async (db) =>
            accountingBreaks(await loadFile(db, file), await db.all<SourceCounts>(SOURCE_COUNTS_SQL)),
          );
          failures.push(...breaks.map((b) => `${named}: ${b}`));
        } catch (error) {
          const message = (error as Error).message;
          const refusal = error instanceof WenError && error.exitCode === EXIT.input && !message.includes('\n') && message.includes(file);
          if (!refusal) failures.push(`${named}: ${error instanceof WenError ? `exit ${error.exitCode}` : 'crash'}: ${message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    expect(failures).toEqual([]);
  }, 1_200_000);

  it(
    'refuses a CSV line that stops the CSV parser of DuckDB (a JSON record among AITR rows) ' + 'as bad input, not an internal error',
    async () => {
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
    },
  );

  it('builds the same case from the same seed and case number', () => {
    const seeds = seedFiles(SAMPLE_DATA, REALDATA);
    const a = makeCase(seeds, 99, 5),
      b = makeCase(seeds, 99, 5),
      other = makeCase(seeds, 100, 5);
    expect(b).toEqual(a);
    expect(other.bytes.equals(a.bytes) && other.mutations.join() === a.mutations.join()).toBe(false);
  });
});
