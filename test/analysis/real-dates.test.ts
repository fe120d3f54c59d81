// The time analyses on real files whose dates are coarse or ranged: a CITES trade extract dated to the
// year only (../shared/realdata/cites-pangolin-shipments: "Date = year only", 548 seized records) and
// the airport seizures with one ranged date within May 2011 (routes-airport-seizures, R2 and R3 of
// its EXPECTED.md). Figures come from those files' EXPECTED.md, not from wen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { loadFile } from '../../src/load/loader.js';
import { MAPPINGS, REALDATA, tempDatabase } from '../helpers.js';

describe('a real file dated to the year only', () => {
  it('gives an empty patterns by month-of-year with a note, a yearly species trend, and a data-quality score', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(REALDATA, 'cites-pangolin-shipments/manidae_shipments.csv'), {
      mappingPath: join(MAPPINGS, 'cites-shipments.yaml'),
    });
    const months = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'month-of-year' });
    expect(months.rows).toEqual([]);
    expect(months.notes).toContain(
      'patterns --by month-of-year is empty: none of the 548 seizures selected is dated to the month (548 to the year only); ' +
        'try --by year (--interval year), or load the dates to the day or month (the date field of a --mapping file)',
    );
    const years = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'year' });
    expect(years.rows.reduce((n, r) => n + Number(r.seizures), 0)).toBe(548);
    const trends = await runAnalysis(db, getAnalysis('species-trends'), NO_FILTERS, { interval: 'month' });
    expect(trends.rows).toEqual([]);
    expect(
      trends.notes.some((n) =>
        n.startsWith('species-trends --interval month is empty: none of the 548 seizures selected is dated to the month'),
      ),
    ).toBe(true);
    const quality = await runAnalysis(db, getAnalysis('data-quality'), NO_FILTERS, {});
    expect(quality.rows.reduce((n, r) => n + Number(r.seizures), 0)).toBe(548);
    expect(quality.rows.every((r) => r.day_date_pct === null || Number(r.day_date_pct) === 0)).toBe(true);
  });
});

describe('a real file with one ranged date', () => {
  it("counts the range 17–26 May 2011 in May and in 2011: R2's years, 773 incidents in months", async () => {
    const db = await tempDatabase();
    await loadFile(db, join(REALDATA, 'routes-airport-seizures/tot.csv'), { mappingPath: join(MAPPINGS, 'routes-airport-seizures.yaml') });
    const years = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'year' });
    expect(Object.fromEntries(years.rows.map((r) => [r.period, r.seizures]))).toEqual({
      2009: 39,
      2010: 50,
      2011: 76,
      2012: 124,
      2013: 140,
      2014: 128,
      2015: 142,
      2016: 74,
    });
    expect(years.notes).toContain(
      '1 seizure(s) dated as a range (e.g. "2015-2016") count in the year of the first day they can mean within the selection',
    );
    const months = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'month-of-year' });
    expect(months.rows.reduce((n, r) => n + Number(r.seizures), 0)).toBe(773);
    expect(months.rows).toHaveLength(12);
    // Weekdays need the day: the range has none.
    const weekdays = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'weekday' });
    expect(weekdays.rows.reduce((n, r) => n + Number(r.seizures), 0)).toBe(772);
    expect(weekdays.notes).toContain('1 seizure(s) dated as a range are left out of the cells (a range gives no day)');
  });
});
