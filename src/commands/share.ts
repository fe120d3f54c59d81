// `wen share --out DIR`: a copy of the database with names and numbers pseudonymised and no key, plus
// a README of what it holds, for partners who must not receive nominal data. The work is in src/share/.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption } from '../cli/options.js';

export function shareCommand(): Command {
  return new Command('share')
    .description(
      'write a copy of the database for sharing: names, passports, ' +
        'phones, plates and document numbers pseudonymised, free text ' +
        'that can hold names removed, no key',
    )
    .requiredOption('-o, --out <dir>', 'a new or empty folder for shared.duckdb and its README.md')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .addOption(dbOption())
    .addOption(waitOption())
    .action(async (opts) => {
      const { shareDatabase } = await import('../share/share.js');
      const summary = await shareDatabase(databasePath(opts), opts.out, openOptions(opts));
      if (!opts.quiet) {
        const pseudonyms = Object.values(summary.pseudonyms).reduce((a, b) => a + b, 0);
        process.stderr.write(
          `share: wrote ${summary.file} (${summary.rows.seizures ?? 0} ` +
            `seizures, ${summary.rows.actors ?? 0} actors, ${pseudonyms} values ` +
            `pseudonymised) and ${summary.readme}\n`,
        );
        if (summary.left_out.length)
          process.stderr.write(`share: tables not copied (wen share does not know them): ${summary.left_out.join(', ')}\n`);
      }
    });
}
