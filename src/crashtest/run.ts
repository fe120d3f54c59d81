// `npm run crashtest -- --kills N [--rows R] [--dir D]`: kills `wen load` with SIGKILL at random
// instants and checks that each killed load left the database exactly as before it or after it.
// The kills come in turn 0–40 ms after the load's `INSERT INTO sources` statement, 0–40 ms after its
// `UPDATE sources` (the last write before COMMIT; both seen on stderr with WEN_PROFILE=1), and at
// any instant of the load. A kill that comes after the load ended counts as `finished`.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../db/database.js';
import { generateBenchData } from '../bench/generate.js';
import { readState, sameState, type DbState } from './state.js';

const WEN = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'wen.js');

export type Outcome = 'before' | 'after' | 'other' | 'finished';
/** After the sources row is inserted, after it is counted (the last write before COMMIT, since the fix), or anywhere. */
export type KillMode = 'after-insert' | 'after-update' | 'anywhere';
const TRIGGERS: Record<Exclude<KillMode, 'anywhere'>, string> = {
  'after-insert': 'INSERT INTO sources',
  'after-update': 'UPDATE sources SET rows_in_file',
};
export const MODES: KillMode[] = ['after-insert', 'after-update', 'anywhere'];

export interface Trial {
  mode: KillMode;
  delayMs: number;
  outcome: Outcome;
  state?: DbState;
}

/** Copies a database file (and its WAL, or the absence of one) to another name. */
export function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '.wal']) {
    rmSync(to + suffix, { force: true });
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}

/** Runs `wen load FILE --db DB`; resolves with its exit code and run time. */
export function runLoad(
  file: string,
  db: string,
  kill?: { mode: KillMode; delayMs: number },
): Promise<{ code: number | null; ms: number; killed: boolean }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [WEN, 'load', file, '--db', db, '-q'], {
      env: { ...process.env, WEN_PROFILE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number) => {
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, ms);
    };
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (!kill || kill.mode === 'anywhere' || timer) return;
      seen = (seen + chunk.toString()).slice(-4000);
      if (seen.includes(TRIGGERS[kill.mode])) killLater(kill.delayMs);
    });
    if (kill?.mode === 'anywhere') killLater(kill.delayMs);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, ms: performance.now() - started, killed });
    });
  });
}

export interface Setup {
  dir: string;
  big: string;
  base: string;
  before: DbState;
  after: DbState;
  loadMs: number;
}

/** Generates the files, a base database with one small load, and the states before and after the big load. */
export async function setUp(rows: number, dir = mkdtempSync(join(tmpdir(), 'wen-crash-'))): Promise<Setup> {
  const big = join(dir, 'big.csv');
  const small = join(dir, 'small.csv');
  const gen = await Database.open(join(dir, 'generate.duckdb'));
  try {
    await generateBenchData(gen, rows, big, join(dir, 'big.parquet'));
    await generateBenchData(gen, 1000, small, join(dir, 'small.parquet'));
  } finally {
    gen.close();
  }
  const base = join(dir, 'base.duckdb');
  if ((await runLoad(small, base)).code !== 0) throw new Error('the small load failed');
  const ref = join(dir, 'after.duckdb');
  copyDatabase(base, ref);
  const full = await runLoad(big, ref);
  if (full.code !== 0) throw new Error('the big load failed');
  return { dir, big, base, before: await readState(base), after: await readState(ref), loadMs: full.ms };
}

/** One kill on a fresh copy of the base database, and what it left. */
export async function trial(setup: Setup, mode: KillMode, delayMs: number, n: number): Promise<Trial> {
  const db = join(setup.dir, `trial-${n}.duckdb`);
  copyDatabase(setup.base, db);
  try {
    const run = await runLoad(setup.big, db, { mode, delayMs });
    const state = await readState(db);
    const outcome: Outcome = !run.killed
      ? 'finished'
      : sameState(state, setup.before)
        ? 'before'
        : sameState(state, setup.after)
          ? 'after'
          : 'other';
    return { mode, delayMs, outcome, state: outcome === 'other' ? state : undefined };
  } finally {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const kills = arg('--kills', 20);
  const rows = arg('--rows', 2_000_000);
  const i = argv.indexOf('--dir');
  const setup = await setUp(rows, i >= 0 ? argv[i + 1] : undefined);
  process.stdout.write(
    `${rows} rows; full load ${setup.loadMs.toFixed(0)} ms; before ${JSON.stringify(setup.before.sources.map((s) => s.source_id))}, after ${JSON.stringify(setup.after.sources.map((s) => s.source_id))}\n`,
  );
  const tally: Record<Outcome, number> = { before: 0, after: 0, other: 0, finished: 0 };
  const byMode: Record<string, Record<Outcome, number>> = {};
  for (let n = 0; n < kills; n++) {
    const mode = MODES[n % MODES.length];
    const delayMs = mode === 'anywhere' ? Math.random() * setup.loadMs : Math.random() * 40;
    const t = await trial(setup, mode, delayMs, n);
    tally[t.outcome]++;
    (byMode[mode] ??= { before: 0, after: 0, other: 0, finished: 0 })[t.outcome]++;
    process.stdout.write(
      `kill ${n + 1}/${kills} ${mode} +${delayMs.toFixed(0)} ms: ${t.outcome}${t.state ? ` ${JSON.stringify(t.state)}` : ''}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ rows, kills, ...tally, byMode })}\n`);
  if (i < 0) rmSync(setup.dir, { recursive: true, force: true });
  if (tally.other) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
