// The outcomes section of wen report annual, on hand-made seizures whose funnel is worked out below:
//   2021 Kenya    K1 arrested, 2 years and a 5,000 USD fine; K2 arrested, pending; K3 charged, acquitted;
//                 K4 6 years; K5 case closed
//   2021 Uganda   U1 fine of 1,000,000 UGX; U2 fine of 200 "CFA" (XAF or XOF: no dollar value)
//   2021 Tanzania T1 no sanctions text: not listed (unknown, not zero)
//   2020 Kenya    K0 10 years: the year before, not in the 2021 section
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileChart } from '../../src/charts/render.js';
import { loadFile } from '../../src/load/loader.js';
import { referencePath } from '../../src/reference/read-reference.js';
import { buildAnnualReport } from '../../src/report/annual.js';
import { tempDatabase, tempDir } from '../helpers.js';

const UGX_2021 = Number(
  readFileSync(referencePath('usd-rates.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('UGX,2021,'))!
    .split(',')[2],
);

describe('wen report annual: the enforcement outcomes section', () => {
  it('gives per seizing country the funnel of the year, its rates, terms and fines, and a chart that compiles', async () => {
    const file = join(tempDir(), 'cases.csv');
    writeFileSync(
      file,
      [
        'Case number,Date of seizure,Country of seizure,Species,Quantity,Unit,Estimated value,Currency,Sanctions',
        'K0,2020-06-01,Kenya,Loxodonta africana,10,kg,,,sentenced to 10 years imprisonment',
        'K1,2021-02-01,Kenya,Loxodonta africana,10,kg,10000,USD,"arrested, sentenced to 2 years and a fine of 5,000 USD"',
        'K2,2021-03-01,Kenya,Loxodonta africana,5,kg,20000,USD,arrested; prosecution pending',
        'K3,2021-04-01,Kenya,Manis temminckii,3,kg,4000,USD,charged; acquitted',
        'K4,2021-05-01,Kenya,Manis temminckii,2,kg,,,sentenced to 6 years imprisonment',
        'K5,2021-06-01,Kenya,Manis temminckii,1,kg,1000,USD,case closed',
        'U1,2021-07-01,Uganda,Loxodonta africana,1,kg,3000,USD,"fine of 1,000,000 UGX"',
        'U2,2021-08-01,Uganda,Loxodonta africana,1,kg,500,USD,fine of 200 CFA',
        'T1,2021-09-01,Tanzania,Loxodonta africana,1,kg,,,',
        '',
      ].join('\n'),
    );
    const db = await tempDatabase();
    await loadFile(db, file);
    const report = await buildAnnualReport(db, { year: 2021, top: 20 });
    const section = report.sections.find((s) => s.id === 'outcomes')!;
    expect(section.title).toBe('Enforcement outcomes');
    expect(section.columns).toEqual([
      'country',
      'country_name',
      'seizures',
      'with_outcome',
      'arrests',
      'prosecuted',
      'convicted',
      'arrest_pct',
      'prosecution_pct',
      'conviction_pct',
      'custodial_terms',
      'median_months',
      'fines_usd',
      'fines_unconverted',
    ]);
    expect(section.rows).toEqual([
      // Kenya: arrests K1 K2; prosecuted K1 K3 K4; convicted K1 K4; terms of 24 and 72 months.
      {
        country: 'KE',
        country_name: 'Kenya',
        seizures: 5,
        with_outcome: 5,
        arrests: 2,
        prosecuted: 3,
        convicted: 2,
        arrest_pct: 40,
        prosecution_pct: 60,
        conviction_pct: 66.7,
        custodial_terms: 2,
        median_months: 48,
        fines_usd: 5000,
        fines_unconverted: 0,
      },
      {
        country: 'UG',
        country_name: 'Uganda',
        seizures: 2,
        with_outcome: 2,
        arrests: 0,
        prosecuted: 2,
        convicted: 2,
        arrest_pct: 0,
        prosecution_pct: 100,
        conviction_pct: 100,
        custodial_terms: 0,
        median_months: null,
        fines_usd: Math.round((1e6 / UGX_2021) * 100) / 100,
        fines_unconverted: 1,
      },
    ]);
    // It sits before the comparison with the year before, among the body's sections.
    const ids = report.sections.map((s) => s.id);
    expect(ids.indexOf('outcomes')).toBe(ids.indexOf('comparison') - 1);
    expect(section.annex).toBe(false);
    expect(compileChart(section.chart!).warnings).toEqual([]);
  }, 60_000);
});
