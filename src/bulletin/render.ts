// A bulletin as Markdown and as a self-contained HTML page (no network needed to open it).
import { formatMarkdown } from '../output/export.js';
import type { Bulletin } from './build.js';

const SECTIONS: Array<[key: keyof Bulletin, title: string, empty: string]> = [
  ['by_country', 'New seizures by seizing country', 'none'],
  ['large_seizures', 'Large seizures', 'no seizure above the thresholds'],
  ['new_routes', 'Routes not seen before (origin → destination)', 'no new route'],
  ['new_species', 'Species not seen before', 'no new species'],
  ['reappearing_suspects', 'Suspects seen before who reappear', 'nobody seen before reappears'],
  ['new_sources', 'Files covered', 'none'],
];

export function bulletinTitle(b: Bulletin): string {
  return `Seizure bulletin: files loaded ${b.window.since ? `after ${b.window.since}` : 'from the start'} up to ${b.window.until}`;
}

export function toMarkdown(b: Bulletin): string {
  const parts = [`# ${bulletinTitle(b)}`, '', `${b.summary.new_seizures} new seizures (${b.summary.specimens} specimens, ${b.summary.quantity_kg ?? 0} kg) seized by ${b.summary.countries} countries.`, ''];
  for (const [key, title, empty] of SECTIONS) {
    const rows = b[key] as Array<Record<string, unknown>>;
    parts.push(`## ${title}`, '', rows.length ? formatMarkdown(rows, Object.keys(rows[0])) : `_${empty}_\n`);
  }
  return parts.join('\n');
}

export function toHtml(b: Bulletin): string {
  const esc = (v: unknown) => String(v ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const table = (rows: Array<Record<string, unknown>>) =>
    `<table><thead><tr>${Object.keys(rows[0]).map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${Object.values(r).map((v) => `<td>${esc(Array.isArray(v) ? v.join('; ') : v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const sections = SECTIONS.map(([key, title, empty]) => {
    const rows = b[key] as Array<Record<string, unknown>>;
    return `<h2>${esc(title)}</h2>${rows.length ? table(rows) : `<p><em>${esc(empty)}</em></p>`}`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(bulletinTitle(b))}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #ccc;padding:.2em .5em;font-size:.9em;text-align:left}@media print{@page{size:A4;margin:15mm}}</style>
</head><body><h1>${esc(bulletinTitle(b))}</h1><p>${b.summary.new_seizures} new seizures (${b.summary.specimens} specimens, ${b.summary.quantity_kg ?? 0} kg) seized by ${b.summary.countries} countries.</p>
${sections}</body></html>\n`;
}
