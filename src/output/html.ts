// Small pieces of self-contained HTML pages (bulletins, reports, charts): escaping, tables and a
// page with print styles for A4. Nothing here refers to anything outside the page.

export function escapeHtml(value: unknown): string {
  const text = Array.isArray(value) ? value.join('; ') : String(value ?? '');
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A table of rows; `cell` formats a value for display (plain text by default). */
export function htmlTable(
  rows: Array<Record<string, unknown>>,
  columns: string[],
  options: { heading?: (column: string) => string; cell?: (value: unknown) => string } = {},
): string {
  const heading = options.heading ?? ((c: string) => c);
  const cell = options.cell ?? ((v: unknown) => escapeHtml(v));
  const numeric = (c: string) => rows.some((r) => typeof r[c] === 'number');
  const align = columns.map((c) => (numeric(c) ? ' class="num"' : ''));
  const wide = columns.length > 10 ? ' class="wide"' : '';
  return (
    `<table${wide}><thead><tr>${columns.map((c, i) => `<th${align[i]}>${escapeHtml(heading(c))}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${columns.map((c, i) => `<td${align[i]}>${cell(r[c])}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** Styles for screen and for printing on A4 (15 mm margins, headings kept with what follows). */
export const PAGE_CSS = `
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;line-height:1.35;margin:2em auto;max-width:180mm;color:#222}
h1{font-size:17pt;margin-bottom:.2em}h2{font-size:13pt;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%;font-size:8pt}
th,td{border:1px solid #ccc;padding:.15em .35em;text-align:left;vertical-align:top;overflow-wrap:break-word}
table.wide{font-size:6.5pt}.wide th,.wide td{padding:.1em .2em}th{background:#f2f2f2}.num{text-align:right}td.num{white-space:nowrap}
svg{max-width:100%;height:auto}figure{margin:.5em 0}
@media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none}h2{break-after:avoid}\
figure,tr{break-inside:avoid}thead{display:table-header-group}}
`;

export function htmlPage(title: string, body: string, css = PAGE_CSS): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n` +
    `<style>${css}</style>\n</head><body>\n${body}\n</body></html>\n`
  );
}
