// `wen info --schema`: the database's description of itself (the wen_schema view) as one table, in the
// formats a single table takes. The expected rows are the DDL's own words for seizures.seizure_id and
// seizures.seizure_ref (src/db/schema.ts).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { tempDir, runWen } from '../helpers.js';

/** A new, empty wen database, closed so that the CLI can open it, and a folder to run in. */
async function emptyDatabase(): Promise<{ db: string; cwd: string }> {
  const cwd = tempDir();
  const db = join(cwd, 'wen.duckdb');
  (await Database.open(db)).close();
  return { db, cwd };
}

describe('wen info --schema', () => {
  it('prints every column of the database as JSON rows of table, column, type, nullable and comment', async () => {
    const { db, cwd } = await emptyDatabase();
    const run = await runWen(['info', '--schema', '-f', 'json', '--db', db], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual(['table', 'column', 'type', 'nullable', 'comment']);
    expect(rows).toContainEqual({
      table: 'seizures',
      column: 'seizure_id',
      type: 'BIGINT',
      nullable: false,
      comment: 'key: unique, increasing in file order (not dense): assigned by the loader',
    });
    expect(rows).toContainEqual({
      table: 'seizures',
      column: 'seizure_ref',
      type: 'VARCHAR',
      nullable: true,
      comment: 'case or reference number as given',
    });
    // The view lists itself too, with the words of its own DDL.
    expect(rows).toContainEqual({
      table: 'wen_schema',
      column: 'comment',
      type: 'VARCHAR',
      nullable: true,
      comment: 'what the column means',
    });
  });

  it('writes the same rows as CSV, with a header line', async () => {
    const { db, cwd } = await emptyDatabase();
    const run = await runWen(['info', '--schema', '-f', 'csv', '--db', db], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('table,column,type,nullable,comment');
    expect(lines).toContain('seizures,seizure_ref,VARCHAR,true,case or reference number as given');
    const json = JSON.parse((await runWen(['info', '--schema', '-f', 'json', '--db', db], { cwd })).stdout) as unknown[];
    expect(lines).toHaveLength(json.length + 1);
  });

  it('writes a table to a file given with --out', async () => {
    const { db, cwd } = await emptyDatabase();
    const out = join(cwd, 'schema.md');
    const run = await runWen(['info', '--schema', '--out', out, '--db', db], { cwd });
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('| table | column | type | nullable | comment |');
    expect(text).toContain('| seizures | seizure_ref | VARCHAR | true | case or reference number as given |');
  });
});
