// repeat-suspects --focus: one identity's dated timeline on the hand-made cases (answers below).
// Nguyen Van An is written "NGUYEN Van An" (C1, and C2 under passport "B 1"), "Van An Nguyen" (C5)
// and, in the payments file, as the payee of P1 (tied to C1) and P2. The forensic file has samples
// L-1 of C1 and L-2 of C2, both of match group G1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES } from '../helpers.js';

let db: Database;
const timeline = (focus: string, options: Record<string, unknown> = {}) =>
  runAnalysis(db, getAnalysis('repeat-suspects'), NO_FILTERS, { focus, ...options });

beforeAll(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-timeline-')), 'cases.duckdb'));
  for (const file of ['analysis-cases.ndjson', 'forensic-small.csv', 'payments-small.csv']) await loadFile(db, join(FIXTURES, file));
}, 120_000);
afterAll(() => db.close());

describe('repeat-suspects --focus', () => {
  it('gives every seizure and payment of one identity in date order, found by any spelling', async () => {
    const { rows, context } = await timeline('Van An NGUYEN');
    expect(context.view).toBe('timeline');
    expect(rows.map((r) => [r.event, r.date, r.seizure_ref, r.roles, r.written_as])).toEqual([
      ['payment', '2021-02-01', 'C1', ['payee'], null],
      ['payment', '2021-02-15', null, ['payee'], null],
      ['seizure', '2021-03-01', 'C1', null, ['Van An Nguyen']],
      ['seizure', '2021-03-08', 'C2', null, ['NGUYEN Van An']],
      ['seizure', '2023-01-10', 'C5', null, ['Van An Nguyen']],
    ]);
    expect(new Set(rows.map((r) => r.identity)).size).toBe(1);
    const c1 = rows.find((r) => r.seizure_ref === 'C1' && r.event === 'seizure')!;
    expect([c1.documents, c1.forensic, c1.payments]).toEqual([
      ['cites permit NG/CITES/2021/0042'],
      ['L-1 (DNA), match group G1, origin NG'],
      ['2021-02-01: Golden Trading Ltd → NGUYEN Van An 23,160,000 VND (bank transfer)'],
    ]);
  });

  it('finds the same identity by its passport number, written another way', async () => {
    const byName = await timeline('Nguyen Van An');
    const byPassport = await timeline('b-1');
    expect(byPassport.rows.map((r) => r.identity)).toEqual(byName.rows.map((r) => r.identity));
  });

  it('keeps the two Okafor namesakes apart: a passport finds one of them', async () => {
    const { rows } = await timeline('P7');
    expect(rows.map((r) => [r.event, r.seizure_ref])).toEqual([['seizure', 'C4']]);
  });

  it('pseudonymises names, document numbers and payment parties with --redact, as repeat-suspects does', async () => {
    const { rows } = await timeline('Nguyen Van An', { redact: true });
    const text = JSON.stringify(rows);
    for (const secret of ['Nguyen', 'NGUYEN', 'Golden', '0042']) expect(text).not.toContain(secret);
    const suspects = await runAnalysis(db, getAnalysis('repeat-suspects'), NO_FILTERS, { redact: true });
    const pseudonym = suspects.rows.find((r) => r.seizures === 3)!.identity;
    expect(new Set(rows.map((r) => r.identity))).toEqual(new Set([pseudonym]));
  });

  it('refuses a focus that matches nobody, with exit 2', async () => {
    await expect(timeline('Nobody At All')).rejects.toMatchObject({ exitCode: 2 });
  });
});
