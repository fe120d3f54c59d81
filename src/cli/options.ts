// Options shared by every command, and the one place that turns them into values.
import { InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { defaultFormat, parseFormat, type Format } from '../output/text-formats.js';
import { EXPORT_FORMATS, GRAPH_FORMATS, parseExportFormat } from '../output/formats.js';

const DEFAULT_DB = 'wen.duckdb';

export const dbOption = () => new Option('--db <path>', 'database file (default: $WEN_DB or ./wen.duckdb)');
export const formatOption = () =>
  new Option('-f, --format <format>', 'table|csv|json|ndjson (default: table on a terminal, csv when piped)').argParser(parseFormat);

/** The output flags of a command that writes one table (sql, rejects) or several (info): every format, --out, --bom. */
export const exportFormatOption = () =>
  new Option(
    '-f, --format <format>',
    `${EXPORT_FORMATS.filter((f) => !GRAPH_FORMATS.includes(f)).join('|')} (default: from --out, else table on a terminal, csv when piped)`,
  ).argParser(parseExportFormat);
export const outOption = (what = 'the table') => new Option('-o, --out <file>', `write ${what} to this file instead of stdout`);
export const bomOption = () => new Option('--bom', 'start CSV output with a UTF-8 byte-order mark, so that Excel reads accents right');
/** --limit N: at most N rows; without it a table on a terminal shows 40 and says how many more there are. */
export const limitOption = () =>
  new Option('--limit <n>', 'at most this many rows (default: all; 40 in a table on a terminal)').argParser(positiveInteger);

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** --wait SECONDS: how long to wait for another wen process to release the database (defaults in src/db/database.ts). */
export const waitOption = () =>
  new Option(
    '--wait <seconds>',
    'wait this long for another wen process to release the database (default: 10 to read, 0 to write)',
  ).argParser(parseWait);

function parseWait(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--wait "${value}" is not a number of seconds`, { hint: 'give a number ≥ 0, e.g. --wait 600; 0 fails at once' });
  return seconds;
}

/** What the database layer needs from --wait and --quiet to open the file. */
export function openOptions(opts: { wait?: number; quiet?: boolean }): { wait?: number; quiet?: boolean } {
  return { wait: opts.wait, quiet: Boolean(opts.quiet) };
}

export function databasePath(opts: { db?: string }): string {
  return opts.db || process.env.WEN_DB || DEFAULT_DB;
}

export function outputFormat(opts: { format?: Format }): Format {
  return opts.format ?? defaultFormat();
}

/** Writes data to stdout; a closed pipe (`wen … | head`) ends quietly. */
export function writeOut(data: string | Buffer): void {
  process.stdout.write(data);
}
