// When a Party's report arrived: recorded at load (--received) or afterwards (wen sources set), and
// judged against the AITR due date of the 2023 reports, 31 October 2024. Five hand-made reports, one
// seizure of 2023 each, every file loaded on the day written beside it:
//   KE  loaded 2024-11-20, no received date        → received date unknown (a late load proves nothing)
//   VN  loaded 2024-11-20, received 2024-10-15     → on time
//   TH  loaded 2024-11-20, received 2024-11-05     → late
//   UG  loaded 2024-09-01, no received date        → on time (loaded by the due date, so received by it)
//   CN  two files: received 2024-12-01, and one loaded 2024-12-02 with no date → unknown (the second may have come first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../src/analysis/run.js';
import { getAnalysis } from '../src/analysis/registry.js';
import { filtersFrom } from '../src/analysis/filters.js';
import { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { buildAnnualReport } from '../src/report/annual.js';
import { parseReceivedDate, setReceived } from '../src/report/received.js';
import { REPO, tempDir } from './helpers.js';

const HEADER =
  'Reference,Reporting country,Date of seizure,Species,Description,Quantity,Unit,Detection ' +
  'method,Mode of transport,Country of origin,Country of transit,Country ' +
  'of destination,Estimated value,Currency';
// Each seizure on its own day, so that none is taken for a copy of another.
let day = 0;
const report = (dir: string, name: string, ref: string, country: string) => {
  const file = join(dir, name);
  day += 1;
  writeFileSync(
    file,
    `${HEADER}\n${ref},${country},2023-05-${String(day).padStart(2, '0')},Loxodonta ` +
      `africana,tusks,10,kg,x-ray,air,Nigeria,,China,1000,USD\n`,
  );
  return file;
};

let db: Database;
let dir: string;
beforeAll(async () => {
  // Kept for the whole file (tempDir and tempDatabase are cleaned after each test).
  dir = mkdtempSync(join(tmpdir(), 'wen-received-'));
  db = await Database.open(join(dir, 'received.duckdb'));
  const loads: Array<[ref: string, country: string, loaded: string, received?: string]> = [
    ['K1', 'Kenya', '2024-11-20'],
    ['V1', 'Viet Nam', '2024-11-20', '2024-10-15'],
    ['T1', 'Thailand', '2024-11-20', '2024-11-05'],
    ['U1', 'Uganda', '2024-09-01'],
    ['C1', 'China', '2024-12-01', '2024-12-01'],
    ['C2', 'China', '2024-12-02'],
  ];
  for (const [ref, country, loaded, received] of loads) {
    const [loadReport] = await loadFile(db, report(dir, `${ref}.csv`, ref, country), { receivedOn: received });
    await db.run('UPDATE sources SET loaded_at = $at::TIMESTAMP WHERE source_id = $id', {
      at: `${loaded} 09:00:00`,
      id: loadReport.sourceId!,
    });
  }
  return () => db.close();
});

describe('when a report was received', () => {
  it('judges each report by its received date, and says "received date unknown" when only a late load is known', async () => {
    const built = await buildAnnualReport(db, { year: 2023, top: 20 });
    const section = built.sections.find((s) => s.id === 'reports-received')!;
    const rows = section.rows
      .map((r) => [r.reporting_country, r.status, r.received, r.loaded])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ['CN', 'received date unknown', '2024-12-01', '2024-12-01'],
      ['KE', 'received date unknown', null, '2024-11-20'],
      ['TH', 'late', '2024-11-05', '2024-11-20'],
      ['UG', 'on time', null, '2024-09-01'],
      ['VN', 'on time', '2024-10-15', '2024-11-20'],
    ]);
    expect(section.about).toContain('received date unknown');
  });

  it('gives data-quality the same statuses', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('data-quality'), filtersFrom({}), {});
    expect(Object.fromEntries(rows.map((r) => [r.reporting_country, [r.report_status, r.received]]))).toEqual({
      CN: ['received date unknown', '2024-12-01'],
      KE: ['received date unknown', null],
      TH: ['late', '2024-11-05'],
      UG: ['on time', null],
      VN: ['on time', '2024-10-15'],
    });
  });

  it('turns an unknown into late or on time once the received date is set afterwards', async () => {
    const kenya = (await db.one<{ id: number }>("SELECT source_id::INTEGER AS id FROM sources WHERE file_name = 'K1.csv'"))!.id;
    const china = (await db.one<{ id: number }>("SELECT source_id::INTEGER AS id FROM sources WHERE file_name = 'C2.csv'"))!.id;
    try {
      expect(await setReceived(db, kenya, '2024-10-31')).toEqual({
        source_id: kenya,
        file_name: 'K1.csv',
        sheet: null,
        received_on: '2024-10-31',
      });
      await setReceived(db, china, '2024-12-02');
      const built = await buildAnnualReport(db, { year: 2023, top: 20 });
      const status = Object.fromEntries(
        built.sections.find((s) => s.id === 'reports-received')!.rows.map((r) => [r.reporting_country, r.status]),
      );
      // 31 October itself is the due date: on time. Both Chinese files now dated after it: late.
      expect([status.KE, status.CN]).toEqual(['on time', 'late']);
    } finally {
      await db.run('UPDATE sources SET received_on = NULL WHERE source_id IN ($a, $b)', { a: kenya, b: china });
    }
  });

  it('refuses a date that is not a day, and a source that is not there, with a hint', async () => {
    expect(() => parseReceivedDate('2024-02-30')).toThrow('--received "2024-02-30" is not a date');
    expect(() => parseReceivedDate('15/10/2024')).toThrow('--received "15/10/2024" is not a date');
    expect(() => parseReceivedDate('2999-01-01')).toThrow('--received 2999-01-01 is in the future');
    expect(parseReceivedDate('2024-10-15')).toBe('2024-10-15');
    await expect(setReceived(db, 99, '2024-10-15')).rejects.toMatchObject({
      message: 'no source 99 in the database',
      hint: 'source ids run from 1 to 6: see them with wen info',
    });
  });
});

describe('wen load --received and wen sources set (CLI)', () => {
  it('records the day at load, changes it afterwards, and exits 2 on a bad date or an unknown id', () => {
    const cli = tempDir();
    const dbPath = join(cli, 'cli.duckdb');
    const wen = (args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'bin', 'wen.js'), ...args, '--db', dbPath], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', WEN_DB: '' },
      });
    const file = report(cli, 'ke.csv', 'K1', 'Kenya');
    const badLoad = wen(['load', file, '--received', '2024-13-01', '-q']);
    expect([badLoad.status, badLoad.stderr.split('\n')[0]]).toEqual([2, 'wen: --received "2024-13-01" is not a date']);
    expect(wen(['load', file, '--received', '2024-10-15', '-q']).status).toBe(0);
    const received = () => wen(['sql', 'SELECT received_on::VARCHAR AS r FROM sources', '-f', 'csv']).stdout.trim().split('\n')[1];
    expect(received()).toBe('2024-10-15');
    const set = wen(['sources', 'set', '1', '--received', '2024-11-02']);
    expect([set.status, set.stderr]).toEqual([0, 'sources: ke.csv (source 1) received on 2024-11-02\n']);
    expect(received()).toBe('2024-11-02');
    const unknown = wen(['sources', 'set', '7', '--received', '2024-11-02']);
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      'wen: no source 7 in the database\nhint: source ids run from 1 to 1: see them with wen info\n',
    ]);
    const badDate = wen(['sources', 'set', '1', '--received', 'yesterday']);
    expect([badDate.status, badDate.stderr.split('\n')[0]]).toEqual([2, 'wen: --received "yesterday" is not a date']);
    const nothing = wen(['sources', 'set', '1']);
    expect([nothing.status, nothing.stderr.split('\n')[0]]).toEqual([2, 'wen: nothing to set']);
  });
});
