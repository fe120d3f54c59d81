// CSV/TSV into raw_rows: encoding detected (and transcoded when not UTF-8), delimiter and header
// row found, then DuckDB reads the file itself; lines it cannot split are kept as malformed rows.
// What DuckDB cannot read well is mended first, in a temporary copy that keeps every line number:
// line ends made one kind (CR-only and mixed files), and lines with a quote that cannot be paired
// emptied (they are rejected here, with their text), so that one stray quote costs one line.
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../db/database.js';
import { InputError } from '../../errors.js';
import { normaliseLineEnds, sniffEncoding, transcodeToUtf8, type Encoding } from './encoding.js';
import { copyWithLinesBlanked, extraLinesBefore, lineBreakpoints, scanRecords, type QuoteProblem } from './record-scanner.js';
import type { RowStore } from './row-store.js';
import { trimmedCellSql, columnId, findHeaderRow, nameHeadings, refuseTooWide, type MalformedRow, type RawTable } from './raw-table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const HEAD_BYTES = 1 << 16;
/** From this many columns, cells are trimmed plainly and DuckDB's common-subexpression pass is off for the read. */
const WIDE_COLUMNS = 200;

const QUOTE_PROBLEMS: Record<QuoteProblem, string> = {
  unclosed: 'a quote opens a cell and is never closed (the line is read alone; the lines after it are read as rows)',
  'closed-early': 'a quoted cell has text after its closing quote (the line is read alone; the lines after it are read as rows)',
};

export async function readCsv(db: Database, path: string, knownHeading: (cell: string) => boolean, store: RowStore): Promise<RawTable> {
  let encoding: Encoding = sniffEncoding(path);
  let tempDir: string | undefined;
  const tempFile = (name: string) => join((tempDir ??= mkdtempSync(join(tmpdir(), 'wen-'))), name);
  try {
    let readable = path;
    if (encoding !== 'utf-8') readable = await transcode(path, encoding, tempFile('utf8.csv'));
    let delimiter = detectDelimiter(headLines(readable));
    let scan = await scanRecords(readable, undefined, delimiter);
    if (!scan.validUtf8) {
      // Valid UTF-8 at the start, something else later: a Windows-1252 file with a late accent.
      encoding = 'windows-1252';
      readable = await transcode(path, encoding, tempFile('utf8.csv'));
      delimiter = detectDelimiter(headLines(readable));
      scan = await scanRecords(readable, undefined, delimiter);
    }
    const { lineEnds } = scan;
    if (lineEnds.loneCr || (lineEnds.crlf && lineEnds.lf)) {
      const target = tempFile('lf.csv');
      await normaliseLineEnds(readable, target);
      readable = target;
      delimiter = detectDelimiter(headLines(readable));
      scan = await scanRecords(readable, undefined, delimiter);
    }
    // The scan already numbers the file as it is once its bad lines are empty.
    let badText = new Map<number, string>();
    if (scan.badLines.length) {
      const target = tempFile('mended.csv');
      badText = await copyWithLinesBlanked(
        readable,
        scan.badLines.map(([, line]) => line),
        target,
      );
      readable = target;
    }
    const badSlots = new Set(scan.badLines.map(([slot]) => slot));
    if (scan.slots - scan.blankSlots.length === 0) {
      if (scan.badLines.length) {
        const [, line, problem] = scan.badLines[0];
        throw new InputError(`${path}:${line}: no line can be read as a row: ${QUOTE_PROBLEMS[problem].split(' (')[0]}`, {
          hint: 'check the quotes (") in the file',
        });
      }
      throw new InputError(`${path}: the file is empty`, { hint: 'a CSV file needs a header line and a line for each row' });
    }
    const firstRows = scan.firstSlots.map((line) => splitLine(line, delimiter));
    const headerIndex = findHeaderRow(firstRows, knownHeading);
    const headerSlot = headerIndex + 1;
    const headings = nameHeadings(firstRows[headerIndex]);
    refuseTooWide(path, headings.length);
    const columns = headings.map((_, i) => `'${columnId(i)}': 'VARCHAR'`).join(', ');
    const rawInput = store.table('raw_input');
    await db.run(
      `DROP VIEW IF EXISTS raw_rows; DROP TABLE IF EXISTS raw_rows; ` +
        `DROP TABLE IF EXISTS ${rawInput}; DROP TABLE IF EXISTS wen_csv_errors; ` +
        `DROP TABLE IF EXISTS wen_csv_scans`,
    );
    // DuckDB's common-subexpression pass costs the square of the number of expressions (10,000
    // columns: 107 s, 3.8 s without it), and the cheaper cell test pays only on narrow files.
    const wide = headings.length > WIDE_COLUMNS;
    const cell = (column: string) => (wide ? `nullif(trim(${column}), '')` : trimmedCellSql(column));
    if (wide) await db.run("SET disabled_optimizers = 'common_subexpressions'");
    try {
      // The delimiter is one of four fixed characters and the columns are generated names; the path is bound.
      await db.run(
        `${store.create('raw_input')} AS SELECT ${headings.map((_, i) => `${cell(columnId(i))} AS ${columnId(i)}`).join(', ')}
          FROM read_csv($path, header = false, skip = ${headerSlot}, delim = '${delimiter === '\t' ? '\\t' : delimiter}',
           quote = '"', escape = '"', all_varchar = true, auto_detect = false, columns = {${columns}}, strict_mode = true,
             null_padding = false,
           store_rejects = true, ignore_errors = true, rejects_table = 'wen_csv_errors', rejects_scan = 'wen_csv_scans',
             max_line_size = 10000000)`,
        { path: readable },
      );
    } catch (cause) {
      // DuckDB refuses some malformed files outright (e.g. "the CSV Parser state machine reached an
      // invalid state" on a very long unquoted line of brackets): that is the file's fault, not wen's.
      const message = (cause as Error).message ?? '';
      if (!message.startsWith('Invalid Input Error')) throw cause;
      throw new InputError(
        `${path}: DuckDB's CSV reader cannot read the file: ${message.split('\n')[0].replace(/^Invalid Input Error: /, '')}`,
        {
          hint: 'check the quotes (") and line ends in the file, or save it again from a spreadsheet as CSV UTF-8',
          cause,
        },
      );
    } finally {
      if (wide) await db.run('RESET disabled_optimizers');
    }
    const errors = await db.all<{ line: number; csv_line: string; error_type: string; error_message: string; column_name: string | null }>(
      'SELECT line::BIGINT AS line, any_value(csv_line) AS csv_line, ' +
        'any_value(error_type) AS error_type, any_value(error_message) ' +
        'AS error_message, any_value(column_name) AS column_name FROM ' +
        'wen_csv_errors GROUP BY line ORDER BY line',
    );
    const dataSlots = scan.slots - headerSlot;
    const blankAfterHeader = scan.blankSlots.filter((s) => s > headerSlot);
    const badAfterHeader = scan.badLines.filter(([slot]) => slot > headerSlot);
    const { n: rowsRead } = (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${rawInput}`))!;
    if (Number(rowsRead) + errors.length !== dataSlots - blankAfterHeader.length) {
      // The scan and DuckDB disagree on where rows end: refuse rather than number rows wrongly.
      throw new InputError(
        `${path}: the rows cannot be told apart reliably (DuckDB read ` +
          `${Number(rowsRead) + errors.length} records where wen counted ` +
          `${dataSlots - blankAfterHeader.length})`,
        {
          hint: 'check the quotes (") and line ends in the file, or save it again from a spreadsheet as CSV UTF-8',
        },
      );
    }
    // DuckDB's line numbers are slot numbers counted from the top of the file.
    const rejectedSlots = errors.map((e) => e.line);
    const extraBefore = extraLinesBefore(scan);
    const malformed: MalformedRow[] = [
      ...errors.map((e) => ({
        row: e.line + extraBefore(e.line),
        reason: `malformed CSV line: ${describeCsvError(e.error_type, e.error_message, headings.length)}`,
        raw: e.csv_line,
      })),
      ...badAfterHeader.map(([, line, problem]) => ({
        row: line,
        reason: `malformed CSV line: ${QUOTE_PROBLEMS[problem]}`,
        raw: badText.get(line) ?? '',
      })),
    ].sort((a, b) => a.row - b.row);
    const points = lineBreakpoints(scan, headerSlot + 1, rejectedSlots);
    await db.run('CREATE OR REPLACE TEMP TABLE line_breakpoints (ordinal BIGINT, line_offset BIGINT)');
    await db.run('INSERT INTO line_breakpoints SELECT p[1], p[2] FROM (SELECT unnest(from_json($points, \'[["BIGINT"]]\')) AS p)', {
      points: JSON.stringify(points),
    });
    // Usually every row is its ordinal plus one offset; only blank lines, rejected lines and
    // multi-line cells add breakpoints, which an ASOF join applies.
    await db.run(
      points.length === 1
        ? `CREATE OR REPLACE TEMP VIEW raw_rows AS SELECT rowid AS ordinal, ` +
            `(rowid + ${Number(points[0][1])})::INTEGER AS row_number, * FROM ${rawInput}`
        : `${store.create('raw_numbered')} AS
           SELECT (r.ordinal + b.line_offset)::INTEGER AS row_number, r.* EXCLUDE (ordinal)
           FROM (SELECT rowid AS ordinal, * FROM ${rawInput}) r ASOF JOIN line_breakpoints b ON r.ordinal >= b.ordinal`,
    );
    if (points.length > 1)
      await db.run(`CREATE OR REPLACE TEMP VIEW raw_rows AS SELECT rowid AS ordinal, * FROM ${store.table('raw_numbered')}`);
    const blankLines = blankAfterHeader.filter((s) => !badSlots.has(s)).length;
    return {
      headings,
      headerRow: headerSlot + extraBefore(headerSlot),
      format: 'csv',
      encoding,
      rowsInFile: dataSlots,
      blankLines,
      malformed,
    };
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

async function transcode(path: string, encoding: Encoding, target: string): Promise<string> {
  await transcodeToUtf8(path, encoding, target);
  return target;
}

/** The first lines of a UTF-8 file, whatever their line ends, for finding the delimiter before the scan. */
function headLines(path: string): string[] {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const lines = buffer
      .subarray(0, length)
      .toString('utf8')
      .split(/\r\n|\r|\n/);
    // The last line may be cut short by the sample; it is dropped unless it is the only one (a very wide header).
    return (length === HEAD_BYTES && lines.length > 1 ? lines.slice(0, -1) : lines).slice(0, 40);
  } finally {
    closeSync(fd);
  }
}

/** The delimiter that splits some line into the most cells (headings have the most). */
function detectDelimiter(lines: string[]): string {
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => splitLine(line, delimiter).length - 1));
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Splits one line on a delimiter outside quotes ("" inside quotes is a quote). */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (inQuote && line[i + 1] === '"') (cell += '"'), i++;
      else inQuote = !inQuote;
    } else if (ch === delimiter && !inQuote) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function describeCsvError(type: string, message: string, columns: number): string {
  if (type === 'MISSING COLUMNS' || type === 'TOO MANY COLUMNS')
    return (
      `${message.replace('Expected Number of Columns', 'expected').replace('Found', 'found').toLowerCase()} ` +
      `(the header has ${columns})`
    );
  if (type === 'UNQUOTED VALUE') return 'a quote inside an unquoted cell';
  if (type === 'INVALID UNICODE') return 'bytes that are not valid text';
  return message.toLowerCase();
}
