// `wen info`: what is in the database — tables, counts, date range and the loaded sources.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption, formatOption, outputFormat, writeOut } from '../cli/options.js';
import { formatRows } from '../output/format.js';

export function infoCommand(): Command {
  return new Command('info')
    .description('show the tables, row counts, date range and loaded sources of the database')
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(formatOption())
    .action(async (opts) => {
      const { withDatabase } = await import('../db/database.js');
      const { describeDatabase } = await import('../db/describe.js');
      const info = await withDatabase(databasePath(opts), (db) => describeDatabase(db), { readOnly: true, ...openOptions(opts) });
      const format = outputFormat(opts);
      if (format === 'json') return writeOut(JSON.stringify(info, null, 2) + '\n');
      if (format === 'ndjson') return writeOut(JSON.stringify(info) + '\n');
      if (format === 'csv') return writeOut(formatRows(info.sources, 'csv'));
      writeOut(`database ${info.database}\n`);
      writeOut(formatRows(info.tables, 'table'));
      writeOut(`seizure dates: ${info.dates.first ?? '—'} to ${info.dates.last ?? '—'} (${info.dates.undated} undated)\n`);
      writeOut(formatRows(info.sources, 'table'));
    });
}
