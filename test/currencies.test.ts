// Values in US dollars, dated or not: the ISO codes and names a file gives, the bundled rates' coverage
// computed from the file, undated values (a dollar converts; other currencies with --rate-year or
// counted), and a note that tells no currency, no rate for the year and undated apart.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { data as ISO_4217 } from 'currency-codes';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../src/analysis/filters.js';
import { getAnalysis } from '../src/analysis/registry.js';
import { runAnalysis } from '../src/analysis/run.js';
import { loadRates, yearRanges } from '../src/analysis/selection.js';
import type { Database } from '../src/db/database.js';
import { UsageError } from '../src/errors.js';
import { loadFile } from '../src/load/loader.js';
import { CURRENCY_CODES, currencyCode, parseMoney } from '../src/normalise/currencies.js';
import { REPO, tempDatabase, tempDir } from './helpers.js';

describe('currency codes and names', () => {
  it.each([
    ['TRY', 'TRY'],
    ['try', 'TRY'],
    ['Turkish lira', 'TRY'],
    ['₺', 'TRY'],
    ['TL', 'TRY'],
    ['Türk lirası', 'TRY'],
    ['PLN', 'PLN'],
    ['Zloty', 'PLN'],
    ['złoty', 'PLN'],
    ['zł', 'PLN'],
    ['Polish zlotys', 'PLN'],
    ['CHF', 'CHF'],
    ['Swiss francs', 'CHF'],
    ['Franken', 'CHF'],
    ['francs suisses', 'CHF'],
    // Names that only the ISO list gives
    ['Lempira', 'HNL'],
    ['Hryvnia', 'UAH'],
    ['New Israeli Sheqel', 'ILS'],
  ])('reads %s as %s', (given, code) => {
    expect(currencyCode(given).value).toBe(code);
  });

  it('knows every code of the ISO 4217 list but XXX (no currency) and XTS (the test code)', () => {
    const unknown = ISO_4217.map((c) => c.code).filter((code) => currencyCode(code).value !== code);
    expect(unknown).toEqual(['XTS', 'XXX']);
    expect(currencyCode('XXX')).toEqual({ value: null, rule: 'no currency (XXX)' });
  });

  it('keeps a withdrawn code as itself and says what replaced it, since the new code is a new unit', () => {
    expect(currencyCode('ZMK')).toEqual({
      value: 'ZMK',
      rule: 'withdrawn ISO 4217 code (Zambian kwacha, replaced by ZMW in 2013); kept as given',
    });
    expect(currencyCode('VEF').value).toBe('VEF');
    expect(currencyCode('GHC').value).toBe('GHC');
    expect(CURRENCY_CODES.has('ZMK') && CURRENCY_CODES.has('ZMW')).toBe(true);
  });

  it('does not guess a lira, a franc or a kwacha', () => {
    expect(currencyCode('lira').rule).toContain('TRY');
    expect(currencyCode('lira').value).toBeNull();
    expect(currencyCode('francs').value).toBeNull();
    expect(currencyCode('kwacha').value).toBeNull();
  });

  it('splits amounts written with these currencies', () => {
    expect(parseMoney('1500 zł', null).value).toEqual({ amount: 1500, currency: 'PLN' });
    expect(parseMoney('CHF 2000', null).value).toEqual({ amount: 2000, currency: 'CHF' });
    expect(parseMoney('750 TL', null).value).toEqual({ amount: 750, currency: 'TRY' });
  });
});

describe('the bundled rates', () => {
  const text = readFileSync(join(REPO, 'src', 'reference', 'usd-rates.csv'), 'utf8');
  const rows = text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split(','));
  const currencies = [...new Set(rows.map((r) => r[0]))].sort();
  const years = [...new Set(rows.map((r) => Number(r[1])))].sort((a, b) => a - b);

  it('cover 28 currencies, each in every year 2014–2024, as the header says, all of them ISO codes', () => {
    expect(currencies.length).toBe(28);
    expect(yearRanges(years)).toBe('2014–2024');
    expect(rows.length).toBe(currencies.length * years.length);
    expect(text).toMatch(/^# .*annual averages 2014-2024/);
    expect(text).toContain(`# Covers ${currencies.length} currencies, each in every year 2014-2024: ${currencies.join(' ')}.`);
    expect(text).toContain('PA.NUS.FCRF');
    expect(currencies.filter((c) => !CURRENCY_CODES.has(c))).toEqual([]);
  });

  it('are read with the same coverage', async () => {
    const db = await tempDatabase();
    expect(await loadRates(db)).toEqual({ file: 'the bundled rates', currencies, years });
  });

  it('refuse a --rate-year they have no rates for, naming the years they have', async () => {
    const db = await tempDatabase();
    const refused = await loadRates(db, undefined, 2030).catch((e) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect([refused.message, refused.hint]).toEqual(['--rate-year 2030 is not a year of the bundled rates', 'years with rates: 2014–2024']);
  });
});

// Hand-made seizures, one value each, and their dollar values worked out from the bundled rates
// (EUR 2020: 0.877 per USD, so 877 EUR = 1000 USD).
const FILE = [
  'Seizure reference,Date of seizure,Species,Description,Quantity,Unit,Country of destination,Estimated value,Currency',
  'D-EUR,2020-03-01,Manis spp.,scales,10,kg,VN,877,EUR', // 1000 USD
  'D-CHF,2020-03-02,Manis spp.,scales,10,kg,VN,500,Swiss francs', // CHF, no rate: no rate for 2020
  'D-PLN,2021-03-03,Manis spp.,scales,10,kg,VN,400,zł', // PLN, no rate for 2021
  'D-NONE,2020-03-04,Manis spp.,scales,10,kg,VN,300,', // no currency given
  'U-USD,,Manis spp.,scales,10,kg,VN,1000,USD', // undated: 1000 USD all the same
  'U-EUR,,Manis spp.,scales,10,kg,VN,877,EUR', // undated: 1000 USD with --rate-year 2020, else unconverted
  // Undated, items in two currencies so the seizure has no value of its own: 100 USD + 877 EUR
  'U-ITEMS,,Manis spp.,scales,5,kg,VN,100,USD',
  'U-ITEMS,,Manis spp.,skins,5,kg,VN,877,EUR',
].join('\n');

async function loaded(): Promise<{ db: Database; file: string }> {
  const file = join(tempDir(), 'values.csv');
  writeFileSync(file, FILE);
  const db = await tempDatabase();
  await loadFile(db, file);
  return { db, file };
}

const valuesUsd = async (db: Database) =>
  Object.fromEntries(
    (
      await db.all<{ seizure_ref: string; value_usd: number | null }>(
        'SELECT seizure_ref, round(value_usd, 6) AS value_usd FROM f_seizures ORDER BY seizure_ref',
      )
    ).map((r) => [r.seizure_ref, r.value_usd]),
  );

describe('values in US dollars, dated or not', () => {
  it('converts a dollar value undated, leaves an undated euro value out and names every reason in the note', async () => {
    const { db } = await loaded();
    const { notes } = await runAnalysis(db, getAnalysis('prices'), NO_FILTERS, {});
    expect(await valuesUsd(db)).toEqual({
      'D-CHF': null,
      'D-EUR': 1000,
      'D-NONE': null,
      'D-PLN': null,
      'U-EUR': null,
      'U-ITEMS': null,
      'U-USD': 1000,
    });
    expect(notes).toContain(
      '5 value(s) could not be converted to USD and are left out of ' +
        'value_usd: 1 with no currency (none given, or one not recognised ' +
        'when loaded: see data-quality); ' +
        '2 in a currency with no rate for its year: CHF 2020 (1), PLN ' +
        '2021 (1) (the bundled rates cover 28 currencies, 2014–2024; give ' +
        '--rates FILE with these); ' +
        "2 undated, in a currency other than USD: EUR (2) (give --rate-year YYYY to convert them at one year's rates)",
    );
    expect(notes.join(' ')).not.toMatch(/no currency \w+ \d{4}/);
  });

  it("with --rate-year converts undated values at that year's rates and says how many", async () => {
    const { db } = await loaded();
    const { notes } = await runAnalysis(db, getAnalysis('prices'), NO_FILTERS, {}, { rateYear: 2020 });
    // U-EUR 877 EUR / 0.877 = 1000; U-ITEMS 100 USD + 877 EUR / 0.877 = 1100. Dated values keep their own year.
    expect(await valuesUsd(db)).toEqual({
      'D-CHF': null,
      'D-EUR': 1000,
      'D-NONE': null,
      'D-PLN': null,
      'U-EUR': 1000,
      'U-ITEMS': 1100,
      'U-USD': 1000,
    });
    expect(notes).toContain('2 undated value(s) converted at the 2020 rates (--rate-year): EUR (2)');
    expect(notes.join(' ')).not.toContain('undated, in a currency');
  });

  it('counts an undated value whose currency has no rate in the --rate-year as undated', async () => {
    const dir = tempDir();
    const file = join(dir, 'undated.csv');
    writeFileSync(
      file,
      'Seizure reference,Date of seizure,Species,Description,Quantity,Unit,Estimated ' +
        'value,Currency\nU-CHF,,Manis spp.,scales,1,kg,90,CHF\n',
    );
    const db = await tempDatabase();
    await loadFile(db, file);
    const { notes } = await runAnalysis(db, getAnalysis('prices'), NO_FILTERS, {}, { rateYear: 2015 });
    expect(notes).toContain(
      '1 value(s) could not be converted to USD and are left out of value_usd: 1 undated with no rate in 2015 (--rate-year): CHF (1)',
    );
  });

  it('takes --rate-year from a --rates file, whose years are the ones checked', async () => {
    const { db } = await loaded();
    const rates = join(tempDir(), 'rates.csv');
    // 400 PLN at 4 per USD = 100 USD (2021); CHF 2020 at 0.5 = 1000 USD; 877 EUR at 0.877 (2010) = 1000 USD.
    writeFileSync(rates, 'currency,year,per_usd\nPLN,2021,4\nCHF,2020,0.5\nEUR,2010,0.877\nEUR,2011,0.9\n');
    await runAnalysis(db, getAnalysis('prices'), NO_FILTERS, {}, { ratesPath: rates, rateYear: 2010 });
    expect(await valuesUsd(db)).toEqual({
      'D-CHF': 1000,
      'D-EUR': null,
      'D-NONE': null,
      'D-PLN': 100,
      'U-EUR': 1000,
      'U-ITEMS': 1100,
      'U-USD': 1000,
    });
    const refused = await runAnalysis(db, getAnalysis('prices'), NO_FILTERS, {}, { ratesPath: rates, rateYear: 2015 }).catch((e) => e);
    expect([refused.message, refused.hint]).toEqual([
      `--rate-year 2015 is not a year of the rates in ${rates}`,
      'years with rates: 2010–2011, 2020–2021',
    ]);
  });
});

describe('payments in US dollars', () => {
  it('convert undated, as seizure values do', async () => {
    const { db } = await loaded();
    const payments = join(tempDir(), 'payments.csv');
    // Tied to the seizure U-USD by its reference; no date: 250 USD all the same.
    writeFileSync(
      payments,
      'Payment ID,Date,Payer,Payee,Amount,Currency,Method,Seizure reference\nP1,,Someone,Someone Else,250,USD,cash,U-USD\n',
    );
    await loadFile(db, payments);
    const { rows } = await runAnalysis(db, getAnalysis('financing'), NO_FILTERS, {}, { view: 'flows' });
    expect(rows.map((r) => [r.payer, r.payee, r.amount_usd, r.n_unconverted])).toEqual([['Someone', 'Someone Else', 250, 0]]);
  });
});

describe('--rate-year on the command line', () => {
  const BIN = join(REPO, 'bin', 'wen.js');
  const wen = (dir: string, args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--db', join(dir, 'cli.duckdb')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', WEN_DB: '' },
    });
    return { code: r.status, stderr: r.stderr };
  };

  it('converts with a year of the rates file and exits 2 with the years it has otherwise', () => {
    const dir = tempDir();
    const file = join(dir, 'values.csv');
    writeFileSync(file, FILE);
    expect(wen(dir, ['load', file, '-q']).code).toBe(0);
    const ok = wen(dir, ['analyze', 'prices', '--rate-year', '2020', '-f', 'csv']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('prices: 2 undated value(s) converted at the 2020 rates (--rate-year): EUR (2)');
    const missing = wen(dir, ['analyze', 'prices', '--rate-year', '2030', '-f', 'csv']);
    expect([missing.code, missing.stderr.split('\n').slice(0, 2)]).toEqual([
      2,
      ['wen: --rate-year 2030 is not a year of the bundled rates', 'hint: years with rates: 2014–2024'],
    ]);
    const word = wen(dir, ['analyze', 'prices', '--rate-year', 'last', '-f', 'csv']);
    expect([word.code, word.stderr.split('\n')[0]]).toEqual([2, 'wen: --rate-year "last" is not a year']);
    const report = wen(dir, ['report', 'annual', '--year', '2020', '--rate-year', '2030', '--out', join(dir, 'report')]);
    expect([report.code, report.stderr.split('\n')[0]]).toEqual([2, 'wen: --rate-year 2030 is not a year of the bundled rates']);
  });
});
