// The fuzzer's side of one case (run.ts runs many): a long-lived worker process (worker.ts) that loads
// it, replaced when it crashes (a signal from DuckDB) or passes the time bound, and the outcome the
// case is charged with. Apart from run.ts so that a test can drive it with a worker that misbehaves.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountingBreaks, type ReportCounts, type SourceCounts } from './check.js';
import type { FuzzCase } from './cases.js';
import type { WorkerAnswer, WorkerCase } from './worker.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');

export type Outcome = 'ok' | 'crash' | 'hang' | 'refusal' | 'bad-refusal' | 'accounting';

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
export class Slot {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private stderr = '';
  private used = 0;

  /** `worker`: the worker script (a test gives one that crashes or hangs). */
  constructor(private readonly worker: string = WORKER) {}

  /** Cases a worker runs before it is replaced, so that whatever one case leaves behind stays bounded. */
  static readonly CASES_PER_WORKER = 250;

  private start(): Promise<void> {
    const child = fork(this.worker, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, WEN_PROFILE: '' } });
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

export async function runCase(c: FuzzCase, slot: Slot, template: string, timeoutMs: number): Promise<{ outcome: Outcome; detail: string }> {
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
