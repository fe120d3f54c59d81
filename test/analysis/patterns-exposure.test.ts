// patterns' evenness tests with exposure: expected counts in proportion to the days (hours) each cell
// covers within the span, checked on files whose answers are worked out here from a calendar.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDir } from '../helpers.js';

const seizure = (id: string, date: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    case_id: id,
    reporting_country: 'VN',
    date,
    discovery: { country: 'VN' },
    contraband: [{ scientific_name: 'Manis javanica', description: 'scales', quantity: 1, unit: 'kg' }],
    ...extra,
  });

/** Days of each month (1–12) from the first to the last year, from the calendar. */
function daysPerMonth(first: number, last: number): number[] {
  const days = Array(12).fill(0);
  for (let y = first; y <= last; y++) for (let m = 0; m < 12; m++) days[m] += new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return days;
}

describe('an even process: 35 seizures on every day of 2015–2022', () => {
  let db: Database;
  beforeAll(async () => {
    const dir = tempDir();
    const lines: string[] = [];
    for (let t = Date.UTC(2015, 0, 1); t <= Date.UTC(2022, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (let k = 0; k < 35; k++) lines.push(seizure(`${day}-${k}`, day));
    }
    writeFileSync(join(dir, 'even.ndjson'), lines.join('\n') + '\n');
    db = await Database.open(join(dir, 'even.duckdb'));
    await loadFile(db, join(dir, 'even.ndjson'));
  }, 120_000);
  afterAll(() => db?.close());

  it('gives χ² 0 and p 1 by month-of-year, each month expecting 35 × its days', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'month-of-year' });
    const days = daysPerMonth(2015, 2022);
    // 2,922 days (two leap years); February 8 × 28 + 2 = 226 days, January 8 × 31 = 248.
    expect(days.reduce((a, b) => a + b, 0)).toBe(2922);
    expect(days[1]).toBe(226);
    expect(rows.map((r) => [r.period, r.seizures, r.exposure, r.expected])).toEqual(
      days.map((d, m) => [
        `${String(m + 1).padStart(2, '0')} ${new Date(Date.UTC(2015, m, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })}`,
        35 * d,
        d,
        35 * d,
      ]),
    );
    expect(rows[0].chi_square).toBe(0);
    expect(rows[0].df).toBe(11);
    expect(rows[0].p_value).toBeCloseTo(1, 12);
  });

  it('gives χ² 0 by season and by weekday too', async () => {
    for (const by of ['season', 'weekday']) {
      const { rows } = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by });
      expect(rows.every((r) => Number(r.seizures) === 35 * Number(r.exposure))).toBe(true);
      expect(rows[0].chi_square).toBe(0);
      expect(rows[0].p_value).toBeCloseTo(1, 12);
    }
  });

  it('takes the span from --from/--to: 2016 alone has 29 February days in February', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('patterns'), filtersFrom({ from: '2016', to: '2016' }), { by: 'month-of-year' });
    expect(rows.map((r) => r.exposure)).toEqual(daysPerMonth(2016, 2016));
    expect(rows[1]).toMatchObject({ period: '02 Feb', seizures: 35 * 29, expected: 35 * 29, chi_square: 0 });
  });
});

describe('a small uneven file', () => {
  let db: Database;
  let notes: string[];
  let rows: Array<Record<string, unknown>>;
  beforeAll(async () => {
    const dir = tempDir();
    // 3 seizures in January 2021 and 1 in March 2021, one ranging over 1–5 March 2021 (within a month:
    // it counts), one over 2015-2016 (left out of months), and one undated.
    writeFileSync(
      join(dir, 'small.ndjson'),
      [
        seizure('A', '2021-01-05'),
        seizure('B', '2021-01-20'),
        seizure('C', '2021-01-31', { time: '23:30' }),
        seizure('D', '2021-03-01 to 2021-03-05'),
        seizure('E', '2015-2016'),
        seizure('F', ''),
      ].join('\n') + '\n',
    );
    db = await Database.open(join(dir, 'small.duckdb'));
    await loadFile(db, join(dir, 'small.ndjson'));
    ({ rows, notes } = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'month-of-year' }));
  }, 120_000);
  afterAll(() => db?.close());

  it('spans 5 January to 31 March 2021 and expects 4 × days / 86 in each month, with zeros for the months outside it', async () => {
    // The span runs from the first day a counted seizure can mean (5 January) to the last (5 March, the
    // range's end): January 5–31 is 27 days, February 28, March 1–5 five; 60 days in all.
    expect(rows.filter((r) => Number(r.exposure) > 0).map((r) => [r.period, r.seizures, r.exposure])).toEqual([
      ['01 Jan', 3, 27],
      ['02 Feb', 0, 28],
      ['03 Mar', 1, 5],
    ]);
    const e = [(4 * 27) / 60, (4 * 28) / 60, (4 * 5) / 60];
    const chi = (3 - e[0]) ** 2 / e[0] + (0 - e[1]) ** 2 / e[1] + (1 - e[2]) ** 2 / e[2];
    expect(rows[0]).toMatchObject({ expected: Math.round(e[0] * 100) / 100, chi_square: Math.round(chi * 1000) / 1000, df: 2 });
    // On 2 df the chi-square survival function is exp(−x/2).
    expect(rows[0].p_value).toBeCloseTo(Math.exp(-chi / 2), 12);
  });

  it('warns that the expected counts are below 5 and says how the range and the undated seizure were handled', () => {
    expect(rows[0].min_expected).toBe(Math.round(((4 * 5) / 60) * 100) / 100);
    expect(notes).toContain(
      'the chi-square test is approximate: 3 of 3 cells expect fewer ' +
        'than 5 seizures (smallest 0.33); select more seizures or group ' +
        'coarser (--by season)',
    );
    expect(notes).toContain('1 seizure(s) dated as a range over more than one month are left out of the cells (--by year counts them)');
  });

  it('counts the range 2015-2016 in 2015, the year of its first day, and in 2016 with --from 2016', async () => {
    const all = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'year' });
    expect(all.rows.map((r) => [r.period, r.seizures])).toEqual([
      ['2015', 1],
      ['2021', 4],
    ]);
    const from2016 = await runAnalysis(db, getAnalysis('patterns'), filtersFrom({ from: '2016' }), { by: 'year' });
    expect(from2016.rows.map((r) => [r.period, r.seizures])).toEqual([
      ['2016', 1],
      ['2021', 4],
    ]);
  });

  it('tests hours over the hours of the span: one seizure at 23:30 on a one-day span', async () => {
    const { rows: hours } = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'hour' });
    expect(hours.find((r) => r.period === '23')).toMatchObject({ seizures: 1, exposure: 1 });
    expect(hours).toHaveLength(24);
  });
});

describe('a file dated to the year only', () => {
  it('says why patterns by month-of-year is empty, with the counts and the option that would help', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'years.ndjson'), [seizure('A', '2019'), seizure('B', '2020'), seizure('C', '')].join('\n') + '\n');
    const db = await Database.open(join(dir, 'years.duckdb'));
    try {
      await loadFile(db, join(dir, 'years.ndjson'));
      const { rows, notes } = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'month-of-year' });
      expect(rows).toEqual([]);
      expect(notes).toContain(
        'patterns --by month-of-year is empty: none of the 3 seizures selected is dated to the month (2 to the year only, 1 undated); ' +
          'try --by year (--interval year), or load the dates to the day or month (the date field of a --mapping file)',
      );
      const byYear = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'year' });
      expect(byYear.rows.map((r) => [r.period, r.seizures])).toEqual([
        ['2019', 1],
        ['2020', 1],
      ]);
    } finally {
      db.close();
    }
  });
});
