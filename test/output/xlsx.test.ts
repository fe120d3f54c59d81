// XLSX written by the real binary and read back with exceljs: typed cells, a frozen header row, column
// widths, country names beside codes, formula-looking text kept as text, a sheet per report table;
// and CSV with --bom. Needs the compiled dist/ (npx tsc -p tsconfig.json).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir, runWen } from '../helpers.js';
import { sheetName } from '../../src/output/xlsx.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], cwd: string) {
  return runWen(args, { cwd: cwd });
}

async function loaded(file = join(FIXTURES, 'aitr-small.csv')): Promise<string> {
  const cwd = tempDir();
  expect((await wen(['load', file, '-q'], cwd)).code).toBe(0);
  return cwd;
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** A sheet's rows as arrays of cell values (exceljs numbers its columns from 1). */
function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('XLSX output', () => {
  it('writes routes with numbers as numbers, dates as dates, a name beside each country code and a frozen header row', async () => {
    const cwd = await loaded();
    expect(await wen(['analyze', 'routes', '-o', 'routes.xlsx'], cwd)).toMatchObject({ code: 0 });
    const book = await workbook(join(cwd, 'routes.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['routes']);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const [header, ...rows] = values(sheet);
    expect(header).toEqual(['from', 'from_name', 'to', 'to_name', 'seizures', 'quantity_kg', 'value_usd', 'first_seen', 'last_seen']);
    // aitr-small.csv: NG → ET → AE → VN carries two seizures (1,200 kg and 40 tusks worth 258,000 USD); NA →
    // CN one, with no quantity in kg.
    expect(rows).toEqual([
      ['AE', 'United Arab Emirates', 'VN', 'Vietnam', 2, 1200, 258000, new Date('2019-03-12T00:00:00Z'), new Date('2019-03-12T00:00:00Z')],
      ['ET', 'Ethiopia', 'AE', 'United Arab Emirates', 2, 1200, 258000, new Date('2019-03-12T00:00:00Z'), new Date('2019-03-12T00:00:00Z')],
      ['NG', 'Nigeria', 'ET', 'Ethiopia', 2, 1200, 258000, new Date('2019-03-12T00:00:00Z'), new Date('2019-03-12T00:00:00Z')],
      [
        'NA',
        'Namibia',
        'CN',
        "People's Republic of China",
        1,
        undefined,
        undefined,
        new Date('2019-01-01T00:00:00Z'),
        new Date('2019-01-01T00:00:00Z'),
      ],
    ]);
    expect(sheet.getCell('H2').numFmt).toBe('yyyy-mm-dd');
    // Each column is at least as wide as its heading, and the names' column as wide as its longest name.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('United Arab Emirates'.length);
    for (let i = 1; i <= header.length; i++) expect(sheet.getColumn(i).width).toBeGreaterThanOrEqual(String(header[i - 1]).length);
  });

  it('keeps the header row of an empty result', async () => {
    const cwd = await loaded();
    expect(await wen(['analyze', 'target-species', '--from', '2099', '-o', 'empty.xlsx'], cwd)).toMatchObject({ code: 0 });
    const rows = values((await workbook(join(cwd, 'empty.xlsx'))).worksheets[0]);
    expect(rows).toEqual([
      [
        'rank',
        'species',
        'class_name',
        'cites_appendix',
        'seizures',
        'quantity_kg',
        'items',
        'value_usd',
        'seizing_countries',
        'terms',
        'kg_estimated',
        'raw_ivory_kg',
        'organisms',
        'organisms_low',
        'organisms_high',
        'standard_rules',
      ],
    ]);
  });

  it('keeps formula-looking text as text cells, with nothing added to it', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'hostile.csv'),
      [
        'Date of seizure,Species,Description,Quantity,Unit,Country of destination',
        '12/03/2019,"=HYPERLINK(""http://x"",""y"")",scales,3,kg,Viet Nam',
        '13/03/2019,@SUM(1+1),scales,2,kg,Viet Nam',
      ].join('\n'),
    );
    const cwd = await loaded(join(dir, 'hostile.csv'));
    expect(await wen(['analyze', 'target-species', '-f', 'xlsx', '-o', 'ts.xlsx'], cwd)).toMatchObject({ code: 0 });
    const sheet = (await workbook(join(cwd, 'ts.xlsx'))).worksheets[0];
    const species = [sheet.getCell('B2'), sheet.getCell('B3')];
    expect(species.map((c) => c.type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
    expect(species.map((c) => c.value)).toEqual(['=HYPERLINK("http://x","y")', '@SUM(1+1)']);
    expect(sheet.getCell('E2').type).toBe(ExcelJS.ValueType.Number);
  });

  it('writes a workbook to a pipe when asked with -f xlsx', async () => {
    const cwd = await loaded();
    const piped = spawnSync(process.execPath, [BIN, 'analyze', 'routes', '-f', 'xlsx'], { cwd, env: { ...process.env, WEN_DB: '' } });
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString()).toBe('PK'); // a zip, as every XLSX is
  });

  it('writes a batch run as XLSX', async () => {
    const cwd = await loaded();
    writeFileSync(join(cwd, 'plan.yaml'), 'runs:\n  - analysis: routes\n    formats: [xlsx, csv]\n');
    const run = await wen(['batch', 'plan.yaml', '-o', 'out', '-q'], cwd);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = values((await workbook(join(cwd, 'out', 'routes.xlsx'))).worksheets[0]);
    expect(rows).toHaveLength(5);
    expect(rows[1].slice(0, 5)).toEqual(['AE', 'United Arab Emirates', 'VN', 'Vietnam', 2]);
  });

  it("writes the annual report's tables as one workbook, a contents sheet and then a sheet per table", async () => {
    const cwd = await loaded();
    expect(await wen(['report', 'annual', '--year', '2019', '-o', 'report', '-q'], cwd)).toMatchObject({ code: 0 });
    const book = await workbook(join(cwd, 'report', 'annual-report-2019.xlsx'));
    const report = JSON.parse(readFileSync(join(cwd, 'report', 'annual-report-2019.json'), 'utf8')) as {
      sections: Array<{ id: string; columns: string[]; rows: unknown[] }>;
    };
    expect(book.worksheets.map((s) => s.name)).toEqual(['contents', ...report.sections.map((s) => s.id)]);
    for (const section of report.sections) {
      const rows = values(book.getWorksheet(section.id)!);
      expect({ id: section.id, header: rows[0], rows: rows.length - 1 }).toEqual({
        id: section.id,
        header: section.columns,
        rows: section.rows.length,
      });
    }
    expect(values(book.getWorksheet('contents')!).map((r) => r[0])).toEqual(['sheet', ...report.sections.map((s) => s.id)]);
  });
});

describe('sheet names', () => {
  it('are cut to 31 characters, cleared of the characters Excel refuses, and made unique', async () => {
    const used = new Set<string>();
    expect(sheetName('a/b:c', used)).toBe('a b c');
    expect(sheetName('A/B:C', used)).toBe('A B C 2');
    expect(sheetName('x'.repeat(40), used)).toBe('x'.repeat(31));
    expect(sheetName('x'.repeat(40), used)).toBe(`${'x'.repeat(29)} 2`);
    expect(sheetName('[]', used)).toBe('Sheet');
  });
});

describe('CSV with --bom', () => {
  it('starts with the UTF-8 byte-order mark only when asked', async () => {
    const cwd = await loaded();
    const plain = spawnSync(process.execPath, [BIN, 'analyze', 'routes', '-f', 'csv'], { cwd, env: { ...process.env, WEN_DB: '' } }).stdout;
    const marked = spawnSync(process.execPath, [BIN, 'analyze', 'routes', '-f', 'csv', '--bom'], {
      cwd,
      env: { ...process.env, WEN_DB: '' },
    }).stdout;
    expect([...plain.subarray(0, 4)]).toEqual([...Buffer.from('from')]);
    expect([...marked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked.subarray(3).equals(plain)).toBe(true);
  });
});
