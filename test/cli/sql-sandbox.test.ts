// `wen sql` end to end, on the real binary: one query a call, nothing but the database read, nothing
// written, wen_meta (the redaction key) out of reach, DuckDB's own hints kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { FIXTURES, REPO } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');
const cwd = mkdtempSync(join(tmpdir(), 'wen-sql-'));
const wen = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
};
const sql = (query: string) => wen(['sql', query, '-f', 'csv']);
// The first line of /etc/passwd ("root:x:0:0:…") must never come out of wen sql.
const PASSWD = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0] : 'root:x:0:0';
let redactionKey = '';

beforeAll(async () => {
  // analysis-cases.ndjson: 6 seizures, 5 actors; loaded twice, into wen.duckdb and other.duckdb.
  expect(wen(['load', join(FIXTURES, 'analysis-cases.ndjson')]).code).toBe(0);
  expect(wen(['load', join(FIXTURES, 'analysis-cases.ndjson'), '--db', 'other.duckdb']).code).toBe(0);
  // wen keeps its key outside the database now, but a database an older wen wrote still holds one in
  // wen_meta until it is next opened for writing: such a key is what the sandbox must not let out.
  const db = await Database.open(join(cwd, 'wen.duckdb'));
  redactionKey = 'c0ffee'.repeat(10) + 'beef';
  await db.run("INSERT INTO wen_meta VALUES ('redaction_key', $key)", { key: redactionKey });
  db.close();
  expect(redactionKey).toMatch(/^[0-9a-f]{64}$/);
});

describe('wen sql', () => {
  it('still runs a normal query, a CTE, DESCRIBE, SHOW TABLES and EXPLAIN', () => {
    expect(sql('select count(*) AS n from seizures')).toMatchObject({ code: 0, stdout: 'n\n6\n' });
    expect(sql('with a as (select count(*) AS n from actors) select n from a')).toMatchObject({ code: 0, stdout: 'n\n5\n' });
    expect(sql('describe seizures').stdout).toMatch(/^column_name,column_type/);
    expect(sql('show tables').stdout.split('\n')).toContain('seizures');
    expect(sql('explain select count(*) from seizures')).toMatchObject({ code: 0 });
    expect(sql('explain analyze select count(*) from seizures').stdout).toMatch(/analyzed_plan/);
  });

  it('refuses a text that holds two statements, and runs neither', () => {
    const result = sql('select 1 AS a; select 2 AS b');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wen: wen sql runs one statement at a time; this text holds 2\n/);
    expect(result.stdout).toBe('');
  });

  it.each([
    ["ATTACH 'other.duckdb' AS y (READ_WRITE)", 'ATTACH'],
    ['DETACH y', 'DETACH'],
    ['INSTALL json', 'LOAD'], // DuckDB files INSTALL under its LOAD kind
    ['LOAD json', 'LOAD'],
    ['SET threads = 1', 'SET'],
    ['RESET threads', 'SET'],
    ['SET VARIABLE x = 1', 'SET'],
    ['PRAGMA enable_profiling', 'PRAGMA'],
    ['CHECKPOINT', 'CALL'],
    ['VACUUM', 'VACUUM'],
    ['CALL pragma_version()', 'CALL'],
    ['DELETE FROM actors', 'DELETE'],
    ['CREATE TEMP TABLE t (a INTEGER)', 'CREATE'],
    ['BEGIN TRANSACTION', 'TRANSACTION'],
    ['USE memory', 'SET'],
    ['EXPLAIN ANALYZE DELETE FROM actors', 'EXPLAIN of DELETE'],
  ])('refuses %s as a %s statement, exit 2', (query, kind) => {
    const result = sql(query);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`wen: wen sql runs queries only: ${kind} statements are refused`);
  });

  it('refuses a PRAGMA that DuckDB rewrites into a query, as it cannot be checked', () => {
    const result = sql('PRAGMA version');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wen: wen sql runs queries only: this statement cannot be checked as one/);
  });

  it('leaves another wen database untouched: ATTACH … DELETE cannot reach it', () => {
    expect(sql("ATTACH 'other.duckdb' AS y (READ_WRITE); DELETE FROM y.actors").code).toBe(2);
    expect(sql("ATTACH 'other.duckdb' AS y (READ_WRITE)").code).toBe(2);
    expect(wen(['sql', 'select count(*) AS n from actors', '--db', 'other.duckdb', '-f', 'csv']).stdout).toBe('n\n5\n');
  });

  it.each(["COPY (select * from actors) TO 'copied.csv'", "COPY actors TO 'copied.csv' (FORMAT csv)", "EXPORT DATABASE 'exported'"])(
    'writes no file for %s, exit 2',
    (query) => {
      const result = sql(query);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^wen: wen sql reads only the database, no other file: Permission Error: Cannot access file/);
      expect(existsSync(join(cwd, 'copied.csv'))).toBe(false);
      expect(existsSync(join(cwd, 'exported'))).toBe(false);
    },
  );

  it.each([
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/passwd')",
    "select * from read_blob('/etc/passwd')",
    "select * from glob('/etc/*')",
    "select * from read_parquet('/etc/passwd')",
    "select * from read_json('/etc/passwd')",
    "select * from read_json_objects('/etc/passwd')",
    "IMPORT DATABASE '/etc'",
  ])('reads no file outside the database for %s: external access is off', (query) => {
    const result = sql(query);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/file system operations are disabled by configuration/);
    expect(result.all).not.toContain(PASSWD);
  });

  it('does not read a file named as a table either', () => {
    const result = sql("select * from '/etc/passwd'");
    expect(result.code).toBe(3);
    expect(result.all).not.toContain(PASSWD);
  });

  it.each([
    'select * from wen_meta',
    'select value from main.wen_meta',
    'select * from WEN_META',
    "select * from query('select * from wen_meta')",
    "select * from query_table('wen_' || 'meta')",
    'summarize wen_meta',
    "select * from pragma_storage_info('wen_meta')",
    "select 1 from wen_meta where value < '0'", // answered from statistics alone once optimised
    "explain analyze select * from wen_meta where key = 'redaction_key'",
    'explain /* /* */ select 1 -- */ from wen_meta', // nested comment: the explained query is "from wen_meta"
    "select * from seizures where exists (select 1 from wen_meta where value like 'a%')",
  ])('never reads the redaction key: %s', (query) => {
    const result = sql(query);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^wen: wen sql does not read wen_meta/);
    expect(result.all).not.toContain(redactionKey);
  });

  it("keeps DuckDB's own hint and gives the read-only hint only for a write", () => {
    const result = sql('select * from seizuers');
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'wen: query failed: Catalog Error: Table with name seizuers does ' +
        'not exist! Did you mean "seizures"?\nhint: tables and their columns ' +
        'are listed by wen info and in docs/database.md\n',
    );
    expect(result.stderr).not.toMatch(/read-only/);
  });
});
