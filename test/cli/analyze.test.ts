// `wen analyze` end to end: the spawned binary, every output format, charts, and mistakes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { FIXTURES, REPO } from '../helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const BIN = join(REPO, 'bin', 'wen.js');
const cwd = mkdtempSync(join(tmpdir(), 'wen-analyze-'));

function wen(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, text: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

beforeAll(() => {
  expect(wen(['load', join(FIXTURES, 'analysis-cases.ndjson')]).code).toBe(0);
});

describe('wen analyze output formats', () => {
  it('lists the analyses', () => {
    const list = wen(['analyze', '--list']).text;
    for (const name of ['patterns', 'routes', 'repeat-suspects', 'prices', 'species-trends']) expect(list).toContain(name);
  });

  it('writes CSV when piped, and nothing but data on stdout', () => {
    const result = wen(['analyze', 'routes', '--view', 'new']);
    expect(result.text).toBe('from,to,first_year,seizures,quantity_kg,value_usd\nCM,VN,2023,1,5,\n');
    expect(result.stderr).toContain('routes: 6 seizures and 6 specimens selected');
  });

  it('writes JSON as an array of rows with numbers as numbers and lists as arrays', () => {
    const rows = JSON.parse(wen(['analyze', 'repeat-suspects', '-f', 'json']).text);
    expect(rows[0]).toMatchObject({ suspect_id: 'S-0001', seizures: 3, countries: ['VN'] });
  });

  it('writes NDJSON, one row per line', () => {
    const lines = wen(['analyze', 'patterns', '--by', 'year', '-f', 'ndjson']).text.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).period)).toEqual(['2019', '2021', '2022', '2023']);
  });

  it('adds country names beside codes in tables and Markdown', () => {
    expect(wen(['analyze', 'routes', '--view', 'new', '-f', 'md']).text).toBe(
      '| from | from_name | to | to_name | first_year | seizures | ' +
        'quantity_kg | value_usd |\n|---|---|---|---|---|---|---|---|\n| ' +
        'CM | Cameroon | VN | Vietnam | 2023 | 1 | 5 |  |\n',
    );
    expect(wen(['analyze', 'routes', '--view', 'new', '-f', 'table']).text).toContain('Cameroon');
  });

  it('writes Parquet to --out, readable by DuckDB', async () => {
    const out = join(cwd, 'routes.parquet');
    expect(wen(['analyze', 'routes', '--out', out]).code).toBe(0);
    const db = await Database.open(join(cwd, 'check.duckdb'));
    try {
      expect(await db.all(`SELECT "from", "to", seizures FROM read_parquet($p) WHERE "from" = 'NG' ORDER BY "to"`, { p: out })).toEqual([
        { from: 'NG', to: 'AE', seizures: 1 },
        { from: 'NG', to: 'ET', seizures: 1 },
        { from: 'NG', to: 'HK', seizures: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('writes Arrow IPC to a pipe, readable by apache-arrow', () => {
    const table = tableFromIPC(wen(['analyze', 'species-trends', '-f', 'arrow']).stdout);
    // Each taxon over its own span: Manis spp. 2019–2023 (5 years), Loxodonta africana 2021, Astrochelys radiata 2022.
    expect(table.numRows).toBe(7);
    expect(table.schema.fields.map((f) => f.name)).toContain('sen_slope');
  });

  it('writes the network as GraphML and GEXF for Gephi', () => {
    expect(wen(['analyze', 'networks', '--out', join(cwd, 'net.graphml')]).code).toBe(0);
    const graphml = readFileSync(join(cwd, 'net.graphml'), 'utf8');
    expect(graphml.match(/<node /g)).toHaveLength(2);
    // identities 2 (Okafor, passport P9) and 3 (Okafor, passport P7) share a phone
    expect(graphml.match(/<edge source="2" target="3">/g)).toHaveLength(1);
    expect(wen(['analyze', 'networks', '--out', join(cwd, 'net.gexf')]).code).toBe(0);
    expect(readFileSync(join(cwd, 'net.gexf'), 'utf8')).toContain('<gexf');
    expect(wen(['analyze', 'routes', '-f', 'graphml']).stderr).toMatch(/graphml is a graph format, and routes makes no graph/);
  });

  it.each(['.vl.json', '.svg', '.png', '.html'])('writes a %s chart', (extension) => {
    const path = join(cwd, `routes${extension}`);
    expect(wen(['analyze', 'routes', '--chart', path, '-o', join(cwd, 'r.csv')]).code).toBe(0);
    const bytes = readFileSync(path);
    if (extension === '.png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    else if (extension === '.vl.json') expect(JSON.parse(bytes.toString()).vconcat).toHaveLength(2);
    // The page draws the chart in the browser from the spec it carries (test/charts/html.test.ts).
    else if (extension === '.html') expect(bytes.toString()).toContain('<script type="application/json" id="vega-lite-spec">');
    else expect(bytes.toString()).toContain('<svg');
  });
});

describe('wen analyze mistakes', () => {
  it.each([
    [['analyze', 'poaching-forecast'], /unknown analysis "poaching-forecast"/],
    [['analyze', 'routes', '--from', '2021-13-45'], /--from "2021-13-45" is not a date/],
    [['analyze', 'routes', '--country', 'Atlantis'], /--country "Atlantis" is not a country wen knows/],
    [['analyze', 'routes', '--role', 'origin'], /--role needs --country/],
    [['analyze', 'routes', '--view', 'maps'], /Allowed choices are default, countries, hotspots, new/],
    [['analyze', 'patterns', '--by', 'fortnight'], /Allowed choices are year, month/],
    [['analyze', 'routes', '--out', 'legs.xls'], /cannot tell the format of --out legs\.xls/],
    [['analyze', 'routes', '-f', 'parquet'], /parquet is a binary file format: give --out FILE\.parquet/],
  ])('wen %s exits 2 with one clear line', (args, message) => {
    const result = wen(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.text).toBe('');
  });

  it('does not write a file when the analysis fails', () => {
    wen(['analyze', 'routes', '--from', 'nonsense', '--out', join(cwd, 'never.csv')]);
    expect(existsSync(join(cwd, 'never.csv'))).toBe(false);
  });
});
