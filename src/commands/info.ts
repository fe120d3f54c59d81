// `wen info`: what is in the database — tables, counts, date range, the loaded sources and the taxonomic reference in use.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption, formatOption, outputFormat, writeOut } from '../cli/options.js';
import { formatRows } from '../output/format.js';

export function infoCommand(): Command {
  return new Command('info')
    .description('show the tables, row counts, date range, loaded sources and taxonomic reference of the database')
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
      const ref = info.reference;
      writeOut(ref.taxa === 'bundled' ? 'taxa: bundled reference (src/reference/taxa.csv)\n'
        : `taxa: ${ref.name}, ${ref.mode === 'extend' ? 'with the bundled taxa it lacks' : 'alone'}: ${ref.counts.taxa} taxa, ${ref.counts.synonyms} synonyms, ${ref.counts.common_names} common names\n`);
      if (ref.files.length) writeOut(formatRows(ref.files, 'table'));
    });
}
