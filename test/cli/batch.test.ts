// `wen batch` end to end: outputs and manifest, --as-of, and plan mistakes caught before any run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');
const cwd = mkdtempSync(join(tmpdir(), 'wen-batch-'));
const wen = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', WEN_DB: '', WEN_REDACTION_KEY: 'batch-test' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const PLAN = `# three runs on the hand-made cases
runs:
  - analysis: routes
    formats: [json, csv]
    chart: svg
  - analysis: repeat-suspects
    name: suspects-shared
    options: { redact: true }
    formats: [md]
  - analysis: patterns
    filters: { from: 2021, to: 2022 }
    options: { by: year }
`;

beforeAll(() => {
  expect(wen(['load', join(FIXTURES, 'analysis-cases.ndjson')]).code).toBe(0);
  writeFileSync(join(cwd, 'plan.yaml'), PLAN);
});

describe('wen batch', () => {
  it('writes every output and a manifest that says what was run on what', () => {
    const result = wen(['batch', 'plan.yaml', '--out', 'out']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const manifest = JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.runs.map((r: { name: string; files: Array<{ file: string }> }) => [r.name, r.files.map((f) => f.file)])).toEqual([
      ['routes', ['routes.json', 'routes.csv', 'routes.svg']],
      ['suspects-shared', ['suspects-shared.md']],
      ['patterns', ['patterns.json']],
    ]);
    for (const run of manifest.runs)
      for (const f of run.files)
        expect(
          createHash('sha256')
            .update(readFileSync(join(cwd, 'out', f.file)))
            .digest('hex'),
        ).toBe(f.sha256);
    expect(manifest.database.sources).toHaveLength(1);
    expect(manifest.database.sources[0].sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(FIXTURES, 'analysis-cases.ndjson')))
        .digest('hex'),
    );
    // Options are recorded with their defaults, filters as applied.
    expect(manifest.runs[2].options).toEqual({ by: 'year' });
    expect(manifest.runs[2].filters).toMatchObject({ from: '2021-01-01', to: '2022-12-31' });
    expect(manifest.runs[1].options).toMatchObject({ redact: true, minSeizures: 2 });
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'patterns.json'), 'utf8')).map((r: { period: string }) => r.period)).toEqual([
      '2021',
      '2022',
    ]);
    expect(readFileSync(join(cwd, 'out', 'suspects-shared.md'), 'utf8')).not.toMatch(/nguyen/i);
  });

  it('restricts every analysis to records loaded by --as-of', () => {
    expect(wen(['batch', 'plan.yaml', '--out', 'old', '--as-of', '2020-01-01']).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, 'old', 'manifest.json'), 'utf8'));
    expect(manifest.as_of).toBe('2020-01-01');
    expect(manifest.database.sources).toEqual([]);
    expect(JSON.parse(readFileSync(join(cwd, 'old', 'routes.json'), 'utf8'))).toEqual([]);
  });

  it.each([
    ['runs:\n  - analysis: routes\n  - analysis: poaching\n', /bad\.yaml: runs\[1\]: unknown analysis "poaching"/],
    ['runs:\n  - analysis: routes\n    options: { topp: 3 }\n', /runs\[0\]: routes has no option "topp"/],
    ['runs:\n  - analysis: routes\n    filters: { country: Atlantis }\n', /runs\[0\]: --country "Atlantis" is not a country wen knows/],
    ['runs:\n  - analysis: routes\n  - analysis: routes\n', /runs\[1\]: two runs are named "routes"/],
    ['runs:\n  - analysis: routes\n    formats: [xls]\n', /runs\[0\]: unknown format "xls"/],
    // a number option that is not a number is refused as on the command line (it used to run with NaN)
    ['runs:\n  - analysis: repeat-suspects\n    options:\n      min_seizures: abc\n', /runs\[0\]: --min-seizures "abc" is not a number/],
    [
      'runs:\n  - analysis: routes\n    filters:\n      keep_duplicates: maybe\n',
      /bad\.yaml: runs\[0\]\.filters\.keep_duplicates: expected true or false, got text/,
    ],
    // The plan's shape is one strict schema: a misspelt key is named with its path, the file and the keys there.
    [
      'runs:\n  - analysis: routes\n    filters: { speces: Manidae }\n',
      new RegExp(
        /bad\.yaml: runs\[0\]\.filters\.speces: unknown key\nhint: did you mean "species"\? /.source +
          /keys here are: from, to, species, country, role, term, reporting_country, source, keep_duplicates/.source,
      ),
    ],
    ['runs:\n  - analysis: routes\n    optons: { top: 3 }\n', /bad\.yaml: runs\[0\]\.optons: unknown key\nhint: did you mean "options"\?/],
    ['run:\n  - analysis: routes\n', /bad\.yaml: run: unknown key\nhint: did you mean "runs"\? keys here are: as_of, runs\n/],
    ['runs: []\n', /bad\.yaml: runs: the plan needs at least one run/],
    ['runs:\n  - view: countries\n', /bad\.yaml: runs\[0\]\.analysis: is missing/],
    [
      'runs:\n  - analysis: routes\n    chart: gif\n',
      /bad\.yaml: runs\[0\]\.chart: "gif" is not a choice\nhint: chart is one of: png, svg, html, "vl\.json"/,
    ],
    // A run named "manifest" would be overwritten by manifest.json: refused, whatever the case.
    [
      'runs:\n  - analysis: routes\n  - analysis: patterns\n    name: Manifest\n',
      /runs\[1\]: the run named "Manifest" would write Manifest\.json over the batch's manifest/,
    ],
    [
      'runs:\n  - analysis: routes\n    chart: vl.json\n  - analysis: patterns\n    name: routes.vl\n',
      /runs\[1\]: the run named "routes\.vl" would write routes\.vl\.json over the output of runs\[0\]/,
    ],
  ])('refuses a bad plan before running anything: %s', (plan, message) => {
    writeFileSync(join(cwd, 'bad.yaml'), plan);
    const result = wen(['batch', 'bad.yaml', '--out', 'never']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(cwd, 'never'))).toBe(false);
  });
});
