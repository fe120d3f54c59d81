// Database errors keep their cause: a failed rollback never hides the work's error, and a full disk
// is one plain InputError (exit 3) instead of an internal error.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diskFull } from '../../src/db/database.js';
import { EXIT, InputError } from '../../src/errors.js';
import { tempDatabase } from '../helpers.js';

describe('Database.transaction', () => {
  it('rethrows the work error when the rollback fails because the work ended the transaction', async () => {
    const db = await tempDatabase();
    // The precondition that makes this test able to fail: a rollback with no transaction throws.
    await expect(db.run('ROLLBACK')).rejects.toThrow(/no transaction is active/);
    const work = db.transaction(async () => {
      await db.run("INSERT INTO wen_meta VALUES ('probe', 'x')");
      await db.run('COMMIT'); // the statement that ends the transaction under the rollback's feet
      throw new Error('the work failed after its transaction had ended');
    });
    await expect(work).rejects.toThrow('the work failed after its transaction had ended');
  });

  it('rethrows the failed statement and rolls back what the work wrote before it', async () => {
    const db = await tempDatabase();
    const work = db.transaction(async () => {
      await db.run("INSERT INTO wen_meta VALUES ('probe', 'x')");
      await db.run("INSERT INTO wen_meta VALUES ('probe', 'twice')"); // duplicate key: aborts the transaction
    });
    await expect(work).rejects.toThrow(/duplicate key "probe"/);
    expect(await db.all("SELECT * FROM wen_meta WHERE key = 'probe'")).toEqual([]);
    expect(await db.one('SELECT 42 AS n')).toEqual({ n: 42 }); // the connection is usable again
  });
});

describe('a full disk', () => {
  it.runIf(existsSync('/dev/full'))('is an InputError naming the database when DuckDB cannot write a byte', async () => {
    const db = await tempDatabase();
    // /dev/full answers every write with ENOSPC: the real engine meets a real full device.
    const failure = await db.run("COPY (SELECT 1 AS n) TO '/dev/full' (FORMAT csv)").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).exitCode).toBe(EXIT.input);
    expect((failure as InputError).message).toBe(`no space left on device while writing ${db.path}; nothing was written`);
    expect(String(((failure as InputError).cause as Error).message)).toMatch(/No space left on device/);
  });

  it('is recognised from the system code ENOSPC as well as from the message, and nothing else is', () => {
    const enospc = Object.assign(new Error('write failed'), { code: 'ENOSPC' });
    expect(diskFull('w.duckdb', enospc)?.message).toBe('no space left on device while writing w.duckdb; nothing was written');
    expect(diskFull('w.duckdb', new Error('IO Error: Could not write file "w.duckdb.wal": No space left on device'))?.exitCode).toBe(3);
    expect(diskFull('w.duckdb', new Error('Constraint Error: Duplicate key'))).toBeUndefined();
  });
});
