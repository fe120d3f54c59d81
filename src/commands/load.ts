// `wen load FILE|FOLDER…`: flags in, loader called, a summary out on stderr.
import { basename, dirname } from 'node:path';
import { Command, Option } from 'commander';
import { InputError, RejectedRowsError, UsageError } from '../errors.js';
import type { LoadOptions, LoadReport } from '../load/loader.js';
import { PROFILES, type ProfileName } from '../load/profiles/names.js';
import { watchLoad } from '../cli/load-progress.js';
import { databasePath, dbOption, openOptions, waitOption, formatOption, outputFormat, writeOut } from '../cli/options.js';
import { formatRows, type Format } from '../output/text-formats.js';

// The loader (DuckDB, exceljs, iconv…) is imported when the command runs, so start-up stays fast.

export function loadCommand(): Command {
  return new Command('load')
    .description('load seizure files (CSV, TSV, XLSX, Parquet, JSON, NDJSON) into the database')
    .argument('<paths...>', 'files or folders to load')
    .addOption(new Option('-p, --profile <name>', 'how to read the file').choices([...PROFILES]).default('auto'))
    .option('-m, --mapping <file>', 'YAML or JSON mapping of columns to fields (implies --profile generic)')
    .option('--sheet <name>', 'read only this sheet of a workbook (default: every sheet with a seizure table)')
    .option('--reporting-country <country>', 'country that made the report, when the file does not say (name or ISO code)')
    .addOption(
      new Option(
        '--date-order <order>',
        "how to read ambiguous dates like 03/04/2019 (default: the mapping's date_order, else dmy)",
      ).choices(['dmy', 'mdy', 'ymd']),
    )
    .addOption(
      new Option(
        '--group-rows <rule>',
        'how rows form seizures: reference (same reference), same-details (same date, place and route), none (one per row)',
      ).choices(['reference', 'same-details', 'none']),
    )
    .option(
      '--received <date>',
      'the day the report arrived (YYYY-MM-DD), recorded on each file loaded; the annual report judges timeliness by it',
    )
    .option('--replace', 'reload a file whose content was already loaded (its old rows are removed)')
    .option('--dry-run', 'read, normalise and report, but write nothing')
    .option('--strict', 'exit with code 4 when any row is rejected')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(formatOption().default(undefined, 'summary on stderr only'))
    .action(async (paths: string[], opts) => {
      if (opts.mapping && opts.profile !== 'auto' && opts.profile !== 'generic')
        throw new UsageError(`--mapping goes with --profile generic, not ${opts.profile}`);
      const receivedOn =
        opts.received === undefined ? undefined : (await import('../report/received.js')).parseReceivedDate(String(opts.received));
      const [{ withDatabase }, { pathEntries, loadFile, emptyReport }] = await Promise.all([
        import('../db/database.js'),
        import('../load/loader.js'),
      ]);
      const entries = paths.flatMap((p) => pathEntries(p));
      const tried = entries.filter((e) => !e.skipped).length;
      // Files of one folder skipped for one reason (a folder of charts) are said in one line.
      const skippedTogether = new Map<string, string[]>();
      for (const e of entries)
        if (e.skipped)
          skippedTogether.set(`${dirname(e.file)}\n${e.skipped}`, [
            ...(skippedTogether.get(`${dirname(e.file)}\n${e.skipped}`) ?? []),
            e.file,
          ]);
      const skipLine = (file: string, why: string): string | null => {
        const group = skippedTogether.get(`${dirname(file)}\n${why}`) ?? [file];
        if (group[0] !== file) return null;
        if (group.length === 1) return `${file}: skipped: ${why}\n`;
        const names = group.map((f) => basename(f));
        const some = `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
        return `${dirname(file)}: skipped ${group.length} files (${some}): ${why}\n`;
      };
      const failures: Array<{ file: string; error: unknown }> = [];
      const reports: LoadReport[] = await withDatabase(
        databasePath(opts),
        async (db) => {
          const all: LoadReport[] = [];
          for (const { file, skipped } of entries) {
            if (skipped) {
              const line = skipLine(file, skipped);
              if (!opts.quiet && line) process.stderr.write(line);
              all.push({ ...emptyReport(file), status: 'skipped', note: skipped });
              continue;
            }
            const progress = opts.quiet ? { stage: () => {}, stop: async () => {} } : await watchLoad(db, file);
            try {
              const options: LoadOptions = {
                profile: opts.profile as ProfileName,
                mappingPath: opts.mapping,
                sheet: opts.sheet,
                replace: opts.replace,
                dryRun: opts.dryRun,
                reportingCountry: opts.reportingCountry,
                dateOrder: opts.dateOrder,
                groupRows: opts.groupRows,
                receivedOn,
                onStage: progress.stage,
              };
              const reports = await loadFile(db, file, options);
              await progress.stop();
              for (const report of reports) if (!opts.quiet) process.stderr.write(summarise(report));
              all.push(...reports);
            } catch (error) {
              // A file that fails, fails alone: the others are still tried (each load is its own
              // transaction, rolled back on failure), and all are reported before the exit says so.
              if (tried === 1 || error instanceof UsageError) throw error;
              await progress.stop();
              failures.push({ file, error });
              const message =
                error instanceof InputError
                  ? error.message
                  : `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
              const said = message.startsWith(`${file}:`) ? message : `${file}: ${message}`;
              const hint = error instanceof InputError ? error.hint : undefined;
              process.stderr.write(`${said} (failed: nothing written from it)\n${hint ? `  hint: ${hint}\n` : ''}`);
              all.push({ ...emptyReport(file), status: 'failed', note: message });
            } finally {
              await progress.stop();
            }
          }
          return all;
        },
        openOptions(opts),
      );
      if (opts.format) writeOut(formatRows(reports.map(reportRow), outputFormat(opts) as Format));
      if (failures.length) {
        // A failure that is not the input's (a bug) keeps its own exit code, after every file was tried.
        const internal = failures.find((f) => !(f.error instanceof InputError));
        if (internal) throw internal.error;
        const loaded = new Set(reports.filter((r) => r.status === 'loaded' || r.status === 'dry-run').map((r) => r.file)).size;
        throw new InputError(`${failures.length} of ${tried} files could not be loaded: ${failures.map((f) => f.file).join(', ')}`, {
          hint:
            `each one is said above; ` +
            `${loaded ? `${loaded} other ${loaded === 1 ? 'file was' : 'files were'} loaded` : 'no file was loaded'}`,
        });
      }
      const rejected = reports.reduce((n, r) => n + r.rejected, 0);
      if (opts.strict && rejected > 0)
        throw new RejectedRowsError(`${rejected} row(s) rejected (--strict)`, { hint: 'see them with: wen rejects' });
    });
}

export function summarise(r: LoadReport): string {
  const name = r.sheet ? `${r.file} [${r.sheet}]` : r.file;
  if (r.status === 'already-loaded') return `${name}: nothing added: ${r.note} (use --replace to reload)\n`;
  if (r.status === 'no-table') return `${name}: ${r.note}\n`;
  if (r.profile === 'forensics' || r.profile === 'payments') {
    return (
      `${name}: ${r.status === 'dry-run' ? 'dry run, nothing written' : `loaded as source ${r.sourceId}`} ` +
      `(profile ${r.profile}: ${r.profileReason})\n  rows: ${n(r.read)} ` +
      `read = ${n(r.loaded)} loaded + ${n(r.rejected)} rejected${r.blank ? `; ${n(r.blank)} blank` : ''}\n`
    );
  }
  const lines = [
    `${name}: ${r.status === 'dry-run' ? 'dry run, nothing written' : `loaded as source ${r.sourceId}`} ` +
      `(profile ${r.profile}: ${r.profileReason}${r.encoding && r.encoding !== 'utf-8' ? `; encoding ${r.encoding}` : ''})`,
    `  rows: ${n(r.read)} read = ${n(r.loaded)} loaded + ${n(r.rejected)} rejected` +
      [r.blank && `${n(r.blank)} blank`, r.totals && `${n(r.totals)} totals`, r.filtered && `${n(r.filtered)} filtered out by the mapping`]
        .filter(Boolean)
        .map((s) => `; ${s}`)
        .join(''),
    ...(r.groupedBy
      ? [
          `  seizures: ${n(r.loaded)} ${r.loaded === 1 ? 'row' : 'rows'} ` +
            `→ ${n(r.seizures)} ${r.seizures === 1 ? 'seizure' : 'seizures'}, ` +
            `grouped by ${r.groupedBy}`,
        ]
      : []),
    ...(r.extras?.length
      ? [
          `  kept in extras (no wen field): ${listed(
            r.extras.map((h) => `"${h}"`),
            12,
          )}`,
        ]
      : []),
    ...(r.notes ?? []).map((note) => `  persons in text: ${note}`),
    `  added: ${n(r.seizures)} seizures, ${n(r.specimens)} specimens, ` +
      `${n(r.actors)} actors, ${n(r.documents)} documents; ${n(r.flagged)} ` +
      `${r.flagged === 1 ? 'row' : 'rows'} with values kept as given ` +
      `(wen sql "from flags")`,
  ];
  if (r.sameSeizures)
    lines.push(
      `  same seizures: ${n(r.sameSeizures)} ${r.sameSeizures === 1 ? 'seizure is' : 'seizures are'} ` +
        `also told by another source (table seizure_links); analyses count ` +
        `each once (--keep-duplicates to see both)`,
    );
  if (r.watchHits)
    lines.push(
      `  watch list: ${n(r.watchHits)} ${r.watchHits === 1 ? 'hit' : 'hits'} ` +
        `(entry × seizure) — see: wen watch hits --source ${r.sourceId}`,
    );
  if (r.topReasons.length)
    lines.push(
      `  rejected because: ${r.topReasons.map((t) => `${t.reason} (${n(t.rows)})`).join('; ')} — see: wen rejects --source ${r.sourceId}`,
    );
  return lines.join('\n') + '\n';
}

function reportRow(r: LoadReport) {
  const { topReasons, extras, notes, ...rest } = r;
  return {
    ...rest,
    extras: (extras ?? []).join('; '),
    notes: (notes ?? []).join('; '),
    top_reasons: topReasons.map((t) => `${t.reason} (${t.rows})`).join('; '),
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/** The first `most` items, then how many more (the JSON report lists them all). */
const listed = (items: string[], most: number) =>
  items.length <= most ? items.join(', ') : `${items.slice(0, most).join(', ')} and ${items.length - most} more (--format json lists them)`;
