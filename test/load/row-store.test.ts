// Big files keep their rows in a compressed scratch database instead of in memory, and write them in
// slices of rows. The tables a load writes must depend neither on where the rows were kept nor on the
// slicing, and the scratch file must not outlive the load, whether it succeeds or fails.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBenchData } from '../../src/bench/generate.js';
import type { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { rowSlices } from '../../src/load/write.js';
import { FIXTURES, tempDatabase, tempDir } from '../helpers.js';

/** Everything a load wrote, in a stable order (the load time and path aside). */
async function contents(db: Database): Promise<string> {
  const tables: Record<string, string> = {
    seizures: 'seizure_id',
    specimens: 'specimen_id',
    actors: 'actor_id',
    documents: 'document_id',
    rejects: 'source_id, row_number',
    flags: 'source_id, row_number, column_name, flag',
    normalisation_rules: 'kind, as_given',
  };
  const out: Record<string, unknown> = {};
  for (const [table, order] of Object.entries(tables)) out[table] = await db.all(`SELECT * FROM ${table} ORDER BY ${order}`);
  out.sources = await db.all('SELECT * EXCLUDE (path, loaded_at) FROM sources ORDER BY source_id');
  return JSON.stringify(out, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

const scratchFiles = (db: Database) =>
  readdirSync(dirname(db.path)).filter((name) => name.startsWith('.wen-scratch') && name.endsWith('.duckdb'));

describe('where a file’s rows are kept while loading', () => {
  it(
    'writes the same tables from a scratch database as from memory: ' +
      'CSV with blank lines, a totals row, a multi-line cell and a reject',
    async () => {
      const inMemory = await tempDatabase();
      const inScratch = await tempDatabase();
      const file = join(FIXTURES, 'aitr-small.csv');
      const [a] = await loadFile(inMemory, file, { reportingCountry: 'KE' });
      const [b] = await loadFile(inScratch, file, { reportingCountry: 'KE', scratchFromBytes: 0 });
      expect(b).toEqual(a);
      expect(a.rejected).toBe(1);
      expect(await contents(inScratch)).toBe(await contents(inMemory));
    },
  );

  it('writes the same tables from a scratch database as from memory: generated CSV and Parquet', async () => {
    const dir = tempDir();
    const [csv, parquet] = [join(dir, 'aitr.csv'), join(dir, 'aitr.parquet')];
    const maker = await tempDatabase();
    await generateBenchData(maker, 3000, csv, parquet);
    for (const file of [csv, parquet]) {
      const inMemory = await tempDatabase();
      const inScratch = await tempDatabase();
      await loadFile(inMemory, file);
      await loadFile(inScratch, file, { scratchFromBytes: 0 });
      const written = await contents(inMemory);
      expect(written).toContain('"specimen_id"');
      expect(await contents(inScratch)).toBe(written);
    }
  });

  it('makes the spill folder it is told to use (WEN_TEMP_DIRECTORY) when it does not exist yet', async () => {
    const folder = join(tempDir(), 'not', 'yet');
    const before = process.env.WEN_TEMP_DIRECTORY;
    process.env.WEN_TEMP_DIRECTORY = folder;
    try {
      const db = await tempDatabase();
      let during: string[] = [];
      const [report] = await loadFile(db, join(FIXTURES, 'aitr-small.csv'), {
        scratchFromBytes: 0,
        beforeCommit: () => {
          during = readdirSync(folder).filter((name) => name.endsWith('.duckdb'));
        },
      });
      expect(report.loaded).toBe(4);
      expect(during).toHaveLength(1);
      expect(existsSync(join(folder, during[0]))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.WEN_TEMP_DIRECTORY;
      else process.env.WEN_TEMP_DIRECTORY = before;
    }
  });

  it('deletes the scratch database after a load, and after a load that fails', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'aitr-small.csv'), { scratchFromBytes: 0 });
    expect(scratchFiles(db)).toEqual([]);
    const failing = loadFile(db, join(FIXTURES, 'generic-small.csv'), {
      scratchFromBytes: 0,
      mappingPath: join(FIXTURES, 'generic-small.yaml'),
      beforeCommit: () => {
        expect(scratchFiles(db)).toHaveLength(1); // it was there during the load
        throw new Error('injected failure');
      },
    });
    await expect(failing).rejects.toThrow('injected failure');
    expect(scratchFiles(db)).toEqual([]);
    expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources'))!.n).toBe(1);
  });
});

describe('writing a file in slices of rows', () => {
  it(
    'writes the same tables in slices of a few rows as in one: seizures ' +
      'that span rows across slice boundaries, rejects, Ecomessage items',
    async () => {
      const dir = tempDir();
      const [csv, parquet] = [join(dir, 'aitr.csv'), join(dir, 'aitr.parquet')];
      await generateBenchData(await tempDatabase(), 2000, csv, parquet);
      const cases: [string, number][] = [
        [csv, 97],
        [join(FIXTURES, 'aitr-small.csv'), 1],
        [join(FIXTURES, 'ecomessage-small.ndjson'), 1],
      ];
      for (const [file, rowsPerSlice] of cases) {
        const whole = await tempDatabase();
        const sliced = await tempDatabase();
        const [a] = await loadFile(whole, file);
        const [b] = await loadFile(sliced, file, { rowsPerSlice });
        expect(b).toEqual(a);
        expect(a.specimens).toBeGreaterThan(a.seizures > 1 ? 1 : 0);
        expect(await contents(sliced)).toBe(await contents(whole));
      }
    },
  );

  it('covers every row once, whatever the slice size', () => {
    for (const [first, last, size] of [
      [1, 1, 10],
      [1, 10, 3],
      [5, 5000, 1000],
      [1, 0, 10],
    ]) {
      const slices = rowSlices(first, last, size);
      const covered = slices.flatMap(({ lo, hi }) => Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i));
      expect(covered).toEqual(Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i));
      expect(slices.every(({ lo, hi }) => hi - lo + 1 <= size)).toBe(true);
    }
  });
});
