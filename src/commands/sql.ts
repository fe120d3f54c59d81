// `wen sql "<query>"`: a read-only escape hatch onto the database for anything wen has no command for.
// One query a call, no file outside the database, wen's secrets out of reach: see src/db/sandbox.ts.
// The result goes through the same output surface as every table (src/output/emit.ts).
import { Command } from 'commander';
import { bomOption, databasePath, dbOption, exportFormatOption, limitOption, openOptions, outOption, waitOption } from '../cli/options.js';

export function sqlCommand(): Command {
  return new Command('sql')
    .description('run one read-only SQL query against the database (tables: see docs/database.md)')
    .argument('<query>', 'one query (SELECT, EXPLAIN, DESCRIBE, SUMMARIZE, SHOW), e.g. "select * from seizures limit 5"')
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(exportFormatOption())
    .addOption(outOption('the result'))
    .addOption(bomOption())
    .addOption(limitOption())
    .action(async (query: string, opts) => {
      const [{ withDatabase }, { runSandboxed }, { tableFormat, emitTable }] = await Promise.all([
        import('../db/database.js'),
        import('../db/sandbox.js'),
        import('../output/emit.js'),
      ]);
      const format = tableFormat(opts);
      // The database is locked down for the query (no file access): the result is written after it closes.
      const result = await withDatabase(databasePath(opts), async (db) => runSandboxed(db, await db.lockDown(), query), {
        readOnly: true,
        ...openOptions(opts),
      });
      // The statement's columns and types, so that an empty result still has its header and schema.
      await emitTable(result, format, opts, 'sql');
    });
}
