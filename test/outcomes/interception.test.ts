// wen analyze interception: seizures matched to expert-elicited rates (the most specific one), the
// seeded Monte Carlo checked against closed forms of the triangular distribution, the same seed
// giving the same bytes, and one-line errors for a bad rates file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { compileChart } from '../../src/charts/render.js';
import { Database } from '../../src/db/database.js';
import { InputError, UsageError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { readInterceptionRates, simulate } from '../../src/outcomes/interception.js';
import { MAPPINGS } from '../helpers.js';

/** E[1/X] for X triangular(min a, mode c, max b): the integral of f(x)/x over the two sides of the mode. */
function meanInverse(a: number, c: number, b: number): number {
  return (2 / ((b - a) * (c - a))) * (c - a - a * Math.log(c / a)) + (2 / ((b - a) * (b - c))) * (b * Math.log(b / c) - (b - c));
}

/** ∫ g(x) dx over [lo, hi] by Simpson's rule (n even). */
function simpson(g: (x: number) => number, lo: number, hi: number, n = 20000): number {
  const h = (hi - lo) / n;
  let sum = g(lo) + g(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * g(lo + i * h);
  return (sum * h) / 3;
}

/** E[1/X] for X PERT(min a, mode c, max b), by integrating the Beta density here (its constant too), independently of @stdlib. */
function pertMeanInverse(a: number, c: number, b: number): number {
  const alpha = 1 + (4 * (c - a)) / (b - a),
    beta = 1 + (4 * (b - c)) / (b - a);
  const kernel = (t: number) => t ** (alpha - 1) * (1 - t) ** (beta - 1);
  const norm = simpson(kernel, 0, 1);
  return simpson((t) => kernel(t) / norm / (a + (b - a) * t), 0, 1);
}

let dir: string;
let db: Database;
let rates: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wen-interception-'));
  const file = join(dir, 'seizures.csv');
  writeFileSync(
    file,
    [
      'Case number,Date of seizure,Country of seizure,Species,Description,Quantity,Unit',
      'N1,2020-02-01,Nigeria,Manis tricuspis,scales,100,kg',
      'N2,2020-03-01,Nigeria,Manis gigantea,scales,300,kg',
      'N3,2020-04-01,Nigeria,Loxodonta africana,tusks,50,kg',
      'N4,2021-05-01,Nigeria,Loxodonta africana,tusks,20,kg',
      'G1,2020-06-01,Ghana,Manis tricuspis,scales,10,kg',
      '',
    ].join('\n'),
  );
  rates = join(dir, 'rates.csv');
  writeFileSync(
    rates,
    [
      '# hand-made rates',
      'country,taxon,term,from_year,to_year,min,mode,max,source',
      'Nigeria,,,,,0.1,0.2,0.4,all trade',
      'NG,Manidae,SCA,2020,2020,5%,10%,30%,pangolin scales 2020',
      '',
    ].join('\n'),
  );
  db = await Database.open(join(dir, 'db.duckdb'));
  await loadFile(db, file);
  return () => db.close();
});

const run = (options: Record<string, unknown>) =>
  runAnalysis(db, getAnalysis('interception'), NO_FILTERS, { interceptionRates: rates, ...options });

describe('wen analyze interception', () => {
  it('puts each seizure under the most specific rate of its country and year, and leaves out countries without one', async () => {
    const { rows } = await run({ draws: 2000 });
    // N1 N2 (Manidae scales, 2020) take row 4; N3 takes Nigeria's general row 3 in 2020, N4 in 2021; Ghana has no rate.
    expect(rows.map((r) => [r.country, r.year, r.rate_row, r.taxon, r.term, r.seizures, r.seized_kg])).toEqual([
      ['NG', 2020, 3, 'any', 'any', 1, 50],
      ['NG', 2020, 4, 'Manidae', 'SCA', 2, 400],
      ['NG', 2021, 3, 'any', 'any', 1, 20],
    ]);
    expect(rows[1]).toMatchObject({ rate_min: 0.05, rate_mode: 0.1, rate_max: 0.3, source: 'pangolin scales 2020' });
  });

  it('draws rates whose mean is the triangular mean (a + b + c) / 3, and estimates whose mean is seized × E[1/rate]', async () => {
    const { rows } = await run({ draws: 200000, seed: 7 });
    const scales = rows.find((r) => r.rate_row === 4)!;
    expect(Number(scales.rate_mean)).toBeCloseTo((0.05 + 0.1 + 0.3) / 3, 2);
    expect(Number(scales.estimated_kg) / (400 * meanInverse(0.05, 0.1, 0.3))).toBeCloseTo(1, 2);
    // The interval holds the mean, and the estimate is never below what was seized (a rate is at most 1).
    expect(Number(scales.estimated_kg_low)).toBeLessThan(Number(scales.estimated_kg));
    expect(Number(scales.estimated_kg_high)).toBeGreaterThan(Number(scales.estimated_kg));
    expect(Number(scales.estimated_kg_low)).toBeGreaterThanOrEqual(400);
    const sim = simulate(11, 'any', 400000, 0.1, 0.2, 0.4);
    expect(sim.rateMean).toBeCloseTo(0.7 / 3, 3);
  });

  it(
    'draws PERT rates whose mean is (a + 4c + b) / 6, and estimates ' + 'whose mean is seized × E[1/rate] by numerical integration',
    async () => {
      const { rows, notes } = await run({ draws: 200000, seed: 7, distribution: 'pert' });
      const scales = rows.find((r) => r.rate_row === 4)!;
      expect(Number(scales.rate_mean)).toBeCloseTo((0.05 + 4 * 0.1 + 0.3) / 6, 3);
      expect(Number(scales.estimated_kg) / (400 * pertMeanInverse(0.05, 0.1, 0.3))).toBeCloseTo(1, 2);
      expect(notes.some((n) => n.includes('from a PERT (min, mode, max) distribution'))).toBe(true);
      const again = await run({ draws: 200000, seed: 7, distribution: 'pert' });
      expect(JSON.stringify(again.rows)).toBe(JSON.stringify(rows));
    },
  );

  it('estimates whole organisms with --standardise: kilograms of pangolin scales become animals before the rate divides them', async () => {
    const { rows } = await run({ draws: 200000, seed: 7, standardise: true });
    const scales = rows.find((r) => r.rate_row === 4)!;
    // 400 kg of scales of two African species: the Manidae factor, 0.46699 kg a pangolin (range 0.36051–3.6)
    expect(scales.seized_organisms).toBe(Math.round((400 / 0.46699) * 10) / 10);
    expect(Number(scales.estimated_organisms) / ((400 / 0.46699) * meanInverse(0.05, 0.1, 0.3))).toBeCloseTo(1, 2);
    const plain = await run({ draws: 1000 });
    expect(plain.rows.every((r) => r.seized_organisms === null && r.estimated_organisms === null)).toBe(true);
  });

  it(
    'gives the same bytes for the same seed, other numbers for another ' + 'seed, and shares of variance that add up to one per year',
    async () => {
      const a = JSON.stringify((await run({ draws: 5000, seed: 42 })).rows);
      const b = JSON.stringify((await run({ draws: 5000, seed: 42 })).rows);
      const c = JSON.stringify((await run({ draws: 5000, seed: 43 })).rows);
      expect(a).toBe(b);
      expect(c).not.toBe(a);
      const rows = JSON.parse(a) as Array<{ year: number; sensitivity: number }>;
      expect(rows.filter((r) => r.year === 2020).reduce((s, r) => s + r.sensitivity, 0)).toBeCloseTo(1, 3);
    },
  );

  it('draws a chart that compiles without warnings', async () => {
    const result = await run({ draws: 1000 });
    expect(compileChart((await getAnalysis('interception').chart!(result.rows, result.context))!).warnings).toEqual([]);
  });

  it('reads the bundled sample rates', () => {
    expect(readInterceptionRates(join(MAPPINGS, 'interception-rates.csv')).map((r) => r.country)).toEqual([
      'VN',
      'VN',
      'CN',
      'HK',
      'HK',
      'KE',
    ]);
  });

  it('says in one line which row and column of a rates file is wrong, and asks for the file when none is given', () => {
    const bad = (lines: string[]) => {
      const f = join(dir, `bad-${lines.length}-${lines[1].length}.csv`);
      writeFileSync(f, lines.join('\n'));
      return () => readInterceptionRates(f);
    };
    const head = 'country,min,mode,max';
    expect(bad([head, 'NG,0.3,0.2,0.4'])).toThrow(/bad-2-\d+\.csv:2: min 0\.3, mode 0\.2, max 0\.4 are not in order/);
    expect(bad([head, 'NG,0.1,2,3'])).toThrow(/:2: column "mode" is "2": a rate is a share of the trade in \(0, 1\]/);
    expect(bad([head, 'Atlantis,0.1,0.2,0.3'])).toThrow(/:2: column "country" is "Atlantis": not a country wen knows/);
    expect(bad(['country,min,max', 'NG,0.1,0.3'])).toThrow(/:1: no column "mode"/);
    expect(bad([head, 'NG,0.1,0.2,x'])).toThrow(InputError);
    expect(() => readInterceptionRates(undefined)).toThrow(UsageError);
  });
});
