// adjusted-trends: a rise in reports is not read as a rise in seizures. Hand-made AITR rows: three
// countries each seize the same number a year in the years they report, but they start reporting in
// different years, so the raw count triples while the adjusted index stays at 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { compileChart } from '../../src/charts/render.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { fitNegativeBinomial } from '../../src/analysis/negative-binomial.js';

// Kenya reports 2018–2022, Uganda 2020–2022, Tanzania 2022 only; each makes `perYear` seizures a year it reports.
const REPORTS: Array<{ country: string; years: number[]; perYear: number[] }> = [
  { country: 'Kenya', years: [2018, 2019, 2020, 2021, 2022], perYear: [6, 4, 5, 6, 4] },
  { country: 'Uganda', years: [2020, 2021, 2022], perYear: [10, 8, 12] },
  { country: 'Tanzania', years: [2022], perYear: [20] },
];

let db: Database;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wen-adjusted-'));
  db = await Database.open(join(dir, 'adjusted.duckdb'));
  const lines = ['Reporting party,Case number,Date of seizure,Country of seizure,Species,Description,Quantity,Unit'];
  let n = 0;
  for (const r of REPORTS)
    r.years.forEach((year, i) => {
      for (let k = 0; k < r.perYear[i]; k++)
        lines.push(`${r.country},C${++n},${year}-0${1 + (k % 9)}-1${k % 10},${r.country},Loxodonta africana,tusks,1,kg`);
    });
  writeFileSync(join(dir, 'reports.csv'), lines.join('\n') + '\n');
  await loadFile(db, join(dir, 'reports.csv'));
  return () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

describe('adjusted-trends', () => {
  it('counts every country in every year and says which reported', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('adjusted-trends'), NO_FILTERS);
    expect(rows.map((r) => [r.year, r.countries, r.countries_reporting, r.seizures, r.raw_index])).toEqual([
      [2018, 3, 1, 6, 1],
      [2019, 3, 1, 4, 0.6667],
      [2020, 3, 2, 15, 2.5],
      [2021, 3, 2, 14, 2.3333],
      [2022, 3, 3, 36, 6],
    ]);
  });

  it('gives year effects that follow the countries that reported, not the number of reports', async () => {
    const { rows, notes } = await runAnalysis(db, getAnalysis('adjusted-trends'), NO_FILTERS);
    // The design by hand: the 9 reported country-years, a factor per year after 2018 and the reporting
    // rate (Kenya 5/5, Uganda 3/5, Tanzania 1/5; the law-enforcement ratio is 1 for all, so left out).
    const years = [2019, 2020, 2021, 2022];
    const cells = REPORTS.flatMap((r) => r.years.map((year, i) => ({ year, y: r.perYear[i], rate: r.years.length / 5 })));
    const fit = fitNegativeBinomial(
      cells.map((c) => [1, ...years.map((y) => (c.year === y ? 1 : 0)), c.rate]),
      cells.map((c) => c.y),
    );
    const index = new Map(rows.map((r) => [r.year, Number(r.adjusted_index)]));
    expect(index.get(2018)).toBe(1);
    years.forEach((year, k) => expect(index.get(year)).toBeCloseTo(Math.exp(fit.coefficients[k + 1]), 4));
    // Raw, 2022 is six times 2018; adjusted, it is not even twice.
    expect(index.get(2022)!).toBeLessThan(2);
    for (const r of rows) expect(Number(r.adjusted_index_low)).toBeLessThanOrEqual(Number(r.adjusted_index));
    expect(notes.some((n) => n.startsWith('negative-binomial regression (NB2') && n.includes('on 9 country-years reported'))).toBe(true);
    expect(notes.some((n) => n.startsWith('le_ratio left out of the model'))).toBe(true); // no chains: every ratio is 1
    const change = notes.find((n) => n.startsWith('adjusted change'))!;
    expect(change).toMatch(/naive change .* \d+(\.\d)?% a year/);
  });

  it('draws a chart that compiles without warnings', async () => {
    const result = await runAnalysis(db, getAnalysis('adjusted-trends'), NO_FILTERS);
    expect(compileChart((await getAnalysis('adjusted-trends').chart!(result.rows, result.context))!).warnings).toEqual([]);
  });
});
