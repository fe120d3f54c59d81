// `wen repair`: removes the rows an interrupted load left without their source, and says per table
// what it removed. The work is in src/db/repair.ts.
import { Command } from 'commander';
import { databasePath, dbOption, formatOption, openOptions, outputFormat, waitOption, writeOut } from '../cli/options.js';
import { formatRows } from '../output/text-formats.js';

export function repairCommand(): Command {
  return new Command('repair')
    .description('remove rows left without their source by an interrupted load')
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(formatOption())
    .action(async (opts) => {
      const { withDatabase } = await import('../db/database.js');
      const { repairOrphans, SOURCED_TABLES } = await import('../db/repair.js');
      const removed = await withDatabase(databasePath(opts), (db) => repairOrphans(db), { checkSources: false, ...openOptions(opts) });
      const rows = SOURCED_TABLES.map((table) => {
        const found = removed.find((r) => r.table === table);
        return { table, rows_removed: found?.rows ?? 0, source_ids: (found?.sourceIds ?? []).join(' ') };
      });
      const format = outputFormat(opts);
      if (format === 'json') return writeOut(JSON.stringify({ removed: rows }, null, 2) + '\n');
      writeOut(formatRows(rows, format, ['table', 'rows_removed', 'source_ids']));
    });
}
