// The real binary writing files that other tools open: every --out format of an analysis, full and
// empty, read back by apache-arrow and DuckDB; timestamps and times under two time zones; a missing
// or unwritable --out folder; and hostile text through every CSV and Markdown output.
// Needs the compiled dist/ (npx tsc -p tsconfig.json).
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDatabase, tempDir, runWen } from '../helpers.js';

function wen(args: string[], cwd: string, env: Record<string, string> = {}) {
  return runWen(args, { cwd: cwd, env: env });
}

async function loaded(file = join(FIXTURES, 'aitr-small.csv'), env: Record<string, string> = {}): Promise<string> {
  const cwd = tempDir();
  expect((await wen(['load', file, '-q'], cwd, env)).code).toBe(0);
  return cwd;
}

describe('wen analyze --out in every format', () => {
  for (const empty of [false, true]) {
    // aitr-small.csv has 4 seizures of 4 species in 2019; --from 2099 selects none.
    it(`writes ${empty ? 'an empty' : 'a full'} target-species result that apache-arrow and DuckDB open, with its columns`, async () => {
      const cwd = await loaded();
      const filter = empty ? ['--from', '2099'] : [];
      for (const ext of ['arrow', 'feather', 'parquet', 'csv', 'json', 'ndjson', 'md']) {
        const run = await wen(['analyze', 'target-species', ...filter, '-o', `out.${ext}`], cwd);
        expect({ ext, code: run.code, stderr: run.stderr }).toMatchObject({ ext, code: 0 });
      }
      const rows = empty ? 0 : 4;
      for (const ext of ['arrow', 'feather']) {
        const bytes = readFileSync(join(cwd, `out.${ext}`));
        expect(bytes.subarray(0, 6).toString()).toBe('ARROW1');
        const table = tableFromIPC(bytes);
        expect(table.numRows).toBe(rows);
        expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
          'rank:Int64',
          'species:Utf8',
          'class_name:Utf8',
          'cites_appendix:Utf8',
          'seizures:Int64',
          'quantity_kg:Float64',
          'items:Float64',
          'value_usd:Float64',
          'seizing_countries:Int64',
          'terms:Utf8',
          'kg_estimated:Float64',
          'raw_ivory_kg:Float64',
          'organisms:Float64',
          'organisms_low:Float64',
          'organisms_high:Float64',
          'standard_rules:Utf8',
        ]);
      }
      const db = await tempDatabase();
      const readers: Record<string, string> = {
        parquet: 'read_parquet($path)',
        csv: 'read_csv($path, header = true)',
        json: "read_json($path, format = 'array')",
        ndjson: "read_json($path, format = 'newline_delimited')",
      };
      for (const [ext, reader] of Object.entries(readers)) {
        if (empty && (ext === 'json' || ext === 'ndjson')) continue; // no schema in JSON: checked below
        const back = await db.table(`SELECT * FROM ${reader}`, { path: join(cwd, `out.${ext}`) });
        expect({ ext, rows: back.rows.length, columns: back.columns[4] }).toEqual({ ext, rows, columns: 'seizures' });
        if (ext === 'parquet') expect(back.types.slice(0, 5)).toEqual(['BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'BIGINT']);
      }
      if (empty) {
        expect(readFileSync(join(cwd, 'out.json'), 'utf8')).toBe('[]\n');
        expect(readFileSync(join(cwd, 'out.ndjson'), 'utf8')).toBe('');
      }
      expect(readFileSync(join(cwd, 'out.md'), 'utf8').split('\n')).toHaveLength(rows + 3);
    });
  }
});

describe('times and timestamps', () => {
  for (const TZ of ['UTC', 'Asia/Bangkok']) {
    it(`stores and prints the load time in UTC and a TIME as HH:MM:SS under TZ=${TZ}`, async () => {
      const before = Date.now();
      const cwd = await loaded(undefined, { TZ });
      const after = Date.now();
      const out = await wen(
        ['sql', "select loaded_at, TIME '03:36:00' AS t, TIMESTAMP '2024-03-01 00:00:00' AS midnight from sources", '-f', 'json'],
        cwd,
        { TZ },
      );
      const [row] = JSON.parse(out.stdout);
      expect(row.t).toBe('03:36:00');
      expect(row.midnight).toBe('2024-03-01T00:00:00.000Z'); // a timestamp, even at midnight
      expect(row.loaded_at).toMatch(/Z$/);
      // Within the second of the load, whatever the zone (Bangkok is 7 hours off).
      expect(Date.parse(row.loaded_at)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(row.loaded_at)).toBeLessThanOrEqual(after + 1000);
    });
  }
});

describe('an --out or --chart that cannot be written', () => {
  it("is the user's error (exit 3) naming the missing folder, for --out and for --chart", async () => {
    const cwd = await loaded();
    const missing = join(cwd, 'missing', 'dir');
    const out = await wen(['analyze', 'target-species', '-o', join(missing, 'x.csv')], cwd);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain(`the folder ${missing} does not exist`);
    const chart = await wen(['analyze', 'target-species', '-f', 'csv', '--chart', join(missing, 'x.svg')], cwd);
    expect(chart.code).toBe(3);
    expect(chart.stderr).toContain(`--chart ${join(missing, 'x.svg')}: the folder ${missing} does not exist`);
    expect(chart.stdout).toBe(''); // checked before anything is written
  });

  it("is the user's error (exit 3) when a file stands where the folder should be", async () => {
    const cwd = await loaded();
    writeFileSync(join(cwd, 'file'), '');
    const out = await wen(['analyze', 'target-species', '-o', join(cwd, 'file', 'x.parquet')], cwd);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain(`${join(cwd, 'file')} is a file, not a folder`);
  });

  // root may write anywhere: the refusal cannot be seen then.
  it.skipIf(process.getuid?.() === 0)("is the user's error (exit 3) when the folder is not writable", async () => {
    const cwd = await loaded();
    const locked = join(cwd, 'locked');
    spawnSync('mkdir', [locked]);
    chmodSync(locked, 0o555);
    const out = await wen(['analyze', 'target-species', '-o', join(locked, 'x.csv')], cwd);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain(`the folder ${locked} is not writable`);
  });
});

describe('hostile text in CSV and Markdown', () => {
  // Three AITR rows with a formula or markup in every text field; the third is rejected (quantity -4).
  const HOSTILE = [
    'Date of seizure,Species,Description,Quantity,Unit,Location,Mode ' +
      'of transport,Country of origin,Country of transit,Country of ' +
      'destination,Estimated value,Currency',
    '12/03/2019,"=HYPERLINK(""http://x"",""y"")",@SUM(1+1),3,kg,"+cmd|\' ' +
      '/C calc\'!A0",-2+3+cmd,<script>alert(1)</script>,"\t=1+1",Viet Nam,100,USD',
    '13/03/2019,<script>alert(2)</script>,=1+2,2,kg,"\r=3",@air,-Nigeria,,+Viet Nam,50,USD',
    '14/03/2019,-Manis,-scales,-4,kg,-1+1,=sea,@x,,=y,-7,USD',
  ].join('\n');
  const DANGER = /^[=+\-@\t\r]/;
  const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

  it(
    'starts no CSV cell with a formula character (numbers aside) ' +
      'in wen sql, wen rejects and an analysis, and keeps the text behind a quote',
    async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'hostile.csv'), HOSTILE);
      const cwd = await loaded(join(dir, 'hostile.csv'));
      const outputs = {
        seizures: (await wen(['sql', 'select * from seizures', '-f', 'csv'], cwd)).stdout,
        specimens: (await wen(['sql', 'select * from specimens', '-f', 'csv'], cwd)).stdout,
        flags: (await wen(['sql', 'select * from flags', '-f', 'csv'], cwd)).stdout,
        rejects: (await wen(['rejects', '-f', 'csv'], cwd)).stdout,
        'target-species': (await wen(['analyze', 'target-species', '-f', 'csv'], cwd)).stdout,
        hotspots: (await wen(['analyze', 'routes', '--view', 'hotspots', '-f', 'csv'], cwd)).stdout,
      };
      const db = await tempDatabase();
      const cells: string[] = [];
      for (const [name, text] of Object.entries(outputs)) {
        const path = join(dir, `${name}.csv`);
        writeFileSync(path, text);
        const rows = await db.all<Record<string, string | null>>('SELECT * FROM read_csv($path, header = true, all_varchar = true)', {
          path,
        });
        expect(rows.length, name).toBeGreaterThan(0);
        for (const row of rows) for (const cell of Object.values(row)) if (cell !== null) cells.push(cell);
      }
      expect(cells.filter((c) => DANGER.test(c) && !NUMBER.test(c))).toEqual([]);
      for (const kept of ['\'=HYPERLINK("http://x","y")', "'@SUM(1+1)", "'+cmd|' /C calc'!A0", "'-2+3+cmd", "'=1+2"])
        expect(cells).toContain(kept);
      expect(cells).toContain('-4'); // the rejected quantity is a number, left as it is
      expect(outputs['target-species']).toContain(',3,'); // and numbers stay numbers
    },
  );

  it('escapes markup and starts no Markdown cell with a formula character in two analyses', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hostile.csv'), HOSTILE);
    const cwd = await loaded(join(dir, 'hostile.csv'));
    const cells: string[] = [];
    for (const args of [['target-species'], ['routes', '--view', 'hotspots'], ['motives']]) {
      const md = (await wen(['analyze', ...args, '-f', 'md'], cwd)).stdout;
      expect(md).not.toMatch(/<script/i);
      for (const line of md.trimEnd().split('\n').slice(2))
        cells.push(
          ...line
            .slice(2, -2)
            .split(/(?<!\\) \| /)
            .map((c) => c.trim()),
        );
    }
    expect(cells.filter((c) => DANGER.test(c) && !NUMBER.test(c))).toEqual([]);
    expect(cells).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(cells).toContain('\'=HYPERLINK("http://x","y")');
    expect(cells).toContain("'+cmd\\|' /C calc'!A0");
  });
});
