// XLSX into raw_rows with exceljs (DuckDB's excel extension downloads itself at first use, which
// fails offline). Row numbers are Excel's own; date cells become ISO text and numbers stay numbers,
// so an Excel serial in a General-formatted cell is still recognised by the date normaliser.
// exceljs (and its zip and stream packages, about 0.25 s of start-up) is imported when a workbook is
// read, not for every load of a CSV: the types alone are imported here.
import type ExcelJS from 'exceljs';
import type { Database } from '../../db/database.js';
import { InputError } from '../../errors.js';
import { columnId, findHeaderRow, nameHeadings, refuseTooWide, type RawTable } from './raw-table.js';

const HEADER_SEARCH_ROWS = 30;

export async function listSheets(path: string): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (cause) {
    throw new InputError(`${path}: not a readable .xlsx workbook (${(cause as Error).message})`, {
      hint: 'save it from Excel as "Excel Workbook (.xlsx)"; .xls is not supported',
      cause,
    });
  }
  return workbook;
}

export async function readSheet(
  db: Database,
  path: string,
  sheet: ExcelJS.Worksheet,
  knownHeading: (cell: string) => boolean,
): Promise<RawTable> {
  const rows: Array<{ number: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based, [0] unused
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
    rows.push({ number, cells });
  });
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonBlank.length === 0) throw new InputError(`${path}: sheet "${sheet.name}" is empty`);
  const headerIndex = findHeaderRow(
    nonBlank.slice(0, HEADER_SEARCH_ROWS).map((r) => r.cells),
    knownHeading,
  );
  const header = nonBlank[headerIndex];
  const headings = nameHeadings(header.cells);
  const width = Math.max(headings.length, ...nonBlank.map((r) => r.cells.length));
  refuseTooWide(path, width, `sheet "${sheet.name}"`);
  while (headings.length < width) headings.push(`column ${headings.length + 1}`);
  const data = nonBlank.slice(headerIndex + 1);
  await db.run('DROP VIEW IF EXISTS raw_rows; DROP TABLE IF EXISTS raw_rows');
  await db.run(
    `CREATE TEMP TABLE raw_rows (ordinal BIGINT, row_number INTEGER, ${headings.map((_, i) => `${columnId(i)} VARCHAR`).join(', ')})`,
  );
  const appender = await db.connection.createAppender('raw_rows', 'main', 'temp');
  for (const [ordinal, row] of data.entries()) {
    appender.appendBigInt(BigInt(ordinal));
    appender.appendInteger(row.number);
    for (let i = 0; i < width; i++) {
      const cell = row.cells[i]?.trim();
      if (cell === undefined || cell === '') appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.endRow();
  }
  appender.closeSync();
  const lastRow = Math.max(sheet.rowCount, header.number);
  const rowsInFile = lastRow - header.number;
  return {
    headings,
    headerRow: header.number,
    format: 'xlsx',
    sheet: sheet.name,
    rowsInFile,
    blankLines: rowsInFile - data.length,
    malformed: [],
  };
}

/** The text a user sees in a cell; dates as ISO, formulas by their result. */
function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return xlsxCellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).trim();
}
