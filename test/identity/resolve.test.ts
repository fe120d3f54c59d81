// The resolver on hand-made Ecomessage cases whose answers are written beside them: which records
// are one identity, which stay apart, and what the identities table says about it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import type { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

type Person = Record<string, unknown>;

/** One seizure per list of persons, dated one day apart from 1 March 2021. */
function cases(prefix: string, seizures: Person[][]): string {
  return (
    seizures
      .map((persons, i) =>
        JSON.stringify({
          case_id: `${prefix}${i + 1}`,
          reporting_country: 'VN',
          date: `2021-03-${String(i + 1).padStart(2, '0')}`,
          discovery: { place: 'Noi Bai airport', country: 'VN' },
          contraband: [{ scientific_name: 'Manis spp.', description: 'scales', quantity: 1, unit: 'kg' }],
          persons,
        }),
      )
      .join('\n') + '\n'
  );
}

async function load(db: Database, name: string, seizures: Person[][]): Promise<void> {
  const file = join(tempDir(), `${name}.ndjson`);
  writeFileSync(file, cases(name, seizures));
  await loadFile(db, file);
}

/** name as given → identity id, for every person record, in actor order. */
async function identities(db: Database): Promise<Array<[string, number, string]>> {
  const rows = await db.all<{ name: string; identity_id: number; rule: string }>(
    'SELECT a.name_as_given AS name, i.identity_id, i.rule FROM actors a JOIN identities i USING (actor_id) ORDER BY a.actor_id',
  );
  return rows.map((r) => [r.name, r.identity_id, r.rule]);
}

describe('identities', () => {
  it('links a Han name and its pinyin spelling when the nationality agrees', async () => {
    const db = await tempDatabase();
    await load(db, 'T', [[{ name: '张伟', nationality: 'CN' }], [{ name: 'Zhang Wei', nationality: 'CN' }]]);
    const rows = await identities(db);
    expect(rows.map((r) => r[1])).toEqual([1, 1]);
    expect(rows[1][2]).toBe('same name in another script, same nationality');
  });

  it('keeps a Han name and its pinyin spelling apart when nothing else agrees', async () => {
    const db = await tempDatabase();
    await load(db, 'T', [[{ name: '张伟' }], [{ name: 'Zhang Wei' }]]);
    expect((await identities(db)).map((r) => r[1])).toEqual([1, 2]);
  });

  it('never joins two namesakes with different passports through a third record without identifiers', async () => {
    // A (passport X1) – C (no identifier) – B (passport X2): all "Wang Li". A and B conflict, so the
    // cluster {A, B, C} is cut at its weakest links: both are "same name", so C stands alone.
    const db = await tempDatabase();
    await load(db, 'N', [
      [{ name: 'Wang Li', passport_numbers: ['X1'] }],
      [{ name: 'Wang Li' }],
      [{ name: 'Wang Li', passport_numbers: ['X2'] }],
    ]);
    const rows = await identities(db);
    expect(new Set(rows.map((r) => r[1])).size).toBe(3);
    expect(rows.map((r) => r[2])).toEqual(['split', 'split', 'split']);
    const evidence = await db.all<{ evidence: string }>('SELECT evidence FROM identities ORDER BY actor_id');
    expect(evidence[0].evidence).toMatch(/kept apart from actor 2 \(same name\): different passport numbers/);
  });

  it('cuts the weaker link when a third record is closer to one namesake', async () => {
    // A (passport X1, born 1980-01-01) and C (passport X1: same person) and B ("Wang Li", passport X2).
    // C – B share only the name; A – C share a passport, the stronger link: A and C stay one.
    const db = await tempDatabase();
    await load(db, 'W', [
      [{ name: 'Wang Li', passport_numbers: ['X1'], birth_date: '1980-01-01' }],
      [{ name: 'WANG Li', passport_numbers: ['X1'] }],
      [{ name: 'Wang Li', passport_numbers: ['X2'] }],
    ]);
    expect((await identities(db)).map((r) => r[1])).toEqual([1, 1, 2]);
  });

  it('keeps records whose birth dates are more than a year apart or whose sexes differ apart, even through a third', async () => {
    const db = await tempDatabase();
    await load(db, 'B', [
      [{ name: 'Tran Minh', birth_date: '1960-05-01' }],
      [{ name: 'Tran Minh' }],
      [{ name: 'Tran Minh', birth_date: '1990-05-01' }],
      [{ name: 'Le Hoa', sex: 'F' }],
      [{ name: 'Le Hoa' }],
      [{ name: 'Le Hoa', sex: 'M' }],
    ]);
    const ids = (await identities(db)).map((r) => r[1]);
    expect(ids[0]).not.toBe(ids[2]);
    expect(ids[3]).not.toBe(ids[5]);
  });

  it('resolves a later load against the stored identities without changing them', async () => {
    const db = await tempDatabase();
    await load(db, 'L', [[{ name: 'Nguyen Van An', passport_numbers: ['B1'] }], [{ name: 'Okafor Chinedu' }]]);
    const before = await identities(db);
    await load(db, 'M', [[{ name: 'NGUYEN Van An' }], [{ name: 'Somchai Jaidee', passport_numbers: ['B 1'] }], [{ name: 'Ivan Petrov' }]]);
    const after = await identities(db);
    expect(after.slice(0, 2)).toEqual(before);
    // NGUYEN Van An by name, the passport B 1 = B1 under another name: both identity 1; Ivan Petrov is new (3).
    expect(after.slice(2).map((r) => [r[1], r[2]])).toEqual([
      [1, 'same name'],
      [1, 'same passport number'],
      [3, 'first record'],
    ]);
  });

  it('keeps Cyrillic and Thai names whole and finds them again in repeat-suspects', async () => {
    const db = await tempDatabase();
    await load(db, 'C', [[{ name: 'Сергей Иванов' }], [{ name: 'ИВАНОВ Сергей' }], [{ name: 'สมชาย ใจดี' }], [{ name: 'สมชาย ใจดี' }]]);
    const keys = await db.all<{ k: string }>('SELECT name_normalised AS k FROM actors ORDER BY actor_id');
    expect(keys.map((r) => r.k)).toEqual(['иванов сергей', 'иванов сергей', 'สมชาย ใจดี', 'สมชาย ใจดี']);
    const { rows } = await runAnalysis(db, getAnalysis('repeat-suspects'), NO_FILTERS, {});
    expect(rows.map((r) => [r.name, r.seizures])).toEqual([
      ['ИВАНОВ Сергей', 2],
      ['สมชาย ใจดี', 2],
    ]);
  });
});
