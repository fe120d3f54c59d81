// Watch lists (wen watch add) on the hand-made cases, answers worked out here. The cases: Nguyen Van
// An in C1, C2 (passport "B 1") and C5; two Chinedu Okafors, P9 in C3 and P7 in C4; permit
// NG/CITES/2021/0042 in C1, written NG-CITES-2021-0042 in C2. network-graph.ndjson, loaded after the
// list, names Amani Odhiambo (family name first in the list) in N1 and N2.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/bulletin/build.js';
import { loadRates } from '../../src/analysis/selection.js';
import { Database } from '../../src/db/database.js';
import { addWatchList, parseWatchFile, redactHits, removeWatchList, watchHits, watchLists } from '../../src/identity/watch.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES } from '../helpers.js';

let db: Database;
const LIST = join(FIXTURES, 'watch-small.csv');

beforeAll(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-watch-')), 'cases.duckdb'));
  await loadFile(db, join(FIXTURES, 'analysis-cases.ndjson'));
}, 120_000);
afterAll(() => db.close());

const hitsBy = (rows: Array<Record<string, unknown>>) =>
  rows.map((h) => [h.entry_id, h.seizure_ref, h.matched_on]).sort((a, b) => String(a).localeCompare(String(b)));

describe('wen watch', () => {
  it('reads a watch list with its headings, numbers as written (the database keys them as letters and digits)', () => {
    const entries = parseWatchFile(LIST);
    expect(entries.map((e) => [e.kind, e.name, e.passports, e.documents])).toEqual([
      ['person', 'NGUYEN Van An', [], []],
      ['person', 'Chinedu Okafor', ['P7'], []],
      ['identifier', null, [], ['NG/CITES/2021/0042']],
      ['person', 'Odhiambo Amani', [], []],
      ['person', '张伟', [], []],
    ]);
  });

  it('finds each entry in the database under any spelling, and not in a namesake with another passport', async () => {
    const added = await addWatchList(db, LIST, 'watch-small');
    expect(await db.all("SELECT documents FROM watchlist WHERE list = 'watch-small' AND len(documents) > 0")).toEqual([
      { documents: ['NGCITES20210042'] },
    ]);
    // entry 1: C1, C2, C5 by name; entry 2: C4 by passport and by name (C3's Okafor has P9); entry 3: the permit in C1 and C2
    expect(hitsBy(await watchHits(db, {}))).toEqual([
      [1, 'C1', 'same name'],
      [1, 'C2', 'same name'],
      [1, 'C5', 'same name'],
      [2, 'C4', 'passport number'],
      [2, 'C4', 'same name'],
      [3, 'C1', 'document number'],
      [3, 'C2', 'document number'],
    ]);
    expect(added).toEqual({ list: 'watch-small', entries: 5, hits: 7 });
    expect(await watchLists(db)).toMatchObject([{ list: 'watch-small', entries: 5, hits: 6 }]); // entry × seizure
  });

  it('matches every later load, and counts the hits in the load report', async () => {
    const [report] = await loadFile(db, join(FIXTURES, 'network-graph.ndjson'));
    expect(report.watchHits).toBe(2); // Amani Odhiambo in N1 and N2
    expect(hitsBy(await watchHits(db, { source: report.sourceId }))).toEqual([
      [4, 'N1', 'same name'],
      [4, 'N2', 'same name'],
    ]);
  });

  it('lists the hits of a bulletin window, pseudonymised unless names are asked for', async () => {
    await loadRates(db);
    const bulletin = await buildBulletin(
      db,
      { since: null, until: '2999-01-01 00:00:00' },
      { includeNames: false, largeKg: 1e9, largeUsd: 1e12 },
    );
    expect(bulletin.watch_hits).toHaveLength(9);
    const text = JSON.stringify(bulletin.watch_hits);
    for (const secret of ['Nguyen', 'NGUYEN', 'Okafor', 'Odhiambo', 'P7', '0042']) expect(text).not.toContain(secret);
    const named = await buildBulletin(
      db,
      { since: null, until: '2999-01-01 00:00:00' },
      { includeNames: true, largeKg: 1e9, largeUsd: 1e12 },
    );
    expect(named.watch_hits.map((h) => h.name)).toContain('NGUYEN Van An');
  });

  it('gives one pseudonym per identity in redacted hits', async () => {
    const redacted = await redactHits(await watchHits(db, { list: 'watch-small' }));
    const nguyen = redacted.filter((h) => h.entry_id === 1);
    expect(new Set(nguyen.map((h) => h.identity)).size).toBe(1);
  });

  it('drops the hits of a reloaded source and of a removed list', async () => {
    await loadFile(db, join(FIXTURES, 'network-graph.ndjson'), { replace: true });
    expect((await watchHits(db, { list: 'watch-small' })).filter((h) => String(h.seizure_ref).startsWith('N'))).toHaveLength(2);
    expect(await removeWatchList(db, 'watch-small')).toBe(5);
    expect(await watchHits(db, {})).toEqual([]);
  });
});
