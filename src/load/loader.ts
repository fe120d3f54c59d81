// Loads one file (or every file in a folder) into the database. Each file is one transaction:
// it is all written, or nothing is. The same bytes are never loaded twice unless --replace.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { InputError, UsageError, WenError } from '../errors.js';
import type { DateOrder } from '../normalise/dates.js';
import { countryCode } from '../normalise/countries.js';
import { VERSION } from '../version.js';
import type { Mapping } from './fields.js';
import { aitrMapping, isAitrHeading } from './profiles/aitr.js';
import { ECOMESSAGE_KEYS, stageEcomessage } from './profiles/ecomessage.js';
import { checkMappingAgainstHeadings, readMappingFile } from './profiles/generic.js';
import { isForensicHeading, looksForensic, writeForensics } from './profiles/forensics.js';
import type { TableCounts } from './profiles/simple-table.js';
import { isPaymentHeading, looksLikePayments, writePayments } from './profiles/payments.js';
import { readColumnar } from './readers/columnar.js';
import { readCsv } from './readers/csv.js';
import { openRowStore, type RowStore } from './readers/row-store.js';
import type { MalformedRow, RawTable } from './readers/raw-table.js';
import { listSheets, readSheet } from './readers/xlsx.js';
import { stageTabular, type Staged } from './stage-tabular.js';
import { buildValueMaps } from './value-maps.js';
import { writeStaged } from './write.js';

import type { ProfileName } from './profiles/names.js';
type Format = RawTable['format'];

export interface LoadOptions {
  profile?: ProfileName;
  mappingPath?: string;
  sheet?: string;
  replace?: boolean;
  dryRun?: boolean;
  reportingCountry?: string;
  dateOrder?: DateOrder;
  /** Called between stages; the CLI draws a progress bar from it. */
  onStage?: (stage: string) => void;
  /** Files from this size keep their rows in a compressed scratch database (default 1 GiB; tests set it lower). */
  scratchFromBytes?: number;
  /** Rows per slice of the inserts that join every row (default ROWS_PER_SLICE; tests set it lower). */
  rowsPerSlice?: number;
  /** Tests only: called after the rows are written and before the load is committed. */
  beforeCommit?: () => void | Promise<void>;
}

export interface LoadReport {
  file: string;
  sheet?: string;
  status: 'loaded' | 'dry-run' | 'already-loaded' | 'no-table';
  sourceId?: number;
  duplicateOf?: number;
  profile?: string;
  profileReason?: string;
  encoding?: string;
  rowsInFile: number;
  blank: number;
  totals: number;
  filtered: number;
  read: number;
  loaded: number;
  rejected: number;
  flagged: number;
  seizures: number;
  specimens: number;
  actors: number;
  documents: number;
  topReasons: Array<{ reason: string; rows: number }>;
  note?: string;
}

export const FORMATS: Record<string, Format> = {
  '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.tab': 'csv',
  '.xlsx': 'xlsx', '.xlsm': 'xlsx',
  '.parquet': 'parquet', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson',
};

/** The files a path stands for: itself, or the loadable files of a folder (mapping folders skipped), sorted. */
export function filesToLoad(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (!stat.isDirectory()) return [path];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'mappings' && !entry.name.startsWith('.')) walk(full);
      } else if (FORMATS[extname(entry.name).toLowerCase()]) found.push(full);
    }
  };
  walk(path);
  if (found.length === 0) throw new InputError(`${path}: the folder has no file wen can load`, { hint: `wen reads ${Object.keys(FORMATS).join(' ')}` });
  return found;
}

export async function loadPath(db: Database, path: string, options: LoadOptions = {}): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const file of filesToLoad(path)) reports.push(...(await loadFile(db, file, options)));
  return reports;
}

export async function loadFile(db: Database, file: string, options: LoadOptions = {}): Promise<LoadReport[]> {
  const extension = extname(file).toLowerCase();
  if (extension === '.xls') throw new InputError(`${file}: old Excel .xls files are not supported`, { hint: 'open it in Excel or LibreOffice and save as .xlsx' });
  const format = FORMATS[extension];
  if (!format) throw new InputError(`${file}: wen cannot tell the format from the extension "${extension}"`, { hint: `rename it to one of ${Object.keys(FORMATS).join(' ')}` });
  const mapping = options.mappingPath ? readMappingFile(options.mappingPath) : undefined;
  const profile = options.profile ?? 'auto';
  if (profile === 'generic' && !mapping) throw new UsageError('--profile generic needs --mapping FILE', { hint: 'see "Mapping files" in the README' });
  if (options.reportingCountry && !countryCode(options.reportingCountry).value) {
    throw new UsageError(`--reporting-country "${options.reportingCountry}" is not a country wen knows`, { hint: 'give an ISO code such as KE or a name such as Kenya' });
  }
  // A file can only repeat a loaded one of the same size. Only then must its hash be known before
  // reading; otherwise it is computed while DuckDB reads the file.
  const size = statSync(file).size;
  const mayRepeat = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources WHERE size_bytes = $size', { size }))!.n > 0;
  const sha256 = hashFile(file);
  sha256.catch(() => undefined); // awaited before anything is written; an error surfaces there
  if (mayRepeat) {
    options.onStage?.('hashing');
    await sha256;
  }

  if (format === 'xlsx') {
    const workbook = await listSheets(file);
    const wanted = options.sheet ?? mapping?.sheet;
    const sheets = wanted ? workbook.worksheets.filter((s) => s.name === wanted) : workbook.worksheets;
    if (wanted && sheets.length === 0) {
      throw new InputError(`${file}: no sheet named "${wanted}"`, { hint: `its sheets are: ${workbook.worksheets.map((s) => s.name).join(', ')}` });
    }
    const reports: LoadReport[] = [];
    for (const sheet of sheets) {
      if (sheet.rowCount === 0 && !wanted) continue;
      reports.push(await loadOne(db, { file, format, sha256, mayRepeat, size, sheet: sheet.name, explicitSheet: Boolean(wanted), mapping, profile, options, read: (known) => readSheet(db, file, sheet, known) }));
    }
    return reports;
  }
  return [await loadOne(db, { file, format, sha256, mayRepeat, size, mapping, profile, options, read: (known, store) => (format === 'csv' ? readCsv(db, file, known, store) : readColumnar(db, file, format, store)) })];
}

interface OneLoad {
  file: string;
  format: Format;
  sha256: Promise<string>;
  /** A source of the same size is loaded: the hash was computed first, to look for a repeat. */
  mayRepeat: boolean;
  size: number;
  sheet?: string;
  explicitSheet?: boolean;
  mapping?: Mapping;
  profile: ProfileName;
  options: LoadOptions;
  read: (knownHeading: (cell: string) => boolean, store: RowStore) => Promise<RawTable>;
}

async function loadOne(db: Database, job: OneLoad): Promise<LoadReport> {
  const store = await openRowStore(db, job.size, job.options.scratchFromBytes);
  try {
    return await readAndWrite(db, job, store);
  } finally {
    await db.run('RESET preserve_insertion_order');
    await db.run('RESET disabled_optimizers');
    await store.close();
  }
}

/**
 * Engine settings for the statements that follow the read:
 * - Row numbers are explicit columns and every id is computed from them, so DuckDB need not keep
 *   rows in insertion order: it can then spill big intermediate tables to disk instead of running
 *   out of memory (seen at 100M rows under a 1.5GB memory limit).
 * - The load's joins are written with the file's rows on the left and narrow lookups (value maps,
 *   row → seizure) on the right, to be hashed. DuckDB's estimates for just-made temporary tables can
 *   be far off (a million-row side estimated at one row and hashed: a Parquet load ran 1.5× slower,
 *   on one core), so the joins run as written.
 */
async function settingsAfterReading(db: Database): Promise<void> {
  await db.run('SET preserve_insertion_order = false');
  await db.run("SET disabled_optimizers = 'join_order,build_side_probe_side'");
}

/** Reads, stages, normalises and writes one file (or sheet); loadOne wraps it to reset the engine settings. */
async function readAndWrite(db: Database, job: OneLoad, store: RowStore): Promise<LoadReport> {
  const { file, options } = job;
  const previous = job.mayRepeat
    ? await db.all<{ source_id: number; loaded_at: string }>(
        'SELECT source_id, strftime(loaded_at, \'%Y-%m-%d %H:%M:%S\') AS loaded_at FROM sources WHERE sha256 = $sha AND coalesce(sheet, \'\') = $sheet ORDER BY source_id',
        { sha: await job.sha256, sheet: job.sheet ?? '' },
      )
    : [];
  if (previous.length && !options.replace) {
    return { ...emptyReport(file, job.sheet), status: 'already-loaded', duplicateOf: previous[0].source_id, note: `same content already loaded as source ${previous[0].source_id} at ${previous[0].loaded_at}` };
  }

  options.onStage?.('reading');
  let staged: Staged;
  let profile: string;
  let reason: string;
  let mappingUsed: Mapping | null = null;
  let raw: Pick<RawTable, 'rowsInFile' | 'blankLines' | 'malformed' | 'encoding' | 'headerRow'>;
  const choice = job.profile === 'auto' ? await sniffProfile(db, job) : { profile: job.profile, reason: 'chosen with --profile' };
  if (choice.profile === 'ecomessage') {
    await settingsAfterReading(db); // Ecomessage lines are numbered explicitly as they are split.
    const eco = await stageEcomessage(db, file);
    staged = eco;
    raw = { rowsInFile: eco.rowsInFile, blankLines: 0, malformed: eco.malformed, encoding: 'utf-8', headerRow: 0 };
    ({ profile, reason } = choice);
  } else {
    const known = job.mapping ? mappingHeadingTest(job.mapping) : (cell: string) => isAitrHeading(cell) || isForensicHeading(cell) || isPaymentHeading(cell);
    const table = await job.read(known, store);
    await settingsAfterReading(db); // the reader has fixed each row's number
    raw = table;
    // Tables that are not seizures go to their own tables.
    const auto = choice.profile === 'auto' && !job.mapping;
    if (choice.profile === 'forensics' || (auto && looksForensic(table.headings))) {
      return loadSideTable(db, job, table, previous.map((p) => p.source_id), 'forensics', auto ? 'headings name samples with match groups or assigned origins' : choice.reason, writeForensics);
    }
    if (choice.profile === 'payments' || (auto && looksLikePayments(table.headings))) {
      return loadSideTable(db, job, table, previous.map((p) => p.source_id), 'payments', auto ? 'headings name a payer, a payee and an amount' : choice.reason, writePayments);
    }
    if (choice.profile === 'generic' || (choice.profile === 'auto' && job.mapping)) {
      try {
        checkMappingAgainstHeadings(options.mappingPath!, job.mapping!, table.headings, file);
      } catch (error) {
        // In a workbook read sheet by sheet, a sheet the mapping does not fit (a code list) is skipped and said so.
        if (job.sheet && !job.explicitSheet && error instanceof InputError) return { ...emptyReport(file, job.sheet), status: 'no-table', note: `sheet "${job.sheet}" does not fit the mapping (${error.message.split(': ').slice(1).join(': ')}); skipped` };
        throw error;
      }
      mappingUsed = job.mapping!;
      profile = 'generic';
      reason = choice.profile === 'generic' ? choice.reason : `a mapping was given (${basename(options.mappingPath!)})`;
    } else {
      const { mapping, matched } = aitrMapping(table.headings);
      const recognised = matched.map(([, field]) => field);
      const describes = recognised.includes('species') || recognised.includes('term');
      const countsOrDates = recognised.includes('quantity') || recognised.includes('date');
      if (choice.profile === 'auto' && (matched.length < 4 || !describes || !countsOrDates)) {
        if (job.sheet) return { ...emptyReport(file, job.sheet), status: 'no-table', note: `sheet "${job.sheet}" has no seizure table (${matched.length} AITR headings recognised); skipped` };
        throw new InputError(`${file}: cannot tell which profile fits: only ${matched.length} of ${table.headings.length} headings are AITR headings`, {
          hint: 'give --mapping FILE (see sample-data/mappings/) or --profile aitr|ecomessage',
        });
      }
      mappingUsed = mapping;
      profile = 'aitr';
      reason = choice.profile === 'aitr' ? choice.reason : `${matched.length} of ${table.headings.length} headings are AITR headings (${matched.slice(0, 4).map(([h]) => `"${h}"`).join(', ')}${matched.length > 4 ? ', …' : ''})`;
    }
    options.onStage?.('staging');
    staged = await stageTabular(db, table, mappingUsed);
  }

  options.onStage?.('normalising');
  await buildValueMaps(db, { dateOrder: options.dateOrder ?? 'dmy' });

  options.onStage?.('writing');
  return inLoadTransaction(db, options, async () => {
    if (previous.length) await deleteSources(db, previous.map((p) => p.source_id));
    const sourceId = await nextSourceId(db);
    const reporting = options.reportingCountry ? countryCode(options.reportingCountry).value ?? undefined : undefined;
    const written = await writeStaged(db, sourceId, {
      grouping: mappingUsed?.group_rows ?? (profile === 'ecomessage' ? 'reference' : 'same-details'),
      origins: staged.origins,
      malformed: raw.malformed,
      keepRawRecords: staged.keepRawRecords,
      defaultReportingCountry: reporting,
      rowsPerSlice: options.rowsPerSlice,
    });
    const counts = staged.counts;
    const report: LoadReport = {
      file, sheet: job.sheet, status: options.dryRun ? 'dry-run' : 'loaded', sourceId, profile, profileReason: reason, encoding: raw.encoding,
      rowsInFile: raw.rowsInFile, blank: raw.blankLines + counts.blank, totals: counts.totals, filtered: counts.filtered,
      read: counts.staged + raw.malformed.length, loaded: written.loaded, rejected: written.rejected, flagged: written.flagged,
      seizures: written.seizures, specimens: written.specimens, actors: written.actors, documents: written.documents,
      topReasons: await db.all<{ reason: string; rows: number }>(
        'SELECT reason, count(*)::INTEGER AS rows FROM rejects WHERE source_id = $id GROUP BY reason ORDER BY rows DESC, reason LIMIT 5', { id: sourceId }),
    };
    checkAccounting(report);
    await db.run(
      `INSERT INTO sources VALUES ($id, $path, $name, $sha, $size, $format, $encoding, $sheet, $header, $profile, $reason, $mapping, $options, now()::TIMESTAMP, $version,
         $in_file, $blank, $totals, $filtered, $read, $loaded, $rejected, $flagged)`,
      {
        id: sourceId, path: resolve(file), name: basename(file), sha: await job.sha256, size: job.size, format: job.format === 'json' && profile === 'ecomessage' ? 'ndjson' : job.format,
        encoding: raw.encoding ?? null, sheet: job.sheet ?? null, header: raw.headerRow || null, profile, reason,
        mapping: mappingUsed ? JSON.stringify(mappingUsed) : null,
        options: JSON.stringify({ reporting_country: reporting ?? null, date_order: options.dateOrder ?? 'dmy' }),
        version: VERSION, in_file: report.rowsInFile, blank: report.blank, totals: report.totals, filtered: report.filtered,
        read: report.read, loaded: report.loaded, rejected: report.rejected, flagged: report.flagged,
      },
    );
    return report;
  });
}

/**
 * One file, one transaction: the work is committed (or rolled back for a dry run) only after the
 * test hook beforeCommit; any error rolls everything back. Temporary tables go either way.
 */
async function inLoadTransaction(db: Database, options: LoadOptions, work: () => Promise<LoadReport>): Promise<LoadReport> {
  await db.run('BEGIN TRANSACTION');
  try {
    const report = await work();
    await options.beforeCommit?.();
    await db.run(options.dryRun ? 'ROLLBACK' : 'COMMIT');
    return report;
  } catch (error) {
    await db.run('ROLLBACK');
    throw error;
  } finally {
    await dropTempTables(db);
  }
}

/** Forensic results and payments go to their own tables, in one transaction, with the same row accounting. */
async function loadSideTable(
  db: Database, job: OneLoad, table: RawTable, replaced: number[], profile: 'forensics' | 'payments', reason: string,
  write: (db: Database, table: RawTable, sourceId: number) => Promise<TableCounts>,
): Promise<LoadReport> {
  const { options } = job;
  return inLoadTransaction(db, options, async () => {
    if (replaced.length) await deleteSources(db, replaced);
    const sourceId = await nextSourceId(db);
    const counts = await write(db, table, sourceId);
    const rejected = counts.rejected + table.malformed.length;
    if (table.malformed.length) {
      await db.run(
        `INSERT INTO rejects SELECT $source, m.row, NULL, NULL, m.reason, m.raw FROM (SELECT unnest(from_json($rows, '[{"row":"INTEGER","reason":"VARCHAR","raw":"VARCHAR"}]'), recursive := true)) m`,
        { source: sourceId, rows: JSON.stringify(table.malformed) },
      );
    }
    const report: LoadReport = {
      ...emptyReport(job.file, job.sheet), status: options.dryRun ? 'dry-run' : 'loaded', sourceId, profile, profileReason: reason, encoding: table.encoding,
      rowsInFile: table.rowsInFile, blank: table.blankLines + counts.blank, read: counts.loaded + rejected, loaded: counts.loaded, rejected, flagged: counts.flagged,
      topReasons: await db.all<{ reason: string; rows: number }>('SELECT reason, count(*)::INTEGER AS rows FROM rejects WHERE source_id = $id GROUP BY reason ORDER BY rows DESC LIMIT 5', { id: sourceId }),
      note: `${counts.loaded} ${profile === 'forensics' ? 'forensic results' : 'payments'}`,
    };
    checkAccounting(report);
    await db.run(
      `INSERT INTO sources VALUES ($id, $path, $name, $sha, $size, $format, $encoding, $sheet, $header, $profile, $reason, NULL, NULL, now()::TIMESTAMP, $version,
         $in_file, $blank, 0, 0, $read, $loaded, $rejected, $flagged)`,
      {
        id: sourceId, path: resolve(job.file), name: basename(job.file), sha: await job.sha256, size: job.size, format: job.format, encoding: table.encoding ?? null, sheet: job.sheet ?? null,
        header: table.headerRow || null, profile, reason, version: VERSION, in_file: report.rowsInFile, blank: report.blank, read: report.read, loaded: report.loaded, rejected, flagged: counts.flagged,
      },
    );
    return report;
  });
}

/** Every row of the file is somewhere: blank, a totals row, filtered out, loaded or rejected. */
function checkAccounting(r: LoadReport): void {
  if (r.read !== r.loaded + r.rejected || r.rowsInFile !== r.blank + r.totals + r.filtered + r.read) {
    throw new WenError(
      `${r.file}: rows do not add up (in file ${r.rowsInFile} = blank ${r.blank} + totals ${r.totals} + filtered ${r.filtered} + read ${r.read}; read = loaded ${r.loaded} + rejected ${r.rejected}); nothing was written`,
    );
  }
}

async function sniffProfile(db: Database, job: OneLoad): Promise<{ profile: ProfileName; reason: string }> {
  if (job.mapping) return { profile: 'generic', reason: 'a mapping was given' };
  if (job.format === 'ndjson' || job.format === 'json') {
    const first = await db.one<{ keys: string[] }>(
      `SELECT json_keys(CASE WHEN json_type(j) = 'ARRAY' THEN j->0 ELSE j END) AS keys
       FROM (SELECT CASE WHEN $fmt = 'ndjson' THEN (SELECT line FROM (SELECT unnest(string_split(content, chr(10))) AS line FROM read_text($path)) WHERE trim(line) <> '' AND json_valid(line) LIMIT 1)::JSON
                         ELSE (SELECT content FROM read_text($path))::JSON END AS j)`,
      { path: job.file, fmt: job.format },
    ).catch(() => undefined);
    const keys = first?.keys ?? [];
    const hits = keys.filter((k) => ECOMESSAGE_KEYS.includes(k));
    if (hits.length >= 2 && job.format === 'ndjson') return { profile: 'ecomessage', reason: `records have Ecomessage sections (${hits.join(', ')})` };
  }
  return { profile: 'auto', reason: '' };
}

function mappingHeadingTest(mapping: Mapping): (cell: string) => boolean {
  const names = new Set<string>();
  const add = (s?: { column?: string; columns?: string[]; first_of?: string[] }) => [s?.column, ...(s?.columns ?? []), ...(s?.first_of ?? [])].forEach((c) => c && names.add(c.replace(/\s+/g, ' ').trim()));
  Object.values(mapping.fields).forEach(add);
  mapping.actors?.forEach((a) => Object.values(a.fields).forEach(add));
  mapping.documents?.forEach((d) => Object.values(d.fields).forEach(add));
  return (cell) => names.has(cell.replace(/\s+/g, ' ').trim());
}

/** Source ids are never reused, even after --replace removes a source, so provenance stays unambiguous. */
async function nextSourceId(db: Database): Promise<number> {
  const { id } = (await db.one<{ id: number }>(
    `SELECT greatest((SELECT coalesce(max(source_id), 0) FROM sources), (SELECT coalesce(max(value::INTEGER), 0) FROM wen_meta WHERE key = 'last_source_id'))::INTEGER + 1 AS id`,
  ))!;
  await db.run("INSERT OR REPLACE INTO wen_meta VALUES ('last_source_id', $id)", { id: String(id) });
  return id;
}

async function deleteSources(db: Database, ids: number[]): Promise<void> {
  const list = JSON.stringify(ids);
  for (const table of ['specimens', 'actors', 'documents', 'seizures', 'forensic_results', 'payments', 'rejects', 'flags', 'sources']) {
    await db.run(`DELETE FROM ${table} WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')))`, { ids: list });
  }
}

async function dropTempTables(db: Database): Promise<void> {
  const views = await db.all<{ name: string }>('SELECT view_name AS name FROM duckdb_views() WHERE temporary AND NOT internal');
  for (const { name } of views) if (/^[a-z_0-9]+$/.test(name)) await db.run(`DROP VIEW IF EXISTS temp.${name}`);
  const tables = await db.all<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() WHERE temporary');
  for (const { name } of tables) if (/^[a-z_0-9]+$/.test(name)) await db.run(`DROP TABLE IF EXISTS temp.${name}`);
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', (cause) => reject(new InputError(`${path}: cannot read the file (${(cause as NodeJS.ErrnoException).code ?? cause.message})`, { cause })))
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

function emptyReport(file: string, sheet?: string): LoadReport {
  return { file, sheet, status: 'loaded', rowsInFile: 0, blank: 0, totals: 0, filtered: 0, read: 0, loaded: 0, rejected: 0, flagged: 0, seizures: 0, specimens: 0, actors: 0, documents: 0, topReasons: [] };
}

export type { MalformedRow };
