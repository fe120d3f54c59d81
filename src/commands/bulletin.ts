// `wen bulletin`: what is new since the last bulletin, for cron. Silent on stdout unless --print;
// exit 0 when a bulletin was written, 6 when there was nothing new; a second run while one is going
// waits up to --wait seconds for the database, then exits 5 with a clear message.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption, writeOut } from '../cli/options.js';
import { EXIT, UsageError } from '../errors.js';

export function bulletinCommand(): Command {
  return new Command('bulletin')
    .description('write a bulletin of what is new since the last one (Markdown, HTML, JSON), for unattended runs')
    .option('--since <when>', '"last" (the previous bulletin) or a date: cover files loaded after it', 'last')
    .requiredOption('-o, --out <dir>', 'folder for the bulletin files')
    .option('--include-names', 'show names (by default persons and companies are pseudonymised)')
    .option('--large-kg <kg>', 'a seizure is large from this many kilograms', '500')
    .option('--large-usd <usd>', 'or from this value in US dollars', '1000000')
    .option('--lang <lang>', 'language of the Markdown and HTML (headings, country names, numbers): en, fr or es', 'en')
    .option('--print', 'also print the Markdown on stdout')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .addOption(dbOption())
    .addOption(waitOption())
    .action(async (opts) => {
      const since = String(opts.since);
      if (since !== 'last' && !/^\d{4}-\d{2}-\d{2}$/.test(since))
        throw new UsageError(`--since "${since}" is neither "last" nor a date`, { hint: 'use last or YYYY-MM-DD' });
      const numbers = ['largeKg', 'largeUsd'].map((k) => Number(opts[k]));
      if (numbers.some((n) => !Number.isFinite(n) || n < 0)) throw new UsageError('--large-kg and --large-usd take numbers ≥ 0');
      const lang = (await import('../report/i18n/messages.js')).parseLang(opts.lang);
      const [{ Database }, { runBulletin }, { toMarkdown }] = await Promise.all([
        import('../db/database.js'),
        import('../bulletin/run.js'),
        import('../bulletin/render.js'),
      ]);
      // A writer: waits only when --wait is given (the retry lives in Database.open).
      const db = await Database.open(databasePath(opts), openOptions(opts));
      try {
        const outcome = await runBulletin(db, {
          since,
          outDir: opts.out,
          includeNames: Boolean(opts.includeNames),
          largeKg: numbers[0],
          largeUsd: numbers[1],
          lang,
        });
        if (outcome.status === 'nothing-new') {
          if (!opts.quiet) process.stderr.write(`bulletin: nothing new since ${outcome.since ?? 'the start'}\n`);
          process.exitCode = EXIT.nothingNew;
          return;
        }
        if (!opts.quiet)
          process.stderr.write(
            `bulletin: ${outcome.bulletin.summary.new_seizures} new seizures; written ${outcome.files.join(', ')} to ${opts.out}\n`,
          );
        if (opts.print) writeOut(toMarkdown(outcome.bulletin, lang));
      } finally {
        db.close();
      }
    });
}
