// A full disk during a load, made to happen for real: DuckDB writes each commit to the database's
// write-ahead log (<db>.wal) first, and here that file is a link to /dev/full, which answers every
// write with ENOSPC. The load's COMMIT then fails inside DuckDB, the rollback after it fails too ("no
// transaction is active"), and the user must see the first failure, not the second, and find the
// database as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HINT = 'hint: free some space on that disk (or set WEN_TEMP_DIRECTORY to a disk with room) and run again\n';

describe.runIf(existsSync('/dev/full'))('a load that meets a full disk', () => {
  it('exits 3 saying no space was left while writing the database, and the database is as before', () => {
    const cwd = tempDir();
    expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
    const before = wen(['info', '-f', 'json'], cwd).stdout;
    expect(JSON.parse(before).sources).toHaveLength(1);
    symlinkSync('/dev/full', join(cwd, 'wen.duckdb.wal')); // the closed database left no log of its own
    const load = wen(['load', join(FIXTURES, 'payments-small.csv')], cwd);
    expect(load.code).toBe(3);
    expect(load.stdout).toBe('');
    expect(load.stderr).toBe(`wen: no space left on device while writing wen.duckdb; nothing was written\n${HINT}`);
    rmSync(join(cwd, 'wen.duckdb.wal'));
    expect(wen(['info', '-f', 'json'], cwd).stdout).toBe(before);
  }, 60000);

  it('in a load of several files, fails each file with that reason and says that none was loaded', () => {
    const cwd = tempDir();
    expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
    symlinkSync('/dev/full', join(cwd, 'wen.duckdb.wal'));
    const files = [join(FIXTURES, 'payments-small.csv'), join(FIXTURES, 'ecomessage-small.ndjson')];
    const load = wen(['load', ...files, '-f', 'json'], cwd);
    expect(load.code).toBe(3);
    const reports = JSON.parse(load.stdout) as Array<{ file: string; status: string; note: string }>;
    expect(reports.map((r) => [r.file, r.status, r.note])).toEqual(
      files.map((f) => [f, 'failed', 'no space left on device while writing wen.duckdb; nothing was written']),
    );
    expect(load.stderr).toContain(
      `wen: 2 of 2 files could not be loaded: ${files.join(', ')}\nhint: each one is said above; no file was loaded\n`,
    );
    rmSync(join(cwd, 'wen.duckdb.wal'));
    expect(JSON.parse(wen(['info', '-f', 'json'], cwd).stdout).sources).toHaveLength(1);
  }, 60000);
});
