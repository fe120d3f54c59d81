// `wen info`: what is in the database — tables, counts, date range, the loaded sources and the taxonomic
// reference in use. On a terminal a readable summary; piped, every table as JSON (the shape scripts
// read); in any other format through the shared output surface (src/output/emit.ts): Markdown and XLSX
// hold every table in one file, CSV, Parquet and Arrow one file per table in the folder given with --out.
// `wen info --schema` prints instead what the database says of itself (its wen_schema view): one table,
// a row per column of every table and view, in any of the formats a single table takes.
import { Command } from 'commander';
import { bomOption, databasePath, dbOption, exportFormatOption, openOptions, waitOption, writeOut } from '../cli/options.js';
import type { DatabaseInfo } from '../db/describe.js';
import type { OutputFlags, TableData } from '../output/emit.js';
import { formatRows } from '../output/text-formats.js';

const SOURCE_COLUMNS = [
  'source_id',
  'file_name',
  'sheet',
  'profile',
  'encoding',
  'loaded_at',
  'rows_read',
  'rows_loaded',
  'rows_rejected',
  'rows_skipped',
  'rows_flagged',
];

export function infoCommand(): Command {
  return new Command('info')
    .description('show the tables, row counts, date range, loaded sources and taxonomic reference of the database')
    .addOption(dbOption())
    .addOption(waitOption())
    .addOption(exportFormatOption().default(undefined, 'table on a terminal, json when piped; with --out DIR, a CSV per table'))
    .option('-o, --out <path>', 'write to this file (json, md, xlsx) or, for csv, parquet and arrow, to this folder, a file per table')
    .addOption(bomOption())
    .option('--schema', 'list every column of every table and view instead (the wen_schema view): table, column, type, nullable, comment')
    .action(async (opts) => {
      if (opts.schema) return schemaTable(opts);
      const [{ withDatabase }, { describeDatabase }, { tablesFormat, emitTables }] = await Promise.all([
        import('../db/database.js'),
        import('../db/describe.js'),
        import('../output/emit.js'),
      ]);
      const tables = ['tables', 'dates', 'sources', 'reference', 'reference_files'];
      const format = tablesFormat(opts, tables.length);
      const info = await withDatabase(databasePath(opts), (db) => describeDatabase(db), { readOnly: true, ...openOptions(opts) });
      if (format === 'json' || format === 'ndjson') {
        const text = format === 'json' ? JSON.stringify(info, null, 2) + '\n' : JSON.stringify(info) + '\n';
        if (!opts.out) return writeOut(text);
        const { writeOutputFile } = await import('../output/out-file.js');
        writeOutputFile(opts.out, text);
        return void process.stderr.write(`info: written to ${opts.out}\n`);
      }
      if (format === 'table') {
        if (!opts.out) return writeOut(summary(info));
        const { writeOutputFile } = await import('../output/out-file.js');
        writeOutputFile(opts.out, summary(info));
        return void process.stderr.write(`info: written to ${opts.out}\n`);
      }
      await emitTables(infoTables(info), format, opts, 'info');
    });
}

/** Every column of the database, as its wen_schema view describes it: one table, like any other command's. */
async function schemaTable(opts: { db?: string; wait?: number } & OutputFlags): Promise<void> {
  const [{ withDatabase }, { tableFormat, emitTable }] = await Promise.all([import('../db/database.js'), import('../output/emit.js')]);
  const format = tableFormat(opts);
  const rows = await withDatabase(
    databasePath(opts),
    (db) =>
      db.all(
        `SELECT table_name AS "table", column_name AS "column", data_type AS "type", is_nullable AS nullable, comment
         FROM wen_schema ORDER BY table_name, column_index`,
      ),
    { readOnly: true, ...openOptions(opts) },
  );
  await emitTable({ rows, columns: [...SCHEMA_COLUMNS] }, format, opts, 'info --schema');
}

const SCHEMA_COLUMNS = ['table', 'column', 'type', 'nullable', 'comment'] as const;

/** The summary for a terminal (or a .txt file). */
function summary(info: DatabaseInfo): string {
  const ref = info.reference;
  return [
    `database ${info.database}\n`,
    formatRows(info.tables, 'table'),
    `seizure dates: ${info.dates.first ?? '—'} to ${info.dates.last ?? '—'} (${info.dates.undated} undated)\n`,
    formatRows(info.sources, 'table', SOURCE_COLUMNS),
    ref.taxa === 'bundled'
      ? 'taxa: bundled reference (src/reference/taxa.csv)\n'
      : `taxa: ${ref.name}, ${ref.mode === 'extend' ? 'with the bundled taxa it lacks' : 'alone'}: ` +
        `${ref.counts.taxa} taxa, ${ref.counts.synonyms} synonyms, ${ref.counts.common_names} ` +
        `common names\n`,
    ref.files.length ? formatRows(ref.files, 'table') : '',
  ].join('');
}

/** Every part of the summary as a table, named as in the JSON. */
function infoTables(info: DatabaseInfo): Record<string, TableData> {
  const ref = info.reference;
  return {
    tables: { rows: info.tables, columns: ['table', 'rows'] },
    dates: { rows: [info.dates], columns: ['first', 'last', 'undated'] },
    sources: { rows: info.sources, columns: SOURCE_COLUMNS },
    reference: {
      rows: [
        {
          taxa: ref.taxa,
          mode: ref.mode,
          name: ref.name,
          taxa_count: ref.counts.taxa,
          synonyms: ref.counts.synonyms,
          common_names: ref.counts.common_names,
        },
      ],
      columns: ['taxa', 'mode', 'name', 'taxa_count', 'synonyms', 'common_names'],
    },
    reference_files: { rows: ref.files, columns: ['file_name', 'format', 'dated', 'dated_from', 'rows_imported', 'imported_at'] },
  };
}
