// XLSX workbooks for people who work in Excel: one sheet per table, typed cells (numbers as numbers,
// dates as dates, times as times), a frozen and filterable header row and columns wide enough to read.
// The cell types come from column-kinds.ts, as for Arrow and Parquet, so the three agree. Text is written
// as text: a workbook cell holding "=1+1" as a string is never evaluated, so no quote is added (unlike CSV).
import type { Rows } from './text-formats.js';
import { columnKinds, type Kind } from './column-kinds.js';

export interface SheetData {
  /** The sheet's name; made safe for Excel (≤ 31 characters, no []:*?/\, unique). */
  name: string;
  rows: Rows;
  columns: string[];
  /** DuckDB's types of the columns, when the SQL returned them. */
  types?: Record<string, string>;
}

// Excel holds at most 32,767 characters in a cell, and XML 1.0 refuses most control characters.
const MAX_CELL = 32_767;
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_FORMATS: Partial<Record<string, string>> = { date: 'yyyy-mm-dd', timestamp: 'yyyy-mm-dd hh:mm:ss', time: 'hh:mm:ss' };
const WIDTH = { min: 6, max: 60, sample: 1000 };

/**
 * The tables as one workbook, a sheet each, in order. exceljs's streaming writer: each row is written
 * out when added, with inline strings, so memory stays near the rows themselves (the in-memory workbook
 * took four times as long and as much memory on 100,000 rows).
 */
export async function xlsxWorkbook(sheets: SheetData[]): Promise<Buffer> {
  // Loaded only for XLSX output, like the other writers.
  const [{ default: ExcelJS }, { PassThrough }] = await Promise.all([import('exceljs'), import('node:stream')]);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'wen';
  const used = new Set<string>();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const kinds = cellKinds(sheet.rows, sheet.columns, sheet.types);
    worksheet.columns = sheet.columns.map((column, i) => ({
      header: column,
      key: `c${i}`,
      width: columnWidth(column, sheet.rows, kinds[i], sheet.columns[i]),
      style: NUMBER_FORMATS[kinds[i] as string] ? { numFmt: NUMBER_FORMATS[kinds[i] as string] } : {},
    }));
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    if (sheet.columns.length) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    header.commit();
    for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((c, i) => cellValue(kinds[i], row[c]))).commit();
    worksheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The kinds of column-kinds.ts, plus dates for text columns that hold only ISO dates (a date an analysis or report made text). */
function cellKinds(rows: Rows, columns: string[], types: Record<string, string> = {}): Kind[] {
  return columnKinds(rows, columns, types).map((kind, i) => {
    if (kind !== 'utf8') return kind;
    let any = false;
    for (const row of rows) {
      const v = row[columns[i]];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v !== 'string' || !ISO_DATE.test(v)) return kind;
      any = true;
    }
    return any ? 'date' : kind;
  });
}

function cellValue(kind: Kind, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof kind === 'object') return text(Array.isArray(value) ? value.map(plain).join('; ') : plain(value));
  switch (kind) {
    case 'int64': {
      const n = Number(value);
      // Excel's numbers are doubles: an integer beyond 2^53 keeps its digits as text.
      return Number.isSafeInteger(n) ? n : text(String(value));
    }
    case 'float64':
      return typeof value === 'number' && Number.isFinite(value) ? value : text(String(value));
    case 'bool':
      return Boolean(value);
    case 'date':
      return value instanceof Date ? value : new Date(`${value as string}T00:00:00Z`);
    case 'timestamp':
      // Excel has no time zone: the cell holds the UTC time, as wen prints it.
      return value instanceof Date ? value : new Date(value as string);
    case 'time':
      return timeOfDay(value as string);
    case 'utf8':
      return text(plain(value));
  }
}

/** HH:MM:SS[.ffffff] as the fraction of a day Excel stores for a time. */
function timeOfDay(value: string): number {
  const [h, m, s] = value.split(':').map(Number);
  return (h * 3600 + m * 60 + s) / 86_400;
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

function text(value: string): string {
  const clean = value.replace(XML_ILLEGAL, '');
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

function columnWidth(header: string, rows: Rows, kind: Kind, column: string): number {
  if (kind === 'date') return Math.max(header.length + 2, 12);
  if (kind === 'timestamp') return Math.max(header.length + 2, 20);
  let widest = header.length;
  const n = Math.min(rows.length, WIDTH.sample);
  for (let i = 0; i < n; i++) {
    const v = rows[i][column];
    if (v !== null && v !== undefined) widest = Math.max(widest, (Array.isArray(v) ? v.join('; ') : String(v)).length);
  }
  return Math.min(WIDTH.max, Math.max(WIDTH.min, widest + 2));
}

/** A name Excel accepts: ≤ 31 characters, none of []:*?/\, not blank, unique in the workbook (case-insensitively). */
export function sheetName(given: string, used: Set<string>): string {
  const base =
    given
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}
