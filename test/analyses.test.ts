// Each analysis on six hand-made cases whose right answers are worked out in the comments,
// independently of wen (weekdays from a calendar, legs and prices by hand).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { filtersFrom, NO_FILTERS } from '../src/analysis/filters.js';
import { getAnalysis } from '../src/analysis/registry.js';
import { runAnalysis } from '../src/analysis/run.js';
import { loadFile } from '../src/load/loader.js';
import { FIXTURES } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

let db: Database;
beforeAll(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-analyses-')), 'cases.duckdb'));
  await loadFile(db, join(FIXTURES, 'analysis-cases.ndjson'));
  await loadFile(db, join(FIXTURES, 'forensic-small.csv'));
  await loadFile(db, join(FIXTURES, 'payments-small.csv'));
  return () => db.close();
});

const run = (name: string, options: Record<string, unknown> = {}, view?: string, filters = NO_FILTERS) =>
  runAnalysis(db, getAnalysis(name), filters, options, { view });

describe('patterns', () => {
  it(
    'counts seizures per weekday (Mon 1 and 8 March 2021, Wed 3 March ' + '2021 and 15 June 2022, Tue 10 January 2023) and tests evenness',
    async () => {
      const { rows } = await run('patterns', { by: 'weekday' });
      expect(rows.map((r) => [r.period, r.seizures])).toEqual([
        ['1 Mon', 2],
        ['2 Tue', 1],
        ['3 Wed', 2],
        ['4 Thu', 0],
        ['5 Fri', 0],
        ['6 Sat', 0],
        ['7 Sun', 0],
      ]);
      // The span, Mon 1 March 2021 to Tue 10 January 2023, is 681 days: 97 whole weeks and a Monday and a
      // Tuesday, so e = 5 · 98/681 for Mon and Tue, 5 · 97/681 for the rest. χ² = Σo²/e − N
      // = (4 + 1) · 681/490 + 4 · 681/485 − 5 on 6 degrees of freedom; the year-only case is left out.
      expect(rows.map((r) => r.exposure)).toEqual([98, 98, 97, 97, 97, 97, 97]);
      const chi = (5 * 681) / 490 + (4 * 681) / 485 - 5;
      expect(rows[0]).toMatchObject({
        expected: Math.round(((5 * 98) / 681) * 100) / 100,
        chi_square: Math.round(chi * 1000) / 1000,
        df: 6,
      });
    },
  );

  it('counts a year-only date in its year but not in months', async () => {
    expect((await run('patterns', { by: 'year' })).rows.map((r) => [r.period, r.seizures])).toEqual([
      ['2019', 1],
      ['2021', 3],
      ['2022', 1],
      ['2023', 1],
    ]);
    expect((await run('patterns', { by: 'month' })).rows.map((r) => r.seizures).reduce((a, b) => Number(a) + Number(b))).toBe(5);
  });

  it('sums kilograms per seizing country, biggest first', async () => {
    const { rows } = await run('patterns', { by: 'country' });
    expect(rows.map((r) => [r.period, r.seizures, r.quantity_kg])).toEqual([
      ['VN', 3, 35],
      ['CN', 1, 40],
      ['HK', 1, 100],
      ['TH', 1, null],
    ]);
  });
});

describe('routes', () => {
  it('builds legs: unknown countries skipped, a country repeated in the chain collapsed', async () => {
    const { rows } = await run('routes');
    // C1 NG→ET→VN; C2 NG,CM→AE→(seized in VN)→CN; C3 MZ(→MZ→MZ)→KE→CN; C4 MG→TH; C5 CM→VN; C6 NG(,XX)→HK
    expect(rows.map((r) => `${r.from}>${r.to}`).sort()).toEqual([
      'AE>VN',
      'CM>AE',
      'CM>VN',
      'ET>VN',
      'KE>CN',
      'MG>TH',
      'MZ>KE',
      'NG>AE',
      'NG>ET',
      'NG>HK',
      'VN>CN',
    ]);
    expect(rows.every((r) => r.seizures === 1)).toBe(true);
    expect(rows.find((r) => r.from === 'NG' && r.to === 'ET')).toMatchObject({ quantity_kg: 10, value_usd: 5000 });
  });

  it('counts roles and ETIS in/out per country', async () => {
    const { rows } = await run('routes', {}, 'countries');
    const byCountry = Object.fromEntries(rows.map((r) => [r.country, r]));
    expect(byCountry.NG).toMatchObject({
      as_origin: 3,
      as_export: 1,
      seizures_in: 0,
      seizures_out_law_enforcement: 3,
      seizures_out_trade_flow: 3,
      law_enforcement_ratio: 0,
    });
    // VN seized C1, C2 and C5, and appears in no chain it did not seize.
    expect(byCountry.VN).toMatchObject({ as_destination: 2, seizures_in: 3, seizures_out_trade_flow: 0, law_enforcement_ratio: 1 });
    // CN seized C3 and is the destination of C2, which VN seized: "out" by trade flow only (the
    // consignment never reached CN), so law enforcement 1 / (1 + 0) = 1 and trade flow 1 / (1 + 1) = 0.5.
    expect(byCountry.CN).toMatchObject({
      as_destination: 2,
      seizures_in: 1,
      seizures_out_law_enforcement: 0,
      seizures_out_trade_flow: 1,
      law_enforcement_ratio: 1,
      trade_flow_ratio: 0.5,
    });
  });

  it('finds the legs first seen in the latest year', async () => {
    expect((await run('routes', {}, 'new')).rows.map((r) => `${r.from}>${r.to}`)).toEqual(['CM>VN']);
  });

  it('filters by country and role', async () => {
    const { rows } = await run('routes', {}, undefined, filtersFrom({ country: 'Cameroon', role: 'origin' }));
    expect(rows.map((r) => `${r.from}>${r.to}`).sort()).toEqual(['AE>VN', 'CM>AE', 'CM>VN', 'NG>AE', 'VN>CN']);
  });
});

describe('repeat-suspects', () => {
  it('joins spelling variants and a shared passport, and keeps namesakes with different passports apart', async () => {
    const { rows } = await run('repeat-suspects');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      suspect_id: 'S-0001',
      name: 'Van An Nguyen',
      kind: 'person',
      seizures: 3,
      first_seen: '2021-03-01',
      last_seen: '2023-01-10',
      countries: ['VN'],
      nationalities: ['VN'],
      name_variants: ['NGUYEN Van An', 'Van An Nguyen'],
      // C1 and C2 by passport B1 (each record's strongest link), C5 by the name alone.
      evidence: 'same passport number (2); same name (1)',
    });
  });

  it('replaces names with the same keyed pseudonym on every run', async () => {
    const first = (await run('repeat-suspects', { redact: true })).rows[0];
    const second = (await run('repeat-suspects', { redact: true })).rows[0];
    expect(first.name).toMatch(/^P-[0-9A-F]{10}$/);
    expect(second.name).toBe(first.name);
    expect(JSON.stringify(first)).not.toMatch(/nguyen/i);
  });
});

describe('prices', () => {
  it("gives USD per kilogram or per item by stage, converting other currencies at the year's rate", async () => {
    const { rows } = await run('prices');
    expect(rows.map((r) => [r.species, r.term, r.stage, r.country, r.year, r.n, r.median_usd_per_unit, r.unit, r.n_unconverted])).toEqual([
      // 5000 USD for 10 live tortoises
      ['Astrochelys radiata', 'LIV', 'destination', 'TH', 2022, 1, 500, 'USD/item', 0],
      // 23,160,000 VND at 23,160 VND/USD (2021) = 1000 USD for 40 kg
      ['Loxodonta africana', 'TUS', 'destination', 'CN', 2021, 1, 25, 'USD/kg', 0],
      // 5000 USD for 10 kg, seized in VN, the destination
      ['Manis spp.', 'SCA', 'destination', 'VN', 2021, 1, 500, 'USD/kg', 0],
      // "CFA" could be XAF or XOF: counted, not converted
      ['Manis spp.', 'SCA', 'destination', 'VN', 2023, 0, null, 'USD/kg', 1],
      // 6000 USD for 20 kg, seized in VN, which is not in the chain NG,CM → AE → CN: placed before
      // the destination, so a transit
      ['Manis spp.', 'SCA', 'transit', 'VN', 2021, 1, 300, 'USD/kg', 0],
    ]);
  });

  it('keeps with --min-n only groups priced that often, and groups with values it could not convert', async () => {
    const { rows } = await run('prices', { minN: 2 });
    expect(rows.map((r) => [r.species, r.year, r.n, r.n_unconverted])).toEqual([['Manis spp.', 2023, 0, 1]]);
  });
});

describe('values without a dollar rate', () => {
  it("are counted in a note: a seizure's own value, or its items' values when the seizure has none", async () => {
    // 2012 is before the bundled rates (2014–2024). S1: items in one currency, so the seizure takes
    // their total as its value: one value left out. S2: items in two currencies, so the seizure has no
    // value and each item counts: the EUR one (skins, no 2012 rate) is left out, the USD one converts.
    const dir = mkdtempSync(join(tmpdir(), 'wen-unconverted-'));
    const file = join(dir, 'values.csv');
    writeFileSync(
      file,
      [
        'Seizure reference,Date of seizure,Species,Description,Quantity,Unit,Country of destination,Estimated value,Currency',
        'S1,2012-05-01,Manis spp.,scales,10,kg,VN,100,EUR',
        'S1,2012-05-01,Manis spp.,scales,5,kg,VN,50,EUR',
        'S2,2012-06-01,Manis spp.,scales,10,kg,VN,100,USD',
        'S2,2012-06-01,Manis spp.,skins,5,kg,VN,70,EUR',
      ].join('\n'),
    );
    const own = await Database.open(join(dir, 'values.duckdb'));
    try {
      await loadFile(own, file);
      const { notes } = await runAnalysis(own, getAnalysis('prices'), NO_FILTERS, {});
      // A dollar needs no rate, in any year.
      expect(notes).toContain(
        '2 value(s) could not be converted to USD and are left out of ' +
          'value_usd: 2 in a currency with no rate for its year: EUR 2012 ' +
          '(2) (the bundled rates cover 28 currencies, 2014–2024; give --rates ' +
          'FILE with these)',
      );
      // Filtered, only the selected specimens count: with scales alone, S2's EUR item (skins) is left out.
      const scales = await runAnalysis(own, getAnalysis('prices'), { ...NO_FILTERS, term: 'SCA' }, {});
      expect(scales.notes).toContain(
        '1 value(s) could not be converted to USD and are left out of ' +
          'value_usd: 1 in a currency with no rate for its year: EUR 2012 ' +
          '(1) (the bundled rates cover 28 currencies, 2014–2024; give --rates ' +
          'FILE with these)',
      );
    } finally {
      own.close();
    }
  });
});

describe('species-trends', () => {
  it('fills years without seizures with zeros and tests the trend', async () => {
    const { rows } = await run('species-trends');
    const manis = rows.filter((r) => r.species === 'Manis spp.');
    expect(manis.map((r) => [r.period, r.seizures, r.change])).toEqual([
      ['2019', 1, null],
      ['2020', 0, -1],
      ['2021', 2, 2],
      ['2022', 0, -2],
      ['2023', 1, 1],
    ]);
    // Series 1, 0, 2, 0, 1: four rising and four falling pairs, so S = 0; the ten pairwise slopes have median 0.
    expect(manis[0]).toMatchObject({ trend: 'no trend', sen_slope: 0, p_value: 1 });
  });

  it('groups by a higher rank', async () => {
    const { rows } = await run('species-trends', { rank: 'family' });
    expect([...new Set(rows.map((r) => r.species))].sort()).toEqual(['Elephantidae', 'Manidae', 'Testudinidae']);
  });
});

describe('target-species', () => {
  it('ranks taxa by seizures, with kilograms and appendix', async () => {
    const { rows } = await run('target-species');
    // Manis spp.: C1, C2, C5, C6 with 10 + 20 + 5 + 100 kg
    expect(rows[0]).toMatchObject({ rank: 1, species: 'Manis spp.', cites_appendix: 'I', seizures: 4, quantity_kg: 135 });
    expect(rows.map((r) => r.species)).toEqual(['Manis spp.', 'Astrochelys radiata', 'Loxodonta africana']);
  });
});

describe('evidence', () => {
  it('links seizures by the same permit, written two ways, and by a shared phone', async () => {
    const { rows } = await run('evidence');
    expect(rows.map((r) => [r.link_type, r.value, r.seizures, r.seizure_refs, r.fraudulent])).toEqual([
      ['document: cites permit', 'NGCITES20210042', 2, ['C1', 'C2'], true],
      ['phone', '2348000000001', 2, ['C3', 'C4'], false],
    ]);
  });

  it('counts forged documents by issuing country and type', async () => {
    expect((await run('evidence', {}, 'fraud')).rows).toEqual([
      { issuing_country: 'NG', doc_type: 'cites permit', documents: 2, fraudulent: 1, fraudulent_pct: 50, seizures: 2 },
    ]);
  });
});

describe('target-criminals', () => {
  it(
    'scores by the weights given: with seizures alone, the identity ' +
      'seen three times (passport B1 twice, its name once more) scores ' +
      '1 and the rest 0',
    async () => {
      const weights = { weightSeizures: 1, weightKg: 0, weightValue: 0, weightAppendix: 0, weightRecency: 0, weightCentrality: 0 };
      const { rows, notes } = await run('target-criminals', weights);
      expect(rows[0]).toMatchObject({ rank: 1, identity: 1, name: 'Van An Nguyen', seizures: 3, score: 1 });
      expect(rows.slice(1).every((r) => r.score === 0)).toBe(true);
      expect(notes.at(-1)).toContain('score = (1 × number of seizures + 0 × kilograms seized');
    },
  );
});

describe('data-quality', () => {
  it("marks a year missing between a country's first and last reports", async () => {
    const { rows } = await run('data-quality');
    expect(rows.filter((r) => r.reporting_country === 'VN').map((r) => [r.year, r.seizures, r.report_status === 'missing'])).toEqual([
      [2021, 2, false],
      [2022, 0, true],
      [2023, 1, false],
    ]);
  });
});

describe('markets, motives and financing', () => {
  it('counts seizures per destination market', async () => {
    const { rows } = await run('markets');
    expect(Object.fromEntries(rows.map((r) => [r.market, r.seizures]))).toEqual({ CN: 2, VN: 2, TH: 1, HK: 1 });
  });

  it('puts scales under medicine, tusks under décor and live tortoises under pets', async () => {
    const { rows } = await run('motives');
    const byUse = new Map<string, number>();
    for (const r of rows) byUse.set(String(r.use_type), (byUse.get(String(r.use_type)) ?? 0) + Number(r.seizures));
    expect(Object.fromEntries(byUse)).toEqual({ medicine: 4, 'décor and carvings': 1, 'pets and live trade': 1 });
  });

  it('lists the people behind seizures worth at least the threshold', async () => {
    // C1 5000 USD and C2 6000 USD (the same name written two ways), C4 5000 USD; C3 is worth 1000 USD
    const { rows } = await run('financing', { minValue: 5000 });
    // actors are keyed by identity: 1 Nguyen Van An (C1, C2, C5), 3 the Okafor with passport P7 (C4)
    expect(rows.map((r) => [r.actor_key, r.high_value_seizures, r.value_usd])).toEqual([
      [1, 2, 11000],
      [3, 1, 5000],
    ]);
  });
});

describe('networks', () => {
  it('links the two namesakes through their shared phone and nothing else', async () => {
    // C1 and C2 share a permit but are one person (passport B1), so no link; C3 and C4 share a phone.
    const { rows } = await run('networks');
    expect(rows.map((r) => [r.identity, r.degree, r.betweenness, r.component, r.component_size, r.links])).toEqual([
      // identities: 1 Nguyen Van An (C1, C2, C5), 2 Okafor with passport P9 (C3), 3 Okafor with P7 (C4)
      ['2', 1, 0, 1, 2, ['shared phone']],
      ['3', 1, 0, 1, 2, ['shared phone']],
    ]);
  });

  it('keeps isolated actors with --min-size 1 and focuses on one actor', async () => {
    expect((await run('networks', { minSize: 1 })).rows).toHaveLength(3);
    const focused = await run('networks', { focus: 'p9', depth: 1 });
    expect(focused.rows.map((r) => r.identity)).toEqual(['2', '3']);
  });
});

describe('forensics', () => {
  it('loads forensic results with every row accounted for', async () => {
    const report = await db.one(
      'SELECT profile, header_row, rows_in_file, rows_blank, rows_read, ' +
        'rows_loaded, rows_rejected, rows_flagged FROM sources WHERE profile = $p',
      { p: 'forensics' },
    );
    // Title on line 1, headings on line 2; lines 3–8: four samples, a blank line, a row without a sample id, one with an unknown origin.
    expect(report).toEqual({
      profile: 'forensics',
      header_row: 2,
      rows_in_file: 6,
      rows_blank: 1,
      rows_read: 5,
      rows_loaded: 4,
      rows_rejected: 1,
      rows_flagged: 1,
    });
  });

  it('links seizures by match group and compares assigned with declared origin', async () => {
    const { rows } = await run('forensics');
    // G1: C1 (declared NG) and C2 (NG, CM), both assigned Nigeria; L-4's seizure C9 does not exist. G2: C3 declared MZ, assigned TZ.
    expect(
      rows.map((r) => [
        r.match_group,
        r.samples,
        r.seizures,
        r.seizure_refs,
        r.assigned_origins,
        r.declared_origins,
        r.origin_disagreements,
      ]),
    ).toEqual([
      ['G1', 2, 2, ['C1', 'C2'], ['NG'], ['CM', 'NG'], 0],
      ['G2', 1, 1, ['C3'], ['TZ'], ['MZ'], 1],
    ]);
    const origins = (await run('forensics', {}, 'origins')).rows;
    expect(origins.map((r) => [r.assigned_origin, r.declared_origin, r.agrees, r.samples])).toEqual([
      ['NG', 'NG', true, 1],
      ['NG', 'NG/CM', true, 1],
      ['TZ', 'MZ', false, 1],
    ]);
  });
});

describe('financing flows', () => {
  it('follows payments to persons named in seizures, in US dollars', async () => {
    const report = await db.one("SELECT rows_read, rows_loaded, rows_rejected FROM sources WHERE profile = 'payments'");
    expect(report).toEqual({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 }); // P4 has no payee
    const { rows } = await run('financing', {}, 'flows');
    // P1: 23,160,000 VND at 23,160 per USD (2021) = 1000 USD, tied to C1; P2: 500 USD. Both to the Nguyen named in C1, C2, C5.
    // P3 is between parties named in no seizure and tied to none, so it is not a flow of the selection.
    // The payee's name belongs to identity 1 (Nguyen Van An); the payer's to no identity: it keeps its name key.
    expect(
      rows.map((r) => [
        r.payer_key,
        r.payee_key,
        r.payee_kind,
        r.payments,
        r.amount_usd,
        r.methods,
        r.payer_in_seizures,
        r.payee_in_seizures,
        r.seizure_refs,
      ]),
    ).toEqual([['golden ltd trading', '1', 'person', 2, 1500, 'bank transfer, hawala', false, true, ['C1']]]);
  });
});
