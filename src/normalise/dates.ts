// Dates as seizure files write them → a first and last day with a precision, and a time of day when
// given. Day-first is the default for slashed dates (the convention of most reporting Parties);
// a date that is only valid month-first is read so and the rule says why.
import type { Normalised } from './text.js';

type DatePrecision = 'day' | 'month' | 'year' | 'range';
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ParsedDate {
  start: string; // ISO yyyy-mm-dd
  end: string;
  precision: DatePrecision;
  time: string | null; // HH:MM:SS
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'janeiro'],
  ['february', 'feb', 'fevrier', 'fev', 'fevr', 'febrero', 'fevereiro'],
  ['march', 'mar', 'mars', 'marzo', 'marco'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo', 'maio'],
  ['june', 'jun', 'juin', 'junio', 'junho'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'julho'],
  ['august', 'aug', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'setembro', 'set'],
  ['october', 'oct', 'octobre', 'octubre', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'decembre', 'diciembre', 'dic', 'dezembro', 'dez'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function iso(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n; // two-digit years: 00–49 → 2000s
}

export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function parseTime(text: string | undefined): string | null {
  if (!text) return null;
  const m = /^(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?(?:z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  if (m[4]) hour = (hour % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return [hour, minute, second].map((n) => String(n).padStart(2, '0')).join(':');
}

const day = (date: string, time: string | null): ParsedDate => ({ start: date, end: date, precision: 'day', time });

function monthRange(year: number, month: number): ParsedDate | null {
  const start = iso(year, month, 1);
  if (!start) return null;
  return { start, end: iso(year, month, daysInMonth(year, month))!, precision: 'month', time: null };
}

function yearRange(from: number, to: number): ParsedDate | null {
  const start = iso(from, 1, 1);
  const end = iso(to, 12, 31);
  if (!start || !end || to < from) return null;
  return { start, end, precision: from === to ? 'year' : 'range', time: null };
}

/** One date cell → a parsed date and the rule used, or null with the reason. */
export function parseDate(given: string, order: DateOrder = 'dmy'): Normalised<ParsedDate> {
  const text = given.trim().replace(/\s+/g, ' ');
  if (!text) return { value: null, rule: 'empty' };
  let m: RegExpExecArray | null;
  // "5/17/2011 to 5/26/2011", "12 March 2019 – 15 March 2019": from the first day of one to the last of the
  // other. First, because a slashed date would otherwise read the rest of the cell as its time.
  if ((m = /^(.+?)\s+(?:to|until|till|au|al|hasta|a|à|–|—|-)\s+(.+)$/i.exec(text))) {
    const from = parseDate(m[1], order).value;
    const to = parseDate(m[2], order).value;
    if (from && to && from.precision !== 'range' && to.precision !== 'range' && to.end >= from.start) {
      return { value: { start: from.start, end: to.end, precision: 'range', time: null }, rule: 'range of dates' };
    }
  }

  // Excel serial day numbers (1954–2119), with an optional fraction of a day.
  if ((m = /^(\d{5})(\.\d+)?$/.exec(text))) {
    const serial = Number(text);
    if (serial >= 20000 && serial < 80000) {
      const fraction = serial - Math.floor(serial);
      const seconds = Math.round(fraction * 86400);
      const time =
        fraction > 0
          ? [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':')
          : null;
      return { value: day(excelSerialToIso(serial), time), rule: 'Excel serial date' };
    }
  }
  // ISO: 2019-03-12, 2019/03/12, 20190312, with an optional time.
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](.+))?$/.exec(text)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return { value: day(date, parseTime(m[4])), rule: 'ISO date' };
    return { value: null, rule: 'impossible date' };
  }
  // 12/03/2019, 12.03.19, 12-03-2019, with an optional time.
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[T ,]+(.+))?$/.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]);
    const time = parseTime(m[4]);
    const dayFirst = iso(year, b, a);
    const monthFirst = iso(year, a, b);
    if (order === 'mdy') {
      if (monthFirst) return { value: day(monthFirst, time), rule: 'month-first date (as asked)' };
      if (dayFirst) return { value: day(dayFirst, time), rule: `day-first date: ${b} cannot be a day` };
    } else {
      if (dayFirst) return { value: day(dayFirst, time), rule: 'day-first date' };
      if (monthFirst) return { value: day(monthFirst, time), rule: `month-first date: ${b} cannot be a month` };
    }
    return { value: null, rule: 'impossible date' };
  }
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[,.]/g, ' ')
    .replace(/\b(de|del|le|the|of)\b/g, ' ')
    .replace(/(\d)(st|nd|rd|th|er)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  // 12 March 2019, 12-Mar-2019, 12 de marzo de 2019, 18-Jan-09 (Excel's d-Mmm-yy: a two-digit year is 20yy below 50)
  if ((m = /^(\d{1,2})[ -]([a-z]+)[ -](\d{4}|\d{2})(?: (.+))?$/.exec(words)) && MONTHS[m[2]]) {
    const date = iso(fullYear(m[3]), MONTHS[m[2]], Number(m[1]));
    return date ? { value: day(date, parseTime(m[4])), rule: 'date with month name' } : { value: null, rule: 'impossible date' };
  }
  // March 12 2019
  if ((m = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(words)) && MONTHS[m[1]]) {
    const date = iso(Number(m[3]), MONTHS[m[1]], Number(m[2]));
    return date ? { value: day(date, null), rule: 'date with month name' } : { value: null, rule: 'impossible date' };
  }
  // March 2019, mars 2019, 2019-03, 03/2019
  if ((m = /^([a-z]+)[ -](\d{4})$/.exec(words)) && MONTHS[m[1]]) {
    const range = monthRange(Number(m[2]), MONTHS[m[1]]);
    if (range) return { value: range, rule: 'month and year' };
  }
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(text)) || (m = /^(\d{1,2})[-/](\d{4})$/.exec(text))) {
    const [year, month] = m[1].length === 4 ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    const range = monthRange(year, month);
    if (range) return { value: range, rule: 'month and year' };
  }
  // 2019; 2018-2019, 2018/19, 2018 – 2019
  if ((m = /^(\d{4})(?:\.0)?$/.exec(text))) {
    const range = yearRange(Number(m[1]), Number(m[1]));
    if (range) return { value: range, rule: 'year only' };
  }
  // "2.008", "2,008": a year a spreadsheet showed as a number with a thousands separator.
  if ((m = /^(\d)[.,](\d{3})$/.exec(text))) {
    const range = yearRange(Number(m[1] + m[2]), Number(m[1] + m[2]));
    if (range) return { value: range, rule: 'year written with a thousands separator' };
  }
  if ((m = /^(\d{4})\s*(?:-|–|\/|to|à|a)\s*(\d{2}|\d{4})$/.exec(text))) {
    const from = Number(m[1]);
    const to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    const range = yearRange(from, to);
    if (range) return { value: range, rule: 'range of years' };
  }
  return { value: null, rule: 'unrecognised date' };
}

export { parseTime };
