// When a Party's report was received, and whether it came by the AITR due date (31 October of the
// following year). wen knows two days of a file: the day a user says it was received (sources.received_on,
// from `wen load --received` or `wen sources set --received`) and the day it was loaded. A file cannot be
// loaded before it arrives, so a load by the due date proves the report on time; a later load proves
// nothing, and without a received date the status says so ("received date unknown") instead of "late".
// The rule is one DuckDB macro, used by the annual report and by data-quality alike.
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';

/**
 * report_status(received_on, loaded_at, year), an aggregate over the rows of the files behind one
 * Party's year: "on time" when the earliest file was received (or, lacking that date, loaded) by the
 * due date; "late" when every file has a received date and all are after it; else "received date unknown".
 */
export const REPORT_STATUS_MACRO = `
  CREATE OR REPLACE TEMP MACRO report_status(received_on, loaded_at, year) AS
    CASE WHEN min(coalesce(received_on, loaded_at::DATE)) <= make_date(year::INTEGER + 1, 10, 31) THEN 'on time'
         WHEN count(received_on) = count(loaded_at) THEN 'late'
         ELSE 'received date unknown' END`;

/** A received date as typed (YYYY-MM-DD, a real day, not after today in UTC), or a usage error naming the flag. */
export function parseReceivedDate(text: string, flag = '--received'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !day || day.toISOString().slice(0, 10) !== text.trim()) {
    throw new UsageError(`${flag} "${text}" is not a date`, { hint: 'give the day the report arrived as YYYY-MM-DD, e.g. 2024-10-15' });
  }
  if (day.getTime() > Date.now())
    throw new UsageError(`${flag} ${text.trim()} is in the future`, { hint: 'give the day the report arrived, today or earlier' });
  return text.trim();
}

/** Records the day a loaded file was received; returns its name. Unknown ids are a usage error listing the ids there are. */
export async function setReceived(
  db: Database,
  sourceId: number,
  receivedOn: string,
): Promise<{ source_id: number; file_name: string; sheet: string | null; received_on: string }> {
  const found = await db.one<{ file_name: string; sheet: string | null }>('SELECT file_name, sheet FROM sources WHERE source_id = $id', {
    id: sourceId,
  });
  if (!found) {
    const range = await db.one<{ first: number | null; last: number | null; n: number }>(
      'SELECT min(source_id) AS first, max(source_id) AS last, count(*)::INTEGER AS n FROM sources',
    );
    throw new UsageError(`no source ${sourceId} in the database`, {
      hint: range?.n
        ? `source ids run from ${range.first} to ${range.last}: see them with wen info`
        : 'nothing is loaded yet: wen load FILE',
    });
  }
  await db.transaction(() =>
    db.run('UPDATE sources SET received_on = $day::DATE WHERE source_id = $id', { day: receivedOn, id: sourceId }),
  );
  return { source_id: sourceId, file_name: found.file_name, sheet: found.sheet, received_on: receivedOn };
}

/** A source id as typed: a whole number ≥ 1. */
export function parseSourceId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(id) || id < 1) {
    throw new UsageError(`source id "${text}" is not a whole number ≥ 1`, { hint: 'the ids are in the sources table of wen info' });
  }
  return id;
}
