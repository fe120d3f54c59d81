import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate } from '../../src/normalise/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const anyDay = fc
  .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2049, 11, 31)), noInvalidDate: true })
  .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

describe('parseDate', () => {
  it.each([
    ['2019-03-12', '2019-03-12', 'day'],
    ['12/03/2019', '2019-03-12', 'day'],
    ['12.03.19', '2019-03-12', 'day'],
    ['12 March 2019', '2019-03-12', 'day'],
    ['12-Mar-2019', '2019-03-12', 'day'],
    ['12 de marzo de 2019', '2019-03-12', 'day'],
    ['12 mars 2019', '2019-03-12', 'day'],
    ['March 12, 2019', '2019-03-12', 'day'],
    ['43536', '2019-03-12', 'day'],
    ['March 2019', '2019-03-01', 'month'],
    ['2019-03', '2019-03-01', 'month'],
    ['2019', '2019-01-01', 'year'],
    ['2018-2019', '2018-01-01', 'range'],
    ['2018/19', '2018-01-01', 'range'],
    ['2016-01-26T00:00:00Z', '2016-01-26', 'day'],
  ])('reads %s as %s (%s)', (given, start, precision) => {
    const parsed = parseDate(given).value!;
    expect(parsed.start).toBe(start);
    expect(parsed.precision).toBe(precision);
  });

  it('gives the last day of a month, a year and a range', () => {
    expect(parseDate('February 2020').value!.end).toBe('2020-02-29');
    expect(parseDate('2019').value!.end).toBe('2019-12-31');
    expect(parseDate('2018-2019').value!.end).toBe('2019-12-31');
  });

  it('reads slashed dates day-first, and month-first only when it must, saying so', () => {
    expect(parseDate('03/04/2019').value!.start).toBe('2019-04-03');
    expect(parseDate('03/04/2019', 'mdy').value!.start).toBe('2019-03-04');
    const forced = parseDate('04/13/2019');
    expect(forced.value!.start).toBe('2019-04-13');
    expect(forced.rule).toContain('13 cannot be a month');
  });

  it("reads Excel's d-Mmm-yy dates with a two-digit year (ROUTES writes 18-Jan-09)", () => {
    expect(parseDate('18-Jan-09').value).toEqual({ start: '2009-01-18', end: '2009-01-18', precision: 'day', time: null });
    expect(parseDate('1-Jun-14').value!.start).toBe('2014-06-01');
    expect(parseDate('31 Dec 99').value!.start).toBe('1999-12-31');
    expect(parseDate('30-Feb-11').value).toBeNull();
  });

  it('reads two dates joined by "to" or a dash as a range from the first day to the last', () => {
    const range = parseDate('5/17/2011 to 5/26/2011');
    expect(range.value).toEqual({ start: '2011-05-17', end: '2011-05-26', precision: 'range', time: null });
    expect(range.rule).toBe('range of dates');
    expect(parseDate('12 March 2019 – April 2019').value).toEqual({
      start: '2019-03-12',
      end: '2019-04-30',
      precision: 'range',
      time: null,
    });
    expect(parseDate('5/26/2011 to 5/17/2011').rule).not.toBe('range of dates'); // ends before it starts
    expect(parseDate('soon to 5/17/2011').value).toBeNull();
  });

  it('keeps the time of day when one is given', () => {
    expect(parseDate('24/08/2019 12:29').value!.time).toBe('12:29:00');
    expect(parseDate('43536.5').value!.time).toBe('12:00:00');
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(parseDate('31/02/2019').value).toBeNull();
    expect(parseDate('2019-13-01').value).toBeNull();
    expect(parseDate('not a date').rule).toBe('unrecognised date');
  });

  it('reads any day written in ISO, day-first, with a month name or as an Excel serial', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom('iso', 'dmy', 'dotted', 'words', 'serial'), (day, style) => {
        const d = day.getUTCDate();
        const m = day.getUTCMonth() + 1;
        const y = day.getUTCFullYear();
        const text = {
          iso: iso(day),
          dmy: `${pad(d)}/${pad(m)}/${y}`,
          dotted: `${d}.${m}.${y}`,
          words: `${d} ${MONTHS[m - 1]} ${y}`,
          serial: String(Math.round(day.getTime() / 86400000 + 25569)),
        }[style];
        if (style === 'serial' && (Number(text) < 20000 || Number(text) >= 80000)) return;
        expect(parseDate(text).value?.start).toBe(iso(day));
      }),
      { numRuns: 500 },
    );
  });

  it('converts Excel serials with the 1900 epoch', () => {
    expect(excelSerialToIso(37989)).toBe('2004-01-03');
    expect(excelSerialToIso(42369)).toBe('2015-12-31');
  });
});
