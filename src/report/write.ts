// Writes an annual report into a folder: the HTML page (self-contained), the Markdown with its
// charts as SVG files, a CSV per table, the Vega-Lite spec of each chart, and the whole report as JSON.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg } from '../charts/render.js';
import { formatCsv } from '../output/text-formats.js';
import type { AnnualReport } from './annual.js';
import { toHtml, toMarkdown } from './render.js';
import { makeOutputFolder } from '../output/out-dir.js';

export function reportStem(report: AnnualReport): string {
  return `annual-report-${report.year}${report.reporting_country ? `-${report.reporting_country}` : ''}`;
}

/** Writes every file and returns their paths relative to `outDir`. */
export async function writeAnnualReport(report: AnnualReport, outDir: string): Promise<string[]> {
  makeOutputFolder(outDir);
  makeOutputFolder(join(outDir, 'tables'));
  makeOutputFolder(join(outDir, 'charts'));
  const stem = reportStem(report);
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(outDir, name), content);
    written.push(name);
  };
  const svgs = new Map<string, string>();
  const chartFiles = new Map<string, string>();
  for (const section of report.sections) {
    write(`tables/${stem}-${section.id}.csv`, formatCsv(section.rows, section.columns));
    if (!section.chart) continue;
    const svg = await renderSvg(section.chart);
    svgs.set(section.id, svg);
    chartFiles.set(section.id, `charts/${stem}-${section.id}.svg`);
    write(`charts/${stem}-${section.id}.svg`, svg);
    write(`charts/${stem}-${section.id}.vl.json`, JSON.stringify(section.chart, null, 2) + '\n');
  }
  write(`${stem}.html`, toHtml(report, svgs));
  write(`${stem}.md`, toMarkdown(report, chartFiles));
  const { sections, ...rest } = report;
  write(`${stem}.json`, JSON.stringify({ ...rest, sections: sections.map(({ chart: _chart, ...s }) => s) }, null, 2) + '\n');
  return written;
}
