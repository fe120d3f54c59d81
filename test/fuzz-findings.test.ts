// What the fuzzer found, each kept as a test: a file wider than wen reads (the fuzzer's 10,000
// added columns held gigabytes and ran for minutes) is refused before DuckDB reads it, exit 3 with
// one line naming the file and the width (test/load/csv-robustness.test.ts loads 3,000 columns).
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, InputError } from '../src/errors.js';
import { loadFile } from '../src/load/loader.js';
import { MAX_COLUMNS } from '../src/load/readers/raw-table.js';
import { tableCounts, tempDatabase, tempDir } from './helpers.js';

const AITR = ['Date of seizure', 'Species', 'Description', 'Quantity', 'Unit', 'Country of seizure'];
const AITR_ROW = ['01/02/2019', 'Manis javanica', 'scales', '3', 'kg', 'Nigeria'];

/** A CSV of AITR headings and `extra` more columns, with `rows` rows. */
function wideCsv(extra: number, rows: number): string {
  const more = Array.from({ length: extra }, (_, i) => i);
  return (
    [
      [...AITR, ...more.map((i) => `note ${i}`)].join(','),
      ...Array.from({ length: rows }, (_, r) => [...AITR_ROW, ...more.map((i) => `v${r}-${i}`)].join(',')),
    ].join('\n') + '\n'
  );
}

describe('a file wider than wen reads', () => {
  it(`is refused with exit 3 and one line when its heading row has ${MAX_COLUMNS + 1} columns, and nothing is written`, async () => {
    expect(MAX_COLUMNS).toBe(4096);
    const db = await tempDatabase();
    const file = join(tempDir(), 'wide.csv');
    writeFileSync(file, wideCsv(MAX_COLUMNS + 1 - AITR.length, 3));
    const error = await loadFile(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(EXIT.input);
    expect((error as InputError).message).toBe(`${file}: the heading row has 4,097 columns; wen reads at most 4,096`);
    expect((error as InputError).hint).toBe('check the delimiter, or keep only the columns of the seizure table');
    expect((await tableCounts(db)).sources).toBe(0);
  });

  it('is refused naming the sheet when a workbook sheet is that wide', async () => {
    const db = await tempDatabase();
    const file = join(tempDir(), 'wide.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Seizures');
    sheet.addRow([...AITR, ...Array.from({ length: MAX_COLUMNS + 4 - AITR.length }, (_, i) => `note ${i}`)]);
    sheet.addRow(AITR_ROW);
    await workbook.xlsx.writeFile(file);
    const error = await loadFile(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${file}: sheet "Seizures" has 4,100 columns; wen reads at most 4,096`);
  });
});
