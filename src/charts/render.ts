// Charts: a Vega-Lite spec (data inlined) compiled to Vega and rendered offline — SVG by vega's
// own renderer, PNG by resvg from that SVG, HTML as a self-contained interactive page (vega, vega-lite
// and vega-embed inlined, so it opens with no network: tooltips, and zoom and pan on x/y charts).
// One writer for every command. Compilation warnings are errors: a chart vega-lite warns about is a bug in wen.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { UsageError } from '../errors.js';
import { escapeHtml, htmlPage } from '../output/html.js';

const CHART_EXTENSIONS = ['.vl.json', '.svg', '.png', '.html'] as const;

/** Compiles a Vega-Lite spec, collecting every warning vega-lite logs. */
export function compileChart(spec: object): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: (_?: number) => logger as never,
    error: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger as never;
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger as never;
    },
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

function chartKind(path: string): (typeof CHART_EXTENSIONS)[number] {
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
    const png = new Resvg(svg, {
      background: 'white',
      fitTo: { mode: 'zoom', value: 2 },
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    })
      .render()
      .asPng();
    return writeFileSync(path, png);
  }
  const interactive = interactiveSpec(spec);
  const { warnings } = compileChart(interactive);
  if (warnings.length) throw new Error(`chart spec has warnings: ${warnings.join('; ')}`);
  writeFileSync(path, interactivePage(interactive, title));
}

/** Marks whose x and y are both continuous scales, where dragging and wheeling can pan and zoom. */
const ZOOMABLE_MARKS = new Set(['point', 'circle', 'square', 'line', 'area', 'trail', 'tick']);
const CONTINUOUS = new Set(['quantitative', 'temporal']);

type Unit = {
  mark?: string | { type: string };
  encoding?: Record<string, { type?: string } | undefined>;
  params?: unknown[];
  layer?: Unit[];
  projection?: unknown;
};

function zoomable(unit: Unit): boolean {
  const mark = typeof unit.mark === 'string' ? unit.mark : unit.mark?.type;
  return Boolean(
    mark &&
      ZOOMABLE_MARKS.has(mark) &&
      !unit.projection &&
      CONTINUOUS.has(unit.encoding?.x?.type ?? '') &&
      CONTINUOUS.has(unit.encoding?.y?.type ?? ''),
  );
}

/**
 * The spec as the page draws it: a scatter or line chart (top level, or the first layer of a layered
 * one) gets its scales bound to an interval selection, so it zooms with the wheel and pans by dragging.
 * Other charts (bars, maps, concatenations) are left as they are; their tooltips come from the spec.
 */
export function interactiveSpec(spec: object): object {
  const copy = structuredClone(spec) as Unit;
  const bind = (unit: Unit) => {
    unit.params = [...(unit.params ?? []), { name: 'wen_zoom', select: 'interval', bind: 'scales' }];
  };
  if (copy.params?.some((p) => (p as { bind?: unknown }).bind === 'scales')) return copy;
  if (zoomable(copy)) bind(copy);
  else if (copy.layer?.length && !copy.projection) {
    const first = copy.layer[0]!;
    const inherited = { ...copy, ...first, encoding: { ...copy.encoding, ...first.encoding } } as Unit;
    if (zoomable(inherited)) bind(first);
  }
  return copy;
}

const require = createRequire(import.meta.url);
let libraries: string | undefined;

/** The folder of an installed package (their package.json files are not exported, so found on the lookup path). */
function packageDir(name: string): string {
  const dir = (require.resolve.paths(name) ?? []).map((p) => join(p, name)).find((p) => existsSync(join(p, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed`);
  return dir;
}

/** vega, vega-lite and vega-embed's browser bundles, each in its own script element. */
function inlinedLibraries(): string {
  libraries ??= [
    ['vega', 'build/vega.min.js'],
    ['vega-lite', 'build/vega-lite.min.js'],
    ['vega-embed', 'build/vega-embed.min.js'],
  ]
    .map(
      ([name, file]) =>
        `<script data-library="${name}">` +
        `${readFileSync(join(packageDir(name!), file!), 'utf8').replace(/<\/script/gi, '<\\/script')}</script>`,
    )
    .join('\n');
  return libraries;
}

function interactivePage(spec: object, title: string): string {
  // The spec travels with the page, so that the chart can be redrawn or edited later. Its $schema
  // names the Vega-Lite major version wen writes against; it is dropped before drawing so that the
  // bundled version does not log a version mismatch.
  const specScript = `<script type="application/json" id="vega-lite-spec">${JSON.stringify(spec).replace(/</g, '\\u003c')}</script>`;
  const draw = `<script>
const spec = JSON.parse(document.getElementById('vega-lite-spec').textContent);
delete spec.$schema;
vegaEmbed('#chart', spec, { mode: 'vega-lite', renderer: 'svg', actions: false }).catch((e) => {\
 document.getElementById('chart').textContent = 'The chart could not be drawn: ' + e.message; console.error(e); });
</script>`;
  return htmlPage(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<div id="chart"></div>\n${specScript}\n${inlinedLibraries()}\n${draw}`,
    'body{font-family:sans-serif;margin:2em}#vg-tooltip-element{font-family:sans-serif}',
  );
}
