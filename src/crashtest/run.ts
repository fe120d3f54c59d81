// `npm run crashtest -- --kills N [--rows R] [--row-group G] [--lean] [--modes M,M] [--workers W]
// [--dir D]`: kills `wen load` with SIGKILL at random instants and checks that each killed load left the database
// exactly as before it or after it.
// The kills come in turn 0–40 ms after the load's `INSERT INTO sources` statement (its first write),
// during its COMMIT and the checkpoint of the close after it (from `UPDATE sources`, the last write
// before COMMIT, over the time the full load took from there to its exit; both statements are seen on
// stderr with WEN_PROFILE=1), and at any instant of the load.
// A kill that comes after the load ended counts as `finished`. With --row-group G the loads run
// through child.ts, on the database attached with G rows per row group (the kill test's cheap path).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../db/database.js';
import { generateBenchData } from '../bench/generate.js';
import { readState, sameState, type DbState } from './state.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const WEN = resolve(HERE, '..', '..', 'bin', 'wen.js');
// The compiled child, whether this module runs from dist/ or (in the tests) from src/.
const CHILD = resolve(HERE, '..', '..', 'dist', 'crashtest', 'child.js');

export type Outcome = 'before' | 'after' | 'other' | 'finished';
/** After the sources row is inserted (the load's first write), during COMMIT (after the last write), or anywhere. */
export type KillMode = 'after-insert' | 'in-commit' | 'anywhere';
const TRIGGERS: Record<Exclude<KillMode, 'anywhere'>, string> = {
  'after-insert': 'INSERT INTO sources',
  'in-commit': 'UPDATE sources SET rows_in_file',
};
export const MODES: KillMode[] = ['after-insert', 'in-commit', 'anywhere'];

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

export interface LoadRun {
  code: number | null;
  ms: number;
  killed: boolean;
  /** How long the COMMIT statement took (from its WEN_PROFILE line), when the load got that far. */
  commitMs?: number;
  /** From the last write before COMMIT (its WEN_PROFILE line) to the exit: the COMMIT and the close's checkpoint. */
  tailMs?: number;
}

/** Runs `wen load FILE --db DB` (or child.ts with rowGroup rows per row group); resolves with its exit code and times. */
export function runLoad(file: string, db: string, kill?: { mode: KillMode; delayMs: number }, rowGroup?: number): Promise<LoadRun> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const args = rowGroup ? [CHILD, db, file, String(rowGroup)] : [WEN, 'load', file, '--db', db, '-q'];
    const child = spawn(process.execPath, args, { env: { ...process.env, WEN_PROFILE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number) => {
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, ms);
    };
    let seen = '';
    let commitMs: number | undefined;
    let errors = '';
    let lastWrite: number | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4000);
      if (lastWrite === undefined && seen.includes(TRIGGERS['in-commit'])) lastWrite = performance.now();
      const commit = /\[\s*(\d+) ms, peak\s+\d+ MiB\] COMMIT\n/.exec(seen);
      if (commit) commitMs = Number(commit[1]);
      if (/Error|error:/.test(seen)) errors = seen;
      if (!kill || kill.mode === 'anywhere' || timer) return;
      if (seen.includes(TRIGGERS[kill.mode])) killLater(kill.delayMs);
    });
    if (kill?.mode === 'anywhere') killLater(kill.delayMs);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code && !killed) process.stderr.write(errors || seen);
      const ended = performance.now();
      done({ code, ms: ended - started, killed, commitMs, tailMs: lastWrite === undefined ? undefined : ended - lastWrite });
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
  /** The COMMIT's duration in the full load. */
  commitMs: number;
  /** From the last write to the exit in the full load: in-commit kills come 0 to this many ms after the last write. */
  tailMs: number;
  /** Rows per row group of the loads (child.ts), or undefined for `wen load` at DuckDB's default. */
  rowGroup?: number;
}

export interface SetupOptions {
  /** Rows per row group of the big load and the trials (through child.ts); default: `wen load` at DuckDB's default. */
  rowGroup?: number;
  /** Leave the place column out of the big file: the gazetteer's fixed cost (1–2 s a load) is not what the kills are after. */
  lean?: boolean;
}

/**
 * Generates the files, a base database with one small load (by `wen load`), and the states before and
 * after the big load (run as the trials will run it).
 */
export async function setUp(rows: number, dir = mkdtempSync(join(tmpdir(), 'wen-crash-')), options: SetupOptions = {}): Promise<Setup> {
  const { rowGroup, lean } = options;
  const big = join(dir, 'big.csv');
  const small = join(dir, 'small.csv');
  const gen = await Database.open(join(dir, 'generate.duckdb'));
  try {
    const generated = lean ? join(dir, 'generated.csv') : big;
    await generateBenchData(gen, rows, generated, join(dir, 'big.parquet'));
    await generateBenchData(gen, 1000, small, join(dir, 'small.parquet'));
    if (lean) {
      // COPY takes no parameters: both paths are this function's own, quoted as literals.
      const literal = (path: string) => `'${path.replace(/'/g, "''")}'`;
      await gen.run(
        `COPY (SELECT * EXCLUDE ("Location of seizure") FROM read_csv(${literal(generated)}, all_varchar = true)) ` +
          `TO ${literal(big)} (HEADER)`,
      );
      rmSync(generated);
    }
  } finally {
    gen.close();
  }
  const base = join(dir, 'base.duckdb');
  if ((await runLoad(small, base)).code !== 0) throw new Error('the small load failed');
  const ref = join(dir, 'after.duckdb');
  copyDatabase(base, ref);
  const full = await runLoad(big, ref, undefined, rowGroup);
  if (full.code !== 0) throw new Error('the big load failed');
  return {
    dir,
    big,
    base,
    before: await readState(base),
    after: await readState(ref),
    loadMs: full.ms,
    commitMs: full.commitMs ?? 0,
    tailMs: full.tailMs ?? 0,
    rowGroup,
  };
}

/** A kill's delay: 0–40 ms after the sources row, within the COMMIT and the close after it, or anywhere in the load. */
export function killDelay(setup: Setup, mode: KillMode, fraction = Math.random()): number {
  if (mode === 'anywhere') return fraction * setup.loadMs;
  return fraction * (mode === 'in-commit' ? setup.tailMs : 40);
}

/** One kill on a fresh copy of the base database, and what it left. */
export async function trial(setup: Setup, mode: KillMode, delayMs: number, n: number): Promise<Trial> {
  const db = join(setup.dir, `trial-${n}.duckdb`);
  copyDatabase(setup.base, db);
  try {
    const run = await runLoad(setup.big, db, { mode, delayMs }, setup.rowGroup);
    if (!run.killed && run.code !== 0) throw new Error(`a load that was not killed failed (exit ${run.code})`);
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

/** What differs in a state from both the before and after states: the counts and the sources' ids and last source id. */
function describeState(state: DbState, setup: Setup): string {
  const differ = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const parts = Object.keys(state.counts)
    .filter((t) => differ(state.counts[t], setup.before.counts[t]) && differ(state.counts[t], setup.after.counts[t]))
    .map((t) => `${t} ${JSON.stringify(state.counts[t])}`);
  for (const t of Object.keys(state.counts))
    if (!parts.some((p) => p.startsWith(`${t} `)))
      parts.push(`${t} as ${differ(state.counts[t], setup.before.counts[t]) ? 'after' : 'before'}`);
  parts.push(`sources ${JSON.stringify(state.sources.map((s) => s.source_id))}`, `last id ${state.lastSourceId}`);
  return parts.join('; ');
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const kills = arg('--kills', 20);
  const rows = arg('--rows', 2_000_000);
  const rowGroup = arg('--row-group', 0) || undefined;
  const i = argv.indexOf('--dir');
  const m = argv.indexOf('--modes');
  const modes = m >= 0 ? (argv[m + 1].split(',') as KillMode[]) : MODES;
  if (modes.some((mode) => !MODES.includes(mode))) throw new Error(`--modes takes some of ${MODES.join(',')}`);
  const setup = await setUp(rows, i >= 0 ? argv[i + 1] : undefined, { rowGroup, lean: argv.includes('--lean') });
  const ids = (state: DbState) => JSON.stringify(state.sources.map((s) => s.source_id));
  process.stdout.write(
    `${rows} rows${rowGroup ? `, ${rowGroup} rows per row group` : ''}; full load ${setup.loadMs.toFixed(0)} ms, ` +
      `its COMMIT ${setup.commitMs} ms, last write to exit ${setup.tailMs.toFixed(0)} ms; ` +
      `sources before ${ids(setup.before)}, after ${ids(setup.after)}\n`,
  );
  const workers = arg('--workers', 1);
  const tally: Record<Outcome, number> = { before: 0, after: 0, other: 0, finished: 0 };
  const byMode: Record<string, Record<Outcome, number>> = {};
  let next = 0;
  // Each worker runs one trial at a time, each on its own copy of the database.
  const work = async () => {
    for (let n = next++; n < kills; n = next++) {
      const mode = modes[n % modes.length];
      const delayMs = killDelay(setup, mode);
      const t = await trial(setup, mode, delayMs, n);
      tally[t.outcome]++;
      (byMode[mode] ??= { before: 0, after: 0, other: 0, finished: 0 })[t.outcome]++;
      process.stdout.write(
        `kill ${n + 1}/${kills} ${mode} +${delayMs.toFixed(0)} ms: ${t.outcome}${t.state ? ` ${describeState(t.state, setup)}` : ''}\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  process.stdout.write(`${JSON.stringify({ rows, kills, ...tally, byMode })}\n`);
  if (i < 0) rmSync(setup.dir, { recursive: true, force: true });
  if (tally.other) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
