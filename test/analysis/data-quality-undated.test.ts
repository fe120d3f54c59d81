// data-quality scores undated seizures as undated (a row of their own) instead of leaving them out,
// and counts an origin stated unknown (XX) as no origin given. Answers worked out in the comments.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

const seizure = (id: string, country: string, date: string, origin: string[]) =>
  JSON.stringify({
    case_id: id,
    reporting_country: country,
    date,
    discovery: { country },
    contraband: [{ scientific_name: 'Manis javanica', description: 'scales', quantity: 1, unit: 'kg' }],
    locations: { origin, destination: 'CN' },
  });

describe('data-quality with undated seizures', () => {
  it('scores them in a row with no year, status "undated", and says how many there are', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'dq.ndjson'),
      [
        // VN 2021: origin NG and origin XX (unknown) → origin given for 1 of 2 = 50 %.
        seizure('V1', 'VN', '2021-04-01', ['NG']),
        seizure('V2', 'VN', '2021-05-01', ['XX']),
        // VN undated: one; HK: both undated, so HK has no dated year at all.
        seizure('V3', 'VN', '', ['NG']),
        seizure('H1', 'HK', '', ['CM']),
        seizure('H2', 'HK', 'sometime', ['XX']),
      ].join('\n') + '\n',
    );
    const db = await tempDatabase();
    await loadFile(db, join(dir, 'dq.ndjson'));
    const { rows, notes } = await runAnalysis(db, getAnalysis('data-quality'), NO_FILTERS, {});
    expect(
      rows.map((r) => [r.reporting_country, r.year, r.seizures, r.origin_pct, r.destination_pct, r.day_date_pct, r.report_status]),
    ).toEqual([
      ['HK', null, 2, 50, 100, 0, 'undated'],
      // Loaded today, long after 31 October 2022, with no received date: not known to be late.
      ['VN', 2021, 2, 50, 100, 100, 'received date unknown'],
      ['VN', null, 1, 100, 100, 0, 'undated'],
    ]);
    expect(notes).toContain(
      '3 of the 5 seizures selected are undated: scored in the rows with no year (status "undated"); ' +
        'map a date column when loading (the date field of a --mapping file) to score them by year',
    );
  });
});
