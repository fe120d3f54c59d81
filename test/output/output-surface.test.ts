// One output surface: wen sql, wen rejects and wen info take every format and --out, read back by
// DuckDB, apache-arrow and exceljs; wen info piped gives all its tables; a table on a terminal is
// fitted; did-you-mean for analysis names and views. Needs the compiled dist/ (npx tsc -p tsconfig.json).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDatabase, tempDir, runWen } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], cwd: string) {
  return runWen(args, { cwd: cwd });
}

// aitr-small.csv: 4 seizures loaded (2019-01-01 to 2019, the last dated by its year alone), 1 row rejected (row 8, a quantity of -5).
async function loaded(): Promise<string> {
  const cwd = tempDir();
  expect((await wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd)).code).toBe(0);
  return cwd;
}

async function sheets(path: string): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = {};
  for (const sheet of book.worksheets) {
    out[sheet.name] = [];
    sheet.eachRow((row) => out[sheet.name].push((row.values as unknown[]).slice(1)));
  }
  return out;
}

describe('wen sql in every format', () => {
  it('writes a full and an empty result to Parquet, Arrow, XLSX and Markdown, typed', async () => {
    const cwd = await loaded();
    const query = 'select seizure_id, date, value from seizures where date is not null order by seizure_id';
    for (const [suffix, filter] of [
      ['full', ''],
      ['empty', ' and false'],
    ]) {
      for (const ext of ['parquet', 'arrow', 'xlsx', 'md'])
        expect(await wen(['sql', query.replace(' order', `${filter} order`), '-o', `${suffix}.${ext}`], cwd)).toMatchObject({ code: 0 });
    }
    const db = await tempDatabase();
    const full = await db.table('SELECT * FROM read_parquet($p)', { p: join(cwd, 'full.parquet') });
    const empty = await db.table('SELECT * FROM read_parquet($p)', { p: join(cwd, 'empty.parquet') });
    expect(full.rows).toHaveLength(4);
    expect(empty.rows).toHaveLength(0);
    expect(empty.types).toEqual(['BIGINT', 'DATE', 'DOUBLE']); // the schema of the statement, though nothing came back
    expect(full.types).toEqual(['BIGINT', 'DATE', 'DOUBLE']);
    const arrow = tableFromIPC(readFileSync(join(cwd, 'empty.arrow')));
    expect(arrow.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['seizure_id:Int64', 'date:Date32<DAY>', 'value:Float64']);
    const book = await sheets(join(cwd, 'full.xlsx'));
    expect(Object.keys(book)).toEqual(['sql']);
    expect(book.sql[0]).toEqual(['seizure_id', 'date', 'value']);
    expect(book.sql.slice(1).every((r) => typeof r[0] === 'number' && r[1] instanceof Date)).toBe(true);
    expect(readFileSync(join(cwd, 'empty.md'), 'utf8')).toBe('| seizure_id | date | value |\n|---|---|---|\n');
  });

  it('keeps the first rows with --limit, and starts CSV with a byte-order mark with --bom', async () => {
    const cwd = await loaded();
    expect((await wen(['sql', 'select range AS n from range(5)', '--limit', '2', '-f', 'csv'], cwd)).stdout).toBe('n\n0\n1\n');
    expect((await wen(['sql', 'select 1 AS n', '-f', 'csv', '--bom'], cwd)).stdout).toBe('\uFEFFn\n1\n');
  });
});

describe('wen rejects in every format', () => {
  it('writes the rejected row to Parquet and XLSX and as Markdown', async () => {
    const cwd = await loaded();
    expect(await wen(['rejects', '-o', 'rejects.parquet'], cwd)).toMatchObject({
      code: 0,
      stderr: 'rejects: 1 rows written to rejects.parquet\n',
    });
    expect((await wen(['rejects', '-o', 'rejects.xlsx'], cwd)).code).toBe(0);
    const db = await tempDatabase();
    expect(
      await db.all('SELECT source_id, file, "row", "column", value FROM read_parquet($p)', { p: join(cwd, 'rejects.parquet') }),
    ).toEqual([{ source_id: 1, file: 'aitr-small.csv', row: 8, column: 'Quantity', value: '-5' }]);
    const book = await sheets(join(cwd, 'rejects.xlsx'));
    expect(book.rejects[1].slice(0, 5)).toEqual([1, 'aitr-small.csv', 8, 'Quantity', '-5']);
    const md = (await wen(['rejects', '-f', 'md'], cwd)).stdout.split('\n');
    expect(md[0]).toBe('| source_id | file | row | column | value | reason | raw_record |');
    expect(md[2]).toMatch(/^\| 1 \| aitr-small\.csv \| 8 \| Quantity \| -5 \| quantity is negative/);
  });
});

describe('wen info', () => {
  it('gives every table as JSON when piped', async () => {
    const cwd = await loaded();
    const info = JSON.parse((await wen(['info'], cwd)).stdout);
    expect(Object.keys(info)).toEqual(['database', 'tables', 'dates', 'sources', 'reference']);
    expect(info.tables.find((t: { table: string }) => t.table === 'seizures').rows).toBe(4);
    expect(info.dates).toEqual({ first: '2019-01-01', last: '2019-12-31', undated: 0 });
    expect(info.sources).toHaveLength(1);
  });

  it('writes one CSV per table into the folder given with --out', async () => {
    const cwd = await loaded();
    const run = await wen(['info', '--out', 'info'], cwd);
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, 'info')).sort()).toEqual([
      'dates.csv',
      'reference.csv',
      'reference_files.csv',
      'sources.csv',
      'tables.csv',
    ]);
    expect(readFileSync(join(cwd, 'info', 'dates.csv'), 'utf8')).toBe('first,last,undated\n2019-01-01,2019-12-31,0\n');
    expect(readFileSync(join(cwd, 'info', 'reference.csv'), 'utf8')).toMatch(/^taxa,mode,name,taxa_count,synonyms,common_names\nbundled,/);
    expect(readFileSync(join(cwd, 'info', 'sources.csv'), 'utf8').split('\n')[1]).toMatch(/^1,aitr-small\.csv,,aitr,utf-8,/);
  });

  it('writes every table as a sheet of one workbook, and every table in one Markdown file', async () => {
    const cwd = await loaded();
    expect((await wen(['info', '-o', 'info.xlsx'], cwd)).code).toBe(0);
    const book = await sheets(join(cwd, 'info.xlsx'));
    expect(Object.keys(book)).toEqual(['tables', 'dates', 'sources', 'reference', 'reference_files']);
    expect(book.dates).toEqual([
      ['first', 'last', 'undated'],
      [new Date('2019-01-01T00:00:00Z'), new Date('2019-12-31T00:00:00Z'), 0],
    ]);
    const md = (await wen(['info', '-f', 'md'], cwd)).stdout;
    expect(md.match(/^## .*$/gm)).toEqual(['## tables', '## dates', '## sources', '## reference', '## reference_files']);
  });

  it('refuses CSV on stdout, which holds only one of its tables, with a hint', async () => {
    const cwd = await loaded();
    const run = await wen(['info', '-f', 'csv'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'wen: csv holds one table, and there are 5\nhint: give --out DIR for one csv file per table, or use -f json, md or xlsx\n',
    );
  });
});

describe('a table on a terminal', () => {
  // `script` gives the command a terminal of a known width; the test is skipped where it is missing.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows 40 rows, says how many more, and leaves out the columns that do not fit, naming them', async () => {
    const cwd = await loaded();
    const command =
      `stty cols 50; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ` +
      `sql "select range AS n, 'x' AS a, 'y' AS b, 'z' AS c, repeat('w', ` +
      `30) AS wide, 1000 * range AS last from range(589)"`;
    const run = spawnSync('script', ['-qc', command, '/dev/null'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', WEN_DB: '' },
    });
    const lines = run.stdout.replace(/\r/g, '').trimEnd().split('\n');
    // n, last, a, c and b fit in 50 columns with the ellipsis (1 + 4 + 5 + 9 + 3 × 4 = 31); wide's 33 more do not.
    expect(lines[1]).toBe('│ n  │ a │ b │ c │ … │ last   │');
    expect(lines.filter((l) => l.startsWith('│')).length).toBe(41); // the header and 40 rows
    expect(lines).toContain('│ 39 │ x │ y │ z │ … │ 39,000 │');
    expect(lines.at(-2)).toBe('… 549 more rows (use --limit N, or -f csv)');
    expect(lines.at(-1)).toBe("1 column not shown, for the terminal's width: wide (use -f csv, or a wider terminal)");
  });
});

describe('did you mean', () => {
  it('suggests the analysis and the view closest to a mistyped one', async () => {
    const cwd = await loaded();
    const analysis = await wen(['analyze', 'route'], cwd);
    expect(analysis.code).toBe(2);
    expect(analysis.stderr.split('\n')[0]).toBe('wen: unknown analysis "route": did you mean "routes"?');
    const view = await wen(['analyze', 'routes', '--view', 'country'], cwd);
    expect(view.code).toBe(2);
    expect(view.stderr.split('\n')[0]).toBe('wen: routes has no view "country": did you mean "countries"?');
  });
});
