// The progress line of wen load: the words and numbers of a line (worked out by hand), and the line
// driven by DuckDB's own query progress during a real load.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overallDone, progressLine, watchLoad } from '../../src/cli/load-progress.js';
import { loadFile } from '../../src/load/loader.js';
import { writeFileSync } from 'node:fs';
import { tempDatabase, tempDir } from '../helpers.js';

describe('the progress line of a load', () => {
  it("weights the stages and DuckDB's percentage of the running statement into one share", () => {
    expect(overallDone('hashing', null)).toBe(0);
    expect(overallDone('staging', 0)).toBeCloseTo(0.2, 10); // hashing 0.02 + reading 0.18 done
    expect(overallDone('writing', 50)).toBeCloseTo(0.5 + 0.25, 10);
    expect(overallDone('writing', 100)).toBeCloseTo(1, 10);
  });

  it("says the share, the stage, the file's rows and the time left, and shortens a long name from the left", () => {
    // 40% done in 8 s: 12 s left.
    expect(progressLine('aitr.csv', 'writing', 0.4, 1234567, 8000)).toBe('aitr.csv   40% writing · 1,234,567 rows · 12 s left');
    expect(progressLine('aitr.csv', 'reading', 0.02, null, 3000)).toBe('aitr.csv    2% reading'); // too early to judge
    expect(progressLine('x'.repeat(100), 'writing', 0.5, null, 90_000, 50)).toBe(`…${'x'.repeat(17)}   50% writing · 1 min 30 s left`);
  });

  it("draws lines with DuckDB's progress during a real load, and none once stopped", async () => {
    const dir = tempDir();
    const file = join(dir, 'big.csv');
    const lines = ['Case number,Date of seizure,Country of seizure,Species,Description,Quantity,Unit'];
    for (let i = 0; i < 60_000; i++)
      lines.push(`C${i},2020-01-${String(1 + (i % 28)).padStart(2, '0')},Kenya,Loxodonta africana,tusks,${1 + (i % 7)},kg`);
    writeFileSync(file, lines.join('\n') + '\n');
    const db = await tempDatabase();
    const drawn: string[] = [];
    const progress = await watchLoad(db, file, (line) => drawn.push(line), { showAfterMs: 0, pollMs: 20 });
    await loadFile(db, file, { onStage: progress.stage });
    await progress.stop();
    const after = drawn.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drawn.length).toBe(after);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.some((line) => /^.*big\.csv +\d+% (reading|staging|normalising|writing)/.test(line))).toBe(true);
    expect(drawn.some((line) => line.includes('60,000 rows'))).toBe(true); // the file's rows, once counted
  }, 120_000);
});
