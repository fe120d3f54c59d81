// npm run bench [-- --rows 100k|1M|10M|100M] [--analyses a,b] [--loads csv,parquet] [--repeat N] [--no-pandas]:
// wen measured against the engine underneath it, in one
// run on one machine: loading (against DuckDB reading the same file into a table), every analysis
// (against its SQL run directly), start-up (against bare node), peak memory, database size, and a
// plain pandas script doing the same load + routes + species trends. Prints a table and writes
// bench/results-<rows>.md. Not part of npm test: times are measured, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_FILTERS } from '../analysis/filters.js';
import { ANALYSES } from '../analysis/registry.js';
import { readQuery } from '../analysis/run.js';
import { selectRecords } from '../analysis/selection.js';
import { Database } from '../db/database.js';
import { generateBenchData } from './generate.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'wen.js');
const DATA = join(REPO, 'bench', 'data');
const SIZES: Record<string, number> = { '100k': 1e5, '1m': 1e6, '10m': 1e7, '100m': 1e8 };

interface Measure {
  what: string;
  wen: number; // seconds
  baseline: number | null;
  baselineName: string;
  rssMb?: number;
}

async function main() {
  const sizeArg = (process.argv[process.argv.indexOf('--rows') + 1] ?? '1M').toLowerCase();
  const rows = process.argv.includes('--rows') ? (SIZES[sizeArg] ?? Number(sizeArg)) : 1e6;
  if (!Number.isFinite(rows) || rows < 1) throw new Error(`--rows ${sizeArg}: use 100k, 1M, 10M or 100M`);
  const label = Object.entries(SIZES).find(([, n]) => n === rows)?.[0].toUpperCase() ?? String(rows);
  mkdirSync(DATA, { recursive: true });
  const csv = join(DATA, `aitr-${label}.csv`);
  const parquet = join(DATA, `aitr-${label}.parquet`);
  // Large runs need the engine to spill instead of failing.
  const env = { ...process.env, WEN_DB: '', WEN_MEMORY_LIMIT: process.env.WEN_MEMORY_LIMIT ?? (rows >= 1e7 ? '1GB' : ''), WEN_TEMP_DIRECTORY: process.env.WEN_TEMP_DIRECTORY ?? join(DATA, 'spill') };
  if (!env.WEN_MEMORY_LIMIT) delete (env as Record<string, string | undefined>).WEN_MEMORY_LIMIT;

  if (!existsSync(csv) || !existsSync(parquet)) {
    log(`generating ${label} rows of AITR-shaped data in ${DATA}`);
    const db = await Database.open(':memory:');
    await generateBenchData(db, rows, csv, parquet);
    db.close();
  }
  const loads = flag('--loads')?.toLowerCase().split(',') ?? ['csv', 'parquet'];
  const repeat = Number(flag('--repeat') ?? 3);
  const memoryLimit = env.WEN_MEMORY_LIMIT ?? 'not set';
  const results = join(REPO, 'bench', `results-${label}.md`);
  mkdirSync(dirname(results), { recursive: true });
  const measures: Measure[] = [];
  let database = '';
  // The results file is rewritten after every measure, so that a long run that stops still leaves its figures.
  const record = (measure: Measure) => {
    measures.push(measure);
    const dbBytes = database && existsSync(database) ? statSync(database).size : 0;
    writeFileSync(results, render(measures, label, dbBytes, statSync(csv).size, repeat, memoryLimit, false));
  };

  // Loading, against DuckDB reading the same file into a table of a database file.
  const inputs = ([['CSV', csv, 'read_csv'], ['Parquet', parquet, 'read_parquet']] as const).filter(([kind]) => loads.includes(kind.toLowerCase()));
  for (const [kind, file, reader] of inputs) {
    const floorDb = join(DATA, 'floor.duckdb');
    rmSync(floorDb, { force: true });
    const floor = await timed(async () => {
      const db = await Database.open(floorDb);
      await db.run(`CREATE TABLE t AS FROM ${reader}($path${reader === 'read_csv' ? ', all_varchar = true' : ''})`, { path: file });
      db.close();
    });
    const target = join(DATA, `wen-${kind.toLowerCase()}.duckdb`);
    rmSync(target, { force: true });
    try {
      const run = wen(['load', file, '--db', target, '-q'], env);
      database ||= target; // analyses run on the first database that loaded
      record({ what: `load ${kind} (${label} rows)`, wen: run.seconds, baseline: floor, baselineName: `DuckDB ${reader} into a table`, rssMb: run.rssMb });
    } catch (error) {
      const reason = firstWords(error);
      log(`load ${kind} failed: ${String(error instanceof Error ? error.message : error)}`); // all of wen's stderr (with WEN_PROFILE=1, the statement that failed)
      record({ what: `load ${kind} (${label} rows)`, wen: Number.NaN, baseline: floor, baselineName: `failed: ${reason}` });
    }
  }
  if (!database) throw new Error(`no load succeeded; see ${results}`);

  // Every analysis through the CLI (JSON to /dev/null), against its SQL run directly.
  const only = flag('--analyses')?.split(',') ?? null;
  for (const analysis of ANALYSES.filter((a) => !only || only.includes(a.name))) {
    // One analysis that fails (out of memory, say) is reported in the table; the others still run.
    try {
      const run = best(repeat, () => wen(['analyze', analysis.name, '--format', 'json', '--db', database], env));
      const bare = await bestAsync(repeat, async () => {
        const db = await Database.open(database, { readOnly: true });
        const seconds = await timed(async () => {
          await selectRecords(db, NO_FILTERS);
          const defaults = Object.fromEntries(analysis.options.map((o) => [o.key, o.default]));
          await db.all(readQuery(analysis), (await analysis.params?.(defaults, undefined, db)) ?? {});
        });
        db.close();
        return seconds;
      });
      record({ what: `analyze ${analysis.name}`, wen: run.seconds, baseline: bare, baselineName: 'its SQL in DuckDB', rssMb: run.rssMb });
    } catch (error) {
      const reason = firstWords(error);
      log(`analyze ${analysis.name} failed: ${String(error instanceof Error ? error.message : error)}`);
      record({ what: `analyze ${analysis.name}`, wen: Number.NaN, baseline: null, baselineName: `failed: ${reason}` });
    }
  }

  // Start-up.
  const startup = best(5, () => wen(['--version'], env));
  const node = best(5, () => ({ seconds: timedSync(() => spawnSync(process.execPath, ['-e', ''])), rssMb: 0 }));
  record({ what: 'start-up (wen --version)', wen: startup.seconds, baseline: node.seconds, baselineName: 'node -e ""' });

  // pandas doing load + routes + species trends, against wen doing the same.
  // pandas holds the whole file in memory: beyond 10M rows it would not fit, so --no-pandas is the default there.
  const pandasPython = process.argv.includes('--no-pandas') || rows > 1e7 ? undefined : ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import pandas']).status === 0);
  const pipeline = measures.filter((m) => ['load CSV', 'analyze routes', 'analyze species-trends'].some((w) => m.what.startsWith(w))).reduce((n, m) => n + m.wen, 0);
  if (pandasPython) {
    const seconds = timedSync(() => spawnSync(pandasPython, [join(REPO, 'src', 'bench', 'pandas-baseline.py'), csv], { stdio: 'ignore' }));
    record({ what: 'load + routes + species-trends', wen: pipeline, baseline: seconds, baselineName: 'plain pandas script' });
  } else log('skipping the pandas comparison (--no-pandas, more than 10M rows, or python3-pandas not installed)');

  const report = render(measures, label, statSync(database).size, statSync(csv).size, repeat, memoryLimit, true);
  process.stdout.write(report);
  writeFileSync(results, report);
  log(`written to ${resolve(results)}`);
}

/** Runs the CLI in a child process and reads its peak resident memory from inside it. */
function wen(args: string[], env: NodeJS.ProcessEnv): { seconds: number; rssMb: number } {
  const wrapper = "process.on('exit', () => process.stderr.write('\\nWEN_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n')); import(require('url').pathToFileURL(process.argv[1]).href)";
  let result: ReturnType<typeof spawnSync> | undefined;
  const seconds = timedSync(() => (result = spawnSync(process.execPath, ['-e', wrapper, BIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })));
  const stderr = result!.stderr?.toString() ?? '';
  if (result!.status !== 0) throw new Error(`wen ${args.join(' ')} failed: ${stderr}`);
  const kb = Number(/WEN_MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? 0);
  return { seconds, rssMb: kb / 1024 };
}

function best(times: number, run: () => { seconds: number; rssMb: number }) {
  let result = run();
  for (let i = 1; i < times; i++) {
    const next = run();
    if (next.seconds < result.seconds) result = next;
  }
  return result;
}

async function bestAsync(times: number, run: () => Promise<number>) {
  let result = Infinity;
  for (let i = 0; i < times; i++) result = Math.min(result, await run());
  return result;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function timedSync(work: () => unknown): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The start of an error's message, on one line and safe in a Markdown table. */
function firstWords(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 160).replace(/\|/g, '/');
}

function render(measures: Measure[], label: string, dbBytes: number, csvBytes: number, repeat: number, memoryLimit: string, finished: boolean): string {
  const cpu = cpus();
  const lines = [
    `# wen benchmark — ${label} specimen rows`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.version}. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Input: ${(csvBytes / 2 ** 20).toFixed(0)} MiB CSV. Database after loading it: ${dbBytes ? `${(dbBytes / 2 ** 20).toFixed(0)} MiB` : '—'}.`,
    ...(finished ? [] : ['', '**The run had not finished when this was written**: these are the figures measured so far.']),
    '',
    '| what | wen (s) | baseline (s) | baseline | ratio | peak RSS (MiB) |',
    '|---|---:|---:|---|---:|---:|',
    ...measures.map((m) => `| ${m.what} | ${Number.isNaN(m.wen) ? '—' : m.wen.toFixed(2)} | ${m.baseline === null ? '—' : m.baseline.toFixed(2)} | ${m.baselineName} | ${m.baseline ? (m.wen / m.baseline).toFixed(2) + '×' : '—'} | ${m.rssMb ? m.rssMb.toFixed(0) : ''} |`),
    '',
    `wen times are whole CLI runs (process start included); analyses are best of ${repeat}, start-up best of 5. WEN_MEMORY_LIMIT: ${memoryLimit}. The analysis baseline runs the same`,
    'selection and query SQL in-process on the same database. The pandas baseline covers a simpler version of the same work (no normalisation rules, provenance or rejects).',
    '',
  ];
  return lines.join('\n');
}

function log(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
