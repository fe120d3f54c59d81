// `wen sql`'s guard: one user statement, and only a query, against a database opened read-only with
// external access off and the configuration locked (Database.lockDown). DuckDB itself says what a
// text holds: extractStatements counts the statements, a prepared statement's statementType names
// its kind, and the bound plan (EXPLAIN on the inspector connection) names every table it scans —
// however the table is reached (a view, query(), query_table(), a CTE). No regex on the text decides.
//
// wen_meta is wen's own table: the redaction key lives outside the database now, but a database an
// older wen wrote holds its key there until it is next opened for writing (src/analysis/pseudonyms.ts
// then moves it out). So a statement whose plan scans wen_meta, or reads its storage statistics, is
// still refused. Refusing was chosen over hiding the table because DuckDB has no
// per-table rights: a copy of the database without wen_meta would cost the whole file, and a view or
// a second catalog in front of it can still be bypassed by naming main.wen_meta. The plan is read
// before the optimiser, so a filter that statistics alone would answer (EMPTY_RESULT) cannot probe it.
import { createRequire } from 'node:module';
import type { DuckDBConnection, DuckDBPreparedStatement, StatementType as StatementTypeEnum } from '@duckdb/node-api';
import { InputError, UsageError } from '../errors.js';
import { type Database, normaliseRows, type Row } from './database.js';

// Required, as in database.ts: the package is CommonJS and already loaded by then.
const { StatementType } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

const ALLOWED = 'SELECT, WITH … SELECT, FROM …, EXPLAIN, DESCRIBE, SUMMARIZE, SHOW';
const SECRET_TABLE = 'wen_meta';

/** Runs one query of the user's on a locked-down database; anything else is a UsageError (exit 2). */
export async function runSandboxed(db: Database, inspector: DuckDBConnection, text: string): Promise<Result> {
  const prepared = await prepareOne(db, text);
  try {
    if (prepared.statementType !== StatementType.EXPLAIN) {
      refuseKind(prepared.statementType, '');
      await refuseSecretTables(inspector, text);
      return await runPrepared(prepared);
    }
    const explain = splitExplain(text);
    if (!explain) throw new UsageError('wen sql cannot read this EXPLAIN: write it as EXPLAIN [ANALYZE] <query>');
    const inner = await prepareOne(db, explain.inner);
    try {
      refuseKind(inner.statementType, 'EXPLAIN of ');
    } finally {
      inner.destroySync();
    }
    await refuseSecretTables(inspector, explain.inner);
    // What runs is rebuilt from the checked query, so that it is the statement that was checked.
    const rebuilt = await prepareOne(db, `${explain.prefix} ${explain.inner}`);
    try {
      return await runPrepared(rebuilt);
    } finally {
      rebuilt.destroySync();
    }
  } finally {
    prepared.destroySync();
  }
}

/** The rows with the statement's column names and types: known even when no row comes back (a CSV keeps its header). */
type Result = { rows: Row[]; columns: string[]; types: Record<string, string> };

async function runPrepared(statement: DuckDBPreparedStatement): Promise<Result> {
  let reader: Awaited<ReturnType<DuckDBPreparedStatement['runAndReadAll']>>;
  try {
    reader = await statement.runAndReadAll();
  } catch (cause) {
    throw queryFailed(cause);
  }
  const rows = reader.getRowObjectsJS();
  const columns = reader.columnNames();
  const types = reader.columnTypes().map(String);
  normaliseRows(rows, columns, types);
  return { rows: rows as Row[], columns, types: Object.fromEntries(columns.map((c, i) => [c, types[i]])) };
}

/** Exactly one statement, prepared (bound) but not run. */
async function prepareOne(db: Database, text: string): Promise<DuckDBPreparedStatement> {
  if (!text.trim()) throw new UsageError('wen sql needs one SQL statement', { hint: 'e.g. wen sql "select * from seizures limit 5"' });
  let extracted: Awaited<ReturnType<Database['connection']['extractStatements']>>;
  try {
    extracted = await db.connection.extractStatements(text);
  } catch (cause) {
    throw queryFailed(cause);
  }
  if (extracted.count === 0)
    throw new UsageError('wen sql needs one SQL statement', { hint: 'e.g. wen sql "select * from seizures limit 5"' });
  if (extracted.count > 1)
    throw new UsageError(`wen sql runs one statement at a time; this text holds ${extracted.count}`, {
      hint: 'run each statement with its own wen sql',
    });
  try {
    return await extracted.prepare(0);
  } catch (cause) {
    throw queryFailed(cause);
  }
}

function refuseKind(type: StatementTypeEnum, prefix: string): void {
  if (type === StatementType.SELECT) return;
  throw new UsageError(`wen sql runs queries only: ${prefix}${kindName(type)} statements are refused`, { hint: `allowed: ${ALLOWED}` });
}

/** DuckDB's own name of a statement kind, as SQL spells it: VARIABLE_SET → VARIABLE SET. */
function kindName(type: StatementTypeEnum): string {
  const name = (StatementType as unknown as Record<number, string>)[type] ?? `type ${type}`;
  return name.replace(/_/g, ' ');
}

/** Refuses a statement whose bound plan scans wen_meta or reads storage statistics (min/max of its values). */
async function refuseSecretTables(inspector: DuckDBConnection, statement: string): Promise<void> {
  let plans: Array<Record<string, unknown>>;
  try {
    plans = (await inspector.runAndReadAll(`EXPLAIN (FORMAT JSON) ${statement}`)).getRowObjectsJS();
  } catch (cause) {
    // A PRAGMA that DuckDB rewrites into a query binds but cannot be explained: refused, as it cannot be checked.
    throw new UsageError(`wen sql runs queries only: this statement cannot be checked as one (${firstLine(cause)})`, {
      hint: `allowed: ${ALLOWED}; a PRAGMA's table function can be queried, e.g. select * from pragma_table_info('seizures')`,
    });
  }
  for (const plan of plans) {
    if (plan.explain_key !== 'logical_plan' && plan.explain_key !== 'physical_plan') continue;
    for (const node of walk(JSON.parse(String(plan.explain_value)))) {
      const table = typeof node.extra_info?.Table === 'string' ? node.extra_info.Table : '';
      if (table === SECRET_TABLE || table.endsWith(`.${SECRET_TABLE}`) || /STORAGE_INFO/i.test(String(node.name))) {
        throw new UsageError(
          `wen sql does not read ${SECRET_TABLE} (nor any table's storage statistics): it holds wen's own secrets (the redaction key)`,
          { hint: "wen info shows the database's schema version and sources" },
        );
      }
    }
  }
}

interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

function* walk(nodes: PlanNode | PlanNode[]): Generator<PlanNode> {
  for (const node of Array.isArray(nodes) ? nodes : [nodes]) {
    yield node;
    if (node.children) yield* walk(node.children);
  }
}

/**
 * `EXPLAIN [ANALYZE] [(options)] <query>` split into its prefix and its query. The split is checked
 * afterwards (the query must prepare as one SELECT) and the statement that runs is rebuilt from the
 * two parts, so a text this misreads is refused or runs as the query that was checked, never another.
 */
function splitExplain(text: string): { prefix: string; inner: string } | undefined {
  let rest = skipSpace(text);
  const take = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(rest);
    if (!match) return undefined;
    rest = skipSpace(rest.slice(match[0].length));
    return match[0];
  };
  if (!take(/^EXPLAIN\b/i)) return undefined;
  const analyze = take(/^ANALY[SZ]E\b/i);
  const option = String.raw`(?:ANALY[SZ]E|FORMAT\s+(?:TEXT|JSON|HTML|GRAPHVIZ|YAML))`;
  const options = take(new RegExp(String.raw`^\(\s*${option}(?:\s*,\s*${option})*\s*\)`, 'i'));
  if (!rest.trim()) return undefined;
  return { prefix: ['EXPLAIN', analyze ? 'ANALYZE' : '', options ?? ''].filter(Boolean).join(' '), inner: rest };
}

/** Skips white space, -- comments and (nested) block comments, as DuckDB's parser does. */
function skipSpace(text: string): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('--', i)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('/*', i)) {
      let depth = 0;
      do {
        if (text.startsWith('/*', i)) depth++, (i += 2);
        else if (text.startsWith('*/', i)) depth--, (i += 2);
        else i++;
      } while (depth > 0 && i < text.length);
    } else return text.slice(i);
  }
}

/**
 * DuckDB's error in one line, with its own hint kept ("Did you mean "seizures"?"). Files are refused
 * as a usage error; the read-only hint is given only when the statement tried to write.
 */
function queryFailed(cause: unknown): Error {
  const lines = (cause instanceof Error ? cause.message : String(cause))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const hints = lines.slice(1).filter((l) => /^(Did you mean|Candidate)/i.test(l));
  const message = [lines[0] ?? 'unknown error', ...hints].join(' ');
  if (/file system operations are disabled/i.test(message)) {
    return new UsageError(`wen sql reads only the database, no other file: ${lines[0]}`, {
      hint:
        'COPY, EXPORT, IMPORT and file-reading functions (read_csv, read_text, ' +
        'glob…) are refused; export with wen analyze -f or wen batch',
      cause,
    });
  }
  const writing = /read-only|read only/i.test(message);
  return new InputError(`query failed: ${message}`, {
    hint: writing ? 'wen sql opens the database read-only' : 'tables and their columns are listed by wen info and in docs/database.md',
    cause,
  });
}

function firstLine(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
}
