// Charts: a Vega-Lite spec (data inlined) compiled to Vega and rendered offline — SVG by vega's
// own renderer, PNG by resvg from that SVG, HTML as a self-contained page with the SVG inline.
// Compilation warnings are errors: a chart that vega-lite warns about is a bug in wen.
import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { UsageError } from '../errors.js';
import { escapeHtml, htmlPage } from '../output/html.js';

export const CHART_EXTENSIONS = ['.vl.json', '.svg', '.png', '.html'] as const;

/** Compiles a Vega-Lite spec, collecting every warning vega-lite logs. */
export function compileChart(spec: object): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: (_?: number) => logger as never,
    error: (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); return logger as never; },
    warn: (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); return logger as never; },
    info: () => logger as never,
    debug: () => logger as never,
  };
  const compiled = compile(spec as TopLevelSpec, { logger: logger as never });
  return { vega: compiled.spec as vega.Spec, warnings };
}

export async function renderSvg(spec: object): Promise<string> {
  const { vega: compiled, warnings } = compileChart(spec);
  if (warnings.length) throw new Error(`chart spec has warnings: ${warnings.join('; ')}`);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function chartKind(path: string): (typeof CHART_EXTENSIONS)[number] {
  const lower = path.toLowerCase();
  const kind = CHART_EXTENSIONS.find((ext) => lower.endsWith(ext));
  if (!kind) throw new UsageError(`cannot tell the chart format of ${path}`, { hint: `end it with ${CHART_EXTENSIONS.join(', ')}` });
  return kind;
}

export async function writeChart(spec: object, path: string, title: string): Promise<void> {
  const kind = chartKind(path);
  if (kind === '.vl.json') return writeFileSync(path, JSON.stringify(spec, null, 2) + '\n');
  const svg = await renderSvg(spec);
  if (kind === '.svg') return writeFileSync(path, svg);
  if (kind === '.png') {
    const png = new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
    return writeFileSync(path, png);
  }
  // The spec travels with the page, so that the chart can be redrawn or edited later.
  const specScript = `<script type="application/json" id="vega-lite-spec">${JSON.stringify(spec).replace(/</g, '\\u003c')}</script>`;
  writeFileSync(path, htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n${svg}\n${specScript}`, 'body{font-family:sans-serif;margin:2em}'));
}

