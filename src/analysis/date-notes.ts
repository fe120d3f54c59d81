// How precisely the selected seizures are dated, and the notes the time analyses print from it: why
// a result is empty (none dated finely enough, with the counts and the option that would help), and
// how seizures dated as a range were counted. One home for these words, so that patterns,
// species-trends and data-quality say the same thing the same way.
import type { Database } from '../db/database.js';

export interface DateCoverage {
  seizures: number;
  day: number;
  month: number;
  year: number;
  range: number;
  /** Ranges that lie within one calendar month (they count in months, weekdays excepted). */
  rangeInMonth: number;
  undated: number;
  timed: number;
}

/** Counts over the selected seizures, or only those with a selected specimen (`specimensOnly`). */
export async function dateCoverage(db: Database, specimensOnly = false): Promise<DateCoverage> {
  // The two sources are fixed text, never user input.
  const from = specimensOnly ? 'f_seizures WHERE seizure_id IN (SELECT seizure_id FROM f_specimens)' : 'f_seizures';
  return (await db.one<DateCoverage>(
    `SELECT count(*)::INTEGER AS seizures, count(*) FILTER (date_precision = 'day')::INTEGER AS day,
       count(*) FILTER (date_precision = 'month')::INTEGER AS month, count(*) FILTER (date_precision = 'year')::INTEGER AS year,
       count(*) FILTER (date_precision = 'range')::INTEGER AS range,
       count(*) FILTER (date_precision = 'range' AND date_trunc('month', date) = date_trunc('month', date_end))::INTEGER AS "rangeInMonth",
       count(*) FILTER (date IS NULL)::INTEGER AS undated, count(time)::INTEGER AS timed
     FROM ${from}`,
  ))!;
}

export type DateNeed = 'date' | 'month' | 'day' | 'time';

/** How many selected seizures are dated finely enough for `need` (a range within a month counts as a month). */
function datedFor(need: DateNeed, c: DateCoverage): number {
  if (need === 'date') return c.seizures - c.undated;
  if (need === 'month') return c.day + c.month + c.rangeInMonth;
  if (need === 'day') return c.day;
  return c.timed;
}

const HELP: Record<DateNeed, string> = {
  date: 'map a date column when loading (the date field of a --mapping file)',
  month: 'try --by year (--interval year), or load the dates to the day or month (the date field of a --mapping file)',
  day: 'try --by month-of-year or --by year, or load the dates to the day (the date field of a --mapping file)',
  time: 'try --by weekday, or map a time column when loading (the time field of a --mapping file)',
};

const NEED_WORDS: Record<DateNeed, string> = {
  date: 'dated at all',
  month: 'dated to the month',
  day: 'dated to the day',
  time: 'given a time of day',
};

/**
 * The note for a result left empty by the dates: null when there is nothing selected (the selection
 * note already says 0) or when some seizure is dated finely enough (then the result is empty for
 * another reason, which the analysis explains).
 */
export function emptyForDates(analysis: string, need: DateNeed, c: DateCoverage): string | null {
  if (c.seizures === 0 || datedFor(need, c) > 0) return null;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const parts = [
    need !== 'month' && need !== 'date' && c.month ? `${fmt(c.month)} to the month` : '',
    need !== 'date' && c.year ? `${fmt(c.year)} to the year only` : '',
    need !== 'date' && c.range ? `${fmt(c.range)} as a range` : '',
    c.undated ? `${fmt(c.undated)} undated` : '',
    need === 'time' && c.day ? `${fmt(c.day)} to the day with no time` : '',
  ].filter(Boolean);
  return (
    `${analysis} is empty: none of the ${fmt(c.seizures)} seizures ` +
    `selected is ${NEED_WORDS[need]}${parts.length ? ` (${parts.join(', ')})` : ''}; ${HELP[need]}`
  );
}
