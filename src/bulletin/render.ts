// A bulletin as Markdown and as a self-contained HTML page (no network needed to open it), in the
// language asked for (--lang; the words are in src/report/i18n/): headings, column names, countries
// named beside their codes, numbers in the language's format. The JSON beside them keeps the data as is.
import { formatMarkdown } from '../output/export.js';
import { escapeHtml as esc, htmlPage, htmlTable } from '../output/html.js';
import { countryIn, formatNumber, type Lang, messagesFor } from '../report/i18n/index.js';
import type { Bulletin } from './build.js';

const SECTIONS: Array<keyof Bulletin> = [
  'by_country',
  'large_seizures',
  'new_routes',
  'new_species',
  'watch_hits',
  'reappearing_suspects',
  'new_sources',
];
/** Columns holding ISO country codes: shown as "name (code)". */
const COUNTRY_COLUMNS = new Set(['country', 'from', 'to', 'seizure_country']);
const WORD_COLUMNS = new Set(['kind']);

/** A window's end to the minute, in UTC as wen keeps every time ("2026-12-01 20:17:03.132668" → "2026-12-01 20:17 UTC"). */
export function toMinute(at: string | null): string | null {
  if (!at) return at;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : at;
}

function bulletinTitle(b: Bulletin, lang: Lang = 'en'): string {
  return messagesFor(lang).bulletin.title(toMinute(b.window.since), toMinute(b.window.until)!);
}

function summary(b: Bulletin, lang: Lang): string {
  const n = (v: number) => formatNumber(messagesFor(lang), v);
  const s = b.summary;
  return messagesFor(lang).bulletin.summary(
    Number(s.new_seizures),
    Number(s.specimens),
    Number(s.quantity_kg ?? 0),
    Number(s.countries),
    n,
  );
}

/** A table as the reader sees it: headings in words, countries named; numbers stay numbers (right-aligned in HTML). */
function shown(rows: Array<Record<string, unknown>>, lang: Lang): { rows: Array<Record<string, unknown>>; columns: string[] } {
  const m = messagesFor(lang);
  const keys = Object.keys(rows[0]);
  const heading = (c: string) => m.columns[c] ?? c.replace(/_/g, ' ');
  const cell = (c: string, v: unknown): unknown => {
    if (v === null || v === undefined || typeof v === 'number' || typeof v === 'bigint') return v;
    if (COUNTRY_COLUMNS.has(c) && typeof v === 'string' && /^[A-Z]{2}$/.test(v)) return `${countryIn(lang, v)} (${v})`;
    if (WORD_COLUMNS.has(c) && typeof v === 'string') return m.values[v] ?? v;
    return Array.isArray(v) ? v.join('; ') : String(v);
  };
  return { columns: keys.map(heading), rows: rows.map((r) => Object.fromEntries(keys.map((c) => [heading(c), cell(c, r[c])]))) };
}

const numbersAsText = (lang: Lang) => (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'bigint' ? formatNumber(messagesFor(lang), v) : v]),
  );

export function toMarkdown(b: Bulletin, lang: Lang = 'en'): string {
  const m = messagesFor(lang).bulletin;
  const parts = [`# ${bulletinTitle(b, lang)}`, '', summary(b, lang), ''];
  for (const key of SECTIONS) {
    const [title, empty] = m.sections[key];
    const rows = b[key] as Array<Record<string, unknown>>;
    const table = rows.length ? shown(rows, lang) : null;
    parts.push(`## ${title}`, '', table ? formatMarkdown(table.rows.map(numbersAsText(lang)), table.columns) : `_${empty}_\n`);
  }
  return parts.join('\n');
}

export function toHtml(b: Bulletin, lang: Lang = 'en'): string {
  const m = messagesFor(lang).bulletin;
  const sections = SECTIONS.map((key) => {
    const [title, empty] = m.sections[key];
    const rows = b[key] as Array<Record<string, unknown>>;
    const table = rows.length ? shown(rows, lang) : null;
    const body = table
      ? htmlTable(table.rows, table.columns, {
          cell: (v) => esc(typeof v === 'number' || typeof v === 'bigint' ? formatNumber(messagesFor(lang), v) : v),
        })
      : `<p><em>${esc(empty)}</em></p>`;
    return `<h2>${esc(title)}</h2>${body}`;
  }).join('\n');
  const page = htmlPage(bulletinTitle(b, lang), `<h1>${esc(bulletinTitle(b, lang))}</h1><p>${esc(summary(b, lang))}</p>\n${sections}`);
  return page.replace('<html lang="en">', `<html lang="${lang}">`);
}
