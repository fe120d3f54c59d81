// `wen reference import` and `wen info` through the real binary (dist/): exit codes, the one-line
// error for a file of neither format, and the reference info shows in text and JSON.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers.js';
import { writeIndex, writeNames } from '../reference/fixture.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wen reference import', () => {
  it('imports the Index and a Species+ file, says what each gave, and wen info shows the reference in text and JSON', () => {
    const cwd = tempDir();
    const run = wen(['reference', 'import', writeIndex(cwd), writeNames(cwd), '-f', 'csv'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('file,format,dated,dated_from,rows_in_file,rows_imported,rows_not_imported');
    expect(run.stderr).toContain(
      'Index_of_CITES_Species_2019-05-06 10-30.csv: cites-index, dated ' +
        '2019-05-06 (from the file name): 23 taxa (11 from the Index, ' +
        'the others higher taxa it names), 7 synonyms, 21 common names',
    ); // the Index's own: the Chinese names come next
    expect(run.stderr).toContain('chinese_names.csv: speciesplus-common-names');
    expect(run.stderr).toContain('2 of 3 names join a taxon of the Index (RecId = TaxonId)');
    const info = JSON.parse(wen(['info', '-f', 'json'], cwd).stdout);
    expect(info.reference).toMatchObject({ taxa: 'imported', mode: 'replace', counts: { taxa: 23, synonyms: 7, common_names: 23 } });
    expect(info.reference.files.map((f: { file_name: string; dated: string }) => [f.file_name, f.dated.length])).toEqual([
      ['Index_of_CITES_Species_2019-05-06 10-30.csv', 10],
      ['chinese_names.csv', 10],
    ]);
    expect(wen(['info', '-f', 'table'], cwd).stdout).toContain(
      'taxa: CITES Checklist 2019-05-06 (Index_of_CITES_Species_2019-05-06 10-30.csv), alone: 23 taxa, 7 synonyms, 23 common names',
    );
  });

  it('says the bundled reference is in use when nothing is imported', () => {
    const cwd = tempDir();
    expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
    expect(wen(['info', '-f', 'table'], cwd).stdout).toContain('taxa: bundled reference (src/reference/taxa.csv)');
    expect(JSON.parse(wen(['info', '-f', 'json'], cwd).stdout).reference).toMatchObject({ taxa: 'bundled', files: [] });
  });

  it('refuses a file of neither format with exit 3 and one line naming the file and the columns expected', () => {
    const cwd = tempDir();
    const bad = join(cwd, 'seizures.csv');
    writeFileSync(bad, 'Date,Species,Quantity\n2019-01-01,Manis javanica,3\n');
    const run = wen(['reference', 'import', bad], cwd);
    expect(run.code).toBe(3);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^wen: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not an ` +
          `Index of CITES Species export \\(columns TaxonId, .*\\) nor a ` +
          `Species\\+ common-names file \\(columns ComName, LangShort, RecId\\)$`,
      ),
    );
    expect(lines.slice(1)).toEqual([
      'hint: download the Index from checklist.cites.org (Index of CITES Species, CSV) and give that file unchanged',
    ]);
  });

  it('refuses a missing file with exit 3, and Species+ names without an Index with exit 3', () => {
    const cwd = tempDir();
    expect(wen(['reference', 'import', join(cwd, 'nothing.csv.gz')], cwd)).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('nothing.csv.gz: no such file'),
    });
    expect(wen(['reference', 'import', writeNames(cwd)], cwd)).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('needs an Index of CITES Species to join to'),
    });
  });
});
