// wen analyze outcomes: the funnel, terms and fines on hand-made seizures whose answers are worked
// out below by hand, and on the sample data against counts made straight from the sanctions text
// and the arrest dates with plain SQL (not through the outcomes table or its parser).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { compileChart } from '../../src/charts/render.js';
import { Database } from '../../src/db/database.js';
import { loadFile, loadPath } from '../../src/load/loader.js';
import { referencePath } from '../../src/reference/read-reference.js';
import { loadedCsv, SAMPLE_DATA, tempDatabase } from '../helpers.js';

const UGX_2021 = Number(
  readFileSync(referencePath('usd-rates.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('UGX,2021,'))!
    .split(',')[2],
);

function writeCases(dir: string): string {
  const file = join(dir, 'cases.csv');
  writeFileSync(
    file,
    [
      'Case number,Date of seizure,Country of seizure,Species,Quantity,Unit,Estimated value,Currency,Sanctions',
      'K1,2021-02-01,Kenya,Loxodonta africana,10,kg,10000,USD,"arrested, sentenced to 2 years and a fine of 5,000 USD"',
      'K2,2021-03-01,Kenya,Loxodonta africana,5,kg,20000,USD,arrested; prosecution pending',
      'K3,2021-04-01,Kenya,Manis temminckii,3,kg,4000,USD,charged; acquitted',
      'K4,2021-05-01,Kenya,Manis temminckii,2,kg,,,sentenced to 6 years imprisonment',
      'K5,2021-06-01,Kenya,Manis temminckii,1,kg,1000,USD,case closed',
      'K6,2022-01-01,Kenya,Loxodonta africana,4,kg,,,',
      'U1,2021-07-01,Uganda,Loxodonta africana,1,kg,3000,USD,"fine of 1,000,000 UGX and tusks confiscated"',
      'U2,2021-08-01,Uganda,Loxodonta africana,1,kg,500,USD,fine of 200 CFA',
      '',
    ].join('\n'),
  );
  return file;
}

describe('wen analyze outcomes on hand-made seizures', () => {
  let db: Database;
  beforeAll(async () => {
    // One database for the describe block (tempDatabase closes its database after each test).
    const dir = mkdtempSync(join(tmpdir(), 'wen-outcomes-'));
    db = await Database.open(join(dir, 'cases.duckdb'));
    await loadFile(db, writeCases(dir));
    return () => db.close();
  });
  const run = (options: Record<string, unknown> = {}, filters = NO_FILTERS) => runAnalysis(db, getAnalysis('outcomes'), filters, options);

  it('counts the funnel, the terms and the fines per country and year, with the rates and the deterrence ratio', async () => {
    const { rows, notes } = await run();
    expect(rows).toEqual([
      // Kenya 2021: arrests K1 K2; prosecuted K1 (a verdict) K3 (charged) K4 (a term); convicted K1 K4; terms 24 and 72 months.
      // Only K1's fine has a seized value beside it: 5,000 / 10,000.
      expect.objectContaining({
        country: 'KE',
        year: 2021,
        taxon: 'all taxa',
        seizures: 5,
        with_outcome: 5,
        arrests: 2,
        prosecuted: 3,
        convicted: 2,
        acquitted: 1,
        pending: 1,
        dismissed: 1,
        unparsed: 0,
        arrest_rate: 0.4,
        prosecution_rate: 0.6,
        conviction_rate: 0.6667,
        custodial_terms: 2,
        suspended_terms: 0,
        life_terms: 0,
        median_months: 48,
        p25_months: 36,
        p75_months: 60,
        max_months: 72,
        fines: 1,
        fines_unconverted: 0,
        fines_usd: 5000,
        fined_seizures_value_usd: 10000,
        deterrence_ratio: 0.5,
      }),
      // K6 has no sanctions text: a seizure with nothing after it.
      expect.objectContaining({
        country: 'KE',
        year: 2022,
        seizures: 1,
        with_outcome: 0,
        arrests: 0,
        prosecuted: 0,
        convicted: 0,
        arrest_rate: 0,
        conviction_rate: null,
        custodial_terms: 0,
        median_months: null,
        fines: 0,
        deterrence_ratio: null,
      }),
      // Uganda 2021: two fines; "CFA" is XAF or XOF, so U2's has no dollar value and is left out of the ratio; "tusks" no rule reads.
      expect.objectContaining({
        country: 'UG',
        year: 2021,
        seizures: 2,
        with_outcome: 2,
        prosecuted: 2,
        convicted: 2,
        unparsed: 1,
        fines: 2,
        fines_unconverted: 1,
        fines_usd: Math.round((1e6 / UGX_2021) * 100) / 100,
        fined_seizures_value_usd: 3000,
        deterrence_ratio: Math.round((1e6 / UGX_2021 / 3000) * 1e4) / 1e4,
      }),
    ]);
    expect(notes).toContain(
      '1 fine(s) have no US dollar value (no currency, an ambiguous one, or no rate for the year) and are left out of fines_usd',
    );
  });

  it('splits by taxon at --rank and follows the usual filters', async () => {
    const byFamily = (await run({ rank: 'family' })).rows.filter((r) => r.country === 'KE' && r.year === 2021);
    expect(byFamily.map((r) => [r.taxon, r.seizures, r.convicted, r.median_months])).toEqual([
      ['Elephantidae', 2, 1, 24],
      ['Manidae', 3, 1, 72],
    ]);
    const uganda = (await run({}, filtersFrom({ country: 'Uganda' }))).rows;
    expect(uganda.map((r) => r.country)).toEqual(['UG']);
  });

  it('draws the funnel from the four stage totals, and the chart compiles without warnings', async () => {
    const result = await run();
    const spec = (await getAnalysis('outcomes').chart!(result.rows, result.context)) as { data: { values: unknown[] } };
    expect(spec.data.values).toEqual([
      { stage: '1 seizures', seizures: 8 },
      { stage: '2 with an arrest', seizures: 2 },
      { stage: '3 prosecuted', seizures: 5 },
      { stage: '4 convicted', seizures: 4 },
    ]);
    expect(compileChart(spec).warnings).toEqual([]);
  });
});

/** One seizure per row, a person per row with the arrest date; `more` adds fields to the row's. */
const mappingWith = (more: string) => [
  'group_rows: none',
  `fields: { seizure_ref: ref, date: date, seizure_country: country, species: species, quantity: kg, unit: { value: kg }${more} }`,
  'actors:',
  '  - kind: person',
  '    fields: { name: suspect, arrest_date: arrested }',
];

describe('the time from seizure to arrest in wen analyze outcomes', () => {
  it('gives per country and year the persons with an arrest date and the median and longest days from the seizure', async () => {
    const db = await loadedCsv(
      'arrests',
      [
        'ref,date,country,species,kg,suspect,arrested',
        'A1,2021-01-01,Kenya,Loxodonta africana,1,John Doe,2021-01-01',
        'A2,2021-01-10,Kenya,Loxodonta africana,1,Jane Roe,2021-01-20',
        'A3,2021-02-01,Kenya,Loxodonta africana,1,Paul Poe,2021-03-03',
        'A4,2021-02-02,Kenya,Loxodonta africana,1,Mary Moe,',
        'A5,2022-05-05,Kenya,Loxodonta africana,1,,',
      ],
      mappingWith(''),
    );
    const { rows } = await runAnalysis(db, getAnalysis('outcomes'), NO_FILTERS, {});
    // 2021: delays of 0, 10 and 30 days (Mary Moe has no arrest date); 2022: nobody arrested.
    expect(rows.map((r) => [r.country, r.year, r.arrests, r.arrests_dated, r.median_days_to_arrest, r.max_days_to_arrest])).toEqual([
      ['KE', 2021, 3, 3, 10, 30],
      ['KE', 2022, 0, 0, null, null],
    ]);
  }, 60_000);

  it('gives the days from the seizure and from each dated arrest to ' +
    'the verdict where a file dates the verdict, and flags a verdict ' +
    'date it cannot read', async () => {
    const db = await loadedCsv(
      'verdicts',
      [
        'ref,date,country,species,kg,suspect,arrested,judgment,sentence',
        // 100 days after the seizure, 90 after the arrest
        'V1,2021-01-01,Kenya,Loxodonta africana,1,John Doe,2021-01-11,2021-04-11,sentenced to 2 years',
        'V2,2021-03-01,Kenya,Loxodonta africana,1,Jane Roe,,2021-03-31,fined 500 USD', // 30 days; no arrest date
        'V3,2021-05-01,Kenya,Loxodonta africana,1,Paul Poe,2021-05-01,,prosecution pending', // no verdict yet
        'V4,2021-06-01,Kenya,Loxodonta africana,1,Mary Moe,2021-06-01,the 40th of May,acquitted', // not a date: flagged
      ],
      mappingWith(', verdict_date: judgment, sanctions: sentence'),
    );
    const { rows } = await runAnalysis(db, getAnalysis('outcomes'), NO_FILTERS, {});
    // verdicts 100 and 30 days after their seizures (median 65); one dated arrest before a verdict: 90 days.
    expect(rows.map((r) => [r.country, r.year, r.verdicts_dated, r.median_days_to_verdict, r.median_days_arrest_to_verdict])).toEqual([
      ['KE', 2021, 2, 65, 90],
    ]);
    expect(await db.all("SELECT row_number, column_name, value FROM flags WHERE column_name = 'judgment'")).toEqual([
      { row_number: 5, column_name: 'judgment', value: 'the 40th of May' },
    ]);
  }, 60_000);
});

describe('wen analyze outcomes on the sample data', () => {
  it('counts per country and year what plain SQL counts from the sanctions text and the arrest dates', async () => {
    const db = await tempDatabase();
    await loadPath(db, SAMPLE_DATA);
    const { rows } = await runAnalysis(db, getAnalysis('outcomes'), NO_FILTERS, {});
    // The sample writes six sanctions: "sentenced to N years imprisonment", "fined" (both convictions),
    // "prosecution pending" and "under investigation" (pending), "case closed" (dismissed); arrests are Ecomessage persons' arrest dates.
    const direct = await db.all<Record<string, unknown>>(
      `SELECT coalesce(s.seizure_country, s.reporting_country) AS country, year(s.date) AS year, count(*)::INTEGER AS seizures,
         count(*) FILTER (s.seizure_id IN (SELECT seizure_id FROM actors WHERE arrest_date IS NOT NULL))::INTEGER AS arrests,
         count(*) FILTER (s.sanctions LIKE 'sentenced to % years imprisonment' OR s.sanctions = 'fined')::INTEGER AS convicted,
         count(*) FILTER (s.sanctions IN ('prosecution pending', 'under investigation'))::INTEGER AS pending,
         count(*) FILTER (s.sanctions = 'case closed')::INTEGER AS dismissed,
         count(*) FILTER (s.sanctions LIKE 'sentenced to % years imprisonment')::INTEGER AS custodial_terms,
         median(TRY_CAST(regexp_extract(s.sanctions, 'sentenced to (\\d+) years', 1) AS INTEGER) * 12) FILTER
           (s.sanctions LIKE 'sentenced to %')::DOUBLE AS median_months,
         coalesce(sum((SELECT count(*) FROM actors a WHERE a.seizure_id = s.seizure_id AND a.arrest_date IS NOT NULL) ) FILTER
           (s.date IS NOT NULL), 0)::INTEGER AS arrests_dated
       FROM seizures s GROUP BY ALL ORDER BY country NULLS LAST, year NULLS LAST`,
    );
    expect(direct.length).toBeGreaterThan(100);
    const pick = (r: Record<string, unknown>) => ({
      country: r.country,
      year: r.year,
      seizures: r.seizures,
      arrests: r.arrests,
      convicted: r.convicted,
      prosecuted: r.prosecuted,
      pending: r.pending,
      dismissed: r.dismissed,
      custodial_terms: r.custodial_terms,
      median_months: r.median_months ?? null,
      arrests_dated: r.arrests_dated,
    });
    // No sample text charges without a verdict: the prosecuted are the convicted.
    expect(rows.map(pick)).toEqual(direct.map((d) => pick({ ...d, prosecuted: d.convicted })));
    expect(rows.every((r) => r.unparsed === 0)).toBe(true);
    // The sample generator dates every arrest on its seizure's day: every delay is 0 days.
    expect(new Set(rows.filter((r) => Number(r.arrests_dated) > 0).map((r) => r.max_days_to_arrest))).toEqual(new Set([0]));
  }, 180_000);
});
