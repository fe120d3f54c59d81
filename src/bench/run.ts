// npm run bench [-- --rows 10k|100k|1M|10M|100M] [--analyses a,b] [--loads csv,parquet] [--pairs N] [--no-pandas]:
// wen measured against the engine underneath it, on one machine, in alternating pairs (A B A B …):
// a shared machine's speed drifts, so each pair is timed back to back and the ratio of each pair is
// kept; the table gives the median ratio with its min–max, and for both sides the median wall time,
// CPU time and peak resident memory, each side in its own process. Loading is compared with DuckDB's
// typed read of the same file into a new database file (the floor; the all_varchar read is shown
// beside it, named), every analysis with its selection and SQL run directly, start-up with bare node,
// and load + routes + species trends with a pandas script doing the same work, its numbers checked
// against wen's, when a Python with pandas is found ($PYTHON, a venv, python3; said when none is).
// Writes bench/results-<rows>.md. Not part of npm test: times are measured, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYSES } from '../analysis/registry.js';
import { Database } from '../db/database.js';
import { generateBenchData } from './generate.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'wen.js');
const DATA = join(REPO, 'bench', 'data');
const SIZES: Record<string, number> = { '10k': 1e4, '100k': 1e5, '1m': 1e6, '10m': 1e7, '100m': 1e8 };

/** One side of a comparison: medians over the pairs. */
interface Side {
  wall: number;
  cpu: number;
  rssMb: number;
}

interface Measure {
  what: string;
  wen: Side | null; // null: wen failed
  baseline: Side | null;
  baselineName: string;
  /** Median and range of the pairs' wall-time ratios (wen ÷ baseline). */
  ratio?: { median: number; min: number; max: number; pairs: number };
  /** A second baseline beside the first (the all_varchar read), named. */
  beside?: { name: string; side: Side };
}

async function main() {
  const sizeArg = (process.argv[process.argv.indexOf('--rows') + 1] ?? '1M').toLowerCase();
  const rows = process.argv.includes('--rows') ? (SIZES[sizeArg] ?? Number(sizeArg)) : 1e6;
  if (!Number.isFinite(rows) || rows < 1) throw new Error(`--rows ${sizeArg}: use 100k, 1M, 10M or 100M`);
  const label =
    Object.entries(SIZES)
      .find(([, n]) => n === rows)?.[0]
      .toUpperCase() ?? String(rows);
  mkdirSync(DATA, { recursive: true });
  const csv = join(DATA, `aitr-${label}.csv`);
  const parquet = join(DATA, `aitr-${label}.parquet`);
  // Large runs need the engine to spill instead of failing.
  const env = {
    ...process.env,
    WEN_DB: '',
    WEN_MEMORY_LIMIT: process.env.WEN_MEMORY_LIMIT ?? (rows >= 1e7 ? '1GB' : ''),
    WEN_TEMP_DIRECTORY: process.env.WEN_TEMP_DIRECTORY ?? join(DATA, 'spill'),
  };
  if (!env.WEN_MEMORY_LIMIT) delete (env as Record<string, string | undefined>).WEN_MEMORY_LIMIT;

  if (!existsSync(csv) || !existsSync(parquet)) {
    log(`generating ${label} rows of AITR-shaped data in ${DATA}`);
    const db = await Database.open(':memory:');
    await generateBenchData(db, rows, csv, parquet);
    db.close();
  }
  const loads = flag('--loads')?.toLowerCase().split(',') ?? ['csv', 'parquet'];
  const pairs = Number(flag('--pairs') ?? 5);
  if (!Number.isInteger(pairs) || pairs < 1) throw new Error('--pairs N: a whole number of pairs');
  const memoryLimit = env.WEN_MEMORY_LIMIT ?? 'not set';
  const results = join(REPO, 'bench', `results-${label}.md`);
  mkdirSync(dirname(results), { recursive: true });
  const measures: Measure[] = [];
  const notes: string[] = [];
  let database = '';
  // The results file is rewritten after every measure, so that a long run that stops still leaves its figures.
  const record = (measure: Measure) => {
    measures.push(measure);
    const dbBytes = database && existsSync(database) ? statSync(database).size : 0;
    writeFileSync(results, render(measures, notes, label, dbBytes, statSync(csv).size, pairs, memoryLimit, false));
  };

  // Loading, against DuckDB's typed read of the same file into a new database file, in its own process.
  const inputs = (
    [
      ['CSV', csv, 'read_csv'],
      ['Parquet', parquet, 'read_parquet'],
    ] as const
  ).filter(([kind]) => loads.includes(kind.toLowerCase()));
  for (const [kind, file, reader] of inputs) {
    const floorDb = join(DATA, 'floor.duckdb');
    const target = join(DATA, `wen-${kind.toLowerCase()}.duckdb`);
    const fresh = (path: string) => () => ['', '.wal'].forEach((x) => rmSync(path + x, { force: true }));
    try {
      const compared = paired(
        pairs,
        { before: fresh(target), run: () => child(BIN, ['load', file, '--db', target, '-q'], env) },
        { before: fresh(floorDb), run: () => child(FLOOR, [floorDb, reader, file], env) },
      );
      const beside =
        reader === 'read_csv'
          ? medianSide(
              Array.from(
                { length: Math.min(pairs, 3) },
                () => (fresh(floorDb)(), child(FLOOR, [floorDb, reader, file, 'all_varchar'], env)),
              ),
            )
          : undefined;
      database ||= target; // analyses run on the first database that loaded
      record({
        what: `load ${kind} (${label} rows)`,
        ...compared,
        baselineName: `DuckDB ${reader} (typed) into a new database file`,
        beside: beside && { name: 'DuckDB read_csv(all_varchar = true)', side: beside },
      });
    } catch (error) {
      // all of wen's stderr (with WEN_PROFILE=1, the statement that failed)
      log(`load ${kind} failed: ${String(error instanceof Error ? error.message : error)}`);
      record({ what: `load ${kind} (${label} rows)`, wen: null, baseline: null, baselineName: `failed: ${firstWords(error)}` });
    }
  }
  if (!database) throw new Error(`no load succeeded; see ${results}`);

  // Every analysis through the CLI (JSON to /dev/null), against its selection and SQL in their own process.
  const only = flag('--analyses')?.split(',') ?? null;
  for (const analysis of ANALYSES.filter((a) => !only || only.includes(a.name)).filter((a) => a.name !== 'interception' || only)) {
    // One analysis that fails (out of memory, say) is reported in the table; the others still run.
    try {
      const compared = paired(
        pairs,
        { run: () => child(BIN, ['analyze', analysis.name, '--format', 'json', '--db', database], env) },
        { run: () => child(BARE, [database, analysis.name], env) },
      );
      record({ what: `analyze ${analysis.name}`, ...compared, baselineName: 'its selection and SQL, own process' });
    } catch (error) {
      log(`analyze ${analysis.name} failed: ${String(error instanceof Error ? error.message : error)}`);
      record({ what: `analyze ${analysis.name}`, wen: null, baseline: null, baselineName: `failed: ${firstWords(error)}` });
    }
  }

  // Start-up.
  record({
    what: 'start-up (wen --version)',
    ...paired(pairs, { run: () => child(BIN, ['--version'], env) }, { run: () => child(null, [], env) }),
    baselineName: 'node -e ""',
  });

  // pandas doing load + routes + species trends, against wen doing the same (each pair: wen's three
  // commands back to back, then the script). pandas holds the whole file in memory: not beyond 10M rows.
  const pandasPython =
    process.argv.includes('--no-pandas') || rows > 1e7
      ? undefined
      : // The Python the user names, then an active venv's, then the system's.
        [process.env.PYTHON, process.env.VIRTUAL_ENV && join(process.env.VIRTUAL_ENV, 'bin', 'python'), '/usr/bin/python3', 'python3']
          .filter((p): p is string => Boolean(p))
          .find((p) => spawnSync(p, ['-c', 'import pandas']).status === 0);
  if (pandasPython) {
    const target = join(DATA, 'wen-pipeline.duckdb');
    const pipeline = (): Side => {
      ['', '.wal'].forEach((x) => rmSync(target + x, { force: true }));
      const steps = [
        ['load', csv, '--db', target, '-q'],
        ['analyze', 'routes', '--format', 'json', '--db', target],
        ['analyze', 'species-trends', '--format', 'json', '--db', target],
      ].map((args) => child(BIN, args, env));
      return { wall: sum(steps.map((x) => x.wall)), cpu: sum(steps.map((x) => x.cpu)), rssMb: Math.max(...steps.map((x) => x.rssMb)) };
    };
    record({
      what: 'load + routes + species-trends',
      ...paired(pairs, { run: pipeline }, { run: () => child(join(REPO, 'src', 'bench', 'pandas-baseline.py'), [csv], env, pandasPython) }),
      baselineName: 'a pandas script doing the same work',
    });
    notes.push(pandasAgreement(target, csv, env, pandasPython));
  } else {
    notes.push(
      process.argv.includes('--no-pandas') || rows > 1e7
        ? 'The pandas comparison was not run (--no-pandas, or more than 10M rows).'
        : 'The pandas comparison was not run: no Python with pandas was found ($PYTHON, $VIRTUAL_ENV, /usr/bin/python3, ' +
            'python3; Debian: apt install python3-pandas).',
    );
  }

  notes.push('No polars script is run: polars is not packaged for Debian, and the bench downloads nothing.');
  const report = render(measures, notes, label, statSync(database).size, statSync(csv).size, pairs, memoryLimit, true);
  process.stdout.write(report);
  writeFileSync(results, report);
  log(`written to ${resolve(results)}`);
}

/**
 * Whether the pandas script gives wen's numbers on the same file (run once, after the timed pairs):
 * the seizures of each leg, and the seizures of each year summed over species (the script keeps
 * species names as written, wen their taxa, so the years are compared, not each name).
 */
function pandasAgreement(database: string, csv: string, env: NodeJS.ProcessEnv, python: string): string {
  const emitted = join(DATA, 'pandas-numbers.json');
  const py = spawnSync(python, [join(REPO, 'src', 'bench', 'pandas-baseline.py'), csv, emitted], { env, stdio: 'ignore' });
  const wenJson = (analysis: string) => {
    const run = spawnSync(process.execPath, [BIN, 'analyze', analysis, '--format', 'json', '--db', database], {
      env,
      maxBuffer: 1 << 30,
    });
    return run.status === 0 ? (JSON.parse(run.stdout.toString()) as Array<Record<string, unknown>>) : undefined;
  };
  const legs = wenJson('routes');
  const trends = wenJson('species-trends');
  if (py.status !== 0 || !legs || !trends) return 'The check of the pandas numbers against wen could not run (a step failed).';
  const pandas = JSON.parse(readFileSync(emitted, 'utf8')) as { routes: [string, string, number][]; trends: [string, number, number][] };
  const wenLegs = new Map(legs.map((l) => [`${l.from}→${l.to}`, Number(l.seizures)]));
  const sameLegs = pandas.routes.filter(([from, to, n]) => wenLegs.get(`${from}→${to}`) === n).length;
  const byYear = (rows: Array<[string, number]>) => {
    const years = new Map<string, number>();
    for (const [year, n] of rows) years.set(year, (years.get(year) ?? 0) + n);
    return years;
  };
  const wenYears = byYear(trends.map((t) => [String(t.period), Number(t.seizures)]));
  const pandasYears = byYear(pandas.trends.map(([, year, n]) => [String(year), n]));
  const sameYears = [...pandasYears].filter(([year, n]) => wenYears.get(year) === n).length;
  return (
    `The pandas script's numbers, checked against wen's on the same file: ${sameLegs} of its ${pandas.routes.length} legs ` +
    `(wen: ${wenLegs.size}) have wen's seizure count, and ${sameYears} of its ${pandasYears.size} years (wen: ${wenYears.size}) ` +
    "wen's seizures summed over species."
  );
}

const FLOOR = join(REPO, 'dist', 'bench', 'floor.js');
const BARE = join(REPO, 'dist', 'bench', 'bare-analysis.js');

/**
 * Runs a script in a child process, inside a wrapper that reports the child's own CPU time and peak
 * resident memory at exit: a node script (null: bare `node -e ""`), or with `python` a Python script.
 */
function child(script: string | null, args: string[], env: NodeJS.ProcessEnv, python?: string): Side {
  const nodeWrapper =
    "process.on('exit', () => { const u = process.resourceUsage(); " +
    "process.stderr.write('\\nBENCH_USAGE ' + (u.userCPUTime + u.systemCPUTime) " +
    "+ ' ' + u.maxRSS + '\\n'); });" +
    (script ? " import(require('url').pathToFileURL(process.argv[1]).href)" : '');
  const pythonWrapper =
    'import resource, runpy, sys\nsys.argv = sys.argv[1:]\ntry:\n  runpy.run_path(sys.argv[0], run_name="__main__")\nfinally:\n' +
    '  r = resource.getrusage(resource.RUSAGE_SELF)\n  sys.stderr.write("\\nBENCH_USAGE ' +
    '%d %d\\n" % ((r.ru_utime + r.ru_stime) * 1e6, r.ru_maxrss))\n';
  const started = performance.now();
  const result = python
    ? spawnSync(python, ['-c', pythonWrapper, script!, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, ['-e', nodeWrapper, ...(script ? [script] : []), ...args], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 26,
      });
  const wall = (performance.now() - started) / 1000;
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0) throw new Error(`${script ?? 'node'} ${args.join(' ')} failed: ${stderr}`);
  const usage = /BENCH_USAGE (\d+) (\d+)/.exec(stderr);
  return { wall, cpu: Number(usage?.[1] ?? 0) / 1e6, rssMb: Number(usage?.[2] ?? 0) / 1024 };
}

/** A then B, `pairs` times, each side prepared (not timed) before it runs; medians and the pairs' wall-time ratios. */
function paired(
  pairs: number,
  a: { before?: () => void; run: () => Side },
  b: { before?: () => void; run: () => Side },
): Pick<Measure, 'wen' | 'baseline' | 'ratio'> {
  const as: Side[] = [];
  const bs: Side[] = [];
  for (let i = 0; i < pairs; i++) {
    a.before?.();
    as.push(a.run());
    b.before?.();
    bs.push(b.run());
  }
  const ratios = as.map((x, i) => x.wall / bs[i].wall);
  return {
    wen: medianSide(as),
    baseline: medianSide(bs),
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), pairs },
  };
}

function medianSide(sides: Side[]): Side {
  return { wall: median(sides.map((x) => x.wall)), cpu: median(sides.map((x) => x.cpu)), rssMb: median(sides.map((x) => x.rssMb)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The start of an error's message, on one line and safe in a Markdown table. */
function firstWords(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 160).replace(/\|/g, '/');
}

function render(
  measures: Measure[],
  notes: string[],
  label: string,
  dbBytes: number,
  csvBytes: number,
  pairs: number,
  memoryLimit: string,
  finished: boolean,
): string {
  const cpu = cpus();
  const f = (x: number | undefined, digits = 2) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
  const side = (x: Side | null) => (x ? `${f(x.wall)} | ${f(x.cpu)} | ${f(x.rssMb, 0)}` : '— | — | —');
  const lines = [
    `# wen benchmark — ${label} specimen rows`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, ` +
      `Node ${process.version}. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Input: ${(csvBytes / 2 ** 20).toFixed(0)} MiB CSV. Database ` +
      `after loading it: ${dbBytes ? `${(dbBytes / 2 ** 20).toFixed(0)} MiB` : '—'}.`,
    ...(finished ? [] : ['', '**The run had not finished when this was written**: these are the figures measured so far.']),
    '',
    '| what | wen wall (s) | wen CPU (s) | wen peak RSS (MiB) | baseline ' +
      'wall (s) | baseline CPU (s) | baseline peak RSS (MiB) | baseline ' +
      '| ratio, median of pairs (min–max) |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|',
    ...measures.flatMap((m) => [
      `| ${m.what} | ${side(m.wen)} | ${side(m.baseline)} | ${m.baselineName} ` +
        `| ${m.ratio ? `${f(m.ratio.median)}× (${f(m.ratio.min)}–${f(m.ratio.max)})` : '—'} |`,
      ...(m.beside
        ? [`| | | | | ${side(m.beside.side)} | ${m.beside.name} | ${m.wen ? `${f(m.wen.wall / m.beside.side.wall)}×` : '—'} |`]
        : []),
    ]),
    '',
    `Each comparison ran as ${pairs} alternating pairs (wen, then ` +
      `the baseline), each side in its own process; figures are medians ` +
      `over the pairs,`,
    "and the ratio is the median of the pairs' own wall-time ratios, " +
      'with their range. wen times are whole CLI runs (process start included).',
    `WEN_MEMORY_LIMIT: ${memoryLimit}. CPU time and peak memory are each process's own (Node's resourceUsage; Python's getrusage).`,
    ...notes.map((n) => `\n${n}`),
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
