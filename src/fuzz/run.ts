// `npm run fuzz -- --cases N --seed S --jobs J`: loads mutated files through the CLI's `wen load` in
// long-lived worker processes (worker.ts), each case into a fresh copy of a template database under a
// time bound. A crash of DuckDB (a signal) or a hang must not take the fuzzer down with it: the worker
// is killed and replaced, and its case charged with it. One process per case cost 3-5 s of start-up.
// Prints a summary and writes each failing case (file + seed + mutations) to a folder.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDatabase } from '../db/database.js';
import { accountingBreaks, type ReportCounts, type SourceCounts } from './check.js';
import { makeCase, seedFiles, type FuzzCase } from './cases.js';
import type { WorkerAnswer, WorkerCase } from './worker.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');

type Outcome = 'ok' | 'crash' | 'hang' | 'refusal' | 'bad-refusal' | 'accounting';

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cpuSeconds?: number;
  sources?: SourceCounts[];
}

/**
 * The CPU time a running process has used, where the system says (Linux's /proc, in clock ticks of
 * 1/100 s): on a shared machine a case can pass the time bound while waiting for a core, and a
 * hang's report then says how much of the time it worked. Undefined elsewhere.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, fields 14 and 15 of the line
  } catch {
    return undefined;
  }
}

/** One long-lived worker process (worker.ts): started when needed, replaced after a crash or a hang. */
class Slot {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private stderr = '';
  private used = 0;

  /** Cases a worker runs before it is replaced, so that whatever one case leaves behind stays bounded. */
  static readonly CASES_PER_WORKER = 250;

  private start(): Promise<void> {
    const child = fork(WORKER, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, WEN_PROFILE: '' } });
    this.child = child;
    this.stderr = '';
    this.used = 0;
    child.stderr!.on('data', (d) => {
      this.stderr = (this.stderr + d).slice(-4096);
    });
    return new Promise((done, fail) => {
      child.once('message', () => done());
      child.once('exit', (code, signal) => fail(new Error(`fuzz worker exited at start (${code ?? signal}): ${this.stderr.trim()}`)));
    });
  }

  private stop(): void {
    this.child?.removeAllListeners();
    this.child?.kill('SIGKILL');
    this.child = null;
    this.ready = null;
  }

  close(): void {
    this.stop();
  }

  async load(c: WorkerCase, timeoutMs: number): Promise<Run> {
    if (this.child && this.used >= Slot.CASES_PER_WORKER) this.stop();
    if (!this.ready) this.ready = this.start();
    try {
      await this.ready;
    } catch (error) {
      // A worker that dies before its first case is charged to the case it was started for.
      this.stop();
      return { code: null, signal: 'exit at start', stdout: '', stderr: String(error), timedOut: false };
    }
    const child = this.child!;
    this.used++;
    this.stderr = '';
    return new Promise((done) => {
      const finish = (run: Run, replace: boolean) => {
        clearTimeout(timer);
        child.removeListener('message', onMessage);
        child.removeListener('exit', onExit);
        if (replace) this.stop();
        done(run);
      };
      const onMessage = (a: WorkerAnswer) => {
        if (a.caseNumber === c.caseNumber) finish({ ...a, signal: null, timedOut: false }, a.code === -1);
      };
      const onExit = (code: number | null, signal: string | null) =>
        finish({ code, signal, stdout: '', stderr: this.stderr, timedOut: false }, true);
      // The worker's CPU time is counted over its life: the case's share is what it adds.
      const cpuAtStart = cpuSeconds(child.pid);
      const timer = setTimeout(() => {
        const [now, before] = [cpuSeconds(child.pid), cpuAtStart];
        const cpu = now === undefined || before === undefined ? undefined : now - before;
        finish({ code: null, signal: null, stdout: '', stderr: '', timedOut: true, cpuSeconds: cpu }, true);
      }, timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(c);
    });
  }
}

async function runCase(c: FuzzCase, slot: Slot, template: string, timeoutMs: number): Promise<{ outcome: Outcome; detail: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'wen-fuzz-'));
  try {
    const file = join(dir, `case-${c.caseNumber}${c.ext}`);
    writeFileSync(file, c.bytes);
    const db = join(dir, 'fuzz.duckdb');
    const load = await slot.load({ caseNumber: c.caseNumber, file, db, template }, timeoutMs);
    if (load.timedOut)
      return {
        outcome: 'hang',
        detail:
          `no answer in ${timeoutMs / 1000} s` + `${load.cpuSeconds === undefined ? '' : ` (${load.cpuSeconds.toFixed(1)} s of CPU used)`}`,
      };
    if (load.signal || (load.code !== 0 && load.code !== 3 && load.code !== 4))
      return { outcome: 'crash', detail: `exit ${load.code ?? load.signal}: ${load.stderr.trim().split('\n')[0]}` };
    if (load.code === 3) {
      const lines = load.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('hint:'));
      const fine = lines.length === 1 && lines[0].includes(file);
      return { outcome: fine ? 'refusal' : 'bad-refusal', detail: load.stderr.trim().split('\n')[0] };
    }
    let reports: ReportCounts[];
    try {
      reports = JSON.parse(load.stdout);
    } catch {
      return { outcome: 'crash', detail: 'load printed no JSON report' };
    }
    const breaks = accountingBreaks(reports, load.sources ?? []);
    return breaks.length ? { outcome: 'accounting', detail: breaks.join('; ') } : { outcome: 'ok', detail: '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

async function main(args: string[]): Promise<void> {
  const cases = Number(option(args, '--cases', '100'));
  const seed = Number(option(args, '--seed', '1'));
  const only = args.includes('--case') ? Number(option(args, '--case', '0')) : undefined;
  const timeoutMs = Number(option(args, '--timeout', '60')) * 1000;
  const jobs = Number(option(args, '--jobs', '2'));
  // --minutes M: start no new case after M minutes, so that a long run still ends with its summary.
  const deadline = Date.now() + Number(option(args, '--minutes', '100000')) * 60_000;
  const out = resolve(option(args, '--out', 'fuzz-failures'));
  const seeds = seedFiles(join(REPO, 'sample-data'), resolve(REPO, '..', 'shared', 'realdata'));
  const numbers = only !== undefined ? [only] : Array.from({ length: cases }, (_, i) => i);
  const tally = new Map<Outcome, number>();
  const byMutation = new Map<string, Map<Outcome, number>>();
  let next = 0,
    done = 0;
  // The schema is made once, in a template each case's database is copied from (--fresh-schema: made per case).
  const scratch = mkdtempSync(join(tmpdir(), 'wen-fuzz-run-'));
  process.env.XDG_CONFIG_HOME ??= join(scratch, 'config'); // the workers' redaction key, not the user's
  const template = args.includes('--fresh-schema') ? '' : join(scratch, 'template.duckdb');
  if (template) await withDatabase(template, async () => {});
  const started = Date.now();
  const worker = async () => {
    const slot = new Slot();
    try {
      while (next < numbers.length && Date.now() < deadline) {
        const c = makeCase(seeds, seed, numbers[next++]);
        const { outcome, detail } = await runCase(c, slot, template, timeoutMs);
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        for (const m of c.mutations.map((x) => x.split(' ')[0])) {
          const t = byMutation.get(m) ?? new Map<Outcome, number>();
          t.set(outcome, (t.get(outcome) ?? 0) + 1);
          byMutation.set(m, t);
        }
        if (outcome !== 'ok' && outcome !== 'refusal') {
          const dir = join(out, `seed-${seed}-case-${c.caseNumber}`);
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `input${c.ext}`), c.bytes);
          writeFileSync(
            join(dir, 'case.json'),
            JSON.stringify(
              {
                seed,
                case: c.caseNumber,
                base: c.base,
                mutations: c.mutations,
                outcome,
                detail,
                reproduce: `npm run fuzz -- --seed ${seed} --case ${c.caseNumber}`,
              },
              null,
              2,
            ) + '\n',
          );
          process.stderr.write(`case ${c.caseNumber} (${c.base}: ${c.mutations.join(', ')}): ${outcome}: ${detail.slice(0, 300)}\n`);
        }
        if (++done % 50 === 0) process.stderr.write(`${done}/${numbers.length} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
      }
    } finally {
      slot.close();
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  rmSync(scratch, { recursive: true, force: true });
  const outcomes: Outcome[] = ['ok', 'refusal', 'bad-refusal', 'crash', 'hang', 'accounting'];
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lines = [
    `seed ${seed}, ${done} of ${numbers.length} cases in ${Math.round((Date.now() - started) / 1000)} s, ` +
      `${new Date().toISOString().slice(0, 10)}`,
    '',
    pad('mutation', 22) + outcomes.map((o) => pad(o, 12)).join(''),
    ...[...byMutation.keys()].sort().map((m) => pad(m, 22) + outcomes.map((o) => pad(byMutation.get(m)!.get(o) ?? 0, 12)).join('')),
    pad('all cases', 22) + outcomes.map((o) => pad(tally.get(o) ?? 0, 12)).join(''),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const failed = done - (tally.get('ok') ?? 0) - (tally.get('refusal') ?? 0);
  if (failed) process.stdout.write(`${failed} failing cases written to ${out}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main(process.argv.slice(2));
