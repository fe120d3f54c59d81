// `wen sql "<query>"`: a read-only escape hatch onto the database for anything wen has no command for.
// One query a call, no file outside the database, wen's secrets out of reach: see src/db/sandbox.ts.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption, formatOption, outputFormat, writeOut } from '../cli/options.js';
import { formatRows } from '../output/format.js';

export function sqlCommand(): Command {
  return new Command('sql')
    .description('run one read-only SQL query against the database (tables: see the README)')
    .argument('<query>', 'one query (SELECT, EXPLAIN, DESCRIBE, SUMMARIZE, SHOW), e.g. "select * from seizures limit 5"')
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(formatOption())
    .action(async (query: string, opts) => {
      const { withDatabase } = await import('../db/database.js');
      const { runSandboxed } = await import('../db/sandbox.js');
      const { rows, columns } = await withDatabase(databasePath(opts), async (db) => runSandboxed(db, await db.lockDown(), query), { readOnly: true, ...openOptions(opts) });
      // The statement's columns, so that an empty result still has its CSV header.
      writeOut(formatRows(rows, outputFormat(opts), columns));
    });
}
