// The annual report as a self-contained HTML page (charts inline as SVG, A4 print styles) and as
// Markdown (charts beside it as SVG files). Both show the same sections in the same order.
import type { Row } from '../analysis/definition.js';
import { formatMarkdown } from '../output/export.js';
import { escapeHtml, htmlPage, htmlTable, PAGE_CSS } from '../output/html.js';
import type { AnnualReport, ReportSection } from './annual.js';
import { formatDate, formatNumber, type Lang, messagesFor, type Messages, termIn } from './i18n/index.js';

/** Headline figures at the top of the report, in this order (their words are in src/report/i18n/). */
const HEADLINE = ['seizures', 'specimen_records', 'reporting_parties', 'taxa', 'quantity_kg', 'value_usd'];

/** Columns whose values are words to translate, CITES term codes, or ISO dates. */
const WORD_COLUMNS = new Set(['status', 'taxonomic_group', 'detection_method', 'transport_mode', 'kind']);
const DATE_COLUMNS = new Set(['received', 'loaded']);

const words = (report: AnnualReport): Messages => messagesFor(report.lang ?? 'en');

function reportTitle(report: AnnualReport): string {
  const whose = report.reporting_country ? `: ${report.reporting_country_name}` : '';
  return `${words(report).report.title(report.year)}${whose}`;
}

function scope(report: AnnualReport): string {
  const m = words(report).report;
  return report.reporting_country
    ? m.scopeOne(report.year, report.reporting_country_name ?? report.reporting_country, report.reporting_country)
    : m.scopeAll(report.year);
}

function generated(report: AnnualReport): string {
  const lang = report.lang ?? 'en';
  // English keeps the timestamp as it always was; French and Spanish write the day as they do.
  return words(report).report.generated(lang === 'en' ? report.generated_at : formatDate(words(report), report.generated_at));
}

/** Numbers with thousands separators and at most one decimal, in the language's format; everything else as text. */
function displayValue(value: unknown, lang: Lang = 'en'): string {
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = lang === 'en' ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : formatNumber(messagesFor(lang), value);
    // The minus sign (U+2212), as typeset numbers have it; a hyphen first would read as a formula in a spreadsheet and be quoted.
    return text.replace(/^-/, '\u2212');
  }
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/** A column's heading in the report's language; a column with no translation reads as words, percentages ending in %. */
function headingIn(report: AnnualReport): (column: string) => string {
  const columns = words(report).columns;
  return (column) => columns[column] ?? column.replace(/_pct$/, ' %').replace(/_/g, ' ');
}

/** A row as the reader sees it: words, terms, measures and dates in the report's language; numbers left as numbers. */
function translatedRow(report: AnnualReport, section: ReportSection, row: Row): Row {
  const lang = report.lang ?? 'en';
  if (lang === 'en') return row;
  const m = words(report);
  return Object.fromEntries(
    section.columns.map((c) => {
      const v = row[c];
      if (typeof v !== 'string') return [c, v];
      if (WORD_COLUMNS.has(c)) return [c, m.values[v] ?? v];
      if (c === 'measure') return [c, m.headline[v] ?? v];
      if (c === 'main_terms')
        return [
          c,
          v
            .split(', ')
            .map((code) => termIn(lang, code))
            .join(', '),
        ];
      if (DATE_COLUMNS.has(c)) return [c, formatDate(m, v)];
      return [c, v];
    }),
  );
}

function displayRows(report: AnnualReport, section: ReportSection): { rows: Row[]; columns: string[] } {
  const heading = headingIn(report);
  return {
    columns: section.columns.map(heading),
    rows: section.rows
      .map((r) => translatedRow(report, section, r))
      .map((r) => Object.fromEntries(section.columns.map((c) => [heading(c), displayValue(r[c], report.lang)]))),
  };
}

function change(report: AnnualReport, measure: string): string {
  const row = report.sections.find((s) => s.id === 'comparison')?.rows.find((r) => r.measure === measure);
  const pct = row?.change_pct;
  const m = words(report).report;
  return typeof pct === 'number'
    ? m.change(`${pct >= 0 ? '+' : ''}${displayValue(pct, report.lang)}`, report.year - 1)
    : m.noFigure(report.year - 1);
}

// Printed (Chromium's --print-to-pdf, src/report/pdf.ts): page numbers in the bottom margin box
// (Chromium prints @page margin boxes since version 131); cards that shrink to their third of the
// text width and wrap a long figure rather than overflow it (minmax(0, 1fr)); a heading, its
// paragraph and its chart kept together and with what follows. Chromium clips a right border drawn on
// the very edge of the page box: the body keeps 2 px clear of it.
const reportCss = (pageNumber: string) => `${PAGE_CSS}
nav ol{list-style:none;padding-left:0;columns:2}nav h2{border:none}
.figures{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.5em;margin:1em 0}
.figure{border:1px solid #ccc;padding:.4em .6em;min-width:0;overflow-wrap:anywhere}\
.figure b{display:block;font-size:14pt}.figure small{display:block;color:#666}
.note{color:#8a4b00}
@page{@bottom-center{content:${pageNumber};font-family:"DejaVu Sans",Arial,sans-serif;font-size:8pt;color:#555}}
@media print{body{padding:0 2px}.figure{break-inside:avoid}.annex{break-before:page}nav{break-after:page}\
h2,h2+p,.lead{break-after:avoid}.lead{break-inside:avoid}p{orphans:3;widows:3}}
`;

export function toHtml(report: AnnualReport, svgs: Map<string, string>): string {
  const m = words(report);
  const heading = headingIn(report);
  const figures = HEADLINE.map(
    (measure) =>
      `<div class="figure"><b>${escapeHtml(displayValue(report.headline[measure] ?? '—', report.lang))}</b>` +
      `<span>${escapeHtml(m.headline[measure])}</span>` +
      `<small>${escapeHtml(change(report, measure))}</small></div>`,
  ).join('');
  const contents = report.sections.map((s, i) => `<li><a href="#${s.id}">${i + 1}. ${escapeHtml(s.title)}</a></li>`).join('');
  const body = report.sections
    .map((s, i) => {
      const svg = svgs.get(s.id);
      const rows = s.rows.map((r) => translatedRow(report, s, r));
      const table = s.rows.length
        ? htmlTable(rows, s.columns, { heading, cell: (v) => escapeHtml(displayValue(v, report.lang)) })
        : `<p><em>${escapeHtml(m.report.nothing)}</em></p>`;
      // The heading, its paragraph and the chart are one block that is not split across pages.
      return (
        `<section id="${s.id}"${s.annex && report.sections[i - 1]?.annex === false ? ' class="annex"' : ''}>` +
        `<div class="lead"><h2>${i + 1}. ${escapeHtml(s.title)}</h2><p>${escapeHtml(s.about)}</p>
${svg ? `<figure>${svg}</figure>` : ''}</div>${table}</section>`
      );
    })
    .join('\n');
  const notes = report.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  const page = htmlPage(
    reportTitle(report),
    `<header><h1>${escapeHtml(reportTitle(report))}</h1><p>${escapeHtml(scope(report))} ${escapeHtml(generated(report))}</p></header>
<div class="figures">${figures}</div>${notes}
<nav><h2>${escapeHtml(m.report.contents)}</h2><ol>${contents}</ol></nav>
${body}`,
    reportCss(m.report.page('counter(page)', 'counter(pages)')),
  );
  // The page says its language (hyphenation, screen readers, the browser's own translation offer).
  return page.replace('<html lang="en">', `<html lang="${report.lang ?? 'en'}">`);
}

export function toMarkdown(report: AnnualReport, chartFiles: Map<string, string>): string {
  const m = words(report);
  const parts = [`# ${reportTitle(report)}`, '', `${scope(report)} ${generated(report)}`, ''];
  parts.push(
    ...HEADLINE.map(
      (measure) =>
        `- **${displayValue(report.headline[measure] ?? '—', report.lang)}** ${m.headline[measure]} (${change(report, measure)})`,
    ),
    '',
  );
  for (const note of report.notes) parts.push(`> ${note}`, '');
  report.sections.forEach((s, i) => {
    parts.push(`## ${i + 1}. ${s.title}`, '', s.about, '');
    const chart = chartFiles.get(s.id);
    if (chart) parts.push(`![${s.title}](${chart})`, '');
    const shown = displayRows(report, s);
    parts.push(s.rows.length ? formatMarkdown(shown.rows, shown.columns) : `_${m.report.nothing}_\n`);
  });
  return parts.join('\n');
}
