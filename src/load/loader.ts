// Loads one file (or every file in a folder) into the database. Each file is one transaction:
// it is all written, or nothing is. The same bytes are never loaded twice unless --replace.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, type Stats, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { SOURCED_TABLES } from '../db/repair.js';
import { matchWatchList } from '../identity/watch.js';
import { linkSameSeizures } from './same-seizure.js';
import { InputError, UsageError, WenError } from '../errors.js';
import type { DateOrder } from '../normalise/dates.js';
import { countryCode } from '../normalise/countries.js';
import { VERSION } from '../version.js';
import type { Mapping } from './fields.js';
import { ecomessageProfile, stageEcomessage } from './profiles/ecomessage.js';
import { checkMappingAgainstHeadings, headingsReadBy, readMappingFile } from './profiles/generic.js';
import type { SideTableProfile, TableSample } from './profiles/profile.js';
import { bundledMappingFor } from './profiles/bundled.js';
import { chooseTableProfile, FITS, knownByAnyProfile, profileNamed, unclearProfileError, type TableProfile } from './profiles/registry.js';
import { readColumnar } from './readers/columnar.js';
import { readCsv } from './readers/csv.js';
import { openRowStore, type RowStore } from './readers/row-store.js';
import { columnId, type RawTable } from './readers/raw-table.js';
import { listSheets, readSheet } from './readers/xlsx.js';
import { stageTabular, type Staged } from './stage-tabular.js';
import { withImportedTaxa } from '../reference/import.js';
import { taxonReferenceName } from '../normalise/species.js';
import { buildValueMaps } from './value-maps.js';
import { writeOutcomes } from '../outcomes/store.js';
import { writeChainPlaces, writePlaces } from '../places/store.js';
import { insertMalformed, writeStaged } from './write.js';

import type { ProfileName } from './profiles/names.js';
import { checkJsonDepth } from './readers/json-depth.js';
type Format = RawTable['format'];

export interface LoadOptions {
  profile?: ProfileName;
  mappingPath?: string;
  sheet?: string;
  replace?: boolean;
  dryRun?: boolean;
  reportingCountry?: string;
  dateOrder?: DateOrder;
  /** How rows form seizures, over the mapping's or profile's own rule (--group-rows). */
  groupRows?: Mapping['group_rows'];
  /** The day the report arrived (YYYY-MM-DD, --received), recorded on its source. */
  receivedOn?: string;
  /** Called between stages (with the file's rows once they are counted); the CLI draws a progress line from it. */
  onStage?: (stage: string, detail?: { rows?: number }) => void;
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
  status: 'loaded' | 'dry-run' | 'already-loaded' | 'no-table' | 'skipped' | 'failed';
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
  /** How rows became seizures, and in words for the summary. */
  grouping?: NonNullable<Mapping['group_rows']>;
  groupedBy?: string;
  /** Headings that no field names: kept in seizures.extras. */
  extras?: string[];
  note?: string;
  /** What staging read besides the fields, one line each (persons named inside text cells). */
  notes?: string[];
  /** Seizures of this file that another source also told (table seizure_links): counted once by analyses. */
  sameSeizures?: number;
  /** Watch-list entries found in this file's records, counted once per entry and seizure (wen watch hits). */
  watchHits?: number;
}

export const FILE_FORMATS: Record<string, Format> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.tab': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.parquet': 'parquet',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The files a path stands for: itself, or the loadable files of a folder (mapping folders skipped), sorted. */
/** One entry of a load's paths: a file to try, or a file of a folder that is not tried, with why (reported with the others). */
export interface PathEntry {
  file: string;
  skipped?: string;
}

function filesToLoad(path: string): string[] {
  return pathEntries(path)
    .filter((e) => !e.skipped)
    .map((e) => e.file);
}

/**
 * A file given by name is always tried (loadFile says why it cannot be read). A folder is walked in
 * name order: each file with an extension wen reads is tried, an old .xls too (so that it fails with
 * its hint rather than vanish), and every other file is a skipped entry with its reason, so that a
 * folder load accounts for each file in it. Hidden entries (.git, .DS_Store) are the system's, not
 * the user's, and are left out; a mappings folder holds mapping files, not data.
 */
export function pathEntries(path: string): PathEntry[] {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (!stat.isDirectory()) return [{ file: path }];
  const found: PathEntry[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const extension = extname(entry.name).toLowerCase();
      if (entry.isDirectory()) {
        if (entry.name === 'mappings') found.push({ file: full, skipped: 'a folder of mapping files (give one with --mapping)' });
        else walk(full);
      } else if (FILE_FORMATS[extension] || extension === '.xls') found.push({ file: full });
      else found.push({ file: full, skipped: `not a kind of file wen loads (${extension || 'no extension'})` });
    }
  };
  walk(path);
  if (!found.some((e) => !e.skipped))
    throw new InputError(`${path}: the folder has no file wen can load`, { hint: `wen reads ${Object.keys(FILE_FORMATS).join(' ')}` });
  return found;
}

export async function loadPath(db: Database, path: string, options: LoadOptions = {}): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const file of filesToLoad(path)) reports.push(...(await loadFile(db, file, options)));
  return reports;
}

export async function loadFile(db: Database, file: string, options: LoadOptions = {}): Promise<LoadReport[]> {
  const extension = extname(file).toLowerCase();
  if (extension === '.xls')
    throw new InputError(`${file}: old Excel .xls files are not supported`, { hint: 'open it in Excel or LibreOffice and save as .xlsx' });
  const format = FILE_FORMATS[extension];
  if (!format)
    throw new InputError(`${file}: wen cannot tell the format from the extension "${extension}"`, {
      hint: `rename it to one of ${Object.keys(FILE_FORMATS).join(' ')}`,
    });
  const mapping = options.mappingPath ? readMappingFile(options.mappingPath) : undefined;
  const profile = options.profile ?? 'auto';
  if (profile === 'generic' && !mapping) throw new UsageError('--profile generic needs --mapping FILE', { hint: 'see docs/mappings.md' });
  if (options.reportingCountry && !countryCode(options.reportingCountry).value) {
    throw new UsageError(`--reporting-country "${options.reportingCountry}" is not a country wen knows`, {
      hint: 'give an ISO code such as KE or a name such as Kenya',
    });
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
  const base = { file, format, sha256, mayRepeat, size, mapping, profile, options };

  if (format === 'xlsx') return loadWorkbook(db, base);
  // A single table is read first and written in one transaction (the readers number rows by their
  // storage position, which is only plain outside a transaction).
  return [
    await loadOne(db, {
      ...base,
      transact: (work) => inLoadTransaction(db, options, work),
      read: (known, store) => (format === 'csv' ? readCsv(db, file, known, store) : readColumnar(db, file, format, store)),
    }),
  ];
}

/**
 * Every sheet of a workbook is considered, in one transaction: all the tables it holds are written,
 * or none. A sheet without a seizure table (a read-me, instructions, a code list) is skipped with a
 * note saying why, and the summary accounts for every sheet.
 */
async function loadWorkbook(db: Database, base: Omit<OneLoad, 'read' | 'transact'>): Promise<LoadReport[]> {
  const { file, mapping, options } = base;
  const workbook = await listSheets(file);
  const wanted = options.sheet ?? mapping?.sheet;
  const sheets = wanted ? workbook.worksheets.filter((s) => s.name === wanted) : workbook.worksheets;
  if (wanted && sheets.length === 0) {
    throw new InputError(`${file}: no sheet named "${wanted}"`, {
      hint: `its sheets are: ${workbook.worksheets.map((s) => s.name).join(', ')}`,
    });
  }
  const reports = await inLoadTransaction(db, options, async () => {
    const done: LoadReport[] = [];
    for (const sheet of sheets) {
      if (sheet.actualRowCount === 0 && !wanted) {
        done.push({ ...emptyReport(file, sheet.name), status: 'no-table', note: `sheet "${sheet.name}" is empty; skipped` });
        continue;
      }
      // A workbook is read into memory whole by exceljs, so its rows stay in memory too (no scratch database inside the transaction).
      const job = {
        ...base,
        sheet: sheet.name,
        explicitSheet: Boolean(wanted),
        options: { ...options, scratchFromBytes: Number.POSITIVE_INFINITY },
      };
      done.push(await loadOne(db, { ...job, transact: (work) => work(), read: (known) => readSheet(db, file, sheet, known) }));
    }
    return done;
  });
  if (!reports.some((r) => r.status !== 'no-table')) {
    throw new InputError(`${file}: no sheet holds a table wen can load (${reports.map((r) => r.note).join('; ')})`, {
      hint: `name the sheet and profile (--sheet NAME --profile aitr), or draft a mapping: wen mapping draft ${file} --sheet NAME`,
    });
  }
  return reports;
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
  /** Runs the writing in the load's transaction: its own for a single table, the workbook's for a sheet. */
  transact: (work: () => Promise<LoadReport>) => Promise<LoadReport>;
}

async function loadOne(db: Database, job: OneLoad): Promise<LoadReport> {
  const store = await openRowStore(db, job.size, job.options.scratchFromBytes);
  try {
    return await readAndWrite(db, job, store);
  } finally {
    await db.run('RESET preserve_insertion_order');
    await db.run('RESET disabled_optimizers');
    await store.close();
    await dropTempTables(db); // a skipped sheet leaves its rows behind; the next sheet must start clean
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

/** How a table is read and written: a seizure table through a mapping, or a side table. */
type Plan =
  | { kind: 'seizures'; profile: string; reason: string; mapping: Mapping; mappingFile?: string }
  | { kind: 'side-table'; profile: SideTableProfile; reason: string }
  | { kind: 'skip'; note: string };

/** Reads, chooses the profile, stages, normalises and writes one file (or sheet). */
async function readAndWrite(db: Database, job: OneLoad, store: RowStore): Promise<LoadReport> {
  const { file, options } = job;
  const previous = job.mayRepeat
    ? await db.all<{ source_id: number; loaded_at: string }>(
        "SELECT source_id, strftime(loaded_at, '%Y-%m-%d %H:%M:%S') AS " +
          'loaded_at FROM sources WHERE sha256 = $sha AND coalesce(sheet, ' +
          "'') = $sheet ORDER BY source_id",
        { sha: await job.sha256, sheet: job.sheet ?? '' },
      )
    : [];
  if (previous.length && !options.replace) {
    return {
      ...emptyReport(file, job.sheet),
      status: 'already-loaded',
      duplicateOf: previous[0].source_id,
      note: `same content already loaded as source ${previous[0].source_id} at ${previous[0].loaded_at}`,
    };
  }
  const replaced = previous.map((p) => p.source_id);

  options.onStage?.('reading');
  const records = await recordFileProfile(db, job);
  if (records) {
    await settingsAfterReading(db); // Ecomessage lines are numbered explicitly as they are split.
    const eco = await stageEcomessage(db, file);
    const raw = { rowsInFile: eco.rowsInFile, blankLines: 0, malformed: eco.malformed, encoding: 'utf-8', headerRow: 0 };
    return writeSeizures(db, job, replaced, raw, eco, {
      kind: 'seizures',
      profile: records.profile,
      reason: records.reason,
      mapping: { fields: {}, group_rows: 'reference' },
    });
  }

  const known = job.mapping
    ? mappingHeadingTest(job.mapping)
    : job.profile === 'auto'
      ? knownByAnyProfile
      : tableProfile(job.profile).knownHeading;
  const table = await job.read(known, store);
  await settingsAfterReading(db); // the reader has fixed each row's number
  const plan = await planTable(db, job, table);
  if (plan.kind === 'skip') return { ...emptyReport(file, job.sheet), status: 'no-table', note: plan.note };
  if (plan.kind === 'side-table') return loadSideTable(db, job, table, replaced, plan.profile, plan.reason);
  options.onStage?.('staging');
  const staged = await stageTabular(db, table, plan.mapping);
  return writeSeizures(db, job, replaced, table, staged, plan);
}

/** The Ecomessage profile, when it is asked for or when an NDJSON file's records have its sections. */
async function recordFileProfile(db: Database, job: OneLoad): Promise<{ profile: string; reason: string } | undefined> {
  if (job.profile === 'ecomessage') return { profile: 'ecomessage', reason: 'chosen with --profile' };
  if (job.profile !== 'auto' || job.mapping || (job.format !== 'ndjson' && job.format !== 'json')) return undefined;
  checkJsonDepth(job.file, job.format); // detection parses JSON too: refuse deep nesting first
  const first = await db
    .one<{ keys: string[] }>(
      `SELECT json_keys(CASE WHEN json_type(j) = 'ARRAY' THEN j->0 ELSE j END) AS keys
     FROM (SELECT CASE WHEN $fmt = 'ndjson' THEN (SELECT line FROM (SELECT unnest(string_split(content,
       chr(10))) AS line FROM read_text($path)) WHERE trim(line) <> '' AND json_valid(line) LIMIT 1)::JSON
                       ELSE (SELECT content FROM read_text($path))::JSON END AS j)`,
      { path: job.file, fmt: job.format },
    )
    .catch(() => undefined);
  const detection = ecomessageProfile.detectKeys(first?.keys ?? [], job.format);
  return detection.score >= FITS ? { profile: 'ecomessage', reason: detection.reason } : undefined;
}

function tableProfile(name: Exclude<ProfileName, 'auto'>): TableProfile {
  const profile = profileNamed(name);
  if (profile.kind === 'record-file') throw new UsageError(`--profile ${name} reads NDJSON case files, not tables`);
  return profile;
}

const SAMPLE_ROWS = 200;

/** Which profile reads this table, and with which mapping: the user's choice, else the best clear score. */
async function planTable(db: Database, job: OneLoad, table: RawTable): Promise<Plan> {
  const where = job.sheet ? `${job.file} [sheet "${job.sheet}"]` : job.file;
  if (job.mapping) {
    try {
      checkMappingAgainstHeadings(job.options.mappingPath!, job.mapping, table.headings, job.file);
    } catch (error) {
      // In a workbook read sheet by sheet, a sheet the mapping does not fit (a code list) is skipped and said so.
      if (job.sheet && !job.explicitSheet && error instanceof InputError)
        return {
          kind: 'skip',
          note: `sheet "${job.sheet}" does not fit the mapping (${error.message.split(': ').slice(1).join(': ')}); skipped`,
        };
      throw error;
    }
    return {
      kind: 'seizures',
      profile: 'generic',
      reason: job.profile === 'generic' ? 'chosen with --profile' : `a mapping was given (${basename(job.options.mappingPath!)})`,
      mapping: job.mapping,
    };
  }
  if (job.profile !== 'auto') {
    const profile = tableProfile(job.profile);
    if (profile.kind === 'side-table') return { kind: 'side-table', profile, reason: 'chosen with --profile' };
    return {
      kind: 'seizures',
      profile: profile.name,
      reason: 'chosen with --profile',
      mapping: profile.mappingFor(table.headings).mapping,
    };
  }
  const known = bundledMappingFor(table.headings);
  if (known) {
    return {
      kind: 'seizures',
      profile: 'generic',
      reason: `the file has every heading of the bundled mapping ${known.name} (${known.headings.size} headings)`,
      mapping: known.mapping,
      mappingFile: known.path,
    };
  }
  const choice = chooseTableProfile(await sampleOf(db, table));
  if (!choice.clear) {
    // A sheet that no profile recognises is not a seizure table (a read-me, a code list): skipped, and said why.
    if (job.sheet && !job.explicitSheet && choice.why === 'none fits') {
      const best = choice.ranking[0];
      return { kind: 'skip', note: `sheet "${job.sheet}" has no table wen recognises (${best ? best.reason : 'no headings'}); skipped` };
    }
    throw unclearProfileError(where, job.file, choice);
  }
  const { profile, reason } = choice.best;
  if (profile.kind === 'side-table') return { kind: 'side-table', profile, reason };
  return { kind: 'seizures', profile: profile.name, reason, mapping: profile.mappingFor(table.headings).mapping };
}

/** The headings and first rows of raw_rows, for detection. */
async function sampleOf(db: Database, table: RawTable): Promise<TableSample> {
  const columns = table.headings.map((_, i) => columnId(i));
  if (!columns.length) return { headings: [], rows: [] };
  const rows = await db.all<Record<string, string | null>>(
    `SELECT ${columns.join(', ')} FROM raw_rows ORDER BY ordinal LIMIT ${SAMPLE_ROWS}`,
  );
  return { headings: table.headings, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) };
}

/** The grouping the load uses: the user's, the mapping's, else the profile's (a reference column, else one seizure per row). */
function groupingOf(job: OneLoad, plan: Extract<Plan, { kind: 'seizures' }>): Grouping {
  return job.options.groupRows ?? plan.mapping.group_rows ?? (plan.mapping.fields.seizure_ref ? 'reference' : 'none');
}

type Grouping = NonNullable<Mapping['group_rows']>;

function describeGrouping(grouping: Grouping, plan: Extract<Plan, { kind: 'seizures' }>, origins: Record<string, string>): string {
  if (grouping === 'reference') return origins.seizure_ref ? `rows with the same "${origins.seizure_ref}"` : 'rows of the same case';
  if (grouping === 'same-details') return 'rows with the same date, place, countries and other details (rows without a date stay apart)';
  return plan.mapping.fields.seizure_ref ? 'one seizure per row' : 'one seizure per row (no reference column)';
}

async function writeSeizures(
  db: Database,
  job: OneLoad,
  replaced: number[],
  raw: Pick<RawTable, 'rowsInFile' | 'blankLines' | 'malformed' | 'encoding' | 'headerRow'>,
  staged: Staged,
  plan: Extract<Plan, { kind: 'seizures' }>,
): Promise<LoadReport> {
  const { file, options } = job;
  options.onStage?.('normalising', { rows: raw.rowsInFile });
  // --date-order wins; else the mapping's date field says; else day first, as most Parties write dates.
  const dateOrder: DateOrder = options.dateOrder ?? plan.mapping.fields.date?.date_order ?? 'dmy';
  // The taxa of `wen reference import` when the database has them (read once, the bundled ones after).
  let taxa = 'bundled';
  await withImportedTaxa(db, async () => {
    taxa = taxonReferenceName();
    await buildValueMaps(db, { dateOrder });
  });

  options.onStage?.('writing', { rows: raw.rowsInFile });
  return job.transact(async () => {
    if (replaced.length) await deleteSources(db, replaced);
    const sourceId = await nextSourceId(db);
    const reporting = options.reportingCountry ? (countryCode(options.reportingCountry).value ?? undefined) : undefined;
    const grouping = groupingOf(job, plan);
    const sourceExtra = {
      encoding: raw.encoding,
      headerRow: raw.headerRow,
      mapping: plan.profile === 'ecomessage' ? null : plan.mapping,
      options: { reporting_country: reporting ?? null, date_order: dateOrder, group_rows: grouping, taxa },
    };
    await insertSource(
      db,
      job,
      { ...emptyReport(file, job.sheet), sourceId, profile: plan.profile, profileReason: plan.reason },
      sourceExtra,
    );
    const written = await writeStaged(db, sourceId, {
      grouping,
      origins: staged.origins,
      malformed: raw.malformed,
      keepRawRecords: staged.keepRawRecords,
      defaultReportingCountry: reporting,
      rowsPerSlice: options.rowsPerSlice,
    });
    await writeOutcomes(db, [sourceId]);
    await writePlaces(db, [sourceId]);
    await writeChainPlaces(db, [sourceId]);
    const counts = staged.counts;
    const report: LoadReport = {
      file,
      sheet: job.sheet,
      status: options.dryRun ? 'dry-run' : 'loaded',
      sourceId,
      profile: plan.profile,
      profileReason: plan.reason,
      encoding: raw.encoding,
      rowsInFile: raw.rowsInFile,
      blank: raw.blankLines + counts.blank,
      totals: counts.totals,
      filtered: counts.filtered,
      read: counts.staged + raw.malformed.length,
      loaded: written.loaded,
      rejected: written.rejected,
      flagged: written.flagged,
      seizures: written.seizures,
      specimens: written.specimens,
      actors: written.actors,
      documents: written.documents,
      grouping,
      groupedBy: describeGrouping(grouping, plan, staged.origins),
      extras: staged.extraHeadings ?? [],
      notes: staged.notes ?? [],
      topReasons: await topReasons(db, sourceId),
      watchHits: await matchWatchList(db, sourceId),
      sameSeizures: await linkSameSeizures(db, sourceId),
    };
    checkAccounting(report);
    await countSource(db, report);
    return report;
  });
}

/**
 * One file (every sheet of a workbook), one transaction: the work is committed (or rolled back for a
 * dry run) only after the test hook beforeCommit; any error rolls everything back. Temporary tables
 * are dropped after each table by loadOne.
 */
async function inLoadTransaction<T>(db: Database, options: LoadOptions, work: () => Promise<T>): Promise<T> {
  // The COMMIT checkpoints instead of writing the WAL, so that a kill during it leaves no torn WAL.
  return db.checkpointingCommits(async () => {
    await db.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await options.beforeCommit?.();
      await db.run(options.dryRun ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (error) {
      await db.run('ROLLBACK').catch(() => undefined); // the load's own error says what went wrong, not a failed rollback
      throw error;
    }
  });
}

/** Forensic results and payments go to their own tables, with the same row accounting. */
async function loadSideTable(
  db: Database,
  job: OneLoad,
  table: RawTable,
  replaced: number[],
  profile: SideTableProfile,
  reason: string,
): Promise<LoadReport> {
  const { options } = job;
  return job.transact(async () => {
    if (replaced.length) await deleteSources(db, replaced);
    const sourceId = await nextSourceId(db);
    const sourceExtra = { encoding: table.encoding, headerRow: table.headerRow, mapping: null, options: null };
    await insertSource(
      db,
      job,
      { ...emptyReport(job.file, job.sheet), sourceId, profile: profile.name, profileReason: reason },
      sourceExtra,
    );
    const counts = await profile.write(db, table, sourceId);
    const rejected = counts.rejected + table.malformed.length;
    await insertMalformed(db, sourceId, table.malformed);
    const report: LoadReport = {
      ...emptyReport(job.file, job.sheet),
      status: options.dryRun ? 'dry-run' : 'loaded',
      sourceId,
      profile: profile.name,
      profileReason: reason,
      encoding: table.encoding,
      rowsInFile: table.rowsInFile,
      blank: table.blankLines + counts.blank,
      read: counts.loaded + rejected,
      loaded: counts.loaded,
      rejected,
      flagged: counts.flagged,
      topReasons: await topReasons(db, sourceId),
      note: `${counts.loaded} ${profile.noun}`,
    };
    checkAccounting(report);
    await countSource(db, report);
    return report;
  });
}

function topReasons(db: Database, sourceId: number) {
  return db.all<{ reason: string; rows: number }>(
    'SELECT reason, count(*)::INTEGER AS rows FROM rejects WHERE source_id = $id GROUP BY reason ORDER BY rows DESC, reason LIMIT 5',
    { id: sourceId },
  );
}

/**
 * The one row of `sources` a load writes, columns named. It is written first in the load's
 * transaction, with its counts at zero, and counted by countSource at the end: no data row is ever
 * written before its source exists (see "What a load promises" in docs/loading.md).
 */
async function insertSource(
  db: Database,
  job: OneLoad,
  report: LoadReport,
  extra: { encoding?: string; headerRow: number; mapping: Mapping | null; options: Record<string, unknown> | null },
): Promise<void> {
  await db.run(
    `INSERT INTO sources (source_id, path, file_name, sha256, size_bytes, format, encoding, sheet, header_row,
       profile, profile_reason, mapping, options, loaded_at, wen_version,
       rows_in_file, rows_blank, rows_totals, rows_filtered, rows_read, rows_loaded, rows_rejected, rows_flagged, received_on)
     VALUES ($id, $path, $name, $sha, $size, $format, $encoding, $sheet, $header,
       $profile, $reason, $mapping, $options, now()::TIMESTAMP, $version,
       $in_file, $blank, $totals, $filtered, $read, $loaded, $rejected, $flagged, $received::DATE)`,
    {
      id: report.sourceId!,
      path: resolve(job.file),
      name: basename(job.file),
      sha: await job.sha256,
      size: job.size,
      format: job.format === 'json' && report.profile === 'ecomessage' ? 'ndjson' : job.format,
      encoding: extra.encoding ?? null,
      sheet: job.sheet ?? null,
      header: extra.headerRow || null,
      profile: report.profile!,
      reason: report.profileReason ?? null,
      mapping: extra.mapping ? JSON.stringify(extra.mapping) : null,
      options: extra.options ? JSON.stringify(extra.options) : null,
      version: VERSION,
      ...sourceCounts(report),
      received: job.options.receivedOn ?? null,
    },
  );
}

/** The row accounting of a report as the parameters of the sources row's count columns. */
function sourceCounts(report: LoadReport) {
  const { rowsInFile, blank, totals, filtered, read, loaded, rejected, flagged } = report;
  return { in_file: rowsInFile, blank, totals, filtered, read, loaded, rejected, flagged };
}

/** The source row's counts, once the rows are written (same transaction). */
async function countSource(db: Database, report: LoadReport): Promise<void> {
  await db.run(
    `UPDATE sources SET rows_in_file = $in_file, rows_blank = $blank, rows_totals = $totals, rows_filtered = $filtered, rows_read = $read,
                        rows_loaded = $loaded, rows_rejected = $rejected, rows_flagged = $flagged
     WHERE source_id = $id`,
    {
      id: report.sourceId!,
      ...sourceCounts(report),
    },
  );
}

/** Every row of the file is somewhere: blank, a totals row, filtered out, loaded or rejected. */
function checkAccounting(r: LoadReport): void {
  if (r.read !== r.loaded + r.rejected || r.rowsInFile !== r.blank + r.totals + r.filtered + r.read) {
    throw new WenError(
      `${r.file}: rows do not add up (in file ${r.rowsInFile} = blank ` +
        `${r.blank} + totals ${r.totals} + filtered ${r.filtered} + read ` +
        `${r.read}; read = loaded ${r.loaded} + rejected ${r.rejected}); ` +
        `nothing was written`,
    );
  }
}

function mappingHeadingTest(mapping: Mapping): (cell: string) => boolean {
  const names = new Set([...headingsReadBy(mapping)].map((c) => c.replace(/\s+/g, ' ').trim()));
  return (cell) => names.has(cell.replace(/\s+/g, ' ').trim());
}

/**
 * Source ids are never reused, even after --replace removes a source, so provenance stays
 * unambiguous: past every id in sources, wen_meta and the data tables (rows left by an interrupted
 * load must never be adopted by the next one).
 */
async function nextSourceId(db: Database): Promise<number> {
  const inData = SOURCED_TABLES.map((t) => `(SELECT coalesce(max(source_id), 0) FROM ${t})`).join(', ');
  const { id } = (await db.one<{ id: number }>(
    `SELECT greatest((SELECT coalesce(max(source_id), 0) FROM sources), ` +
      `(SELECT coalesce(max(value::INTEGER), 0) FROM wen_meta WHERE ` +
      `key = 'last_source_id'), ${inData})::INTEGER + 1 AS id`,
  ))!;
  await db.run("INSERT OR REPLACE INTO wen_meta VALUES ('last_source_id', $id)", { id: String(id) });
  return id;
}

async function deleteSources(db: Database, ids: number[]): Promise<void> {
  const list = JSON.stringify(ids);
  // identities and watch-list hits of the records that go (an identity keeps its id for its other records)
  await db.run(
    `DELETE FROM identities WHERE actor_id IN (SELECT actor_id FROM ` +
      `actors WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]'))))`,
    { ids: list },
  );
  await db.run(`DELETE FROM watch_hits WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')))`, { ids: list });
  await db.run(
    `DELETE FROM seizure_links WHERE seizure_a IN (SELECT seizure_id FROM seizures
      WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]'))))
                  OR seizure_b IN (SELECT seizure_id FROM seizures WHERE source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]'))))`,
    { ids: list },
  );
  for (const table of [
    'specimens',
    'actors',
    'documents',
    'outcomes',
    'seizures',
    'forensic_results',
    'payments',
    'rejects',
    'flags',
    'sources',
  ]) {
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
      .on('error', (cause) =>
        reject(new InputError(`${path}: cannot read the file (${(cause as NodeJS.ErrnoException).code ?? cause.message})`, { cause })),
      )
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** The report of a file or sheet before any row is counted (also of a file a folder load skipped or failed on). */
export function emptyReport(file: string, sheet?: string): LoadReport {
  return {
    file,
    sheet,
    status: 'loaded',
    rowsInFile: 0,
    blank: 0,
    totals: 0,
    filtered: 0,
    read: 0,
    loaded: 0,
    rejected: 0,
    flagged: 0,
    seizures: 0,
    specimens: 0,
    actors: 0,
    documents: 0,
    topReasons: [],
  };
}
