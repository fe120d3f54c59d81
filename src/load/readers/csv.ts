// CSV/TSV into raw_rows: encoding detected (and transcoded when not UTF-8), delimiter and header
// row found, then DuckDB reads the file itself; lines it cannot split are kept as malformed rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../db/database.js';
import { InputError } from '../../errors.js';
import { sniffEncoding, transcodeToUtf8, type Encoding } from './encoding.js';
import { lineBreakpoints, scanRecords, type ScanResult } from './record-scanner.js';
import type { RowStore } from './row-store.js';
import { cellText, columnId, findHeaderRow, nameHeadings, type MalformedRow, type RawTable } from './raw-table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;

export async function readCsv(db: Database, path: string, knownHeading: (cell: string) => boolean, store: RowStore): Promise<RawTable> {
  let encoding: Encoding = sniffEncoding(path);
  let readable = path;
  let tempDir: string | undefined;
  try {
    if (encoding !== 'utf-8') ({ readable, tempDir } = await transcode(path, encoding));
    let scan = await scanRecords(readable);
    if (!scan.validUtf8) {
      // Valid UTF-8 at the start, something else later: a Windows-1252 file with a late accent.
      encoding = 'windows-1252';
      ({ readable, tempDir } = await transcode(path, encoding));
      scan = await scanRecords(readable);
    }
    if (scan.slots - scan.blankSlots.length === 0) throw new InputError(`${path}: the file is empty`);
    const delimiter = detectDelimiter(scan.firstSlots);
    const firstRows = scan.firstSlots.map((line) => splitLine(line, delimiter));
    const headerIndex = findHeaderRow(firstRows, knownHeading);
    const headerSlot = headerIndex + 1;
    const headings = nameHeadings(firstRows[headerIndex]);
    const columns = headings.map((_, i) => `'${columnId(i)}': 'VARCHAR'`).join(', ');
    const rawInput = store.table('raw_input');
    await db.run(`DROP VIEW IF EXISTS raw_rows; DROP TABLE IF EXISTS raw_rows; DROP TABLE IF EXISTS ${rawInput}; DROP TABLE IF EXISTS wen_csv_errors; DROP TABLE IF EXISTS wen_csv_scans`);
    // The delimiter is one of four fixed characters and the columns are generated names; the path is bound.
    await db.run(
      `${store.create('raw_input')} AS SELECT ${headings.map((_, i) => `${cellText(columnId(i))} AS ${columnId(i)}`).join(', ')} FROM read_csv($path, header = false, skip = ${headerSlot}, delim = '${delimiter === '\t' ? '\\t' : delimiter}',
         quote = '"', escape = '"', all_varchar = true, auto_detect = false, columns = {${columns}}, strict_mode = true, null_padding = false,
         store_rejects = true, ignore_errors = true, rejects_table = 'wen_csv_errors', rejects_scan = 'wen_csv_scans', max_line_size = 10000000)`,
      { path: readable },
    );
    const errors = await db.all<{ line: number; csv_line: string; error_type: string; error_message: string; column_name: string | null }>(
      'SELECT line::BIGINT AS line, any_value(csv_line) AS csv_line, any_value(error_type) AS error_type, any_value(error_message) AS error_message, any_value(column_name) AS column_name FROM wen_csv_errors GROUP BY line ORDER BY line',
    );
    // DuckDB's line numbers are slot numbers counted from the top of the file.
    const rejectedSlots = errors.map((e) => e.line);
    const malformed: MalformedRow[] = errors.map((e) => ({
      row: physicalLine(scan, e.line),
      reason: `malformed CSV line: ${describeCsvError(e.error_type, e.error_message, headings.length)}`,
      raw: e.csv_line,
    }));
    const points = lineBreakpoints(scan, headerSlot + 1, rejectedSlots);
    await db.run('CREATE OR REPLACE TEMP TABLE line_breakpoints (ordinal BIGINT, line_offset BIGINT)');
    await db.run("INSERT INTO line_breakpoints SELECT p[1], p[2] FROM (SELECT unnest(from_json($points, '[[\"BIGINT\"]]')) AS p)", {
      points: JSON.stringify(points),
    });
    // Usually every row is its ordinal plus one offset; only blank lines, rejected lines and
    // multi-line cells add breakpoints, which an ASOF join applies.
    await db.run(
      points.length === 1
        ? `CREATE OR REPLACE TEMP VIEW raw_rows AS SELECT rowid AS ordinal, (rowid + ${Number(points[0][1])})::INTEGER AS row_number, * FROM ${rawInput}`
        : `${store.create('raw_numbered')} AS
           SELECT (r.ordinal + b.line_offset)::INTEGER AS row_number, r.* EXCLUDE (ordinal)
           FROM (SELECT rowid AS ordinal, * FROM ${rawInput}) r ASOF JOIN line_breakpoints b ON r.ordinal >= b.ordinal`,
    );
    if (points.length > 1) await db.run(`CREATE OR REPLACE TEMP VIEW raw_rows AS SELECT rowid AS ordinal, * FROM ${store.table('raw_numbered')}`);
    const dataSlots = scan.slots - headerSlot;
    const blankLines = scan.blankSlots.filter((s) => s > headerSlot).length;
    return { headings, headerRow: physicalLine(scan, headerSlot), format: 'csv', encoding, rowsInFile: dataSlots, blankLines, malformed };
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

async function transcode(path: string, encoding: Encoding): Promise<{ readable: string; tempDir: string }> {
  const tempDir = mkdtempSync(join(tmpdir(), 'wen-'));
  const readable = join(tempDir, 'utf8.csv');
  await transcodeToUtf8(path, encoding, readable);
  return { readable, tempDir };
}

function physicalLine(scan: ScanResult, slot: number): number {
  let extra = 0;
  for (const [s, lines] of scan.continuation) if (s < slot) extra += lines;
  return slot + extra;
}

/** The delimiter that splits some line into the most cells (headings have the most). */
export function detectDelimiter(lines: string[]): string {
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
export function splitLine(line: string, delimiter: string): string[] {
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
  if (type === 'MISSING COLUMNS' || type === 'TOO MANY COLUMNS') return `${message.replace('Expected Number of Columns', 'expected').replace('Found', 'found').toLowerCase()} (the header has ${columns})`;
  if (type === 'UNQUOTED VALUE') return 'a quote inside an unquoted cell';
  if (type === 'INVALID UNICODE') return 'bytes that are not valid text';
  return message.toLowerCase();
}
