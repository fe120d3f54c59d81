// Shared test helpers: temporary folders and real DuckDB databases in them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { Database } from '../src/db/database.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const SAMPLE_DATA = join(REPO, 'sample-data');
export const MAPPINGS = join(SAMPLE_DATA, 'mappings');
/** The shared real data sits beside the project (../shared/realdata), as in CI. */
export const REALDATA = resolve(REPO, '..', 'shared', 'realdata');

// wen keeps its redaction key in the user's configuration folder: a test run keeps its own in a
// temporary one (inherited by the wen processes the tests start), never the real one.
process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'wen-config-'));

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wen-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new database file in a temporary folder, closed after the test. */
export async function tempDatabase(): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'test.duckdb'));
  cleanups.unshift(() => db.close());
  return db;
}

/**
 * A new database with one hand-made CSV loaded, through a mapping when its lines are given: the set-up
 * of many tests. The files go in a temporary folder (name.csv, name.yaml); the database closes after the test.
 */
export async function loadedCsv(name: string, lines: string[], mapping?: string[]): Promise<Database> {
  const dir = tempDir();
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const mappingPath = mapping ? join(dir, `${name}.yaml`) : undefined;
  if (mappingPath) writeFileSync(mappingPath, `${mapping!.join('\n')}\n`);
  const db = await tempDatabase();
  const { loadFile } = await import('../src/load/loader.js');
  await loadFile(db, file, mappingPath ? { mappingPath } : {});
  return db;
}

export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['sources', 'seizures', 'specimens', 'actors', 'documents', 'rejects', 'flags']) {
    counts[table] = (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
  }
  return counts;
}

/**
 * Runs the wen CLI (dist/) in a child process without blocking the test worker: spawnSync held the
 * worker's event loop through back-to-back runs, and vitest's 60 s worker RPC timed out on a busy machine.
 */
export function runWen(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; input?: string },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'wen.js'), ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', WEN_DB: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** Debian's Chromium (or WEN_CHROMIUM) for the browser tests, which Playwright drives. */
export const CHROMIUM = process.env.WEN_CHROMIUM || '/usr/bin/chromium';
/** Without Chromium a browser test is skipped on a developer's machine, and fails in CI (which installs it). */
export const chromiumRunnable = existsSync(CHROMIUM) || Boolean(process.env.CI);
/** As the machines here need it: no sandbox as root, and no background connections to a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
