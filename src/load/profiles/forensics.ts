// Forensic results (DNA, stable isotopes, ballistics, fingerprints…): one row per sample, naming the
// seizure it came from, the method, the laboratory's match group and the origin it assigned. They go
// to their own table; the forensics analysis links cases through them.
import type { Database } from '../../db/database.js';
import { countryCode } from '../../normalise/countries.js';
import { parseDate } from '../../normalise/dates.js';
import type { RawTable } from '../readers/raw-table.js';
import type { SideTableProfile } from './profile.js';
import { fieldOf, mapDistinct, stageByHeadings, type TableCounts } from './simple-table.js';

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

function isForensicHeading(cell: string): boolean {
  return fieldOf(HEADINGS, cell) !== undefined;
}

/**
 * Forensic results need a sample id and a match group or an assigned origin among the headings, and
 * sample ids in most rows (a seizure table has an "origin" too, but no samples).
 */
export const forensicsProfile: SideTableProfile = {
  name: 'forensics',
  kind: 'side-table',
  description: 'forensic results: one sample per row with its seizure, method, match group and assigned origin',
  writes: ['forensic_results'],
  noun: 'forensic results',
  knownHeading: isForensicHeading,
  recognises: HEADINGS,
  write: (db, table, sourceId) => writeForensics(db, table, sourceId),
  detect(sample) {
    const column = (field: string) => sample.headings.findIndex((h) => fieldOf(HEADINGS, h) === field);
    const [id, group, origin, lab] = [column('sample_id'), column('match_group'), column('assigned_origin'), column('laboratory')];
    if (id < 0 || (group < 0 && origin < 0)) return { score: 0, reason: 'no sample id with a match group or an assigned origin' };
    const named = [id, group, origin, lab]
      .filter((i) => i >= 0)
      .map((i) => `"${sample.headings[i]}"`)
      .join(', ');
    const filled = sample.rows.length ? sample.rows.filter((r) => r[id]).length / sample.rows.length : 1;
    if (filled < 0.5) return { score: 0.2, reason: `headings ${named} could be forensic results, but most rows have no sample id` };
    return { score: lab >= 0 || group >= 0 ? 0.9 : 0.7, reason: `headings name samples with match groups or assigned origins (${named})` };
  },
};

/** Inserts the rows of raw_rows into forensic_results (inside the loader's transaction). */
async function writeForensics(db: Database, raw: RawTable, sourceId: number): Promise<TableCounts> {
  const heading = await stageByHeadings(db, raw, HEADINGS, 'forensic_staged');
  // Countries and dates: each distinct value normalised once, as for seizures.
  await mapDistinct(
    db,
    'SELECT assigned_origin AS v FROM forensic_staged',
    'forensic_origins',
    '{"given":"VARCHAR","code":"VARCHAR"}',
    (v) => ({ code: countryCode(v).value }),
  );
  await mapDistinct(db, 'SELECT result_date AS v FROM forensic_staged', 'forensic_dates', '{"given":"VARCHAR","day":"DATE"}', (v) => ({
    day: parseDate(v).value?.start ?? null,
  }));
  await db.run(
    `INSERT INTO rejects SELECT $source, row_number, $column, NULL, ` +
      `'no sample id', NULL FROM forensic_staged WHERE NOT blank AND ` +
      `sample_id IS NULL`,
    { source: sourceId, column: heading.sample_id ?? 'sample' },
  );
  await db.run(
    `INSERT INTO forensic_results
     SELECT $source, f.row_number, f.sample_id, f.seizure_ref, f.method, f.match_group, o.code, f.assigned_origin, f.laboratory, d.day,
       f.notes
     FROM forensic_staged f LEFT JOIN forensic_origins o ON o.given = f.assigned_origin LEFT JOIN forensic_dates d ON d.given =
       f.result_date
     WHERE NOT f.blank AND f.sample_id IS NOT NULL`,
    { source: sourceId },
  );
  await db.run(
    `INSERT INTO flags SELECT $source, f.row_number, 'assigned origin', f.assigned_origin, 'unknown country'
     FROM forensic_staged f JOIN forensic_origins o ON o.given = f.assigned_origin WHERE o.code IS NULL AND NOT f.blank AND f.sample_id IS
       NOT NULL`,
    { source: sourceId },
  );
  const counts = await db.one<TableCounts>(
    `SELECT count(*) FILTER (blank)::INTEGER AS blank, count(*) FILTER (NOT blank AND sample_id IS NOT NULL)::INTEGER AS loaded,
            count(*) FILTER (NOT blank AND sample_id IS NULL)::INTEGER AS rejected,
            (SELECT count(DISTINCT row_number) FROM flags WHERE source_id = $source)::INTEGER AS flagged
     FROM forensic_staged`,
    { source: sourceId },
  );
  return counts!;
}
