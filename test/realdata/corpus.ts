// Shared set-up of the real-file acceptance tests: each test file loads its real files once (in
// beforeAll) into its own database, then checks the figures of its folder's EXPECTED.md with SQL.
// The expected values are literals in the tests, copied from EXPECTED.md, never computed by wen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Database, type Params } from '../../src/db/database.js';
import { loadFile, type LoadReport } from '../../src/load/loader.js';
import { MAPPINGS, REALDATA } from '../helpers.js';

export interface Corpus {
  db: Database;
  /** The load report of each file, by file name (the first loaded sheet of a workbook). */
  reports: Record<string, LoadReport>;
  /** source_id of each file, by file name. */
  source: Record<string, number>;
}

/** Loads `files` ([path under REALDATA, mapping file name]) once for the whole test file. */
export function loadOnce(files: Array<[file: string, mapping: string]>): Corpus {
  const corpus = { reports: {}, source: {} } as Corpus;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wen-realdata-'));
    corpus.db = await Database.open(join(dir, 'corpus.duckdb'));
    for (const [file, mapping] of files) {
      const loaded = (await loadFile(corpus.db, join(REALDATA, file), { mappingPath: join(MAPPINGS, mapping) })).filter((r) => r.status === 'loaded');
      const name = file.split('/').pop()!;
      corpus.reports[name] = loaded[0];
      corpus.source[name] = loaded[0].sourceId!;
    }
  });
  afterAll(() => {
    corpus.db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return corpus;
}

/** Rows of (k, n) as an object { k: n }, for comparing a count per value with EXPECTED.md. */
export async function tally(db: Database, sql: string, params?: Params): Promise<Record<string, number>> {
  const rows = await db.all<{ k: unknown; n: unknown }>(sql, params);
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

/** One number from a query's column n. */
export async function one(db: Database, sql: string, params?: Params): Promise<number> {
  const row = await db.one<{ n: unknown }>(sql, params);
  return Number(row?.n);
}

/**
 * "Top N lists every value tied with the N-th": the rows (k, n) sorted by n descending whose n is at
 * least the N-th largest.
 */
export async function top(db: Database, n: number, sql: string, params?: Params): Promise<Array<[string, number]>> {
  const rows = (await db.all<{ k: unknown; n: unknown }>(sql, params)).map((r) => [String(r.k), Number(r.n)] as [string, number]);
  rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rows.length <= n) return rows;
  const floor = rows[n - 1][1];
  return rows.filter((r) => r[1] >= floor);
}
