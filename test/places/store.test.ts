// The places table and the seizure_points view after real loads of small hand-made files: each
// distinct (cell, seizure country) matched once, the file's own coordinates first, rows all counted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { gazetteerLoaded } from '../../src/places/gazetteer.js';
import { tempDatabase, tempDir } from '../helpers.js';

async function load(csv: string, mapping: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'seizures.csv'), csv);
  writeFileSync(join(dir, 'mapping.yaml'), mapping);
  const db = await tempDatabase();
  const [report] = await loadFile(db, join(dir, 'seizures.csv'), { mappingPath: join(dir, 'mapping.yaml') });
  return { db, report };
}

const MAPPING =
  'group_rows: none\nfields:\n  seizure_ref: ref\n  seizure_country: ' +
  'country\n  place: place\n  port: port\n  latitude: lat\n  longitude: ' +
  'lon\n  species: taxon\n  quantity: qty\n';

describe('places at load', () => {
  it('never reads the gazetteer for a file without place cells', async () => {
    const { db, report } = await load(
      'ref,taxon,qty\nA1,Manis javanica,5\nA2,Manis javanica,3\n',
      'fields:\n  seizure_ref: ref\n  species: taxon\n  quantity: qty\n',
    );
    expect(report.loaded).toBe(2);
    expect(gazetteerLoaded()).toBe(false);
    expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM places'))!.n).toBe(0);
  });

  it('matches each distinct place and country once, and places every seizure that has one', async () => {
    const csv = [
      'ref,country,place,port,lat,lon,taxon,qty',
      'A1,Kenya,Jomo Kenyatta Airport,,,,Loxodonta africana,5',
      'A2,Kenya,Jomo Kenyatta Airport,,,,Loxodonta africana,2',
      'A3,Kenya,,Port of Mombasa,,,Loxodonta africana,1',
      'A4,Thailand,Suvarnabhumi Airport,,,,Manis javanica,4',
      'A5,,Paris,,,,Manis javanica,4',
      'A6,Kenya,Nowhere Special,,-1.5,37.25,Manis javanica,4',
      'A7,Kenya,Jomo Kenyatta Airport,,0,0,Manis javanica,4',
    ].join('\n');
    const { db, report } = await load(csv + '\n', MAPPING);
    expect(gazetteerLoaded()).toBe(true);
    // Row accounting is untouched: 7 rows read, 7 loaded.
    expect({ read: report.read, loaded: report.loaded, rejected: report.rejected }).toEqual({ read: 7, loaded: 7, rejected: 0 });
    expect(await db.all('SELECT as_given, country, kind, code, place_country, rule FROM places ORDER BY as_given')).toEqual([
      { as_given: 'Jomo Kenyatta Airport', country: 'KE', kind: 'airport', code: 'NBO', place_country: 'KE', rule: 'airport name in KE' },
      { as_given: 'Nowhere Special', country: 'KE', kind: null, code: null, place_country: null, rule: 'not found in KE' },
      {
        as_given: 'Paris',
        country: null,
        kind: null,
        code: null,
        place_country: null,
        rule: 'ambiguous city name: in CA, FR, PA, US (no country to decide)',
      },
      {
        as_given: 'Port of Mombasa',
        country: 'KE',
        kind: 'port',
        code: '186301',
        place_country: 'KE',
        rule: 'port named by its city in KE',
      },
      { as_given: 'Suvarnabhumi Airport', country: 'TH', kind: 'airport', code: 'BKK', place_country: 'TH', rule: 'airport name in TH' },
    ]);
    const points = await db.all(
      `SELECT s.seizure_ref, p.placed_from, p.kind, p.code, round(p.latitude, 2) AS lat, round(p.longitude, 2) AS lon
       FROM seizures s LEFT JOIN seizure_points p USING (seizure_id) ORDER BY s.seizure_ref`,
    );
    expect(points).toEqual([
      { seizure_ref: 'A1', placed_from: 'place', kind: 'airport', code: 'NBO', lat: -1.32, lon: 36.93 },
      { seizure_ref: 'A2', placed_from: 'place', kind: 'airport', code: 'NBO', lat: -1.32, lon: 36.93 },
      { seizure_ref: 'A3', placed_from: 'port', kind: 'port', code: '186301', lat: -4.05, lon: 39.66 },
      { seizure_ref: 'A4', placed_from: 'place', kind: 'airport', code: 'BKK', lat: 13.68, lon: 100.75 },
      // Paris with no country is ambiguous: not placed.
      { seizure_ref: 'A5', placed_from: null, kind: null, code: null, lat: null, lon: null },
      // The file's coordinates win, even where the place is unknown…
      { seizure_ref: 'A6', placed_from: 'given', kind: null, code: null, lat: -1.5, lon: 37.25 },
      // …but 0, 0 is no position: the airport is used.
      { seizure_ref: 'A7', placed_from: 'place', kind: 'airport', code: 'NBO', lat: -1.32, lon: 36.93 },
    ]);
  });

  it('adds only the places a second file brings', async () => {
    const { db } = await load('ref,country,place,port,lat,lon,taxon,qty\nA1,Kenya,NBO,,,,Loxodonta africana,5\n', MAPPING);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'more.csv'),
      'ref,country,place,port,lat,lon,taxon,qty\nB1,Kenya,NBO,,,,Loxodonta africana,1\nB2,Uganda,EBB,,,,Loxodonta africana,1\n',
    );
    writeFileSync(join(dir, 'mapping.yaml'), MAPPING);
    await loadFile(db, join(dir, 'more.csv'), { mappingPath: join(dir, 'mapping.yaml') });
    expect(await db.all('SELECT as_given, country, code FROM places ORDER BY as_given')).toEqual([
      { as_given: 'EBB', country: 'UG', code: 'EBB' },
      { as_given: 'NBO', country: 'KE', code: 'NBO' },
    ]);
  });

  it('places what a schema-8 database holds when a later wen opens it', async () => {
    const path = join(tempDir(), 'old.duckdb');
    const dir = tempDir();
    writeFileSync(
      join(dir, 'old.csv'),
      'ref,country,place,port,lat,lon,taxon,qty,to\nA1,Kenya,NBO,,,,Loxodonta africana,5,"Hanoi, Vietnam"\n',
    );
    writeFileSync(join(dir, 'mapping.yaml'), `${MAPPING}  destination: to\n`);
    const db = await Database.open(path);
    await loadFile(db, join(dir, 'old.csv'), { mappingPath: join(dir, 'mapping.yaml') });
    await db.run('DROP VIEW seizure_points');
    await db.run('DROP VIEW chain_stops');
    await db.run('DROP TABLE places');
    await db.run('DROP TABLE chain_places');
    await db.run("UPDATE wen_meta SET value = '8' WHERE key = 'schema_version'");
    db.close();
    const upgraded = await Database.open(path, { readOnly: true });
    try {
      expect(await upgraded.all('SELECT s.seizure_ref, p.code FROM seizures s JOIN seizure_points p USING (seizure_id)')).toEqual([
        { seizure_ref: 'A1', code: 'NBO' },
      ]);
      expect(await upgraded.all('SELECT stage, as_given, airport FROM chain_stops')).toEqual([
        { stage: 'destination', as_given: 'Hanoi, Vietnam', airport: 'HAN' },
      ]);
    } finally {
      upgraded.close();
    }
  });
});
