// A full disk, made to happen for real, in the two ways a write can meet it.
// - A load's COMMIT checkpoints into the database file (src/load/loader.ts: a torn write-ahead log
//   would keep a big load's rows without their source), so a load meets a full disk in the file
//   itself: the database sits on a 12 MB tmpfs filled up to its last blocks. Mounting needs root;
//   where it is refused, that part is skipped, saying why.
// - Smaller writes (wen sources set …) commit through the write-ahead log (<db>.wal), which here is a
//   link to /dev/full: every write answers ENOSPC, and the rollback after it fails too ("no
//   transaction is active"). The user must see the first failure, not the second.
// Either way: exit 3, one line saying no space was left, and the database as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');

function wen(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HINT = 'hint: free some space on that disk (or set WEN_TEMP_DIRECTORY to a disk with room) and run again\n';
const FULL = 'no space left on device while writing wen.duckdb; nothing was written';

/** A small tmpfs of its own, or why there is none (mounting is for root, and some containers refuse it). */
function smallDisk(): { dir?: string; why?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wen-disk-')); // not tempDir(): that is emptied after each test
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', dir], { encoding: 'utf8' });
  return mount.status === 0 ? { dir } : { why: (mount.stderr || String(mount.error)).trim() };
}
const disk = smallDisk();
afterAll(() => {
  if (disk.dir && spawnSync('umount', [disk.dir]).status === 0) rmSync(disk.dir, { recursive: true });
});

/** Fills the disk to its last 64 KiB. */
function fill(dir: string): void {
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 65_536)));
}

describe.runIf(disk.dir)('a load that meets a full disk', () => {
  it('exits 3 saying no space was left while writing the database, and the database is as before', () => {
    const cwd = join(disk.dir!, 'one');
    mkdirSync(cwd);
    expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
    const before = wen(['info', '-f', 'json'], cwd).stdout;
    expect(JSON.parse(before).sources).toHaveLength(1);
    fill(disk.dir!);
    const load = wen(['load', join(FIXTURES, 'payments-small.csv')], cwd);
    rmSync(join(disk.dir!, 'filler'));
    expect(load.code).toBe(3);
    expect(load.stdout).toBe('');
    expect(load.stderr).toBe(`wen: ${FULL}\n${HINT}`);
    expect(wen(['info', '-f', 'json'], cwd).stdout).toBe(before);
    rmSync(cwd, { recursive: true });
  }, 60000);

  it('in a load of several files, fails each file with that reason and says that none was loaded', () => {
    const cwd = join(disk.dir!, 'two');
    mkdirSync(cwd);
    expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
    fill(disk.dir!);
    const files = [join(FIXTURES, 'payments-small.csv'), join(FIXTURES, 'ecomessage-small.ndjson')];
    const load = wen(['load', ...files, '-f', 'json'], cwd);
    rmSync(join(disk.dir!, 'filler'));
    expect(load.code).toBe(3);
    const reports = JSON.parse(load.stdout) as Array<{ file: string; status: string; note: string }>;
    expect(reports.map((r) => [r.file, r.status, r.note])).toEqual(files.map((f) => [f, 'failed', FULL]));
    expect(load.stderr).toContain(
      `wen: 2 of 2 files could not be loaded: ${files.join(', ')}\nhint: each one is said above; no file was loaded\n`,
    );
    expect(JSON.parse(wen(['info', '-f', 'json'], cwd).stdout).sources).toHaveLength(1);
    rmSync(cwd, { recursive: true });
  }, 60000);
});

if (!disk.dir)
  describe('a load that meets a full disk', () => {
    it.skip(`needs a tmpfs of its own (${disk.why})`, () => {});
  });

describe.runIf(existsSync('/dev/full'))('a small write that meets a full disk', () => {
  it('exits 3 with the first failure, not the failed rollback, and writes nothing', () => {
    const cwd = tempDir();
    expect(wen(['load', join(FIXTURES, 'aitr-small.csv'), '-q'], cwd).code).toBe(0);
    symlinkSync('/dev/full', join(cwd, 'wen.duckdb.wal')); // the closed database left no log of its own
    const set = wen(['sources', 'set', '1', '--received', '2020-01-15'], cwd);
    expect(set.code).toBe(3);
    expect(set.stderr).toBe(`wen: ${FULL}\n${HINT}`);
    rmSync(join(cwd, 'wen.duckdb.wal'));
    expect(JSON.parse(wen(['sql', 'SELECT received_on FROM sources', '-f', 'json'], cwd).stdout)).toEqual([{ received_on: null }]);
  }, 60000);
});
