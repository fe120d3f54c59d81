// A long-lived fuzz worker (forked by run.ts): it loads case after case in-process, each through the
// CLI's own `wen load` (commander, the load command, the CLI's error → exit-code mapping) into a fresh
// copy of a template database, and sends back the exit code, what was written and the sources rows.
// A new Node process per case spent most of its time starting up; a worker that crashes or hangs is
// killed and replaced by the parent, which charges its case with it.
import { copyFileSync, rmSync } from 'node:fs';
import { run } from '../cli/main.js';
import { withDatabase } from '../db/database.js';
import { SOURCE_COUNTS_SQL, type SourceCounts } from './check.js';

export interface WorkerCase {
  caseNumber: number;
  file: string;
  db: string;
  /** The database to copy, or '' to let the load make the schema. */
  template: string;
}

export interface WorkerAnswer {
  caseNumber: number;
  code: number;
  stdout: string;
  stderr: string;
  sources?: SourceCounts[];
}

type Write = typeof process.stdout.write;

/** Runs one command line with stdout and stderr kept (first MiB / 64 KiB) instead of written. */
async function captured(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const keep = (key: 'stdout' | 'stderr', most: number) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (out[key].length < most) out[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as Write;
  const [stdout, stderr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = keep('stdout', 1 << 20);
  process.stderr.write = keep('stderr', 1 << 16);
  process.exitCode = undefined;
  try {
    const code = await run(argv);
    return { code, ...out };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.exitCode = undefined;
  }
}

/** One case: a fresh database, `wen load FILE --db DB -q -f json`, and on success the sources rows. */
async function runWorkerCase(c: WorkerCase): Promise<WorkerAnswer> {
  rmSync(c.db, { force: true });
  rmSync(`${c.db}.wal`, { force: true });
  if (c.template) copyFileSync(c.template, c.db);
  const load = await captured(['node', 'wen', 'load', c.file, '--db', c.db, '-q', '-f', 'json']);
  const answer: WorkerAnswer = { caseNumber: c.caseNumber, ...load };
  if (load.code === 0) answer.sources = await withDatabase(c.db, (db) => db.all<SourceCounts>(SOURCE_COUNTS_SQL), { readOnly: true });
  return answer;
}

if (process.send) {
  process.on('message', (c: WorkerCase) => {
    runWorkerCase(c).then(
      (answer) => process.send!(answer),
      // The work itself failed (not the load: its errors are exit codes): the parent calls it a crash.
      (error) => process.send!({ caseNumber: c.caseNumber, code: -1, stdout: '', stderr: `fuzz worker: ${String(error)}` }),
    );
  });
  process.send({ ready: true });
}
