// One seizure told by two sources counts once. Hand-made: an AITR file (official report, grade 1)
// and Ecomessage cases (grade 2). Answers, by the rule of src/load/same-seizure.ts:
//   E-1 and AITR-1: Viet Nam, the same day, Manis javanica, 125 and 120 kg (within 10%): 3 → linked, AITR-1 speaks.
//   E-2 and AITR-2: 50 kg of the same taxon two days apart: 2.5 → not linked (a coincidence is not proof).
//   AITR-3: the same day, taxon and quantity as E-1, but seized in Thailand: never linked across countries.
//   E-4 and AITR-4: the same day and taxon, 200 and 300 kg: 2 → not linked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES } from '../helpers.js';

let db: Database;
let ecoReport: Awaited<ReturnType<typeof loadFile>>[number];
beforeAll(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-same-')), 'same.duckdb'));
  // the Ecomessage cases first: the official report, loaded later, still speaks for the case
  [ecoReport] = await loadFile(db, join(FIXTURES, 'same-seizure-eco.ndjson'));
  await loadFile(db, join(FIXTURES, 'same-seizure-aitr.csv'));
}, 120_000);
afterAll(() => db.close());

describe('one seizure across sources', () => {
  it('links only the pair that agrees on country, day, taxon and quantity, with its evidence', async () => {
    expect(ecoReport.sameSeizures ?? 0).toBe(0); // nothing to compare with yet
    const links = await db.all(
      `SELECT a.seizure_ref AS a, b.seizure_ref AS b, l.score, l.evidence FROM seizure_links l
       JOIN seizures a ON a.seizure_id = l.seizure_a JOIN seizures b ON b.seizure_id = l.seizure_b`,
    );
    expect(links.map((l) => [[l.a, l.b].sort(), l.score, l.evidence])).toEqual([
      [['AITR-1', 'E-1'], 3, 'same day; a taxon in common; quantities within 10%'],
    ]);
  });

  it('counts the linked case once in every analysis, the official record speaking, and says so', async () => {
    const result = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, {});
    // 7 seizures loaded, 6 cases: Manis javanica in AITR-1 (=E-1), AITR-2, E-2, AITR-3
    expect(result.rows.map((r) => [r.species, r.seizures, r.quantity_kg])).toEqual([
      ['Manis javanica', 4, 340],
      ['Loxodonta africana', 2, 500],
    ]);
    expect(result.notes.join('\n')).toContain('1 seizure told by two sources is counted once');
    const kept = await runAnalysis(db, getAnalysis('target-species'), filtersFrom({ keepDuplicates: true }), {});
    expect(kept.rows.map((r) => [r.species, r.seizures, r.quantity_kg])).toEqual([
      ['Manis javanica', 5, 465],
      ['Loxodonta africana', 2, 500],
    ]);
  });

  it('applies with other filters too', async () => {
    const result = await runAnalysis(db, getAnalysis('target-species'), filtersFrom({ country: 'VN', role: 'seizure' }), {});
    expect(result.rows.map((r) => [r.species, r.seizures])).toEqual([
      ['Manis javanica', 3],
      ['Loxodonta africana', 2],
    ]);
  });

  it('forgets the link when a source is reloaded and links it again', async () => {
    await loadFile(db, join(FIXTURES, 'same-seizure-aitr.csv'), { replace: true });
    expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM seizure_links'))!.n).toBe(1);
    const orphans = await db.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM seizure_links WHERE seizure_a ' +
        'NOT IN (SELECT seizure_id FROM seizures) OR seizure_b NOT IN ' +
        '(SELECT seizure_id FROM seizures)',
    );
    expect(orphans!.n).toBe(0);
  });
});

describe('the annual summary and one seizure across sources', () => {
  it('counts the linked case once and says so in its notes', async () => {
    const { buildAnnualReport } = await import('../../src/report/annual.js');
    const report = await buildAnnualReport(db, { year: 2021, top: 10 });
    expect(report.notes.join('\n')).toContain('1 seizure told by two sources is counted once');
    expect(report.headline.seizures).toBe(6); // 7 records, 6 seizures
  });
});
