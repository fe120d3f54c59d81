// Options shared by every command, and the one place that turns them into values.
import { Option } from 'commander';
import { defaultFormat, parseFormat, type Format } from '../output/format.js';

export const DEFAULT_DB = 'wen.duckdb';

export const dbOption = () => new Option('--db <path>', 'database file (default: $WEN_DB or ./wen.duckdb)');
export const formatOption = () => new Option('-f, --format <format>', 'table|csv|json|ndjson (default: table on a terminal, csv when piped)').argParser(parseFormat);

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
