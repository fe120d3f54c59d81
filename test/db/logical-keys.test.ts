// The keys of wen's tables hold, though DuckDB is not asked to enforce them: a PRIMARY KEY builds an
// ART index during every load (measured: +3% CPU and +8% wall time, median of six alternating pairs of
// 1M-row loads), so the ids stay plain columns and this test checks what a key would. No id repeats
// (sources, seizures, specimens, actors, documents) and nothing is an orphan (every specimen, actor and
// document has its seizure, from the same source; every seizure has its source), on the sample data and
// the real corpus loaded into one database, so that ids from several files and profiles meet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { loadFile, loadPath } from '../../src/load/loader.js';
import { MAPPINGS, REALDATA, SAMPLE_DATA } from '../helpers.js';

/** Each logical key as a query of the rows that break it: none, when the key holds. */
const KEYS: Array<[key: string, broken: string]> = [
  ['sources.source_id is unique', 'SELECT source_id FROM sources GROUP BY 1 HAVING count(*) > 1'],
  ['seizures.seizure_id is unique', 'SELECT seizure_id FROM seizures GROUP BY 1 HAVING count(*) > 1'],
  ['specimens.specimen_id is unique', 'SELECT specimen_id FROM specimens GROUP BY 1 HAVING count(*) > 1'],
  ['actors.actor_id is unique', 'SELECT actor_id FROM actors GROUP BY 1 HAVING count(*) > 1'],
  ['documents.document_id is unique', 'SELECT document_id FROM documents GROUP BY 1 HAVING count(*) > 1'],
  [
    "every seizure's source exists",
    'SELECT seizure_id FROM seizures s WHERE NOT EXISTS (SELECT 1 FROM sources o WHERE o.source_id = s.source_id)',
  ],
  [
    "every specimen's seizure exists, from the same source",
    'SELECT specimen_id FROM specimens x WHERE NOT EXISTS (SELECT ' +
      '1 FROM seizures s WHERE s.seizure_id = x.seizure_id AND s.source_id ' +
      '= x.source_id)',
  ],
  [
    "every actor's seizure exists, from the same source",
    'SELECT actor_id FROM actors x WHERE NOT EXISTS (SELECT 1 FROM ' +
      'seizures s WHERE s.seizure_id = x.seizure_id AND s.source_id ' +
      '= x.source_id)',
  ],
  [
    "every document's seizure exists, from the same source",
    'SELECT document_id FROM documents x WHERE NOT EXISTS (SELECT ' +
      '1 FROM seizures s WHERE s.seizure_id = x.seizure_id AND s.source_id ' +
      '= x.source_id)',
  ],
  [
    "every identity's actor exists, once",
    'SELECT actor_id FROM identities i GROUP BY 1 HAVING count(*) > 1 OR NOT EXISTS (SELECT 1 FROM actors a WHERE a.actor_id = i.actor_id)',
  ],
];

/** The keys that do not hold, each with up to three of the rows that break it. */
async function brokenKeys(db: Database): Promise<string[]> {
  const broken: string[] = [];
  for (const [key, sql] of KEYS) {
    const rows = await db.all<Record<string, unknown>>(`${sql} LIMIT 3`);
    if (rows.length) broken.push(`${key}: ${rows.map((r) => Object.values(r)[0]).join(', ')}`);
  }
  return broken;
}

// One database for the whole file (tempDatabase closes its database after each test).
const dir = mkdtempSync(join(tmpdir(), 'wen-keys-'));
let db: Database;
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  db = await Database.open(join(dir, 'keys.duckdb'));
  await loadPath(db, SAMPLE_DATA);
  for (const [file, mapping] of [
    ['brazil-prf-wildmeat/planilha_completa.csv', 'brazil-prf.yaml'],
    ['cites-pangolin-shipments/manidae_shipments.csv', 'cites-shipments.yaml'],
    ['cites-pangolin-shipments/comptab_manidae_2019-05-31.csv', 'cites-comptab.yaml'],
    ['lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv', 'lemis.yaml'],
    ['routes-airport-seizures/tot.csv', 'routes-airport-seizures.yaml'],
  ]) {
    await loadFile(db, join(REALDATA, file), { mappingPath: join(MAPPINGS, mapping) });
  }
}, 600_000);

describe('the logical keys of the database', () => {
  it('hold on the sample data and the real corpus loaded into one database', async () => {
    // By hand: the six sample files and the five real ones each became a source (a workbook's sheet is one).
    expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources'))!.n).toBe(11);
    expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM documents'))!.n).toBeGreaterThan(0);
    expect(await brokenKeys(db)).toEqual([]);
  });

  it('are noticed when broken: a repeated specimen id and a seizure whose source is gone', async () => {
    await db.run('CREATE TEMP TABLE kept AS SELECT * FROM specimens WHERE specimen_id = (SELECT min(specimen_id) FROM specimens)');
    await db.run('INSERT INTO specimens SELECT * FROM kept');
    await db.run('INSERT INTO seizures (seizure_id, source_id, source_row) VALUES (-1, 999, 1)');
    const broken = await brokenKeys(db);
    await db.run('DELETE FROM specimens WHERE specimen_id = (SELECT specimen_id FROM kept)');
    await db.run('INSERT INTO specimens SELECT * FROM kept');
    await db.run('DELETE FROM seizures WHERE seizure_id = -1');
    expect(broken.map((b) => b.split(':')[0])).toEqual(['specimens.specimen_id is unique', "every seizure's source exists"]);
    expect(await brokenKeys(db)).toEqual([]);
  });
});
