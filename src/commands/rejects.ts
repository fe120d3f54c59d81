// `wen rejects`: the rows that were not loaded, with the file, row, column and reason, in any output format.
import { Command } from 'commander';
import {
  bomOption,
  databasePath,
  dbOption,
  exportFormatOption,
  limitOption,
  openOptions,
  outOption,
  positiveInteger,
  waitOption,
} from '../cli/options.js';

const COLUMNS = ['source_id', 'file', 'row', 'column', 'value', 'reason', 'raw_record'];

export function rejectsCommand(): Command {
  return new Command('rejects')
    .description('list rows that were rejected, and why')
    .option('-s, --source <id>', 'only rows of this source (see wen info)', positiveInteger)
    .option('-r, --reason <text>', 'only reasons containing this text')
    .addOption(limitOption())
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(exportFormatOption())
    .addOption(outOption('the rejected rows'))
    .addOption(bomOption())
    .action(async (opts) => {
      const [{ withDatabase }, { tableFormat, emitTable }, { TERMINAL_ROWS }] = await Promise.all([
        import('../db/database.js'),
        import('../output/emit.js'),
        import('../output/terminal-table.js'),
      ]);
      const format = tableFormat(opts);
      // A terminal shows 40 rows by default: only those are read, and the others counted.
      const onTerminal = format === 'table' && !opts.out && process.stdout.isTTY;
      const params = { source: opts.source ?? null, reason: opts.reason ?? null, limit: opts.limit ?? (onTerminal ? TERMINAL_ROWS : null) };
      const where = `WHERE ($source IS NULL OR r.source_id = $source) AND ($reason IS NULL OR contains(lower(r.reason), lower($reason)))`;
      const [table, total] = await withDatabase(
        databasePath(opts),
        async (db) =>
          [
            await db.table(
              `SELECT r.source_id, s.file_name AS file, r.row_number AS row, r.column_name AS column, r.value, r.reason, r.raw_record
             FROM rejects r JOIN sources s USING (source_id) ${where}
             ORDER BY r.source_id, r.row_number LIMIT coalesce($limit, 9223372036854775807)`,
              params,
            ),
            onTerminal ? (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM rejects r ${where}`, params))!.n : undefined,
          ] as const,
        { readOnly: true, ...openOptions(opts) },
      );
      const types = Object.fromEntries(table.columns.map((c, i) => [c, table.types[i]]));
      await emitTable({ rows: table.rows, columns: COLUMNS, types, total }, format, opts, 'rejects');
    });
}
