// A folder load goes on past a bad file: every file of the folder is tried or said to be skipped,
// each one reported (on stderr, and all of them with --format json), each loaded file with its own
// accounting, and the exit says that some failed. The folder is made by hand; the answers are below.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Report = {
  file: string;
  status: string;
  note?: string;
  rowsInFile: number;
  blank: number;
  totals: number;
  filtered: number;
  read: number;
  loaded: number;
  rejected: number;
};

describe('wen load FOLDER', () => {
  it('tries every file, reports each as loaded, skipped or failed with why, and exits 3 naming the failed ones', () => {
    const cwd = tempDir();
    const folder = join(cwd, 'in');
    mkdirSync(join(folder, 'charts'), { recursive: true });
    mkdirSync(join(folder, 'mappings'));
    copyFileSync(join(FIXTURES, 'aitr-small.csv'), join(folder, 'a.csv'));
    writeFileSync(join(folder, 'b.csv'), 'Name,Colour\na,b\n'); // no profile fits these headings
    writeFileSync(join(folder, 'charts', 'x.png'), 'png');
    copyFileSync(join(FIXTURES, 'ecomessage-small.ndjson'), join(folder, 'e.ndjson'));
    writeFileSync(join(folder, 'mappings', 'm.yaml'), 'x: 1\n');
    writeFileSync(join(folder, 'notes.md'), '# notes\n');
    writeFileSync(join(folder, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    writeFileSync(join(folder, '.DS_Store'), ''); // the system's, not the user's: not listed

    const load = wen(['load', 'in', '-f', 'json'], cwd);
    expect(load.code).toBe(3);
    const reports = JSON.parse(load.stdout) as Report[];
    expect(reports.map((r) => [r.file, r.status, r.status === 'loaded' ? undefined : r.note])).toEqual([
      ['in/a.csv', 'loaded', undefined],
      ['in/b.csv', 'failed', 'in/b.csv: no profile clearly fits (no profile recognises its headings)'],
      ['in/charts/x.png', 'skipped', 'not a kind of file wen loads (.png)'],
      ['in/e.ndjson', 'loaded', undefined],
      ['in/mappings', 'skipped', 'a folder of mapping files (give one with --mapping)'],
      ['in/notes.md', 'skipped', 'not a kind of file wen loads (.md)'],
      ['in/old.xls', 'failed', 'in/old.xls: old Excel .xls files are not supported'],
    ]);
    // Each loaded file keeps its own accounting: rowsInFile = blank + totals + filtered + read, read = loaded + rejected.
    const counts = (r: Report) => [r.rowsInFile, r.blank, r.totals, r.filtered, r.read, r.loaded, r.rejected];
    expect(counts(reports[0])).toEqual([7, 1, 1, 0, 5, 4, 1]);
    expect(counts(reports[3])).toEqual([5, 1, 0, 0, 4, 2, 2]);
    for (const r of reports.filter((x) => x.status !== 'loaded')) expect(counts(r)).toEqual([0, 0, 0, 0, 0, 0, 0]);

    const lines = load.stderr.split('\n');
    expect(lines).toContain('in/b.csv: no profile clearly fits (no profile recognises its headings) (failed: nothing written from it)');
    expect(lines).toContain('in/charts/x.png: skipped: not a kind of file wen loads (.png)');
    expect(lines).toContain('in/mappings: skipped: a folder of mapping files (give one with --mapping)');
    expect(lines).toContain('in/old.xls: old Excel .xls files are not supported (failed: nothing written from it)');
    expect(lines).toContain('  hint: open it in Excel or LibreOffice and save as .xlsx');
    expect(load.stderr).toMatch(/^in\/e\.ndjson: loaded as source 2 /m);
    expect(load.stderr).toContain(
      'wen: 2 of 4 files could not be loaded: in/b.csv, in/old.xls\nhint: each one is said above; 2 other files were loaded\n',
    );
    expect(load.stderr).not.toContain('DS_Store');
    expect(wen(['sql', 'select file_name, rows_read from sources order by source_id', '-f', 'csv'], cwd).stdout).toBe(
      'file_name,rows_read\na.csv,5\ne.ndjson,4\n',
    );
  }, 120000);
});
