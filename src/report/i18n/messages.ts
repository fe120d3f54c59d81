// The words of the annual report and of bulletins in one language (--lang en|fr|es), and how that
// language writes numbers, dates, country names (i18n-iso-countries) and CITES terms (the French and
// Spanish names of src/reference/cites-terms.csv). The data stay language-neutral (codes, ISO dates);
// only what a reader sees is translated, so a French and an English report hold the same figures.
import { createRequire } from 'node:module';
import type Countries from 'i18n-iso-countries';
import { UsageError } from '../../errors.js';
import { countryName } from '../../normalise/countries.js';
import { readReferenceCsv } from '../../reference/read-reference.js';

export const LANGS = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export interface Messages {
  /** BCP 47 tag for Intl.NumberFormat and Intl.DateTimeFormat. */
  locale: string;
  report: {
    title: (year: number) => string;
    scopeAll: (year: number) => string;
    scopeOne: (year: number, name: string, code: string) => string;
    generated: (when: string) => string;
    contents: string;
    nothing: string;
    /** "+3% on 2023": pct is the number, formatted with its sign; the template adds the per cent sign as the language spaces it. */
    change: (pct: string, year: number) => string;
    noFigure: (year: number) => string;
    /** The CSS content of the page-number margin box, given counter(page) and counter(pages). */
    page: (page: string, pages: string) => string;
  };
  /** The headline measures (also the measure column of the comparison). */
  headline: Record<string, string>;
  sections: Record<string, { title: (year: number) => string; about: string; chart?: (year: number) => string }>;
  /** Column headings; a column not listed is shown as its name in words. */
  columns: Record<string, string>;
  /** Values shown as words: statuses, taxonomic groups, detection methods, modes of transport, roles. */
  values: Record<string, string>;
  /** Axis and legend titles of the charts. */
  chartWords: Record<string, string>;
  bulletin: {
    title: (since: string | null, until: string) => string;
    /** The counts as numbers (for singular or plural) and `n` to write one in the language's format. */
    summary: (seizures: number, specimens: number, kg: number, countries: number, n: (value: number) => string) => string;
    sections: Record<string, [title: string, empty: string]>;
  };
}

export function parseLang(text: string | undefined): Lang {
  const lang = (text ?? 'en').toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang))
    throw new UsageError(`--lang "${text}" is not a language wen writes`, { hint: 'use en, fr or es' });
  return lang as Lang;
}

const require = createRequire(import.meta.url);
let countries: typeof Countries | undefined;
/** A country's name in the language (codes CITES adds, such as XX, keep their English name). */
export function countryIn(lang: Lang, code: string): string {
  if (lang === 'en') return countryName(code) ?? code;
  if (!countries) {
    countries = require('i18n-iso-countries') as typeof Countries;
    countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
    countries.registerLocale(require('i18n-iso-countries/langs/es.json'));
  }
  return countries.getName(code, lang) ?? countryName(code) ?? code;
}

let terms: Map<string, Record<Lang, string>> | undefined;
/** A CITES term code's official name in the language (the first name of its cell); the code when unknown. */
export function termIn(lang: Lang, code: string): string {
  terms ??= new Map(
    readReferenceCsv('cites-terms.csv').map((row) => [
      row.code,
      {
        en: (row.english ?? '').split(';')[0].trim(),
        fr: (row.french ?? '').split(';')[0].trim(),
        es: (row.spanish ?? '').split(';')[0].trim(),
      },
    ]),
  );
  return terms.get(code)?.[lang] || code;
}

/** Numbers as the language writes them, at most one decimal. */
export function formatNumber(messages: Messages, value: number | bigint): string {
  return new Intl.NumberFormat(messages.locale, { maximumFractionDigits: 1 }).format(value);
}

/** An ISO date (YYYY-MM-DD, or a UTC timestamp) as the language writes it: 1 December 2026, 1er décembre 2026, 1 de diciembre de 2026. */
export function formatDate(messages: Messages, iso: string): string {
  const day = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(day.getTime())) return iso;
  const text = new Intl.DateTimeFormat(messages.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
  // French writes the first of the month as an ordinal: 1er décembre.
  return messages.locale.startsWith('fr') ? text.replace(/^1 /, '1er ') : text;
}
