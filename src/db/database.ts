// The one place that opens the DuckDB file. Everything else receives a Database and runs bound
// statements through it, so parameters never reach SQL as text.
import { createRequire } from 'node:module';
import type { DuckDBConnection, DuckDBInstance as DuckDBInstanceType, DuckDBValue } from '@duckdb/node-api';
import { DatabaseError, InputError } from '../errors.js';
import { EXACT_SUM_MACRO } from './exact-sum.js';
import { KEY_MACROS } from '../identity/keys.js';
import { REPORT_STATUS_MACRO } from '../report/received.js';
import { findOrphans } from './repair.js';
import { ensureSchema, refuseNewerSchema, SCHEMA_VERSION, schemaVersion } from './schema.js';

// Required, not imported: the package is CommonJS, and importing it from an ES module makes Node scan
// every file it re-exports for names first, 0.15 s of every command that opens a database.
const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
type DuckDBInstance = DuckDBInstanceType;

/**
 * How to open: readOnly for the commands that only read; wait = seconds to keep retrying while
 * another process holds the file (default: 10 for a reader, 0 for a writer); quiet = no word on
 * stderr while waiting.
 */
export type OpenOptions = {
  readOnly?: boolean;
  wait?: number;
  quiet?: boolean /** false: skip the check for rows without a source (wen repair, schema upgrades) */;
  checkSources?: boolean;
};

export type Params = Record<string, DuckDBValue | null | undefined>;
export type Row = Record<string, unknown>;

/** Settings under which a COMMIT skips the WAL and checkpoints (Database.checkpointingCommits). */
const CHECKPOINT_ON_COMMIT = ["checkpoint_threshold = '0KB'", 'auto_checkpoint_skip_wal_threshold = 0'];

export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  private readonly others: DuckDBConnection[] = [];

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    const instance = await createWaiting(path, options);
    const connection = await instance.connect();
    const db = new Database(path, instance, connection);
    // Timestamps are stored and printed in UTC whatever the machine's TZ (now()::TIMESTAMP would be local).
    await db.run("SET TimeZone = 'UTC'");
    await db.run(EXACT_SUM_MACRO);
    for (const macro of KEY_MACROS) await db.run(macro);
    await db.run(REPORT_STATUS_MACRO);
    if (!options.readOnly) {
      await ensureSchema(db);
      if (options.checkSources !== false) await refuseOrphans(db);
      return db;
    }
    const version = await schemaVersion(db);
    try {
      refuseNewerSchema(db, version);
    } catch (error) {
      db.close();
      throw error;
    }
    if (version !== null && version < SCHEMA_VERSION) {
      // Written by an older wen: open it once for writing to add what is missing, then read it.
      db.close();
      (await Database.open(path, { checkSources: false })).close();
      return Database.open(path, options);
    }
    return db;
  }

  /** Runs one statement with $named parameters and returns plain JS rows (BIGINT as number when safe). */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return (await this.table<T>(sql, params)).rows;
  }

  /** Like all(), with the statement's column names and DuckDB types: known even when no row comes back. */
  async table<T = Row>(sql: string, params?: Params): Promise<{ rows: T[]; columns: string[]; types: string[] }> {
    const started = performance.now();
    const reader = await profiled(this.path, sql, () => this.connection.runAndReadAll(sql, cleanParams(sql, params)));
    profile(sql, started);
    const rows = reader.getRowObjectsJS();
    const columns = reader.columnNames();
    const types = reader.columnTypes().map(String);
    normaliseRows(rows, columns, types);
    return { rows: rows as T[], columns, types };
  }

  async run(sql: string, params?: Params): Promise<void> {
    const started = performance.now();
    await profiled(this.path, sql, () => this.connection.run(sql, cleanParams(sql, params)));
    profile(sql, started);
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs `work` inside one transaction: all of it is written, or none of it. */
  async transaction<T>(work: () => Promise<T>, options: { checkpoint?: boolean } = {}): Promise<T> {
    if (options.checkpoint) return this.checkpointingCommits(() => this.transaction(work));
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      // The work's error says what went wrong. A rollback can fail too (the statement that failed may
      // already have aborted the transaction, or the disk is full): it must never take that error's place.
      await this.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Runs `work`, which commits, with its COMMIT checkpointing instead of writing the WAL: for every
   * transaction that may write big tables (a load, a reference import, a repair). DuckDB (1.5.6)
   * writes a big table's rows to the file before COMMIT and logs only their place in the WAL; replaying
   * a WAL torn by a kill during COMMIT keeps those rows and drops the rest of the transaction (a load's
   * sources row among them). A checkpoint is all or nothing (the file's header is written last), and
   * costs no more: the close after the command would have done it anyway.
   */
  async checkpointingCommits<T>(work: () => Promise<T>): Promise<T> {
    for (const setting of CHECKPOINT_ON_COMMIT) await this.run(`SET ${setting}`);
    try {
      return await work();
    } finally {
      for (const setting of CHECKPOINT_ON_COMMIT) await this.run(`RESET ${setting.split(' ')[0]}`).catch(() => undefined);
    }
  }

  /**
   * For `wen sql`, after wen's own setup: no file outside the database can be read or written
   * (enable_external_access = false) and no setting changed back (lock_configuration = true), for
   * every connection of this instance. Returns a second connection, opened before the lock, whose
   * EXPLAIN shows the plan as bound, before the optimiser (explain_output = 'all'): the sandbox reads
   * from it which tables a statement scans.
   */
  async lockDown(): Promise<DuckDBConnection> {
    const inspector = await this.instance.connect();
    this.others.push(inspector);
    await inspector.run("SET explain_output = 'all'");
    await this.run('SET enable_external_access = false');
    await this.run('SET lock_configuration = true');
    return inspector;
  }

  close(): void {
    for (const other of this.others) other.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * DuckDB settings from the environment: WEN_MEMORY_LIMIT (e.g. "2GB") caps the engine's memory and
 * WEN_TEMP_DIRECTORY says where it spills beyond that (default: beside the database file).
 */
function engineSettings(readOnly?: boolean): Record<string, string> {
  const settings: Record<string, string> = {};
  if (readOnly) settings.access_mode = 'READ_ONLY';
  const limit = process.env.WEN_MEMORY_LIMIT;
  if (limit) {
    if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(limit))
      throw new DatabaseError(`WEN_MEMORY_LIMIT "${limit}" is not a size`, { hint: 'use e.g. 1.5GB or 800MB' });
    settings.memory_limit = limit;
    // The limit covers DuckDB's buffers; freed memory is also handed back to the system sooner, so
    // that resident memory stays near it (measured at 1M rows: 868 → 760 MiB with a 500MB limit).
    settings.allocator_flush_threshold = '16MB';
    settings.allocator_background_threads = 'true';
  }
  if (process.env.WEN_TEMP_DIRECTORY) settings.temp_directory = process.env.WEN_TEMP_DIRECTORY;
  return settings;
}

/** A reader waits this long by default for a load to end: most loads of a single file take less. */
const READER_WAIT_SECONDS = 10;
const RETRY_MS = 200;

/**
 * The one open-and-retry of the DuckDB file. DuckDB lets one process hold a file for writing and no
 * other process open it meanwhile, not even to read, so a reader started during a load would fail at
 * once. Instead the open is retried every RETRY_MS until `wait` seconds have passed, saying so once on
 * stderr; then a DatabaseError (exit 5) names the holding process when DuckDB's message gives its PID.
 */
async function createWaiting(path: string, options: OpenOptions): Promise<DuckDBInstance> {
  const settings = engineSettings(options.readOnly);
  const seconds = options.wait ?? (options.readOnly ? READER_WAIT_SECONDS : 0);
  const deadline = Date.now() + seconds * 1000;
  let said = false;
  for (;;) {
    try {
      return await DuckDBInstance.create(path, settings);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      if (!/Could not set lock|Conflicting lock/i.test(message)) {
        throw new DatabaseError(`cannot open database ${path}: ${firstLine(message)}`, {
          hint: 'check the path given with --db or WEN_DB',
          cause,
        });
      }
      const holder = /\(PID (\d+)\)/.exec(message)?.[1];
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new DatabaseError(
          `cannot open database ${path}${holder ? ` (held by process ${holder})` : ''}: ` +
            `another wen run holds the database${seconds ? ` (waited ${seconds} s)` : ''}`,
          {
            hint: `runs do not overlap: try again when the load ends${seconds < 600 ? ', or give --wait 600' : ''}`,
            cause,
          },
        );
      }
      if (!said && !options.quiet) {
        const doing = options.readOnly ? 'is loading' : 'is using it';
        process.stderr.write(
          `waiting for the database: another wen process ${doing}${holder ? ` (process ${holder})` : ''}; up to ${seconds} s\n`,
        );
      }
      said = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MS, left)));
    }
  }
}

/**
 * A database opened for writing must not hold rows without their source (a load interrupted by a
 * crash could leave them, and a next load would adopt them under a reused id): refused until
 * `wen repair` removes them. Closes the database before throwing.
 */
async function refuseOrphans(db: Database): Promise<void> {
  let orphans: Awaited<ReturnType<typeof findOrphans>>;
  try {
    orphans = await findOrphans(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (!orphans.length) return;
  db.close();
  const said = orphans.map((o) => `${o.rows} rows of ${o.table}`).join(', ');
  throw new DatabaseError(`${db.path}: ${said} have no source (a load was interrupted?); run wen repair`, {
    hint:
      `wen repair --db ${db.path} removes them (source ids ${[...new Set(orphans.flatMap((o) => o.sourceIds))].join(', ')}); ` +
      `then load the file again`,
  });
}

/** Opens the database, runs `work`, and always closes it. */
export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const db = await Database.open(path, options);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Only the parameters the statement names (DuckDB rejects unused ones); undefined becomes NULL. */
function cleanParams(sql: string, params?: Params): Record<string, DuckDBValue> | undefined {
  if (!params) return undefined;
  const used = new Set([...sql.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  const out: Record<string, DuckDBValue> = {};
  for (const [key, value] of Object.entries(params)) if (used.has(key)) out[key] = value === undefined ? null : value;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Every row of a result in place; TIME arrives as microseconds and a TIMESTAMP at midnight looks like a DATE: the column's type says which.
 */
export function normaliseRows(rows: Array<Record<string, unknown>>, columns: string[], types: string[]): void {
  const times = columns.filter((_, i) => types[i] === 'TIME');
  const stamps = columns.filter((_, i) => types[i].startsWith('TIMESTAMP'));
  for (const row of rows) normaliseRow(row, times, stamps);
}

/** In place: the rows are the client's fresh objects, and copying them cost more than the query at 165k rows. */
function normaliseRow(row: Record<string, unknown>, times: string[], stamps: string[]): void {
  for (const key of times) if (typeof row[key] === 'bigint') row[key] = timeText(row[key] as bigint);
  for (const key of stamps) if (row[key] instanceof Date) row[key] = (row[key] as Date).toISOString();
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'bigint' || (typeof value === 'object' && value !== null)) row[key] = normaliseValue(value);
  }
}

/** Microseconds since midnight as HH:MM:SS, with the fraction only when there is one. */
function timeText(micros: bigint): string {
  const seconds = Number(micros / 1000000n);
  const fraction = Number(micros % 1000000n);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return fraction ? `${text}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}` : text;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(normaliseValue);
  // DATE columns arrive as Dates at UTC midnight; everything downstream wants ISO text.
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return value;
}

/** Runs a statement; with WEN_PROFILE, names the statement that failed. Every statement passes here, so a full disk is translated here. */
async function profiled<T>(path: string, sql: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (process.env.WEN_PROFILE)
      process.stderr.write(
        `[failed, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB] ${sql.replace(/\s+/g, ' ').trim().slice(0, 300)}\n`,
      );
    throw diskFull(path, error) ?? error;
  }
}

/**
 * The one translation of a full disk: DuckDB says "No space left on device" (or the system ENOSPC)
 * in an IO Error, which would otherwise surface as an internal error. A failed statement writes
 * nothing, and a transaction's work is rolled back with it.
 */
export function diskFull(path: string, error: unknown): InputError | undefined {
  if (error instanceof InputError) return undefined;
  const message = error instanceof Error ? `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}` : String(error);
  if (!/No space left on device|ENOSPC/i.test(message)) return undefined;
  return new InputError(`no space left on device while writing ${path}; nothing was written`, {
    hint: 'free some space on that disk (or set WEN_TEMP_DIRECTORY to a disk with room) and run again',
    cause: error,
  });
}

/** WEN_PROFILE=1 prints each statement's time on stderr: measure before optimising. */
function profile(sql: string, started: number): void {
  if (!process.env.WEN_PROFILE) return;
  // Peak resident memory so far, so that the statement that raises it shows.
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(5);
  process.stderr.write(
    `[${(performance.now() - started).toFixed(0).padStart(6)} ms, peak ${peakMb} MiB] ${sql.replace(/\s+/g, ' ').trim().slice(0, 110)}\n`,
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
