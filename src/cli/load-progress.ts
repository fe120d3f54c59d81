// The progress line of `wen load` on a terminal: the stage, a percentage, the file's rows (once the
// loader has counted them) and an estimate of the time left. A load's time goes mostly into DuckDB statements, so the percentage within
// a stage comes from DuckDB's own query progress (connection.progress, polled), and the stages are
// weighted by the share of a load they usually take (measured on the bench's 1M-row CSV). The line
// appears only once a load has run for SHOW_AFTER_MS, whatever the file's size (a slow workbook too),
// and only on a terminal; it goes to stderr.
import type { Database } from '../db/database.js';

/** The loader's stages in order, and the share of a load's time each usually takes. */
const STAGE_WEIGHTS: ReadonlyArray<[stage: string, weight: number]> = [
  ['hashing', 0.02],
  ['reading', 0.18],
  ['staging', 0.15],
  ['normalising', 0.15],
  ['writing', 0.5],
];

const SHOW_AFTER_MS = 2000;
const POLL_MS = 250;

/** Overall share done (0–1): the stages before this one, plus this one's share times DuckDB's percentage. */
export function overallDone(stage: string, statementPercent: number | null): number {
  let done = 0;
  for (const [name, weight] of STAGE_WEIGHTS) {
    if (name === stage) return Math.min(1, done + (weight * Math.max(0, Math.min(100, statementPercent ?? 0))) / 100);
    done += weight;
  }
  return 0;
}

/** One progress line: "file  43% writing · 1,234,567 rows · 12 s left" (the time left once it can be judged). */
export function progressLine(file: string, stage: string, done: number, rows: number | null, elapsedMs: number, width = 80): string {
  const pct = `${Math.floor(done * 100)}%`.padStart(4);
  const parts = [stage];
  if (rows !== null && rows > 0) parts.push(`${rows.toLocaleString('en-US')} rows`);
  // The estimate is the elapsed time stretched to the whole: said only past 5%, when it means something.
  if (done >= 0.05 && done < 1) parts.push(`${formatSeconds((elapsedMs / done - elapsedMs) / 1000)} left`);
  const text = `${pct} ${parts.join(' · ')}`;
  const room = width - text.length - 2;
  const name = file.length <= room ? file : room > 1 ? `…${file.slice(file.length - room + 1)}` : '';
  return name ? `${name}  ${text}` : text;
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s - m * 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export interface LoadProgress {
  stage: (stage: string, detail?: { rows?: number }) => void;
  stop: () => Promise<void>;
}

/**
 * Starts watching one file's load. `write` receives each line (a carriage return redraws it); the
 * default draws on stderr when it is a terminal. DuckDB tracks query progress only when asked: the
 * settings are turned on for the load and off again, with DuckDB's own printing kept off.
 */
export async function watchLoad(
  db: Database,
  file: string,
  write?: (line: string) => void,
  options: { showAfterMs?: number; pollMs?: number } = {},
): Promise<LoadProgress> {
  const terminal = write ?? (process.stderr.isTTY ? (line: string) => process.stderr.write(`\r${line}\x1b[K`) : null);
  if (!terminal) return { stage: () => {}, stop: async () => {} };
  await db.run('SET enable_progress_bar = true');
  await db.run('SET enable_progress_bar_print = false');
  await db.run('SET progress_bar_time = 0');
  const started = Date.now();
  let stage = 'starting';
  let rows: number | null = null;
  let drawn = false;
  // Never backwards: the writing stage runs several statements, each from 0 to 100%.
  let shown = 0;
  const timer = setInterval(() => {
    const elapsed = Date.now() - started;
    if (elapsed < (options.showAfterMs ?? SHOW_AFTER_MS)) return;
    // DuckDB's percentage of the running statement (-1 between statements); its row counts are its
    // own units, not the file's, so the rows shown are the loader's.
    const { percentage } = db.connection.progress;
    shown = Math.max(shown, overallDone(stage, percentage >= 0 ? percentage : null));
    terminal(progressLine(file, stage, shown, rows, elapsed, process.stderr.columns || 80));
    drawn = true;
  }, options.pollMs ?? POLL_MS);
  return {
    stage: (next, detail) => {
      stage = next;
      rows = detail?.rows ?? rows;
    },
    stop: async () => {
      clearInterval(timer);
      if (drawn && !write) process.stderr.write('\r\x1b[K');
      await db.run('SET enable_progress_bar = false');
    },
  };
}
