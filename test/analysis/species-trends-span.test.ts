// species-trends: each taxon's series over its own span, the Mann-Kendall numbers reported, ranges
// counted by the stated rule, and an empty result explained. Answers worked out in the comments.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDir } from '../helpers.js';

let n = 0;
const seizure = (species: string, date: string) =>
  JSON.stringify({
    case_id: `S${++n}`,
    reporting_country: 'VN',
    date,
    discovery: { country: 'VN' },
    contraband: [{ scientific_name: species, description: 'bodies', quantity: 1 }],
  });

let db: Database;
beforeAll(async () => {
  const dir = tempDir();
  const lines: string[] = [];
  // Manis javanica: 6 seizures in every year 2016–2023.
  for (let y = 2016; y <= 2023; y++) for (let k = 0; k < 6; k++) lines.push(seizure('Manis javanica', `${y}-05-01`));
  // Loxodonta africana: k seizures in year 1980 + k, k = 1…40: strictly rising over 1981–2020.
  for (let k = 1; k <= 40; k++) for (let j = 0; j < k; j++) lines.push(seizure('Loxodonta africana', `${1980 + k}-03-0${1 + (j % 9)}`));
  // Panthera tigris: one seizure in 2014, one dated "2015-2016" (a range), one in 2018.
  lines.push(seizure('Panthera tigris', '2014-02-02'), seizure('Panthera tigris', '2015-2016'), seizure('Panthera tigris', '2018-07-07'));
  writeFileSync(join(dir, 'trends.ndjson'), lines.join('\n') + '\n');
  db = await Database.open(join(dir, 'trends.duckdb'));
  await loadFile(db, join(dir, 'trends.ndjson'));
}, 120_000);
afterAll(() => db?.close());

const trend = async (species: string, flags = {}, options = {}) => {
  const result = await runAnalysis(db, getAnalysis('species-trends'), Object.keys(flags).length ? filtersFrom(flags) : NO_FILTERS, options);
  return { rows: result.rows.filter((r) => r.species === species), notes: result.notes };
};

describe("species-trends over each taxon's own span", () => {
  it('gives a taxon with 6 seizures every year 2016–2023 no trend, filtered or not (padding to 1981 made it "rising")', async () => {
    const all = await trend('Manis javanica');
    const filtered = await trend('Manis javanica', { species: 'Manis javanica' });
    // 8 equal values: S = 0, all tied so var(S) = (8·7·21 − 8·7·21)/18 = 0, z = 0, p = 1.
    expect(all.rows.map((r) => [r.period, r.seizures])).toEqual(
      [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023].map((y) => [String(y), 6]),
    );
    expect(all.rows[0]).toMatchObject({ trend: 'no trend', periods: 8, mk_s: 0, mk_variance: 0, mk_z: 0, p_value: 1 });
    expect(filtered.rows).toEqual(all.rows);
  });

  it("gives the strictly rising 40-year series scipy's p-value, with S, var(S), z and tau", async () => {
    const { rows } = await trend('Loxodonta africana');
    expect(rows).toHaveLength(40);
    // S = 780, var(S) = 40·39·85/18 = 7366.666667, z = 779/√var(S) = 9.076156, tau 1;
    // p = erfc(z/√2) = 2 · scipy.stats.norm.sf(9.076155922792513) = 1.124771839571784e-19.
    expect(rows[0]).toMatchObject({
      trend: 'rising',
      periods: 40,
      mk_s: 780,
      mk_variance: 7366.666667,
      mk_z: 9.076156,
      mk_tau: 1,
      sen_slope: 1,
    });
    expect(Math.abs(Number(rows[0].p_value) / 1.124771839571784e-19 - 1)).toBeLessThan(1e-12);
  });

  it("widens a taxon's span to --from/--to with zeros", async () => {
    const { rows } = await trend('Manis javanica', { from: '2014', to: '2024' });
    expect(rows.map((r) => r.seizures)).toEqual([0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 0]);
    expect(rows[0].periods).toBe(11);
  });

  it('counts a "2015-2016" range in 2015, its first year, or in 2016 from --from 2016, and says so', async () => {
    const { rows, notes } = await trend('Panthera tigris');
    expect(rows.map((r) => [r.period, r.seizures])).toEqual([
      ['2014', 1],
      ['2015', 1],
      ['2016', 0],
      ['2017', 0],
      ['2018', 1],
    ]);
    expect(notes).toContain(
      '1 seizure(s) dated as a range (e.g. "2015-2016") count in the year of the first day they can mean within the selection',
    );
    const later = await trend('Panthera tigris', { from: '2016' });
    expect(later.rows.map((r) => [r.period, r.seizures])).toEqual([
      ['2016', 1],
      ['2017', 0],
      ['2018', 1],
    ]);
  });

  it('leaves the range out of months and says so', async () => {
    const { rows, notes } = await trend('Panthera tigris', {}, { interval: 'month' });
    expect(rows.filter((r) => Number(r.seizures) > 0).map((r) => r.period)).toEqual(['2014-02', '2018-07']);
    expect(rows).toHaveLength(54); // February 2014 to July 2018
    expect(notes).toContain(
      '1 seizure(s) dated as a range over more than one month are left out of the monthly series (--interval year counts them)',
    );
  });
});

describe('species-trends on dates given to the year only', () => {
  it('is empty by month and says why, with the counts and the option that would help', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'years.ndjson'),
      [seizure('Manis javanica', '2019'), seizure('Manis javanica', '2021'), seizure('Manis javanica', '')].join('\n') + '\n',
    );
    const own = await Database.open(join(dir, 'years.duckdb'));
    try {
      await loadFile(own, join(dir, 'years.ndjson'));
      const { rows, notes } = await runAnalysis(own, getAnalysis('species-trends'), NO_FILTERS, { interval: 'month' });
      expect(rows).toEqual([]);
      expect(notes).toContain(
        'species-trends --interval month is empty: none of the 3 seizures ' +
          'selected is dated to the month (2 to the year only, 1 undated); ' +
          'try --by year (--interval year), or load the dates to the day or month (the date field of a --mapping file)',
      );
      const years = await runAnalysis(own, getAnalysis('species-trends'), NO_FILTERS, {});
      expect(years.rows.map((r) => [r.period, r.seizures])).toEqual([
        ['2019', 1],
        ['2020', 0],
        ['2021', 1],
      ]);
    } finally {
      own.close();
    }
  });
});
