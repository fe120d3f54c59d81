// Forensic results (DNA, stable isotopes, ballistics, fingerprints…): one row per sample, naming the
// seizure it came from, the method, the laboratory's match group and the origin it assigned. They go
// to their own table; the forensics analysis links cases through them.
import type { Database } from '../../db/database.js';
import { countryCode } from '../../normalise/countries.js';
import { parseDate } from '../../normalise/dates.js';
import { fold } from '../../normalise/text.js';
import { columnId, type RawTable } from '../readers/raw-table.js';

const HEADINGS: Record<string, string[]> = {
  sample_id: ['sample', 'sample id', 'sample no', 'sample number', 'lab sample', 'specimen id'],
  seizure_ref: ['seizure', 'seizure ref', 'seizure reference', 'case', 'case id', 'case reference', 'reference'],
  method: ['method', 'analysis', 'technique', 'test', 'forensic method'],
  match_group: ['match group', 'match', 'match id', 'cluster', 'matching group'],
  assigned_origin: ['assigned origin', 'origin assigned', 'inferred origin', 'geographic origin', 'origin'],
  laboratory: ['laboratory', 'lab'],
  result_date: ['date', 'result date', 'report date', 'analysis date'],
  notes: ['notes', 'remarks', 'comments'],
};

function fieldOf(heading: string): string | undefined {
  const key = fold(heading);
  return Object.entries(HEADINGS).find(([, names]) => names.includes(key))?.[0];
}

export function isForensicHeading(cell: string): boolean {
  return fieldOf(cell) !== undefined;
}

/** A table is forensic results when it has a sample column and a match group or assigned origin. */
export function looksForensic(headings: string[]): boolean {
  const fields = new Set(headings.map(fieldOf));
  return fields.has('sample_id') && (fields.has('match_group') || fields.has('assigned_origin'));
}

export interface ForensicCounts {
  blank: number;
  loaded: number;
  rejected: number;
  flagged: number;
}

/** Inserts the rows of raw_rows into forensic_results (inside the loader's transaction). */
export async function writeForensics(db: Database, raw: RawTable, sourceId: number): Promise<ForensicCounts> {
  const column: Record<string, string> = {};
  raw.headings.forEach((h, i) => {
    const field = fieldOf(h);
    if (field && !column[field]) column[field] = columnId(i);
  });
  const cell = (field: string) => (column[field] ? `nullif(trim(${column[field]}), '')` : 'NULL::VARCHAR');
  const all = raw.headings.map((_, i) => `nullif(trim(${columnId(i)}), '') IS NULL`).join(' AND ') || 'true';
  await db.run(`CREATE OR REPLACE TEMP TABLE forensic_staged AS SELECT row_number, ${all} AS blank, ${Object.keys(HEADINGS).map((f) => `${cell(f)} AS ${f}`).join(', ')} FROM raw_rows`);
  // Countries and dates: each distinct value normalised once, as for seizures.
  const origins = (await db.all<{ v: string }>('SELECT DISTINCT assigned_origin AS v FROM forensic_staged WHERE assigned_origin IS NOT NULL')).map((r) => ({ given: r.v, code: countryCode(r.v).value }));
  const dates = (await db.all<{ v: string }>('SELECT DISTINCT result_date AS v FROM forensic_staged WHERE result_date IS NOT NULL')).map((r) => ({ given: r.v, day: parseDate(r.v).value?.start ?? null }));
  await db.run(`CREATE OR REPLACE TEMP TABLE forensic_origins AS SELECT unnest(from_json($rows, '[{"given":"VARCHAR","code":"VARCHAR"}]'), recursive := true)`, { rows: JSON.stringify(origins) });
  await db.run(`CREATE OR REPLACE TEMP TABLE forensic_dates AS SELECT unnest(from_json($rows, '[{"given":"VARCHAR","day":"DATE"}]'), recursive := true)`, { rows: JSON.stringify(dates) });
  await db.run(
    `INSERT INTO rejects SELECT $source, row_number, $column, NULL, 'no sample id', NULL FROM forensic_staged WHERE NOT blank AND sample_id IS NULL`,
    { source: sourceId, column: raw.headings[Number((column.sample_id ?? 'c1').slice(1)) - 1] ?? 'sample' },
  );
  await db.run(
    `INSERT INTO forensic_results
     SELECT $source, f.row_number, f.sample_id, f.seizure_ref, f.method, f.match_group, o.code, f.assigned_origin, f.laboratory, d.day, f.notes
     FROM forensic_staged f LEFT JOIN forensic_origins o ON o.given = f.assigned_origin LEFT JOIN forensic_dates d ON d.given = f.result_date
     WHERE NOT f.blank AND f.sample_id IS NOT NULL`,
    { source: sourceId },
  );
  await db.run(
    `INSERT INTO flags SELECT $source, f.row_number, 'assigned origin', f.assigned_origin, 'unknown country'
     FROM forensic_staged f JOIN forensic_origins o ON o.given = f.assigned_origin WHERE o.code IS NULL AND NOT f.blank AND f.sample_id IS NOT NULL`,
    { source: sourceId },
  );
  const counts = await db.one<ForensicCounts>(
    `SELECT count(*) FILTER (blank)::INTEGER AS blank, count(*) FILTER (NOT blank AND sample_id IS NOT NULL)::INTEGER AS loaded,
            count(*) FILTER (NOT blank AND sample_id IS NULL)::INTEGER AS rejected,
            (SELECT count(DISTINCT row_number) FROM flags WHERE source_id = $source)::INTEGER AS flagged
     FROM forensic_staged`,
    { source: sourceId },
  );
  return counts!;
}
