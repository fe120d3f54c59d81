// Trade chains as AITR files write them, and the legs a person would draw from each row: names in
// the "Name, qualifier" style, territories, "City, Country", lists joined by "and", a transit stated
// unknown, and a cell with a part no one can read. Each row's legs are worked out by hand below.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filtersFrom } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES, tempDatabase } from '../helpers.js';

const FILE = join(FIXTURES, 'aitr-chains.csv');

async function loaded() {
  const db = await tempDatabase();
  await loadFile(db, FILE, { reportingCountry: 'VN' });
  await runAnalysis(db, getAnalysis('routes'), filtersFrom({}));
  const legs = await db.all<{ row: number; legs: string }>(
    `SELECT s.source_row AS row,
      string_agg(l.from_country || '→' || l.to_country, ' ' ORDER BY l.step, l.from_country, l.to_country) AS legs
     FROM f_legs l JOIN seizures s USING (seizure_id) GROUP BY 1 ORDER BY 1`,
  );
  return { db, legs: Object.fromEntries(legs.map((l) => [l.row, l.legs])) };
}

describe('trade chains of an AITR sheet', () => {
  it('draws the legs a person would draw from each row, and none across a transit stated unknown', async () => {
    const { legs } = await loaded();
    expect(legs).toEqual({
      // Every row is a seizure of the reporting Party, VN: where the chain does not list VN, it is
      // placed before the destination (src/analysis/selection.ts).
      2: 'CD→HK HK→VN VN→CN', // "China, People's Republic of" is China; "Hong Kong SAR" is Hong Kong, its own code
      3: 'NG→VN', // "Hanoi, Vietnam": the country, Hanoi its city
      4: 'CM→NG NG→TR TR→VN VN→CN', // two transits joined by "and", each with its city; "Guangdong, China" is China
      5: 'VN→LA', // DRC, transit XX, (VN,) Lao PDR — no CD→LA, a leg the file does not have
      6: 'CD→HK HK→VN', // "Kinshasa, DRC" and "China - Hong Kong"
      7: 'CD→MY MY→ID ID→VN', // "Malaysia Indonesia" is two transits; "Atlantis" flagged, DRC kept
      // row 8: origin "unknown", destination Viet Nam only — no leg
    });
  });

  it('keeps the countries of every cell, flags only the part it cannot read, and stores XX as unknown', async () => {
    const { db } = await loaded();
    const row = (n: number) =>
      db.one(`SELECT origin_countries, transit_countries, destination_countries FROM seizures WHERE source_row = $n`, { n });
    expect(await row(4)).toEqual({ origin_countries: ['CM'], transit_countries: ['NG', 'TR'], destination_countries: ['CN'] });
    expect(await row(5)).toEqual({ origin_countries: ['CD'], transit_countries: ['XX'], destination_countries: ['LA'] });
    const flags = await db.all(
      "SELECT row_number, column_name, value, flag FROM flags WHERE column_name LIKE 'Country%' ORDER BY row_number",
    );
    expect(flags).toEqual([
      {
        row_number: 7,
        column_name: 'Country of origin',
        value: 'Congo, Democratic Republic of the; Atlantis',
        flag: 'partly recognised: 1 country; "Atlantis" not recognised',
      },
    ]);
  });
});

describe('an origin stated unknown in data quality', () => {
  it('counts "unknown" (stored as XX) as an origin not given: 6 of 7 seizures have one', async () => {
    const { db } = await loaded();
    expect(await db.one('SELECT origin_countries FROM seizures WHERE source_row = 8')).toEqual({ origin_countries: ['XX'] });
    const { rows } = await runAnalysis(db, getAnalysis('data-quality'), filtersFrom({}));
    expect(rows.map((r) => [r.reporting_country, r.year, r.seizures, r.origin_pct, r.destination_pct])).toEqual([
      ['VN', 2021, 7, 85.7, 100],
    ]);
  });
});
