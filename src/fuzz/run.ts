// `npm run fuzz -- --cases N --seed S --jobs J [--from K]`: loads mutated files through the CLI's `wen load` in
// long-lived worker processes (worker.ts), each case into a fresh copy of a template database under a
// time bound. A crash of DuckDB (a signal) or a hang must not take the fuzzer down with it: the worker
// is killed and replaced, and its case charged with it. One process per case cost 3-5 s of start-up.
// Prints a summary and writes each failing case (file + seed + mutations) to a folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDatabase } from '../db/database.js';
import { makeCase, seedFiles } from './cases.js';
import { type Outcome, runCase, Slot } from './slot.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

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
  // --from K: cases K to N-1 only, so that a campaign can be run in parts (each case is made from its seed and number).
  const from = Number(option(args, '--from', '0'));
  const numbers = only !== undefined ? [only] : Array.from({ length: Math.max(0, cases - from) }, (_, i) => from + i);
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
