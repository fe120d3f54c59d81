// The annual report on seven hand-made AITR rows (test/fixtures/annual-report-cases.csv) whose
// figures are worked out in the comments, then its files: self-contained HTML, Markdown, CSV, JSON.
//   2023: K1 Kenya (Smutsia gigantea 100 kg SCA $10,000 + Loxodonta africana 20 kg TUS $5,000; air, x-ray; NG → ET → VN)
//         K2 Kenya (Loxodonta africana 50 kg TUS, 20,000 "CFA" — ambiguous, not converted; road, sniffer dog; UG → KE)
//         V1 Viet Nam (Pterocarpus erinaceus 1,000 kg TIM $50,000; sea, document check; NG → VN)
//   2022: K3 Kenya (Loxodonta africana 3 kg IVC $3,000; air, x-ray), V2 Viet Nam (Manis javanica 4 LIV; road,
//         intelligence), T1 Thailand (Python regius 10 LIV; air, x-ray) — Thailand sends nothing for 2023.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { buildAnnualReport, type AnnualReport } from '../src/report/annual.js';
import { writeAnnualReport } from '../src/report/write.js';
import { FIXTURES, REPO, tempDir } from './helpers.js';

let db: Database;
let report: AnnualReport;
beforeAll(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-report-')), 'report.duckdb'));
  await loadFile(db, join(FIXTURES, 'annual-report-cases.csv'));
  // Received in June 2024: before the 31 October 2024 due date of the 2023 reports.
  await db.run("UPDATE sources SET loaded_at = TIMESTAMP '2024-06-01 09:00:00'");
  report = await buildAnnualReport(db, { year: 2023, top: 20 });
  return () => db.close();
});

const rowsOf = (r: AnnualReport, id: string, columns: string[]) =>
  r.sections.find((s) => s.id === id)!.rows.map((row) => columns.map((c) => row[c]));

describe('wen report annual: the figures', () => {
  it('lists reports received, on time, and the Party that reported the year before but not this year', () => {
    expect(
      rowsOf(report, 'reports-received', [
        'reporting_country',
        'seizures',
        'specimen_records',
        'previous_year_seizures',
        'status',
        'received',
        'loaded',
      ]),
    ).toEqual([
      ['KE', 2, 3, 1, 'on time', null, '2024-06-01'],
      ['VN', 1, 1, 1, 'on time', null, '2024-06-01'],
      ['TH', 0, 0, 1, 'missing', null, null],
    ]);
  });

  it('counts seizures by taxonomic group, with the shares and the year before', () => {
    // Mammals: K1, K2 (3 records, 100 + 20 + 50 kg); plants: V1. 2022: mammals K3, V2; reptiles T1.
    expect(
      rowsOf(report, 'taxonomic-groups', [
        'taxonomic_group',
        'seizures',
        'seizures_pct',
        'specimen_records',
        'quantity_kg',
        'previous_year_seizures',
      ]),
    ).toEqual([
      ['mammals', 2, 66.7, 3, 170, 2],
      ['plants', 1, 33.3, 1, 1000, 0],
      ['reptiles', 0, 0, 0, null, 1],
    ]);
  });

  it('ranks species by seizures, then kilograms, with their terms and last year’s rank', () => {
    // 2022 ranks: three taxa with one seizure each share rank 1.
    expect(rowsOf(report, 'top-species', ['species', 'seizures', 'quantity_kg', 'main_terms', 'previous_year_rank'])).toEqual([
      ['Loxodonta africana', 2, 70, 'TUS', 1],
      ['Pterocarpus erinaceus', 1, 1000, 'TIM', null],
      ['Smutsia gigantea', 1, 100, 'SCA', null], // given as its synonym Manis gigantea
    ]);
  });

  it('ranks legs of the trade chain and gives each country its roles', () => {
    // K1 was seized in Kenya, which its chain NG → ET → VN does not list: placed before the
    // destination (src/analysis/selection.ts), so NG → ET → KE → VN.
    expect(rowsOf(report, 'top-routes', ['from_country', 'to_country', 'seizures', 'quantity_kg'])).toEqual([
      ['NG', 'VN', 1, 1000],
      ['ET', 'KE', 1, 120],
      ['KE', 'VN', 1, 120],
      ['NG', 'ET', 1, 120],
      ['UG', 'KE', 1, 50],
    ]);
    // The reporting Party is the seizing country here. KE: seized K1 and K2, destination of K2.
    expect(rowsOf(report, 'country-roles', ['country', 'seizures', 'origin', 'transit', 'destination', 'seizing'])).toEqual([
      ['KE', 2, 0, 0, 1, 2],
      ['NG', 2, 2, 0, 0, 0],
      ['VN', 2, 0, 0, 2, 1],
      ['ET', 1, 0, 1, 0, 0],
      ['UG', 1, 1, 0, 0, 0],
    ]);
  });

  it('counts detection methods and modes of transport beside the year before', () => {
    expect(rowsOf(report, 'detection-methods', ['detection_method', 'seizures', 'seizures_pct', 'previous_year_seizures'])).toEqual([
      ['x-ray', 1, 33.3, 2],
      ['document check', 1, 33.3, 0],
      ['sniffer dog', 1, 33.3, 0],
      ['intelligence', 0, 0, 1],
    ]);
    expect(rowsOf(report, 'transport-modes', ['transport_mode', 'seizures', 'previous_year_seizures'])).toEqual([
      ['air', 1, 2],
      ['road', 1, 1],
      ['sea', 1, 0],
    ]);
  });

  it('sums values in dollars and counts the value it could not convert', () => {
    // K2's 20,000 "CFA" could be XAF or XOF: not converted, counted, not summed. Median of 15,000 and 50,000.
    expect(
      rowsOf(report, 'values', [
        'taxonomic_group',
        'seizures',
        'seizures_with_value',
        'value_usd',
        'median_value_usd',
        'values_not_converted',
      ]),
    ).toEqual([
      ['plants', 1, 1, 50000, 50000, 0],
      ['mammals', 2, 1, 15000, 15000, 1],
      ['all groups', 3, 2, 65000, 32500, 1],
    ]);
    expect(report.notes.join(' ')).toMatch(
      new RegExp(
        /^1 value\(s\) could not be converted to USD and are left out of the dollar totals of 2022–2023: /.source +
          /1 with no currency \(none given, or one not recognised/.source,
      ),
    );
  });

  it('compares the headline figures with the year before', () => {
    expect(rowsOf(report, 'comparison', ['measure', 'previous_year', 'this_year', 'change', 'change_pct'])).toEqual([
      ['reporting_parties', 3, 2, -1, -33.3],
      ['seizures', 3, 3, 0, 0],
      ['specimen_records', 3, 4, 1, 33.3],
      ['taxa', 3, 3, 0, 0],
      ['seizing_countries', 3, 2, -1, -33.3],
      ['quantity_kg', 3, 1170, 1167, 38900],
      ['items', 14, null, null, null], // 2023 has weights only
      ['value_usd', 3000, 65000, 62000, 2066.7],
    ]);
    expect(report.headline).toMatchObject({ seizures: 3, reporting_parties: 2, value_usd: 65000 });
  });

  it('has a data-quality annex: completeness, files, and the value kept as given', () => {
    expect(rowsOf(report, 'data-quality', ['reporting_country', 'seizures', 'completeness_pct', 'values_kept_as_given'])).toEqual([
      ['KE', 2, 100, 1],
      ['VN', 1, 100, 0],
    ]);
    expect(rowsOf(report, 'sources', ['file_name', 'seizures_in_year', 'rows_loaded', 'rows_rejected', 'rows_flagged'])).toEqual([
      ['annual-report-cases.csv', 3, 7, 0, 1],
    ]);
    expect(rowsOf(report, 'values-kept-as-given', ['column', 'reason', 'values', 'examples'])).toEqual([
      ['Currency', 'ambiguous currency: XAF or XOF', 1, 'CFA'],
    ]);
  });

  it("restricts everything to one Party's own report with --reporting-country", async () => {
    const kenya = await buildAnnualReport(db, { year: 2023, top: 20, reportingCountry: 'Kenya' });
    expect(kenya.reporting_country).toBe('KE');
    expect(rowsOf(kenya, 'reports-received', ['reporting_country', 'seizures'])).toEqual([['KE', 2]]);
    expect(rowsOf(kenya, 'comparison', ['measure', 'previous_year', 'this_year']).slice(0, 2)).toEqual([
      ['reporting_parties', 1, 1],
      ['seizures', 1, 2],
    ]);
  });

  it('calls a report late when it was received after 31 October of the following year, and unknown when only loaded after it', async () => {
    await db.run("UPDATE sources SET loaded_at = TIMESTAMP '2024-11-01 09:00:00'");
    try {
      const unknown = await buildAnnualReport(db, { year: 2023, top: 20 });
      expect(rowsOf(unknown, 'reports-received', ['status'])).toEqual([['received date unknown'], ['received date unknown'], ['missing']]);
      await db.run("UPDATE sources SET received_on = DATE '2024-11-01'");
      const late = await buildAnnualReport(db, { year: 2023, top: 20 });
      expect(rowsOf(late, 'reports-received', ['status', 'received'])).toEqual([
        ['late', '2024-11-01'],
        ['late', '2024-11-01'],
        ['missing', null],
      ]);
    } finally {
      await db.run("UPDATE sources SET loaded_at = TIMESTAMP '2024-06-01 09:00:00', received_on = NULL");
    }
  });

  it('refuses a year with no seizures and says which years there are', async () => {
    await expect(buildAnnualReport(db, { year: 2019, top: 20 })).rejects.toMatchObject({
      message: 'no seizures dated 2019 in the database',
      hint: 'seizures are dated 2022–2023',
    });
  });
});

describe('wen report annual: the files', () => {
  it('writes self-contained HTML with a chart per charted section, Markdown, a CSV per table and JSON', async () => {
    const out = tempDir();
    const files = await writeAnnualReport(report, out);
    expect(files).toContain('annual-report-2023.html');
    expect(files.filter((f) => f.startsWith('tables/'))).toHaveLength(report.sections.length);
    const html = readFileSync(join(out, 'annual-report-2023.html'), 'utf8');
    // Nothing fetched from anywhere: no scripts, stylesheets or images by address.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    expect(html.match(/ (src|href)="(?!#)[^"]*"/g) ?? []).toEqual([]);
    const charted = report.sections.filter((s) => s.chart);
    expect(charted.map((s) => s.id)).toEqual([
      'taxonomic-groups',
      'top-species',
      'top-routes',
      'country-roles',
      'detection-methods',
      'transport-modes',
      'values',
    ]);
    expect(html.match(/<svg/g)).toHaveLength(charted.length);
    // Several SVGs in one page: an id used twice (a clip path, say) would draw one chart with another's.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
    expect(html).toContain('@page{size:A4');
    const csv = readFileSync(join(out, 'tables', 'annual-report-2023-top-routes.csv'), 'utf8');
    expect(csv.split('\n').slice(0, 2)).toEqual([
      'from_country,from_country_name,to_country,to_country_name,seizures,quantity_kg',
      'NG,Nigeria,VN,Vietnam,1,1000',
    ]);
    const markdown = readFileSync(join(out, 'annual-report-2023.md'), 'utf8');
    expect(markdown).toContain('![Top routes](charts/annual-report-2023-top-routes.svg)');
    expect(markdown).toContain('- **3** seizures (+0% on 2022)');
    const json = JSON.parse(readFileSync(join(out, 'annual-report-2023.json'), 'utf8'));
    expect(json.sections.map((s: { id: string }) => s.id)).toEqual(report.sections.map((s) => s.id));
  });

  it('runs from the command line, and refuses a bad year with exit 2', () => {
    const dir = tempDir();
    const bin = join(REPO, 'bin', 'wen.js');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [bin, ...args, '--db', join(dir, 'cli.duckdb')], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', WEN_DB: '' },
      });
    expect(run(['load', join(FIXTURES, 'annual-report-cases.csv'), '-q']).status).toBe(0);
    const ok = run(['report', 'annual', '--year', '2023', '--reporting-country', 'VN', '--out', join(dir, 'out')]);
    expect(ok.stderr).toContain('report: 1 seizures of 2023; wrote annual-report-2023-VN.html');
    expect(ok.status).toBe(0);
    const bad = run(['report', 'annual', '--year', '23', '--out', join(dir, 'out')]);
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, 'wen: --year "23" is not a year']);
    writeFileSync(join(dir, 'a-file'), '');
    const inTheWay = run(['report', 'annual', '--year', '2023', '--out', join(dir, 'a-file')]);
    expect([inTheWay.status, inTheWay.stderr.split('\n')[0]]).toEqual([
      2,
      `wen: --out ${join(dir, 'a-file')}: a file is in the way of this folder`,
    ]);
    const none = run(['report', 'annual', '--year', '2019', '--out', join(dir, 'out')]);
    expect([none.status, none.stderr.split('\n')[0]]).toEqual([2, 'wen: no seizures dated 2019 in the database']);
  });
});
