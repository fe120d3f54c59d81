// `wen report annual`: the Secretariat's annual illegal trade summary for one year, as a
// self-contained HTML page, Markdown, a CSV per table, one workbook with a sheet per table, and JSON, written into a folder;
// with --pdf, the page printed to PDF by Chromium.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption } from '../cli/options.js';
import { UsageError } from '../errors.js';
import { rateYearOption } from './analyze.js';

export function reportCommand(): Command {
  const report = new Command('report').description('write reports: wen report annual --year 2024 --out report/');
  report.addCommand(
    new Command('annual')
      .description(
        'the annual illegal trade summary of one year (HTML, Markdown, ' +
          'CSV per table, an XLSX workbook with a sheet per table, JSON), ' +
          "modelled on the Secretariat's analyses of annual illegal trade reports",
      )
      .requiredOption('-y, --year <year>', 'the year of the seizures (the year before is shown for comparison)')
      .requiredOption('-o, --out <dir>', 'folder for the report files')
      .option('--reporting-country <country>', "only this Party's own report (name or ISO code)")
      .option('--top <n>', 'rows in the ranked tables (species, routes, countries)', '20')
      .option('--rates <file>', 'exchange rates CSV (currency,year,per_usd) instead of the bundled annual averages')
      .addOption(rateYearOption())
      .option(
        '--standardise',
        'add kilograms estimated from pieces and volume, and whole-organism equivalents, to the top species (each with its rule)',
      )
      .option('--factors <file>', 'whole-organism factors CSV instead of the bundled ones (with --standardise)')
      .option('--lang <lang>', 'language of the titles, texts, country and term names, numbers and dates: en, fr or es', 'en')
      .option('--pdf', "also print the HTML page to PDF (A4, numbered pages) through Chromium (Debian's chromium package, or WEN_CHROMIUM)")
      .option('-q, --quiet', 'print nothing on stderr but errors')
      .addOption(dbOption())
      .addOption(waitOption())
      .exitOverride()
      .showHelpAfterError('(add --help for usage)')
      .action(async (opts) => {
        const year = Number(opts.year);
        if (!/^\d{4}$/.test(String(opts.year)) || year < 1975)
          throw new UsageError(`--year "${opts.year}" is not a year`, { hint: 'give a year such as 2024 (CITES reports start in 1975)' });
        const { parseLang } = await import('../report/i18n/messages.js');
        const lang = parseLang(opts.lang);
        const top = Number(opts.top);
        if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top "${opts.top}" is not a whole number ≥ 1`);
        const [{ withDatabase }, { buildAnnualReport }, { writeAnnualReport }] = await Promise.all([
          import('../db/database.js'),
          import('../report/annual.js'),
          import('../report/write.js'),
        ]);
        const { writeReportWorkbook } = await import('../output/report-workbook.js');
        const built = await withDatabase(
          databasePath(opts),
          (db) =>
            buildAnnualReport(db, {
              year,
              reportingCountry: opts.reportingCountry,
              ratesPath: opts.rates,
              rateYear: opts.rateYear,
              top,
              lang,
              standardise: opts.standardise ? { factorsPath: opts.factors } : undefined,
            }),
          { readOnly: true, ...openOptions(opts) },
        );
        const files = await writeAnnualReport(built, opts.out);
        files.push(await writeReportWorkbook(built, opts.out));
        if (opts.pdf) {
          const [{ printToPdf }, { join }, { reportStem }] = await Promise.all([
            import('../report/pdf.js'),
            import('node:path'),
            import('../report/write.js'),
          ]);
          const stem = reportStem(built);
          await printToPdf(join(opts.out, `${stem}.html`), join(opts.out, `${stem}.pdf`));
          files.push(`${stem}.pdf`);
        }
        if (!opts.quiet) {
          for (const note of built.notes) process.stderr.write(`report: ${note}\n`);
          const main = files.filter((f) => !f.includes('/'));
          process.stderr.write(
            `report: ${built.headline.seizures ?? 0} seizures of ${year}; ` +
              `wrote ${main.join(', ')} and ${files.length - main.length} tables ` +
              `and charts to ${opts.out}\n`,
          );
        }
      }),
  );
  return report;
}
