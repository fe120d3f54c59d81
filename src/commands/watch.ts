// `wen watch`: watch lists of persons, companies and numbers (passports, ID numbers, phones, plates,
// permits), matched with the resolver's keys against the whole database when a list is added and
// against every later load. Flags in, src/identity/watch.ts called, rows out.
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import {
  bomOption,
  databasePath,
  dbOption,
  exportFormatOption,
  formatOption,
  openOptions,
  outOption,
  outputFormat,
  positiveInteger,
  waitOption,
  writeOut,
} from '../cli/options.js';
import { formatRows } from '../output/text-formats.js';

export function watchCommand(): Command {
  const watch = new Command('watch').description(
    'watch lists: persons, companies, passports, phones, plates and permit numbers to hear about at every load and bulletin',
  );
  watch.addCommand(
    new Command('add')
      .description(
        'add a watch list (a CSV with a heading row: name, company, passport, ' +
          'id, phone, plate, permit, note; or one name per line), replacing ' +
          'the list of that name, and match it against the database',
      )
      .argument('<file>', 'the watch list')
      .option('--list <name>', "the list's name (default: the file's name without its extension)")
      .addOption(dbOption())
      .addOption(waitOption())
      .addOption(formatOption())
      .action(async (file: string, opts) => {
        const { withDatabase } = await import('../db/database.js');
        const { addWatchList } = await import('../identity/watch.js');
        const list = opts.list ?? basename(file, extname(file));
        const done = await withDatabase(databasePath(opts), (db) => addWatchList(db, file, list), openOptions(opts));
        process.stderr.write(
          `watch list "${done.list}": ${done.entries} entries, ${done.hits} ` +
            `hits in the database (wen watch hits --list ${JSON.stringify(done.list)})\n`,
        );
        writeOut(formatRows([done], outputFormat(opts), ['list', 'entries', 'hits']));
      }),
  );
  watch.addCommand(
    new Command('list')
      .description('the watch lists held, with their entries and hits')
      .addOption(dbOption())
      .addOption(waitOption())
      .addOption(exportFormatOption())
      .addOption(outOption('the lists'))
      .addOption(bomOption())
      .action(async (opts) => {
        const [{ withDatabase }, { watchLists }, { tableFormat, emitTable }] = await Promise.all([
          import('../db/database.js'),
          import('../identity/watch.js'),
          import('../output/emit.js'),
        ]);
        const rows = await withDatabase(databasePath(opts), (db) => watchLists(db), { readOnly: true, ...openOptions(opts) });
        await emitTable({ rows, columns: ['list', 'file', 'entries', 'added_at', 'hits'] }, tableFormat(opts), opts, 'watch list');
      }),
  );
  watch.addCommand(
    new Command('hits')
      .description('the records where a watch-list entry was found: what matched, the identity, the seizure and the file')
      .option('-s, --source <id>', 'only hits in this source (see wen info)', positiveInteger)
      .option('--list <name>', 'only hits of this list')
      .option('--redact', 'replace names and numbers with the keyed pseudonyms of --redact')
      .addOption(dbOption())
      .addOption(waitOption())
      .addOption(exportFormatOption())
      .addOption(outOption('the hits'))
      .addOption(bomOption())
      .action(async (opts) => {
        const [{ withDatabase }, { watchHits, redactHits, HIT_COLUMNS }, { tableFormat, emitTable }] = await Promise.all([
          import('../db/database.js'),
          import('../identity/watch.js'),
          import('../output/emit.js'),
        ]);
        const rows = await withDatabase(
          databasePath(opts),
          async (db) => {
            const hits = await watchHits(db, { source: opts.source, list: opts.list });
            return opts.redact ? redactHits(hits) : hits;
          },
          { readOnly: true, ...openOptions(opts) },
        );
        await emitTable({ rows, columns: [...HIT_COLUMNS] }, tableFormat(opts), opts, 'watch hits');
      }),
  );
  watch.addCommand(
    new Command('remove')
      .description('remove a watch list and its hits')
      .argument('<list>', "the list's name (wen watch list)")
      .addOption(dbOption())
      .addOption(waitOption())
      .action(async (list: string, opts) => {
        const { withDatabase } = await import('../db/database.js');
        const { removeWatchList } = await import('../identity/watch.js');
        const { UsageError } = await import('../errors.js');
        const n = await withDatabase(databasePath(opts), (db) => removeWatchList(db, list), openOptions(opts));
        if (!n) throw new UsageError(`no watch list "${list}"`, { hint: 'see wen watch list' });
        process.stderr.write(`watch list "${list}": ${n} entries removed\n`);
      }),
  );
  return watch;
}
