// `wen analyze <name>`: one subcommand per registered analysis, each with the shared filters and
// output flags plus its own options. Flags in, runAnalysis, rows out (stdout or --out), chart to --chart.
import { Command, Option } from 'commander';
import { ANALYSES, getAnalysis } from '../analysis/registry.js';
import { optionNumber, type AnalysisDefinition } from '../analysis/definition.js';
import { FILTER_DECLARATIONS, FILTER_KEYS, filterFlag } from '../analysis/filter-flags.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../normalise/closest.js';
import { chooseFormat, EXPORT_FORMATS, parseExportFormat, withBom } from '../output/formats.js';
import { checkOutputFile, writeOutputFile } from '../output/out-file.js';
import { defaultFormat, formatRows } from '../output/text-formats.js';
import { bomOption, limitOption, databasePath, dbOption, openOptions, waitOption, writeOut } from '../cli/options.js';

export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .description('run an analysis (ICCWC Annex 2 subjects): wen analyze --list')
    .argument('[analysis]', 'the analysis to run')
    .option('-l, --list', 'list the analyses and what each answers (a table on a terminal, CSV when piped)')
    .action((name: string | undefined, opts) => {
      if (name) getAnalysis(name); // a registered name would have run its own subcommand
      if (!opts.list)
        throw new UsageError('which analysis?', { hint: `wen analyze --list, or one of: ${ANALYSES.map((a) => a.name).join(', ')}` });
      const rows = ANALYSES.map((a) => ({ analysis: a.name, question: a.question, views: Object.keys(a.views ?? {}).join(', ') }));
      // The questions are the point of the list: a terminal shows them whole, a line each, not cut in a box.
      const pad = Math.max(...rows.map((r) => r.analysis.length)) + 2;
      writeOut(
        defaultFormat() === 'table'
          ? rows.map((r) => `${r.analysis.padEnd(pad)}${r.question}${r.views ? ` (views: ${r.views})` : ''}\n`).join('')
          : formatRows(rows, 'csv'),
      );
    });
  for (const definition of ANALYSES)
    command.addCommand(analysisCommand(definition).exitOverride().showHelpAfterError('(add --help for usage)'));
  return command;
}

function analysisCommand(definition: AnalysisDefinition): Command {
  const command = new Command(definition.name).description(definition.question);
  for (const option of definition.options) {
    const o = new Option(option.flags, option.description);
    if (option.choices) o.choices(option.choices as string[]);
    if (option.type === 'number') o.argParser(numberFlag(option.flags));
    if (option.default !== undefined && option.type !== 'boolean') o.default(option.default);
    command.addOption(o);
  }
  if (definition.views) {
    const views = ['default', ...Object.keys(definition.views)];
    command.addOption(
      new Option(
        '--view <view>',
        `what to show: ${Object.entries(definition.views)
          .map(([v, d]) => `${v} (${d})`)
          .join('; ')} (choices: ${views.join(', ')})`,
      )
        .argParser((view: string) => {
          if (views.includes(view)) return view;
          const suggestion = didYouMean(view, views);
          throw new UsageError(`${definition.name} has no view "${view}"${suggestion ? `: ${suggestion}` : ''}`, {
            hint: `Allowed choices are ${views.join(', ')}`,
          });
        })
        .default('default'),
    );
  }
  for (const key of FILTER_KEYS) {
    const declared: { help: string; choices?: readonly string[] } = FILTER_DECLARATIONS[key];
    const option = new Option(filterFlag(key), declared.help);
    command.addOption(declared.choices ? option.choices([...declared.choices]) : option);
  }
  command
    .option('--rates <file>', 'exchange rates CSV (currency,year,per_usd) instead of the bundled annual averages')
    .addOption(rateYearOption())
    .addOption(
      new Option(
        '-f, --format <format>',
        `${EXPORT_FORMATS.join('|')} (default: from --out, else table on a terminal, csv when piped)`,
      ).argParser(parseExportFormat),
    )
    .option('-o, --out <file>', 'write the table to this file instead of stdout')
    .addOption(bomOption())
    .addOption(limitOption())
    .option('--chart <file>', 'write a chart: .vl.json (Vega-Lite spec), .svg, .png or .html')
    .addOption(dbOption())
    .addOption(waitOption())
    .action(async (opts) => {
      // The engine, the writers and the chart renderer load only when an analysis runs.
      const [{ filtersFrom }, { runAnalysis }, { withDatabase }, { renderResult, writeResultChart }] = await Promise.all([
        import('../analysis/filters.js'),
        import('../analysis/run.js'),
        import('../db/database.js'),
        import('../output/result-output.js'),
      ]);
      const filters = filtersFrom(opts);
      const format = chooseFormat(opts.format, opts.out);
      if ((format === 'arrow' || format === 'xlsx') && !opts.out && process.stdout.isTTY)
        throw new UsageError(`${format} is a binary format: give --out FILE.${format} or pipe it`);
      if (opts.out) checkOutputFile(opts.out, '--out');
      if (opts.chart) checkOutputFile(opts.chart, '--chart');
      await withDatabase(
        databasePath(opts),
        async (db) => {
          const result = await runAnalysis(db, definition, filters, opts, {
            view: opts.view,
            ratesPath: opts.rates,
            rateYear: opts.rateYear,
          });
          for (const note of result.notes) process.stderr.write(`${definition.name}: ${note}\n`);
          // --limit keeps the first rows in every format; stdout's table is fitted to the terminal.
          const toTerminal = format === 'table' && !opts.out;
          const shown = opts.limit === undefined || toTerminal ? result : { ...result, rows: result.rows.slice(0, opts.limit) };
          const output = withBom(
            await renderResult(db, definition, shown, format, opts.out, toTerminal ? { limit: opts.limit } : undefined),
            format,
            opts.bom,
          );
          if (opts.out) {
            if (format !== 'parquet') writeOutputFile(opts.out, output);
            process.stderr.write(`${definition.name}: ${shown.rows.length} rows written to ${opts.out}\n`);
          } else writeOut(output);
          if (opts.chart) {
            const drawn = await writeResultChart(definition, result, opts.chart);
            process.stderr.write(
              drawn
                ? `${definition.name}: chart written to ${opts.chart}\n`
                : `${definition.name}: no chart for this ${opts.view && opts.view !== 'default' ? 'view' : 'result'}\n`,
            );
          }
        },
        { readOnly: true, ...openOptions(opts) },
      );
    });
  return command;
}

/**
 * --rate-year YYYY: the year whose rates convert undated values in currencies other than USD (a
 * dollar needs none). Checked here as a year, and against the rates file's years when it is read.
 */
export function rateYearOption(): Option {
  return new Option(
    '--rate-year <year>',
    "convert undated values at this year's rates (a year of the rates file); without it they stay unconverted and are counted",
  ).argParser((value: string) => {
    if (!/^\d{4}$/.test(value.trim()))
      throw new UsageError(`--rate-year "${value}" is not a year`, { hint: 'give a year of the rates file, such as 2020' });
    return Number(value.trim());
  });
}

function numberFlag(flags: string) {
  return (value: string) => optionNumber(flags, value);
}
