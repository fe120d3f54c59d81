// The AITR profile on a small hand-made sheet whose right answers are worked out by hand below.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES, tempDatabase } from '../helpers.js';

const FILE = join(FIXTURES, 'aitr-small.csv');

describe('loading an AITR sheet', () => {
  it(
    'accounts for every row: header found below two title rows, blank ' +
      'and totals rows counted, one seizure per row without a reference column',
    async () => {
      const db = await tempDatabase();
      const [report] = await loadFile(db, FILE, { reportingCountry: 'Kenya' });
      // Lines 4–11 below the header on line 3: 4, 5, (6 blank), 7, 8, 9–10 (one cell spans two lines), 11 totals.
      expect(report).toMatchObject({
        profile: 'aitr',
        rowsInFile: 7,
        blank: 1,
        totals: 1,
        filtered: 0,
        read: 5,
        loaded: 4,
        rejected: 1,
        seizures: 4,
        specimens: 4,
      });
      expect(report).toMatchObject({ grouping: 'none', groupedBy: 'one seizure per row (no reference column)' });
      const source = await db.one('SELECT header_row, rows_read, rows_loaded, rows_rejected FROM sources');
      expect(source).toEqual({ header_row: 3, rows_read: 5, rows_loaded: 4, rows_rejected: 1 });
    },
  );

  it('rejects a negative quantity naming the line, column and value, and keeps the whole row', async () => {
    const db = await tempDatabase();
    await loadFile(db, FILE);
    const rejects = await db.all('SELECT row_number, column_name, value, reason, raw_record FROM rejects');
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      row_number: 8,
      column_name: 'Quantity',
      value: '-5',
      reason: 'quantity is negative; quantities must be ≥ 0',
    });
    expect(rejects[0].raw_record).toContain('Species: Geochelone elegans');
  });

  it('groups items reported with the same details into one seizure and sums their value, when asked to', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, FILE, { reportingCountry: 'KE', groupRows: 'same-details' });
    expect(report).toMatchObject({ seizures: 3, specimens: 4, grouping: 'same-details' });
    const seizure = await db.one(
      `SELECT source_row, date::VARCHAR AS date, date_precision, reporting_country, seizure_country, transport_mode,
        origin_countries, transit_countries, destination_countries, value, currency
       FROM seizures WHERE source_row = 4`,
    );
    expect(seizure).toEqual({
      source_row: 4,
      date: '2019-03-12',
      date_precision: 'day',
      reporting_country: 'KE',
      seizure_country: 'KE',
      transport_mode: 'air',
      origin_countries: ['NG'],
      transit_countries: ['ET', 'AE'],
      destination_countries: ['VN'],
      value: 258000,
      currency: 'USD',
    });
  });

  it('normalises quantities, units and terms, with kilograms and counts where they are defined', async () => {
    const db = await tempDatabase();
    await loadFile(db, FILE);
    const specimens = await db.all(
      'SELECT source_row, taxon, family, cites_appendix, term, quantity, ' +
        'unit, quantity_kg, quantity_count FROM specimens ORDER BY source_row',
    );
    expect(specimens).toEqual([
      {
        source_row: 4,
        taxon: 'Manis javanica',
        family: 'Manidae',
        cites_appendix: 'I',
        term: 'SCA',
        quantity: 1200,
        unit: 'KIL',
        quantity_kg: 1200,
        quantity_count: null,
      },
      {
        source_row: 5,
        taxon: 'Loxodonta africana',
        family: 'Elephantidae',
        cites_appendix: 'I/II',
        term: 'TUS',
        quantity: 40,
        unit: 'PCS',
        quantity_kg: null,
        quantity_count: 40,
      },
      {
        source_row: 7,
        taxon: 'Panthera tigris',
        family: 'Felidae',
        cites_appendix: 'I',
        term: 'SKI',
        quantity: 2,
        unit: null,
        quantity_kg: null,
        quantity_count: 2,
      },
      {
        source_row: 9,
        taxon: 'Pterocarpus erinaceus',
        family: 'Fabaceae',
        cites_appendix: 'II',
        term: 'TIM',
        quantity: 3.5,
        unit: 'TON',
        quantity_kg: 3500,
        quantity_count: null,
      },
    ]);
  });

  it('reads year-only and month-only dates with their precision, and NA as Namibia', async () => {
    const db = await tempDatabase();
    await loadFile(db, FILE);
    const rows = await db.all(
      'SELECT source_row, date::VARCHAR AS date, date_end::VARCHAR ' +
        'AS date_end, date_precision, origin_countries FROM seizures WHERE ' +
        'source_row IN (7, 9) ORDER BY source_row',
    );
    expect(rows).toEqual([
      { source_row: 7, date: '2019-01-01', date_end: '2019-12-31', date_precision: 'year', origin_countries: ['NA'] },
      { source_row: 9, date: '2019-03-01', date_end: '2019-03-31', date_precision: 'month', origin_countries: ['GM'] },
    ]);
  });

  it('keeps an unknown country as given and flags it, without dropping the row', async () => {
    const db = await tempDatabase();
    await loadFile(db, FILE);
    expect(await db.all('SELECT row_number, column_name, value, flag FROM flags')).toEqual([
      { row_number: 9, column_name: 'Country of destination', value: 'Zanzibar', flag: 'unknown country' },
    ]);
    const seizure = await db.one('SELECT destination_countries, countries_as_given FROM seizures WHERE source_row = 9');
    expect(seizure).toEqual({ destination_countries: null, countries_as_given: 'origin: Gambia | destination: Zanzibar' });
  });

  it('records why each value became what it is', async () => {
    const db = await tempDatabase();
    await loadFile(db, FILE);
    const rules = await db.all(
      'SELECT kind, as_given, normalised, rule FROM normalisation_rules ' +
        "WHERE as_given IN ('Ethiopia; UAE', 't', 'US$ 250,000') ORDER BY kind",
    );
    expect(rules).toEqual([
      { kind: 'country', as_given: 'Ethiopia; UAE', normalised: 'ET, AE', rule: 'split into 2 countries' },
      { kind: 'unit', as_given: 't', normalised: 'TON', rule: '"t" → TON' },
      { kind: 'value', as_given: 'US$ 250,000', normalised: '250000.0 USD', rule: 'amount with currency name "US$"' },
    ]);
  });
});
