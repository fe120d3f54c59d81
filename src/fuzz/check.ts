// The accounting every load must keep, checked on the load's own report and on what the database
// holds: one place, shared by the fuzz command (through `wen sql`) and the in-process fuzz test.
import type { LoadReport } from '../load/loader.js';

/** The counts of a load's report that the checks read (the loader's LoadReport, in its JSON form too). */
export type ReportCounts = Pick<
  LoadReport,
  | 'file'
  | 'status'
  | 'sourceId'
  | 'rowsInFile'
  | 'blank'
  | 'totals'
  | 'filtered'
  | 'read'
  | 'loaded'
  | 'rejected'
  | 'seizures'
  | 'specimens'
>;

/** One row per source: its stored counts beside what the tables hold for it. */
export const SOURCE_COUNTS_SQL = `SELECT s.source_id, s.rows_in_file, s.rows_blank, s.rows_totals, s.rows_filtered,
  s.rows_read, s.rows_loaded, s.rows_rejected,
  (SELECT count(DISTINCT row_number) FROM rejects r WHERE r.source_id = s.source_id)::INTEGER AS rejected_rows,
  (SELECT count(*) FROM seizures z WHERE z.source_id = s.source_id)::INTEGER AS seizure_rows,
  (SELECT count(*) FROM specimens p WHERE p.source_id = s.source_id)::INTEGER AS specimen_rows
FROM sources s ORDER BY s.source_id`;

export interface SourceCounts {
  source_id: number;
  rows_in_file: number;
  rows_blank: number;
  rows_totals: number;
  rows_filtered: number;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rejected_rows: number;
  seizure_rows: number;
  specimen_rows: number;
}

/** Every way the reports and the sources rows fail to account for the rows; empty when all is kept. */
export function accountingBreaks(reports: ReportCounts[], sources: SourceCounts[]): string[] {
  const breaks: string[] = [];
  for (const r of reports) {
    if (r.rowsInFile !== r.blank + r.totals + r.filtered + r.read)
      breaks.push(
        `${r.file}: rowsInFile ${r.rowsInFile} ≠ blank ${r.blank} + totals ${r.totals} + filtered ${r.filtered} + read ${r.read}`,
      );
    if (r.read !== r.loaded + r.rejected) breaks.push(`${r.file}: read ${r.read} ≠ loaded ${r.loaded} + rejected ${r.rejected}`);
    if (r.status !== 'loaded') continue;
    const s = sources.find((x) => x.source_id === r.sourceId);
    if (!s) {
      breaks.push(`${r.file}: loaded as source ${r.sourceId}, which has no sources row`);
      continue;
    }
    const pairs: Array<[string, number, number]> = [
      ['rows_in_file', s.rows_in_file, r.rowsInFile],
      ['rows_blank', s.rows_blank, r.blank],
      ['rows_totals', s.rows_totals, r.totals],
      ['rows_filtered', s.rows_filtered, r.filtered],
      ['rows_read', s.rows_read, r.read],
      ['rows_loaded', s.rows_loaded, r.loaded],
      ['rows_rejected', s.rows_rejected, r.rejected],
      ['rejects rows', s.rejected_rows, r.rejected],
      ['seizures', s.seizure_rows, r.seizures],
      ['specimens', s.specimen_rows, r.specimens],
    ];
    for (const [what, stored, reported] of pairs)
      if (stored !== reported) breaks.push(`${r.file}: source ${s.source_id} ${what} ${stored} ≠ reported ${reported}`);
  }
  return breaks;
}
