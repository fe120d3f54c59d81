// Shared by the profiles of plain tables that are not seizures (forensic results, payments): find each
// field's column by heading synonyms and stage the rows as text, with blank rows marked.
import type { Database } from '../../db/database.js';
import { fold } from '../../normalise/text.js';
import { columnId, type RawTable } from '../readers/raw-table.js';

export type Headings = Record<string, string[]>;

/** What a side-table profile did with a file's rows. */
export interface TableCounts {
  blank: number;
  loaded: number;
  rejected: number;
  flagged: number;
}

export function fieldOf(headings: Headings, heading: string): string | undefined {
  const key = fold(heading);
  return Object.entries(headings).find(([, names]) => names.includes(key))?.[0];
}

/** Creates temp table `table` (row_number, blank, one text column per field) from raw_rows; returns the heading of each field. */
export async function stageByHeadings(db: Database, raw: RawTable, headings: Headings, table: string): Promise<Record<string, string>> {
  const column: Record<string, string> = {};
  const heading: Record<string, string> = {};
  raw.headings.forEach((h, i) => {
    const field = fieldOf(headings, h);
    if (field && !column[field]) (column[field] = columnId(i)), (heading[field] = h);
  });
  const cell = (field: string) => (column[field] ? `nullif(trim(${column[field]}), '')` : 'NULL::VARCHAR');
  // raw_rows cells are trimmed and NULL when empty (the readers' contract): blank when no cell is left.
  const blank = raw.headings.length ? `coalesce(${raw.headings.map((_, i) => columnId(i)).join(', ')}) IS NULL` : 'true';
  // `table` is one of the fixed names the profiles pass, never input.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT row_number, ${blank} AS blank, ${Object.keys(headings)
      .map((f) => `${cell(f)} AS ${f}`)
      .join(', ')} FROM raw_rows`,
  );
  return heading;
}

/** A lookup table built from the distinct values of one staged column, mapped once in TypeScript. */
export async function mapDistinct<T extends Record<string, unknown>>(
  db: Database,
  sourceSql: string,
  target: string,
  structure: string,
  map: (value: string) => T,
): Promise<void> {
  const values = (await db.all<{ v: string }>(`SELECT DISTINCT v FROM (${sourceSql}) WHERE v IS NOT NULL`)).map((r) => ({
    given: r.v,
    ...map(r.v),
  }));
  await db.run(`CREATE OR REPLACE TEMP TABLE ${target} AS SELECT unnest(from_json($rows, '[${structure}]'), recursive := true)`, {
    rows: JSON.stringify(values.length ? values : []),
  });
  if (!values.length)
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${target} AS SELECT * FROM (SELECT ` +
        `unnest(from_json('[]', '[${structure}]'), recursive := true)) WHERE false`,
    );
}
