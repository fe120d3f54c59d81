// `wen rejects`: the rows that were not loaded, with the file, row, column and reason.
import { Command, InvalidArgumentError } from 'commander';
import { databasePath, dbOption, openOptions, waitOption, formatOption, outputFormat, writeOut } from '../cli/options.js';
import { formatRows } from '../output/format.js';

export function rejectsCommand(): Command {
  return new Command('rejects')
    .description('list rows that were rejected, and why')
    .option('-s, --source <id>', 'only rows of this source (see wen info)', positiveInteger)
    .option('-r, --reason <text>', 'only reasons containing this text')
    .option('--limit <n>', 'at most this many rows (default: all)', positiveInteger)
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(formatOption())
    .action(async (opts) => {
      const { withDatabase } = await import('../db/database.js');
      const rows = await withDatabase(
        databasePath(opts),
        (db) =>
          db.all(
            `SELECT r.source_id, s.file_name AS file, r.row_number AS row, r.column_name AS column, r.value, r.reason, r.raw_record
             FROM rejects r JOIN sources s USING (source_id)
             WHERE ($source IS NULL OR r.source_id = $source) AND ($reason IS NULL OR contains(lower(r.reason), lower($reason)))
             ORDER BY r.source_id, r.row_number LIMIT coalesce($limit, 9223372036854775807)`,
            { source: opts.source ?? null, reason: opts.reason ?? null, limit: opts.limit ?? null },
          ),
        { readOnly: true, ...openOptions(opts) },
      );
      writeOut(formatRows(rows, outputFormat(opts), ['source_id', 'file', 'row', 'column', 'value', 'reason', 'raw_record']));
    });
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}
