// The indexes that `npm run build` writes beside the compiled modules (the country names, the
// gazetteer) must be the indexes wen would build, and a file made from other code must never be read
// (it would match cells by stale names without a word).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, readIndexFile, writeIndexFile } from '../src/normalise/country-names.js';
import * as places from '../src/places/gazetteer.js';
import { tempDir } from './helpers.js';

describe('the country-name index file', () => {
  it('reads back as exactly the index built from the libraries', () => {
    const file = join(tempDir(), 'country-index.json');
    writeIndexFile(file);
    const read = readIndexFile(file)!;
    const built = buildIndex();
    expect(read.names.size).toBeGreaterThan(10_000);
    expect([...read.names]).toEqual([...built.names]);
    expect([...read.prefixes]).toEqual([...built.prefixes]);
    expect([...read.variants]).toEqual([...built.variants]);
    expect([...read.shared].map(([k, v]) => [k, [...v]])).toEqual([...built.shared].map(([k, v]) => [k, [...v]]));
    expect(read.names.get('cote d ivoire')).toBe('CI');
  });

  it('is not read when it was written from other code or other library versions', () => {
    const file = join(tempDir(), 'country-index.json');
    writeIndexFile(file);
    const stale = JSON.parse(readFileSync(file, 'utf8'));
    stale.key = stale.key.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    writeFileSync(file, JSON.stringify(stale));
    expect(readIndexFile(file)).toBeUndefined();
  });

  it('is not read when it is missing or not JSON, and the index is built instead', () => {
    const dir = tempDir();
    expect(readIndexFile(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'torn.json'), '{"key": "ab');
    expect(readIndexFile(join(dir, 'torn.json'))).toBeUndefined();
  });
});

describe('the gazetteer index file', () => {
  let file: string;
  let read: places.Gazetteer;
  let built: places.Gazetteer;
  beforeAll(() => {
    file = join(tempDir(), 'gazetteer-index.json');
    places.writeIndexFile(file);
    read = places.gazetteerFrom(file);
    built = places.gazetteerFrom('libraries');
  });
  const names = (list: Array<{ name: string }> | undefined) => (list ?? []).map((e) => e.name);

  it('finds every airport by the same codes, names, keywords and towns as the packages do', () => {
    expect(read.airports.length).toBeGreaterThan(5_000);
    expect(read.airports).toEqual(built.airports);
    for (const lookup of ['byIata', 'byIcao', 'airportByName', 'airportByKeyword', 'airportByMunicipality'] as const) {
      expect([...read[lookup].keys()]).toEqual([...built[lookup].keys()]);
      expect([...read[lookup].values()].map(names)).toEqual([...built[lookup].values()].map(names));
    }
    expect(names(read.byIata.get('NBO'))).toEqual(['Jomo Kenyatta International Airport']);
  });

  it('gives the same cities for a name in one country and in every country', () => {
    for (const country of ['BR', 'VN', 'KE', 'CN', 'FR']) expect(read.citiesIn(country)).toEqual(built.citiesIn(country));
    expect(read.citiesNamed('hanoi', ['VN'])).toEqual(built.citiesNamed('hanoi', ['VN']));
    const everywhere = read.citiesNamed('san jose', null)!;
    expect(everywhere).toEqual(built.citiesNamed('san jose', null));
    expect(everywhere.map((c) => c.country)).toEqual(expect.arrayContaining(['CR', 'US', 'PH']));
  });

  it('is not read when it was written from other data or is torn', () => {
    file = join(tempDir(), 'gazetteer-index.json');
    places.writeIndexFile(file);
    const stale = JSON.parse(readFileSync(file, 'utf8'));
    stale.key = stale.key.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const other = join(tempDir(), 'stale.json');
    writeFileSync(other, JSON.stringify(stale));
    expect(places.readIndexFile(other)).toBeUndefined();
    writeFileSync(other, readFileSync(file, 'utf8').slice(0, 1000));
    expect(places.readIndexFile(other)).toBeUndefined();
  });
});
