// Every real public file in ../shared/realdata and every bundled sample file loads with all of its
// rows accounted for. Expected counts come from each folder's PROVENANCE.md, not from wen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, loadPath, type LoadReport } from '../../src/load/loader.js';
import { MAPPINGS, REALDATA, SAMPLE_DATA, tempDatabase } from '../helpers.js';

function expectAccounted(report: LoadReport) {
  expect(report.read).toBe(report.loaded + report.rejected);
  expect(report.rowsInFile).toBe(report.blank + report.totals + report.filtered + report.read);
}

// [file, mapping, seizure rows (PROVENANCE.md), data rows in the file (PROVENANCE.md)]
const REAL_FILES: Array<[string, string, number, number]> = [
  ['brazil-prf-wildmeat/planilha_completa.csv', 'brazil-prf.yaml', 392, 392],
  ['lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv', 'lemis.yaml', 276, 16366],
  ['lemis-amphibians/amphibian_LEMIS_1999_and_2015.csv', 'lemis.yaml', 43, 7823],
  ['cites-pangolin-shipments/manidae_shipments.csv', 'cites-shipments.yaml', 548, 3631],
  ['cites-pangolin-shipments/comptab_manidae_2019-05-31.csv', 'cites-comptab.yaml', 361, 1607],
  ['lemis-amphibians/DecDetail.FWS-FOIA-Connelly-2022-000126.04.26.2022.xlsx', 'lemis-foia-2016-2021.yaml', 276, 16366],
  ['lemis-amphibians/DecDetail.Salamander_Import_LIVE_US_04-14.2015.04.03_Name_Removed.xlsx', 'lemis-foia-salamanders.yaml', 8, 4963],
];

describe('real seizure files', () => {
  it.each(REAL_FILES)('%s loads with every row accounted for', async (file, mapping, seizureRows, dataRows) => {
    const db = await tempDatabase();
    const reports = await loadFile(db, join(REALDATA, file), { mappingPath: join(MAPPINGS, mapping) });
    const loaded = reports.filter((r) => r.status === 'loaded');
    expect(loaded).toHaveLength(1);
    const [report] = loaded;
    expectAccounted(report);
    expect(report.read).toBe(seizureRows);
    expect(report.loaded).toBe(seizureRows);
    expect(report.rowsInFile - report.blank).toBe(dataRows);
    const inDatabase = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM specimens');
    expect(inDatabase!.n).toBe(seizureRows);
  });

  it('reads Excel serial dates in the raw LEMIS workbook as the same days as the cleaned CSV', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(REALDATA, 'lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv'), { mappingPath: join(MAPPINGS, 'lemis.yaml') });
    await loadFile(db, join(REALDATA, 'lemis-amphibians/DecDetail.FWS-FOIA-Connelly-2022-000126.04.26.2022.xlsx'), {
      mappingPath: join(MAPPINGS, 'lemis-foia-2016-2021.yaml'),
    });
    const differing = await db.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM (SELECT seizure_ref, date ` +
        `FROM seizures WHERE source_id = 1 EXCEPT SELECT seizure_ref, ` +
        `date FROM seizures WHERE source_id = 2)`,
    );
    expect(differing!.n).toBe(0);
  });

  it('makes an annual report from two real sources: each Party, every seizure of the year in the totals', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(REALDATA, 'brazil-prf-wildmeat/planilha_completa.csv'), { mappingPath: join(MAPPINGS, 'brazil-prf.yaml') });
    await loadFile(db, join(REALDATA, 'lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv'), { mappingPath: join(MAPPINGS, 'lemis.yaml') });
    const { buildAnnualReport } = await import('../../src/report/annual.js');
    const report = await buildAnnualReport(db, { year: 2020, top: 20 });
    const direct = await db.all<{ country: string; n: number }>(
      'SELECT reporting_country AS country, count(*)::INTEGER AS n FROM seizures WHERE year(date) = 2020 GROUP BY 1 ORDER BY 2 DESC',
    );
    const received = report.sections.find((s) => s.id === 'reports-received')!.rows;
    expect(received.map((r) => ({ country: r.reporting_country, n: r.seizures }))).toEqual(direct);
    expect(direct.map((d) => d.country).sort()).toEqual(['BR', 'US']);
    expect(report.headline.seizures).toBe(direct.reduce((n, d) => n + d.n, 0));
  });

  it('skips the printed code list sheet of the LEMIS workbook and says so', async () => {
    const db = await tempDatabase();
    const reports = await loadFile(db, join(REALDATA, 'lemis-amphibians/DecDetail.FWS-FOIA-Connelly-2022-000126.04.26.2022.xlsx'), {
      mappingPath: join(MAPPINGS, 'lemis-foia-2016-2021.yaml'),
    });
    expect(reports.map((r) => [r.sheet, r.status])).toEqual([
      ['Standard Report', 'loaded'],
      ['ImportExport Key', 'no-table'],
    ]);
  });
});

describe('bundled sample data', () => {
  it('loads with every row accounted for, the planted errors rejected and at least 5,000 seizures from 2014 to 2024', async () => {
    const db = await tempDatabase();
    const reports = await loadPath(db, SAMPLE_DATA);
    expect(reports.map((r) => [r.file.split('/').pop(), r.profile])).toEqual([
      ['aitr-2014-2019.csv', 'aitr'],
      ['aitr-2018-fr-latin1.csv', 'aitr'],
      ['aitr-2020-2024.xlsx', 'aitr'],
      ['ecomessage-cases.ndjson', 'ecomessage'],
      ['forensic-results.csv', 'forensics'],
      ['payments.csv', 'payments'],
    ]);
    reports.forEach(expectAccounted);
    expect(reports[1].encoding).toBe('windows-1252');
    // The generator plants two negative quantities, one unreadable quantity and one broken line in the
    // English CSV, one broken JSON line in the Ecomessage file, a forensic result without a sample id and a payment without a payee.
    expect(reports.map((r) => r.rejected)).toEqual([4, 0, 0, 1, 1, 1]);
    const span = await db.one<{ seizures: number; first: number; last: number }>(
      'SELECT count(*)::INTEGER AS seizures, min(year(date)) AS first, max(year(date)) AS last FROM seizures',
    );
    expect(span!.seizures).toBeGreaterThanOrEqual(5000);
    expect([span!.first, span!.last]).toEqual([2014, 2024]);
  });
});
