// What every reader hands to the profiles: a temporary DuckDB table `raw_rows` holding the file's
// data rows as text (columns c1…cN, in file order) with the row number a user sees in the file, and
// the row's position in storage (`ordinal`: usually the rowid, so that a filter on it reads only
// that part of the rows; the load writes big files in slices of it).
// Cells are trimmed once, as they are read, and an empty cell is NULL: every later step reads them as they are.
import { InputError } from '../../errors.js';

export interface RawTable {
  headings: string[]; // heading of c1, c2, …
  headerRow: number; // 1-based line or sheet row of the headings
  format: 'csv' | 'xlsx' | 'parquet' | 'json' | 'ndjson';
  encoding?: string;
  sheet?: string;
  rowsInFile: number; // data rows below the header, blank ones included
  blankLines: number; // rows skipped before reaching raw_rows because they were empty
  malformed: MalformedRow[]; // rows the reader could not split into cells
}

export interface MalformedRow {
  row: number;
  reason: string;
  raw: string;
}

/**
 * The widest table wen reads. DuckDB gives each column of a table storage of its own, so the cost
 * of a read grows with the columns whatever the rows: a fuzzed 300-row CSV of 10,024 columns (15 MB)
 * held 3.3 GB and had not finished after 7 minutes. Seizure tables have tens of columns; 4,096 keeps
 * room for wide exports.
 */
export const MAX_COLUMNS = 4096;

/** Refuses a table wider than MAX_COLUMNS before anything is read into DuckDB; `where` names the sheet. */
export function refuseTooWide(path: string, columns: number, where = 'the heading row'): void {
  if (columns <= MAX_COLUMNS) return;
  throw new InputError(
    `${path}: ${where} has ${columns.toLocaleString('en-US')} columns; wen reads at most ${MAX_COLUMNS.toLocaleString('en-US')}`,
    {
      hint: 'check the delimiter, or keep only the columns of the seizure table',
    },
  );
}

/** Column identifiers are generated, never taken from the file, so headings cannot inject SQL. */
export const columnId = (index: number) => `c${index + 1}`;

/**
 * A cell as raw_rows holds it: without surrounding spaces, NULL when nothing is left. trim() is only
 * called on the few cells that start or end with a space (calling it on every cell doubled the cost
 * of reading a CSV file).
 */
export const trimmedCellSql = (sql: string) =>
  `nullif(CASE WHEN prefix(${sql}, ' ') OR suffix(${sql}, ' ') THEN trim(${sql}) ELSE ${sql} END, '')`;

/** Picks the header row among the first rows: the one that best matches known headings, else the first wide row of text. */
export function findHeaderRow(rows: string[][], knownHeading: (cell: string) => boolean): number {
  let best = -1;
  let bestScore = -1;
  const widest = Math.max(0, ...rows.map((r) => r.filter((c) => c.trim()).length));
  rows.forEach((cells, index) => {
    const filled = cells.filter((c) => c.trim());
    if (filled.length < Math.min(2, widest)) return;
    const known = filled.filter((c) => knownHeading(c)).length;
    const textual = filled.filter((c) => !/^[-+\d.,\s/:]+$/.test(c)).length;
    // Known headings count most; then a row of text at least half as wide as the widest row.
    const score = known * 100 + (filled.length * 2 >= widest ? textual : 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return Math.max(best, 0);
}

/** Names the headings; blank and repeated ones get a position so that every column can be addressed. */
export function nameHeadings(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    let name = cell.replace(/[\s\u00a0]+/g, ' ').trim() || `column ${i + 1}`;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count > 0) name = `${name} (${count + 1})`;
    return name;
  });
}
