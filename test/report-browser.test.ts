// The annual report of the sample data opened in a real browser: Debian's headless Chromium (installed
// by .ci/run; no browser download), driven by playwright-core. Checks that the page loads with no
// console error and no network request, that every chart drew its marks on screen (pixels decoded by
// the browser itself), and that the page fits the width of A4 when printed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { loadPath } from '../src/load/loader.js';
import { buildAnnualReport } from '../src/report/annual.js';
import { writeAnnualReport } from '../src/report/write.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumRunnable, SAMPLE_DATA } from './helpers.js';

/** The text width of an A4 page with the report's 15 mm margins: 180 mm at 96 px per inch. */
const A4_TEXT_WIDTH = Math.floor((180 / 25.4) * 96);

let browser: Browser;
let page: Page;
let htmlPath: string;
let chartCount: number;
const problems: string[] = [];
const requests: string[] = [];

describe.skipIf(!chromiumRunnable)('the annual report in headless Chromium', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wen-report-browser-'));
    const db = await Database.open(join(dir, 'sample.duckdb'));
    try {
      await loadPath(db, SAMPLE_DATA);
      const report = await buildAnnualReport(db, { year: 2024, top: 20 });
      chartCount = report.sections.filter((s) => s.chart).length;
      await writeAnnualReport(report, join(dir, 'report'));
      htmlPath = join(dir, 'report', 'annual-report-2024.html');
    } finally {
      db.close();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console error and asks for nothing but the page itself', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  });

  it('draws every chart on screen: each figure shows coloured marks, not a blank box', async () => {
    const figures = page.locator('figure');
    expect(await figures.count()).toBe(chartCount);
    expect(chartCount).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < chartCount; i++) {
      const figure = figures.nth(i);
      const box = await figure.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(80);
      const shot = await figure.screenshot();
      const pixels = await countPixels(shot);
      const id = await figure.evaluate((f) => f.closest('section')!.id);
      // Bars are coloured; text and axes are grey. A chart that failed to draw has no colour at all.
      expect(pixels.coloured / pixels.total, `${id}: share of coloured pixels`).toBeGreaterThan(0.01);
    }
  });

  it('shows a page that is not blank', async () => {
    const pixels = await countPixels(await page.screenshot({ fullPage: false }));
    expect(pixels.nonWhite / pixels.total).toBeGreaterThan(0.05);
  });

  it('fits the width of an A4 page when printed, and prints to PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_TEXT_WIDTH, height: 1000 });
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .map((e) => `${e.tagName} in #${e.closest('section')?.id ?? 'top'}`);
    });
    expect(overflowing).toEqual([]);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});

/** Decodes a PNG in the browser (a canvas in a blank page) and counts white, grey and coloured pixels. */
async function countPixels(png: Buffer): Promise<{ total: number; nonWhite: number; coloured: number }> {
  const scratch = await browser.newPage();
  try {
    return await scratch.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let nonWhite = 0;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (r < 245 || g < 245 || b < 245) nonWhite++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
      }
      return { total: data.length / 4, nonWhite, coloured };
    }, png.toString('base64'));
  } finally {
    await scratch.close();
  }
}
