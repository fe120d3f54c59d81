// Options shared by every command, and the one place that turns them into values.
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { defaultFormat, parseFormat, type Format } from '../output/format.js';

export const DEFAULT_DB = 'wen.duckdb';

export const dbOption = () => new Option('--db <path>', 'database file (default: $WEN_DB or ./wen.duckdb)');
export const formatOption = () => new Option('-f, --format <format>', 'table|csv|json|ndjson (default: table on a terminal, csv when piped)').argParser(parseFormat);

/** --wait SECONDS: how long to wait for another wen process to release the database (defaults in src/db/database.ts). */
export const waitOption = () =>
  new Option('--wait <seconds>', 'wait this long for another wen process to release the database (default: 10 to read, 0 to write)').argParser(parseWait);

function parseWait(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--wait "${value}" is not a number of seconds`, { hint: 'give a number ≥ 0, e.g. --wait 600; 0 fails at once' });
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
