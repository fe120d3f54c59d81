// `wen report annual --pdf` on the sample data, read back with poppler's pdfinfo and pdftotext
// (Debian's poppler-utils; .ci/run installs it with chromium): every page numbered "Page i of N",
// no page ending on a section's heading or its paragraph, and no word printed outside the A4 text box.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, SAMPLE_DATA } from './helpers.js';

const CHROMIUM = process.env.WEN_CHROMIUM ?? '/usr/bin/chromium';
const hasPoppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
// Skipped on a developer's machine without them; fails in CI, which installs both.
const runnable = (existsSync(CHROMIUM) && hasPoppler) || Boolean(process.env.CI);
/** A4 is 595.3 × 841.9 pt; the report's margins are 15 mm (42.5 pt). */
const PAGE = { width: 595.3, height: 841.9, margin: 42.5 };

let pdf: string;
let pages: string[];
let titles: string[];

describe.skipIf(!runnable)('wen report annual --pdf', () => {
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'wen-report-pdf-'));
    const wen = (args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'bin', 'wen.js'), ...args, '--db', join(dir, 'sample.duckdb')], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', WEN_DB: '' },
      });
    expect(wen(['load', SAMPLE_DATA, '-q']).status).toBe(0);
    const run = wen(['report', 'annual', '--year', '2024', '--out', join(dir, 'report'), '--pdf']);
    expect(run.stderr).toContain('annual-report-2024.pdf');
    expect(run.status).toBe(0);
    pdf = join(dir, 'report', 'annual-report-2024.pdf');
    pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
    const json = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
    titles = [...json.matchAll(/^\d+\. .+$/gm)].map((m) => m[0].trim());
  }, 180_000);

  it('prints A4 pages, each numbered "Page i of N" at the foot', () => {
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(count).toBeGreaterThanOrEqual(8);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages).toHaveLength(count);
    pages.forEach((text, i) => expect(text.trim().split('\n').at(-1)!.trim(), `page ${i + 1}`).toBe(`Page ${i + 1} of ${count}`));
    expect(pages[0]).toContain('Annual illegal trade report summary 2024');
  });

  it('never ends a page on a heading with at most its paragraph under it', () => {
    // The contents on page 1 list the sections. A heading among a page's last three lines (its number
    // aside) would have at most its paragraph under it on that page, and what it introduces on the next.
    expect(titles.length).toBeGreaterThanOrEqual(10);
    pages.slice(1).forEach((text, i) => {
      const last = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, -1)
        .slice(-3);
      expect(
        last.filter((line) => titles.some((t) => line.startsWith(t))),
        `the foot of page ${i + 2}`,
      ).toEqual([]);
    });
  });

  it('prints every word inside the text box of the page, headline cards and wide tables included', () => {
    const boxes = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)];
    expect(words.length).toBeGreaterThan(1000);
    const outside = words.filter((w) => Number(w[1]) < PAGE.margin - 1 || Number(w[2]) > PAGE.width - PAGE.margin + 1).map((w) => w[3]);
    expect(outside).toEqual([]);
  });
});
