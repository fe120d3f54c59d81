// Shared set-up of the real-file acceptance tests: each test file loads its real files once (in
// beforeAll) into its own database, then checks the figures of its folder's EXPECTED.md with SQL.
// The expected values are literals in the tests, copied from EXPECTED.md, never computed by wen.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
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

/**
 * Loads `files` ([path under REALDATA, mapping file name]) once for the whole test file. With
 * `everyRow`, each bundled mapping is used line by line: without its filter and with one seizure per
 * row (for figures about the rows a mapping leaves out, e.g. every disposition code of a LEMIS file,
 * whose lines of one shipment may differ). It is a copy of the mapping in the temp folder.
 */
export function loadOnce(files: Array<[file: string, mapping: string]>, options: { everyRow?: boolean } = {}): Corpus {
  const corpus = { reports: {}, source: {} } as Corpus;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wen-realdata-'));
    corpus.db = await Database.open(join(dir, 'corpus.duckdb'));
    for (const [file, mapping] of files) {
      let mappingPath = join(MAPPINGS, mapping);
      if (options.everyRow) {
        const { filter: _filter, ...rest } = parseYaml(readFileSync(mappingPath, 'utf8')) as Record<string, unknown>;
        mappingPath = join(dir, `every-row.${mapping}`);
        writeFileSync(mappingPath, stringifyYaml({ ...rest, group_rows: 'none' }));
      }
      const loaded = (await loadFile(corpus.db, join(REALDATA, file), { mappingPath })).filter((r) => r.status === 'loaded');
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

/**
 * wen's routes analysis over one source: its legs as { "CN→US": seizures }, and how many of the
 * source's seizures have no leg at all (read from the f_legs view the analysis leaves behind).
 */
export async function legsOf(
  db: Database,
  sourceId: number,
): Promise<{ legs: Record<string, number>; withoutLeg: number; withLeg: number }> {
  const { filtersFrom } = await import('../../src/analysis/filters.js');
  const { getAnalysis } = await import('../../src/analysis/registry.js');
  const { runAnalysis } = await import('../../src/analysis/run.js');
  await runAnalysis(db, getAnalysis('routes'), filtersFrom({ source: String(sourceId) }));
  // The chain as the file lists it (f_listed_legs), as the EXPECTED.md rules count it: routes' own
  // legs (f_legs) also place a seizing country the file leaves out of the chain.
  const counted = await db.all<{ leg: string; n: number }>(
    "SELECT from_country || '→' || to_country AS leg, count(DISTINCT seizure_id)::INTEGER AS n FROM f_listed_legs GROUP BY 1",
  );
  const legs = Object.fromEntries(counted.map((r) => [r.leg, r.n]));
  const withLeg = await one(db, 'SELECT count(DISTINCT seizure_id) AS n FROM f_listed_legs');
  const withoutLeg = await one(db, 'SELECT count(*) AS n FROM f_seizures WHERE seizure_id NOT IN (SELECT seizure_id FROM f_listed_legs)');
  return { legs, withoutLeg, withLeg };
}

/** The entries of a { key: n } tally that reach the n-th largest count (ties included). */
export function topOf(counts: Record<string, number>, n: number): Record<string, number> {
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (sorted.length <= n) return Object.fromEntries(sorted);
  const floor = sorted[n - 1][1];
  return Object.fromEntries(sorted.filter(([, v]) => v >= floor));
}
