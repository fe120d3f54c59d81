// A bulletin as Markdown and as a self-contained HTML page (no network needed to open it).
import { formatMarkdown } from '../output/export.js';
import { escapeHtml as esc, htmlPage, htmlTable } from '../output/html.js';
import type { Bulletin } from './build.js';

const SECTIONS: Array<[key: keyof Bulletin, title: string, empty: string]> = [
  ['by_country', 'New seizures by seizing country', 'none'],
  ['large_seizures', 'Large seizures', 'no seizure above the thresholds'],
  ['new_routes', 'Routes not seen before (origin → destination)', 'no new route'],
  ['new_species', 'Species not seen before', 'no new species'],
  ['watch_hits', 'Watch-list hits', 'no watch-list entry found in these files'],
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
  const sections = SECTIONS.map(([key, title, empty]) => {
    const rows = b[key] as Array<Record<string, unknown>>;
    return `<h2>${esc(title)}</h2>${rows.length ? htmlTable(rows, Object.keys(rows[0])) : `<p><em>${esc(empty)}</em></p>`}`;
  }).join('\n');
  const summary = `${b.summary.new_seizures} new seizures (${b.summary.specimens} specimens, ${b.summary.quantity_kg ?? 0} kg) seized by ${b.summary.countries} countries.`;
  return htmlPage(bulletinTitle(b), `<h1>${esc(bulletinTitle(b))}</h1><p>${esc(summary)}</p>\n${sections}`);
}
