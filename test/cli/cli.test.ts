// The real binary, spawned in a temporary folder: what users and scripts see on stdout, stderr and
// in exit codes. Needs the compiled dist/ (npm install builds it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { FIXTURES, REPO, tempDir, runWen } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return runWen(args, { cwd: options.cwd ?? tempDir(), env: options.env });
}

describe('wen load, info, rejects and sql', () => {
  it('loads a file into ./wen.duckdb and reports the database as JSON', async () => {
    const cwd = tempDir();
    const load = await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    expect(load.code).toBe(0);
    expect(load.stdout).toBe('');
    expect(load.stderr).toContain('5 read = 4 loaded + 1 rejected; 1 blank; 1 totals');
    const info = JSON.parse((await wen(['info', '--format', 'json'], { cwd })).stdout);
    // one seizure per row: the fixture has no reference column
    expect(info.tables.find((t: { table: string }) => t.table === 'seizures').rows).toBe(4);
    expect(info.dates).toEqual({ first: '2019-01-01', last: '2019-12-31', undated: 0 });
  });

  it('loads every file of a folder it can, says why each other one failed, reports all of them in JSON and exits 3', async () => {
    const cwd = tempDir();
    const folder = join(cwd, 'in');
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, 'aitr-small.csv'), join(folder, 'a.csv'));
    writeFileSync(join(folder, 'b.csv'), 'Name,Colour\na,b\n');
    copyFileSync(join(FIXTURES, 'payments-small.csv'), join(folder, 'c.csv'));
    const load = await wen(['load', folder, '-f', 'json'], { cwd });
    expect(load.code).toBe(3);
    expect(JSON.parse(load.stdout).map((r: { file: string; status: string }) => [r.file.split('/').pop(), r.status])).toEqual([
      ['a.csv', 'loaded'],
      ['b.csv', 'failed'],
      ['c.csv', 'loaded'],
    ]);
    expect(load.stderr).toContain(
      `${join(folder, 'b.csv')}: no profile clearly fits (no profile recognises its headings) (failed: nothing written from it)`,
    );
    expect(load.stderr).toContain(`wen: 1 of 3 files could not be loaded: ${join(folder, 'b.csv')}`);
    expect((await wen(['sql', 'select count(*) as n from sources', '-f', 'csv'], { cwd })).stdout).toBe('n\n2\n');
  });

  it('uses the database named by WEN_DB, and --db over it', async () => {
    const cwd = tempDir();
    expect((await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd, env: { WEN_DB: join(cwd, 'env.duckdb') } })).code).toBe(0);
    expect(
      (await wen(['sql', 'select count(*) as n from seizures', '-f', 'csv'], { cwd, env: { WEN_DB: join(cwd, 'env.duckdb') } })).stdout,
    ).toBe('n\n4\n');
    expect(
      (
        await wen(['sql', 'select count(*) as n from seizures', '-f', 'csv', '--db', join(cwd, 'other.duckdb')], {
          cwd,
          env: { WEN_DB: join(cwd, 'env.duckdb') },
        })
      ).code,
    ).toBe(5);
  });

  it('lists rejects as CSV when piped, with file, row, column and reason', async () => {
    const cwd = tempDir();
    await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    const out = (await wen(['rejects'], { cwd })).stdout.split('\n');
    expect(out[0]).toBe('source_id,file,row,column,value,reason,raw_record');
    expect(out[1]).toMatch(
      new RegExp(
        /^1,aitr-small\.csv,8,Quantity,-5,quantity is negative; quantities must be ≥ 0,/.source +
          /Date of seizure: 05\/07\/2019 \| Species: Geochelone elegans/.source,
      ),
    );
  });

  it('writes ndjson with numbers as numbers and lists as arrays', async () => {
    const cwd = tempDir();
    await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    const rows = (
      await wen(['sql', 'select source_row, transit_countries, value from seizures order by source_row', '-f', 'ndjson'], { cwd })
    ).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0]).toEqual({ source_row: 4, transit_countries: ['ET', 'AE'], value: 250000 });
  });

  it('says so, and adds nothing, when the same file is loaded again', async () => {
    const cwd = tempDir();
    await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    const again = await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing added: same content already loaded as source 1 at .* \(use --replace to reload\)/);
  });

  it('keeps the database read-only in wen sql', async () => {
    const cwd = tempDir();
    await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    const result = await wen(['sql', 'delete from seizures'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wen: wen sql runs queries only: DELETE statements are refused/);
    expect((await wen(['sql', 'select count(*) as n from seizures', '-f', 'csv'], { cwd })).stdout).toBe('n\n4\n');
  });

  it('exits quietly when the reader of its output goes away (wen … | head)', async () => {
    const cwd = tempDir();
    await wen(['load', join(FIXTURES, 'aitr-small.csv')], { cwd });
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" sql "select * from range(200000)" -f csv | head -n 2`], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, WEN_DB: '' },
    });
    expect(result.stdout).toBe('range\n0\n');
    expect(result.stderr).toBe('');
  });
});

describe('mistakes get one clear line and a documented exit code', () => {
  it.each([
    [['load', 'no-such-file.csv'], 3, /^wen: no-such-file\.csv: no such file or folder\n$/],
    [
      ['load', join(FIXTURES, 'generic-small.csv')],
      3,
      /no profile clearly fits \(aitr 0\.\d+: .*look like CITES trade records.*\nhint: pick one with .*wen mapping draft/,
    ],
    [
      ['load', join(FIXTURES, 'aitr-small.csv'), '--reporting-country', 'Atlantis'],
      2,
      /--reporting-country "Atlantis" is not a country wen knows/,
    ],
    [['load', join(FIXTURES, 'aitr-small.csv'), '--profile', 'excel'], 2, /Allowed choices are auto, aitr, ecomessage, generic/],
    [['info', '--format', 'xml'], 2, /unknown format "xml"/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
    [['info'], 5, /cannot open database wen\.duckdb/],
  ])('wen %s exits %i', async (args, code, message) => {
    const result = await wen(args as string[]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('exits 4 with --strict when rows are rejected, after loading the rest', async () => {
    const cwd = tempDir();
    const result = await wen(['load', join(FIXTURES, 'aitr-small.csv'), '--strict'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('wen: 1 row(s) rejected (--strict)');
  });

  it('names the mapping file and the bad key', async () => {
    const mapping = join(tempDir(), 'bad.yaml');
    writeFileSync(mapping, 'fields:\n  speceis: taxon\n');
    const result = await wen(['load', join(FIXTURES, 'generic-small.csv'), '--mapping', mapping]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /bad\.yaml: fields\.speceis: unknown field\nhint: did you mean "species"\? fields here are: seizure_ref, date/,
    );
  });

  it('prints a stack trace only with --debug', async () => {
    expect((await wen(['load', 'missing.csv', '--debug'])).stderr).toMatch(/\n\s+at /);
  });
});

describe('documentation', () => {
  it('gives every command --help text', async () => {
    for (const command of buildProgram().commands) {
      const help = await wen([command.name(), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout.replace(/\s+/g, ' ')).toContain(command.description());
    }
  });

  it('documents every command and every exit code in the README', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const command of buildProgram().commands) expect(readme).toContain(`wen ${command.name()}`);
    for (const code of [0, 1, 2, 3, 4, 5, 6]) expect(readme).toMatch(new RegExp(`\\| ${code} \\|`));
  });
});
