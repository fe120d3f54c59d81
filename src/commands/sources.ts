// `wen sources set ID --received DATE`: what a load could not know, told afterwards (the day a Party's
// report arrived). Thin: parses, calls src/report/received.ts, says what it recorded on stderr.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption } from '../cli/options.js';
import { UsageError } from '../errors.js';

export function sourcesCommand(): Command {
  const sources = new Command('sources').description(
    'change what wen records about a loaded file: wen sources set 3 --received 2024-10-15',
  );
  sources.addCommand(
    new Command('set')
      .description('record the day the report in a loaded file arrived (the annual report and data-quality judge timeliness by it)')
      .argument('<id>', 'the source id (see wen info)')
      .option('--received <date>', 'the day the report arrived (YYYY-MM-DD)')
      .option('-q, --quiet', 'print nothing on stderr but errors')
      .addOption(dbOption())
      .addOption(waitOption())
      .exitOverride()
      .showHelpAfterError('(add --help for usage)')
      .action(async (idText: string, opts) => {
        const { parseReceivedDate, parseSourceId, setReceived } = await import('../report/received.js');
        const id = parseSourceId(idText);
        if (opts.received === undefined)
          throw new UsageError('nothing to set', { hint: `give what to record, e.g. wen sources set ${id} --received 2024-10-15` });
        const day = parseReceivedDate(String(opts.received));
        const { withDatabase } = await import('../db/database.js');
        const done = await withDatabase(databasePath(opts), (db) => setReceived(db, id, day), openOptions(opts));
        if (!opts.quiet)
          process.stderr.write(
            `sources: ${done.file_name}${done.sheet ? ` [${done.sheet}]` : ''} (source ${id}) received on ${done.received_on}\n`,
          );
      }),
  );
  return sources;
}
