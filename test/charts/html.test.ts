// `--chart x.html`: a self-contained interactive page. The page carries its spec and the three
// libraries (vega, vega-lite, vega-embed) inline and asks for nothing over the network; in Debian's
// headless Chromium (driven by playwright-core, as in report-browser.test.ts) it draws an <svg> with
// no console error, shows a tooltip on hover, and a scatter chart gets zoom and pan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../src/analysis/definition.js';
import { routes } from '../../src/analysis/definitions/routes.js';
import { interactiveSpec, writeChart } from '../../src/charts/render.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumRunnable, tempDir } from '../helpers.js';

/** Three points; the answer to hovering the one at (2, 20) is a tooltip naming "beta". */
const SCATTER = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: {
    values: [
      { name: 'alpha', x: 1, y: 10 },
      { name: 'beta', x: 2, y: 20 },
      { name: 'gamma', x: 3, y: 15 },
    ],
  },
  mark: { type: 'point', filled: true, size: 400 },
  width: 300,
  height: 200,
  encoding: {
    x: { field: 'x', type: 'quantitative' },
    y: { field: 'y', type: 'quantitative' },
    tooltip: [{ field: 'name', type: 'nominal' }],
  },
};
const BARS = {
  data: {
    values: [
      { k: 'a', n: 3 },
      { k: 'b', n: 5 },
    ],
  },
  mark: 'bar',
  encoding: { y: { field: 'k', type: 'nominal' }, x: { field: 'n', type: 'quantitative' } },
};

describe('interactive HTML charts', () => {
  it('binds the scales of a scatter chart to an interval selection, and leaves bars alone', () => {
    expect((interactiveSpec(SCATTER) as { params: unknown[] }).params).toEqual([{ name: 'wen_zoom', select: 'interval', bind: 'scales' }]);
    expect((interactiveSpec(BARS) as { params?: unknown[] }).params).toBeUndefined();
    expect(
      (interactiveSpec({ layer: [SCATTER, { ...SCATTER, mark: 'line' }] }) as { layer: Array<{ params?: unknown[] }> }).layer.map(
        (l) => l.params?.length ?? 0,
      ),
    ).toEqual([1, 0]);
  });

  it('writes one page holding the spec and the three libraries, with no script loaded from a URL', async () => {
    const path = join(tempDir(), 'scatter.html');
    await writeChart(SCATTER, path, 'Three points');
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('id="vega-lite-spec"');
    expect(html).toContain('"name":"beta"');
    for (const library of ['vega', 'vega-lite', 'vega-embed']) expect(html).toContain(`<script data-library="${library}">`);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?http/i);
    // Exactly the five script elements: three libraries, the spec, the drawing code.
    expect(html.match(/<script[\s>]/g)!.length).toBe(5);
  });
});

describe.skipIf(!chromiumRunnable)('interactive HTML charts in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(spec: object) {
    const path = join(tempDir(), 'chart.html');
    await writeChart(spec, path, 'A chart');
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    await page.waitForSelector('#chart svg', { timeout: 30_000 });
    return { page, problems, requests, url: pathToFileURL(path).href };
  }

  it('draws the scatter chart as an svg with its three points, asks for nothing else and logs no error', async () => {
    const { page, problems, requests, url } = await open(SCATTER);
    expect(await page.locator('#chart svg path.mark-symbol, #chart svg .mark-symbol path').count()).toBe(3);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);

  it('shows the tooltip the spec defines when the pointer is on a point', async () => {
    const { page } = await open(SCATTER);
    const beta = page.locator('#chart svg .mark-symbol path').nth(1);
    // The svg above the marks takes the pointer (it catches drags for panning): move the mouse there.
    const box = (await beta.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10_000 });
    expect(await page.locator('#vg-tooltip-element').innerText()).toContain('beta');
    await page.close();
  }, 60_000);

  it('zooms the scatter chart with the mouse wheel: the x axis shows other ticks afterwards', async () => {
    const { page } = await open(SCATTER);
    const ticks = () => page.locator('#chart svg .role-axis-label text').allInnerTexts();
    const before = await ticks();
    const box = (await page.locator('#chart svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(300);
    expect(await ticks()).not.toEqual(before);
    await page.close();
  }, 60_000);

  it('draws the routes flow map (world map, legs, arrow heads, ranked legs) with no console error', async () => {
    const legs = [
      { from: 'TH', to: 'CN', seizures: 9, quantity_kg: 120 },
      { from: 'VN', to: 'CN', seizures: 5, quantity_kg: 40 },
    ];
    const spec = (await routes.chart!(legs, { view: 'default', options: { top: 25 } } as unknown as AnalysisContext))!;
    const { page, problems } = await open(spec);
    // The world's 177 country shapes; two legs: two arcs, two arrow heads, and two bars below the map.
    expect(await page.locator('#chart svg .mark-shape path').count()).toBe(177);
    expect(await page.locator('#chart svg [aria-roledescription="line mark"]').count()).toBe(2);
    expect(await page.locator('#chart svg [aria-roledescription="point"]').count()).toBe(2);
    expect(await page.locator('#chart svg [aria-roledescription="bar"]').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
