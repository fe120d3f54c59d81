// The promise of --redact and `wen share`, end to end on the real binary and the sample data: every
// redacted output (each analysis and view, as JSON and as its chart's spec), the annual report, a
// bulletin, and every text column of the shared database hold none of the names, passports, ID
// numbers, phones, plates, addresses, document numbers or payment accounts of the original database.
// The key lives in a key file under a temporary XDG_CONFIG_HOME, never in the database.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/analysis/registry.js';
import { Database } from '../../src/db/database.js';
import { REPO, SAMPLE_DATA } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');
const cwd = mkdtempSync(join(tmpdir(), 'wen-redact-'));
const config = join(cwd, 'config');
const env = { ...process.env, NO_COLOR: '1', WEN_DB: '', WEN_REDACTION_KEY: '', XDG_CONFIG_HOME: config };
// Asynchronous, so that the test runner stays responsive through the minute of runs.
const wen = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
const outputs = join(cwd, 'outputs');
/** Every file under a folder, with its path. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

/** Each identifier of the original database, as given and (numbers) as compared: letters and digits only. */
const NEEDLES = `
WITH given AS (
  SELECT 'name' AS kind, name_as_given AS v FROM orig.actors UNION ALL SELECT 'name', family_name || ' ' || given_names FROM orig.actors
  UNION ALL SELECT 'name', name_normalised FROM orig.actors
  UNION ALL SELECT 'alias', x FROM orig.actors, unnest(aliases) t(x)
  UNION ALL SELECT 'passport', x FROM orig.actors, unnest(passport_numbers) t(x) UNION ALL SELECT 'id', x FROM orig.actors,
    unnest(id_numbers) t(x)
  UNION ALL SELECT 'phone', x FROM orig.actors, unnest(phones) t(x) UNION ALL SELECT 'vehicle', x FROM orig.actors, unnest(vehicles) t(x)
  UNION ALL SELECT 'address', address FROM orig.actors UNION ALL SELECT 'document', number FROM orig.documents
  UNION ALL SELECT 'payer', payer FROM orig.payments UNION ALL SELECT 'payee', payee FROM orig.payments
  UNION ALL SELECT 'account', payer_account FROM orig.payments UNION ALL SELECT 'account', payee_account FROM orig.payments
)
SELECT DISTINCT kind, lower(v) AS needle FROM given WHERE v IS NOT NULL
UNION SELECT DISTINCT kind, lower(regexp_replace(v, '[^A-Za-z0-9]', '', 'g')) FROM given WHERE kind NOT IN ('name', 'alias', 'address',
  'payer', 'payee') AND v IS NOT NULL`;

let needles: Array<{ kind: string; needle: string }> = [];
let probe: Database;
const ran: string[] = [];

beforeAll(async () => {
  expect((await wen(['load', SAMPLE_DATA, '-q'])).code).toBe(0);
  // A bulletin writes into the database (its bulletins table): before the share, so that the copy holds one.
  const bulletin = await wen(['bulletin', '--out', join(outputs, 'bulletin'), '-q']);
  expect(bulletin.code, bulletin.stderr).toBe(0);
  const report = await wen(['report', 'annual', '--year', '2024', '--out', join(outputs, 'report'), '-q']);
  expect(report.code, report.stderr).toBe(0);
  for (const definition of ANALYSES) {
    const redact = definition.options.some((o) => o.key === 'redact') ? ['--redact'] : [];
    // interception cannot run without its rates file.
    const required =
      definition.name === 'interception' ? ['--interception-rates', join(SAMPLE_DATA, 'mappings', 'interception-rates.csv')] : [];
    for (const view of ['default', ...Object.keys(definition.views ?? {})]) {
      const name = `${definition.name}.${view}`;
      // a view of one identity (repeat-suspects' timeline) is asked for identity 1
      const views = definition.views ? ['--view', view, ...(view === 'timeline' ? ['--focus', '1'] : [])] : [];
      const run = await wen([
        'analyze',
        definition.name,
        ...redact,
        ...required,
        ...views,
        '--out',
        join(outputs, `${name}.json`),
        '--chart',
        join(outputs, `${name}.vl.json`),
      ]);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      ran.push(`${definition.name}${view === 'default' ? '' : ` --view ${view}`}${redact.length ? ' --redact' : ''}`);
    }
  }
  const share = await wen(['share', '--out', join(cwd, 'share')]);
  expect(share.code, share.stderr).toBe(0);
  probe = await Database.open(join(cwd, 'probe.duckdb'));
  await probe.run(`ATTACH '${join(cwd, 'wen.duckdb')}' AS orig (READ_ONLY)`);
  await probe.run(`CREATE TABLE needles AS ${NEEDLES}`);
  needles = await probe.all('SELECT * FROM needles');
  return () => probe.close();
}, 600_000);

/** The needles found in any of `texts` (lower-cased), as "kind: value" (searched in DuckDB). */
async function found(texts: string[]): Promise<string[]> {
  const rows = await probe.all<{ hit: string }>(
    `WITH texts AS (SELECT lower(unnest(from_json($texts, '["VARCHAR"]'))) AS t)
     SELECT n.kind || ': ' || n.needle AS hit FROM needles n WHERE EXISTS (SELECT 1 FROM texts WHERE contains(t, n.needle)) ORDER BY hit`,
    { texts: JSON.stringify(texts) },
  );
  return rows.map((r) => r.hit);
}

describe('--redact and wen share keep every name and number at home', () => {
  it('the sample database has the identifiers the test looks for', () => {
    const kinds = new Set(needles.map((n) => n.kind));
    for (const kind of ['name', 'alias', 'passport', 'id', 'phone', 'vehicle', 'document', 'payer', 'payee'])
      expect(kinds, kind).toContain(kind);
    // 247 distinct phones in the sample data (the number evidence leaked 160 of before it had --redact).
    expect(needles.filter((n) => n.kind === 'phone' && !/[^a-z0-9]/.test(n.needle)).length).toBeGreaterThan(200);
  });

  it('every analysis and view (redacted where it can show a name) and its chart spec show none of them', async () => {
    expect(ran.length).toBeGreaterThanOrEqual(ANALYSES.length);
    const files = filesUnder(outputs).filter(
      (f) => !f.includes(`${join('outputs', 'report')}`) && !f.includes(join('outputs', 'bulletin')),
    );
    expect(await found(files.map((f) => readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the unredacted evidence output does show them, so the search can find what it looks for', async () => {
    expect((await wen(['analyze', 'evidence', '--out', join(cwd, 'evidence-plain.json')])).code).toBe(0);
    expect((await found([readFileSync(join(cwd, 'evidence-plain.json'), 'utf8')])).length).toBeGreaterThan(100);
  });

  it('the annual report (every file of its folder) shows none of them', async () => {
    const files = filesUnder(join(outputs, 'report')).filter((f) => !f.endsWith('.png'));
    expect(files.length).toBeGreaterThan(3);
    expect(await found(files.map((f) => readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('a bulletin (names pseudonymised by default) shows none of them', async () => {
    const files = filesUnder(join(outputs, 'bulletin'));
    expect(files.length).toBeGreaterThan(0);
    expect(await found(files.map((f) => readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('no text column of the shared database holds any of them, and it has no key', async () => {
    const db = await Database.open(join(cwd, 'share', 'shared.duckdb'), { readOnly: true });
    try {
      const columns = await db.all<{ t: string; c: string }>(
        'SELECT table_name AS t, column_name AS c FROM duckdb_columns() ' +
          "WHERE schema_name = 'main' AND (data_type LIKE 'VARCHAR%' OR " +
          "data_type = 'JSON') ORDER BY ALL",
      );
      expect(columns.length).toBeGreaterThan(50);
      const texts: string[] = [];
      for (const { t, c } of columns) {
        const values = await db.all<{ v: string }>(`SELECT DISTINCT "${c}"::VARCHAR AS v FROM "${t}" WHERE "${c}" IS NOT NULL`);
        texts.push(values.map((r) => r.v).join('\n'));
      }
      expect(await found(texts)).toEqual([]);
      // wen_meta holds the schema version and the hash of the column comments it wrote: no key
      expect(await db.all("SELECT key FROM wen_meta WHERE key NOT IN ('schema_version', 'comments')")).toEqual([]);
      // Links survive as pseudonyms: the sample's phones and documents are still there, as T- and N- values.
      expect(
        (await db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM actors, unnest(phones) t(p) WHERE p LIKE 'T-%'"))!.n,
      ).toBeGreaterThan(200);
    } finally {
      db.close();
    }
    expect(readFileSync(join(cwd, 'share', 'README.md'), 'utf8')).toMatch(/Pseudonymised/);
    const key = readFileSync(join(config, 'wen', 'redaction-key'), 'utf8').trim();
    expect(readFileSync(join(cwd, 'share', 'shared.duckdb')).includes(key)).toBe(false);
    expect(readFileSync(join(cwd, 'wen.duckdb')).includes(key)).toBe(false);
  });

  it('the key file is made on first use, readable by its owner only', () => {
    expect(statSync(join(config, 'wen', 'redaction-key')).mode & 0o777).toBe(0o600);
  });

  it('a shared copy is refused into a folder that is not empty (exit 3), and one is written into an empty folder', async () => {
    const again = await wen(['share', '--out', join(cwd, 'share')]);
    expect(again.code).toBe(3);
    expect(again.stderr.split('\n')[0]).toMatch(/^wen: --out .*share is not empty/);
    expect(existsSync(join(cwd, 'share', 'shared.duckdb'))).toBe(true);
  });
});
