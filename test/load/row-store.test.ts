// Big files keep their rows in a compressed scratch database instead of in memory. The tables a
// load writes must not depend on where the rows were kept, and the scratch file must not outlive
// the load, whether it succeeds or fails.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBenchData } from '../../src/bench/generate.js';
import type { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES, tempDatabase, tempDir } from '../helpers.js';

/** Everything a load wrote, in a stable order (the load time and path aside). */
async function contents(db: Database): Promise<string> {
  const tables: Record<string, string> = {
    seizures: 'seizure_id', specimens: 'specimen_id', actors: 'actor_id', documents: 'document_id',
    rejects: 'source_id, row_number', flags: 'source_id, row_number, column_name, flag', normalisation_rules: 'kind, as_given',
  };
  const out: Record<string, unknown> = {};
  for (const [table, order] of Object.entries(tables)) out[table] = await db.all(`SELECT * FROM ${table} ORDER BY ${order}`);
  out.sources = await db.all('SELECT * EXCLUDE (path, loaded_at) FROM sources ORDER BY source_id');
  return JSON.stringify(out, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

const scratchFiles = (db: Database) => readdirSync(dirname(db.path)).filter((name) => name.startsWith('.wen-scratch') && name.endsWith('.duckdb'));

describe('where a file’s rows are kept while loading', () => {
  it('writes the same tables from a scratch database as from memory: CSV with blank lines, a totals row, a multi-line cell and a reject', async () => {
    const inMemory = await tempDatabase();
    const inScratch = await tempDatabase();
    const file = join(FIXTURES, 'aitr-small.csv');
    const [a] = await loadFile(inMemory, file, { reportingCountry: 'KE' });
    const [b] = await loadFile(inScratch, file, { reportingCountry: 'KE', scratchFromBytes: 0 });
    expect(b).toEqual(a);
    expect(a.rejected).toBe(1);
    expect(await contents(inScratch)).toBe(await contents(inMemory));
  });

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
      scratchFromBytes: 0, mappingPath: join(FIXTURES, 'generic-small.yaml'),
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
