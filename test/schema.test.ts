// Databases written by another version of wen: an older one is upgraded in place, even by a
// read-only command; a newer one is refused with exit 5, before anything reads or writes it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { SCHEMA_VERSION } from '../src/db/schema.js';
import { loadFile } from '../src/load/loader.js';
import { FIXTURES, REPO, tempDir } from './helpers.js';

/** A database as wen schema 1 left it: no forensic_results, payments or bulletins tables. */
async function schemaOneDatabase(path: string): Promise<void> {
  const db = await Database.open(path);
  try {
    await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    for (const table of ['forensic_results', 'payments', 'bulletins']) await db.run(`DROP TABLE ${table}`);
    await db.run("UPDATE wen_meta SET value = '1' WHERE key = 'schema_version'");
  } finally {
    db.close();
  }
}

const tablesOf = async (db: Database) =>
  (await db.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1")).map(
    (t) => t.name,
  );

describe('databases from other versions of wen', () => {
  it('upgrades a schema-1 database when a read-only command opens it, keeping its data', async () => {
    const path = join(tempDir(), 'old.duckdb');
    await schemaOneDatabase(path);
    const db = await Database.open(path, { readOnly: true });
    try {
      expect(await tablesOf(db)).toEqual(expect.arrayContaining(['bulletins', 'forensic_results', 'payments', 'seizures']));
      expect((await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'schema_version'"))!.value).toBe(
        String(SCHEMA_VERSION),
      );
      expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM seizures'))!.n).toBeGreaterThan(0);
      // Still read-only after the upgrade.
      await expect(db.run('CREATE TABLE x (a INTEGER)')).rejects.toThrow(/read-only/i);
    } finally {
      db.close();
    }
  });

  it('upgrades a schema-6 database: name keys made again in every script, and every person resolved into identities', async () => {
    const dir = tempDir();
    const path = join(dir, 'six.duckdb');
    const file = join(dir, 'cases.ndjson');
    writeFileSync(
      file,
      ['Сергей Иванов', 'ИВАНОВ Сергей']
        .map((name, i) =>
          JSON.stringify({
            case_id: `R${i}`,
            reporting_country: 'VN',
            date: `2021-03-0${i + 1}`,
            contraband: [{ scientific_name: 'Manis spp.', quantity: 1, unit: 'kg' }],
            persons: [{ name }],
          }),
        )
        .join('\n'),
    );
    const old = await Database.open(path);
    try {
      await loadFile(old, file);
      // As schema 6 left it: no identities, no Latin keys, and a name key that dropped every Cyrillic letter.
      await old.run('DROP TABLE identities');
      await old.run('ALTER TABLE actors DROP COLUMN name_latin');
      await old.run('UPDATE actors SET name_normalised = NULL');
      await old.run("UPDATE wen_meta SET value = '6' WHERE key = 'schema_version'");
    } finally {
      old.close();
    }
    const db = await Database.open(path);
    try {
      const rows = await db.all<{ key: string; latin: string; identity_id: number }>(
        'SELECT a.name_normalised AS key, a.name_latin AS latin, i.identity_id ' +
          'FROM actors a JOIN identities i USING (actor_id) ORDER BY a.actor_id',
      );
      expect(rows).toEqual([
        { key: 'иванов сергей', latin: 'ivanov sergey', identity_id: 1 },
        { key: 'иванов сергей', latin: 'ivanov sergey', identity_id: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('runs an analysis that reads a newer table on a schema-1 database from the command line', () => {
    const dir = tempDir();
    const path = join(dir, 'old.duckdb');
    return schemaOneDatabase(path).then(() => {
      const run = spawnSync(
        process.execPath,
        [join(REPO, 'bin', 'wen.js'), 'analyze', 'financing', '--view', 'flows', '--db', path, '-f', 'json'],
        { encoding: 'utf8', env: { ...process.env, WEN_DB: '' } },
      );
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([]); // no payments loaded: an empty table, not a crash
    });
  });

  it('refuses a database from a newer wen with exit 5, read-only or not', async () => {
    const path = join(tempDir(), 'new.duckdb');
    const db = await Database.open(path);
    await db.run("UPDATE wen_meta SET value = '99' WHERE key = 'schema_version'");
    db.close();
    await expect(Database.open(path, { readOnly: true })).rejects.toThrow(/newer wen \(schema 99/);
    await expect(Database.open(path)).rejects.toThrow(/newer wen \(schema 99/);
    const run = spawnSync(process.execPath, [join(REPO, 'bin', 'wen.js'), 'info', '--db', path], {
      encoding: 'utf8',
      env: { ...process.env, WEN_DB: '' },
    });
    expect(run.status).toBe(5);
  });
});
