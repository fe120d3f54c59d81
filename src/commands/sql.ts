// `wen sql "<query>"`: a read-only escape hatch onto the database for anything wen has no command for.
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { databasePath, dbOption, formatOption, outputFormat, writeOut } from '../cli/options.js';
import { formatRows } from '../output/format.js';

export function sqlCommand(): Command {
  return new Command('sql')
    .description('run a read-only SQL query against the database (tables: see the README)')
    .argument('<query>', 'one SQL statement, e.g. "select * from seizures limit 5"')
    .addOption(dbOption())
    .addOption(formatOption())
    .action(async (query: string, opts) => {
      const { withDatabase } = await import('../db/database.js');
      const { rows, columns } = await withDatabase(
        databasePath(opts),
        async (db) => {
          try {
            return await db.table(query);
          } catch (cause) {
            throw new InputError(`query failed: ${(cause as Error).message.split('\n')[0]}`, { hint: 'the database is opened read-only; tables are listed by wen info', cause });
          }
        },
        { readOnly: true },
      );
      // The statement's columns, so that an empty result still has its CSV header.
      writeOut(formatRows(rows, outputFormat(opts), columns));
    });
}
