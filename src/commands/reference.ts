// `wen reference import FILE…`: the CITES Checklist (and Species+ common names) into the database,
// for the loader to normalise taxa with. Flags in, src/reference/import.ts called, a summary out.
import { Command } from 'commander';
import { databasePath, dbOption, formatOption, openOptions, outputFormat, waitOption, writeOut } from '../cli/options.js';
import { formatRows } from '../output/text-formats.js';

export function referenceCommand(): Command {
  const reference = new Command('reference').description(
    'import the CITES Checklist (Index of CITES Species) and Species+ common names as the taxonomic reference',
  );
  reference.addCommand(
    new Command('import')
      .description(
        'read an Index of CITES Species CSV export (.csv or .csv.gz) ' +
          'and optionally Species+ common-name files into the database; ' +
          'a new Index replaces the one imported before',
      )
      .argument('<files...>', 'the Index CSV, and Species+ common-name CSVs (ComName, LangShort, RecId)')
      .option('--extend', 'keep the bundled taxa and common names the Checklist does not have (default: the Checklist alone)')
      .addOption(dbOption())
      .addOption(waitOption())
      .addOption(formatOption())
      .action(async (files: string[], opts) => {
        const { withDatabase } = await import('../db/database.js');
        const { importReference } = await import('../reference/import.js');
        const done = await withDatabase(
          databasePath(opts),
          (db) => importReference(db, files, { extend: Boolean(opts.extend) }),
          openOptions(opts),
        );
        for (const file of done)
          process.stderr.write(`${file.file}: ${file.format}, dated ${file.dated} (from the ${file.dated_from}): ${file.note}\n`);
        const format = outputFormat(opts);
        if (format === 'json') return writeOut(JSON.stringify(done, null, 2) + '\n');
        writeOut(
          formatRows(
            done.map(({ note: _note, ...row }) => row),
            format,
          ),
        );
      }),
  );
  return reference;
}
