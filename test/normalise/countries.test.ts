import countries from 'i18n-iso-countries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadFile } from '../../src/load/loader.js';
import { countryCode, countryList, countryName, isUnknownCountry, placesInCell, SPECIAL_CODES } from '../../src/normalise/countries.js';
import { tempDatabase, tempDir } from '../helpers.js';

const ISO_CODES = Object.keys(countries.getAlpha2Codes());

describe('countryCode', () => {
  it.each([
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['VIET NAM', 'VN'],
    ['Hong kong', 'HK'],
    ['Lao PDR', 'LA'],
    ['Congo, Dem. Rep.', 'CD'],
    ['DRC', 'CD'],
    ['Congo', 'CG'],
    ['Côte d’Ivoire', 'CI'],
    ['Cote d Ivoire', 'CI'],
    ['Cameroun', 'CM'],
    ['Nigéria', 'NG'],
    ['Chine', 'CN'],
    ['Estados Unidos', 'US'],
    ['UK', 'GB'],
    ['VNM', 'VN'],
    ['Taiwan, Province of China', 'TW'],
    ['Türkiye', 'TR'],
    ['the Netherlands', 'NL'],
    ['Émirats arabes unis', 'AE'],
  ])('reads %s as %s', (given, code) => {
    expect(countryCode(given).value).toBe(code);
  });

  it('reads the spellings of the ROUTES airport seizures (Libia, DR Congo, Republic of Congo, Ivory Coast, UAE)', () => {
    expect(
      ['Libia', 'Libya', 'DR Congo', 'Republic of Congo', 'Ivory Coast', 'UAE', 'USA', 'Laos', 'French Guiana'].map(
        (n) => countryCode(n).value,
      ),
    ).toEqual(['LY', 'LY', 'CD', 'CG', 'CI', 'AE', 'US', 'LA', 'GF']);
  });

  it('reads NA as Namibia, never as missing', () => {
    expect(countryCode('NA')).toEqual({ value: 'NA', rule: 'ISO alpha-2 code' });
    expect(countryName('NA')).toBe('Namibia');
  });

  it('keeps CITES codes such as XX (unknown)', () => {
    expect(countryCode('XX').value).toBe('XX');
    expect(countryCode('unknown').value).toBe('XX');
  });

  it('does not guess at names it does not know', () => {
    expect(countryCode('Zanzibar')).toEqual({ value: null, rule: 'unknown country' });
    expect(countryCode('')).toEqual({ value: null, rule: 'empty' });
  });

  it('reads every ISO code, upper or lower case, as itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ISO_CODES),
        fc.boolean(),
        (code, lower) => countryCode(lower ? code.toLowerCase() : code).value === code,
      ),
    );
  });

  it('reads every country by its English name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ISO_CODES), (code) => countryCode(countries.getName(code, 'en')!).value === code),
      { numRuns: 300 },
    );
  });
});

describe('countryList', () => {
  it('splits two countries in one cell', () => {
    expect(countryList('Nigeria / Cameroon').value).toEqual(['NG', 'CM']);
    expect(countryList('CM, NG').value).toEqual(['CM', 'NG']);
    expect(countryList('Malaysia, ET').value).toEqual(['MY', 'ET']);
    expect(countryList('Nigeria and Cameroon').value).toEqual(['NG', 'CM']);
  });

  it('keeps commas that belong to a name', () => {
    expect(countryList('Cameroon, Congo, Dem. Rep.').value).toEqual(['CM', 'CD']);
    expect(countryList('Taiwan, Province of China, USA').value).toEqual(['TW', 'US']);
  });

  it('keeps what it recognises when one part is unknown, and says in the rule what was left', () => {
    expect(countryList('Nigeria / Zanzibar')).toEqual({ value: ['NG'], rule: 'partly recognised: 1 country; "Zanzibar" not recognised' });
    expect(countryList('Nigeria / Atlantis / Kenya')).toEqual({
      value: ['NG', 'KE'],
      rule: 'partly recognised: 2 countries; "Atlantis" not recognised',
    });
  });

  it('never drops a middle country of a chain: an unknown middle part is reported, the countries on either side kept', () => {
    expect(countryList('Kenya, Atlantis, China')).toEqual({
      value: ['KE', 'CN'],
      rule: 'partly recognised: 2 countries; "Atlantis" not recognised',
    });
    expect(countryList('Nigeria, Ethiopia, UAE, Viet Nam').value).toEqual(['NG', 'ET', 'AE', 'VN']);
  });

  it('gives no country only when none is recognised', () => {
    expect(countryList('Atlantis')).toEqual({ value: null, rule: 'unknown country' });
    expect(countryList('Atlantis / Lemuria')).toEqual({ value: null, rule: 'unknown country' });
  });

  it('returns any list of codes it is given, in order, whatever the separator', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ISO_CODES), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(', ', ' / ', '; ', ' | ', ' + '),
        (codes, separator) => {
          expect(countryList(codes.join(separator)).value).toEqual(codes);
        },
      ),
    );
  });
});

describe('countries found inside text', () => {
  it.each([
    ['Hanoi, Vietnam', ['VN'], ['Hanoi']],
    ['Kinshasa, DRC', ['CD'], ['Kinshasa']],
    ['Guangdong, China', ['CN'], ['Guangdong']],
    ['Lagos, Nigeria and Istanbul, Turkey', ['NG', 'TR'], ['Lagos', 'Istanbul']],
    ['Lagos (Nigeria)', ['NG'], ['Lagos']],
    ['Lagos (Nigeria), Istanbul (Turkey)', ['NG', 'TR'], ['Lagos', 'Istanbul']],
    ['Vietnam (Hanoi)', ['VN'], ['Hanoi']],
    ['Guangzhou, Guangdong, China', ['CN'], ['Guangzhou, Guangdong']],
    ['Kowloon, Hong Kong', ['HK'], ['Kowloon']],
  ])('reads "%s" as the country %j with the place %j', (given, codes, places) => {
    expect(placesInCell(given)).toEqual({ codes, places });
    expect(countryList(given).value).toEqual(codes);
  });

  it('says in the rule which part is the place', () => {
    expect(countryList('Hanoi, Vietnam')).toEqual({ value: ['VN'], rule: 'country name; "Hanoi" kept as the place' });
    expect(countryList('Lagos, Nigeria and Istanbul, Turkey')).toEqual({
      value: ['NG', 'TR'],
      rule: 'split into 2 countries; "Lagos", "Istanbul" kept as the place',
    });
  });

  it('reads a territory named with its country as the territory, and records it', () => {
    expect(countryList('China - Hong Kong')).toEqual({ value: ['HK'], rule: 'country name; "China - Hong Kong" read as the territory HK' });
    expect(countryList('China - Taiwan').value).toEqual(['TW']);
    expect(countryList('China - Macao').value).toEqual(['MO']);
    expect(countryList('Hong Kong (China)').value).toEqual(['HK']);
    expect(countryList('Hong Kong SAR, China').value).toEqual(['HK']);
    expect(countryList('China, Hong Kong SAR').value).toEqual(['HK']);
    expect(countryList('中国香港').value).toEqual(['HK']);
  });

  it('keeps a territory and its country apart when a list separator stands between them', () => {
    expect(countryList('China / Hong Kong').value).toEqual(['CN', 'HK']);
    expect(countryList('China; Hong Kong; Taiwan').value).toEqual(['CN', 'HK', 'TW']);
  });

  it('reads territories as their own codes', () => {
    expect(['Hong Kong', 'Hong Kong SAR', 'Macao', 'Macau SAR', 'Taiwan', 'Chinese Taipei'].map((n) => countryList(n).value)).toEqual([
      ['HK'],
      ['HK'],
      ['MO'],
      ['MO'],
      ['TW'],
      ['TW'],
    ]);
  });

  it('reads the "Name, qualifier" style of UN, World Bank and national lists', () => {
    const cases: Array<[string, string]> = [
      ["China, People's Republic of", 'CN'],
      ['Korea, Republic of', 'KR'],
      ['Congo, Dem. Rep.', 'CD'],
      ['Congo, Rep.', 'CG'],
      ["Korea, Dem. People's Rep.", 'KP'],
      ['Iran, Islamic Rep.', 'IR'],
      ['Egypt, Arab Rep.', 'EG'],
      ['Yemen, Rep.', 'YE'],
      ['Bahamas, The', 'BS'],
      ['Gambia, The', 'GM'],
      ['Tanzania, United Republic of', 'TZ'],
      ['Bolivia (Plurinational State of)', 'BO'],
      ['Venezuela, RB', 'VE'],
      ['Micronesia, Fed. Sts.', 'FM'],
      ['Congo, Democratic Republic of the', 'CD'],
      ['Moldova, Republic of', 'MD'],
    ];
    expect(cases.map(([given]) => countryList(given))).toEqual(cases.map(([, code]) => ({ value: [code], rule: expect.any(String) })));
    expect(countryList("China, People's Republic of; Korea, Republic of").value).toEqual(['CN', 'KR']);
  });

  it('reads "Philippine", "Malaysia Indonesia" and lists in other scripts', () => {
    expect(countryList('Philippine').value).toEqual(['PH']);
    expect(countryList('Malaysia Indonesia')).toEqual({ value: ['MY', 'ID'], rule: 'split into 2 countries' });
    expect(countryList('中国、越南').value).toEqual(['CN', 'VN']);
    expect(countryList('Trung Quốc, Việt Nam').value).toEqual(['CN', 'VN']);
    expect(countryList('Таиланд').value).toEqual(['TH']);
    expect(countryList('ประเทศไทย').value).toEqual(['TH']);
    expect(countryList('Nigeria\nCameroon').value).toEqual(['NG', 'CM']);
    expect(countryList('Nigéria et Cameroun').value).toEqual(['NG', 'CM']);
    expect(countryList('Nigeria y Camerún').value).toEqual(['NG', 'CM']);
    expect(countryList('Nigéria e Camarões').value).toEqual(['NG', 'CM']);
    expect(countryList('Nigeria & Cameroon').value).toEqual(['NG', 'CM']);
  });

  it('keeps "and", "&", "et", "y" and "e" that belong to a name', () => {
    expect(countryList('Trinidad and Tobago').value).toEqual(['TT']);
    expect(countryList('Trinidad & Tobago, USA').value).toEqual(['TT', 'US']);
    expect(countryList('Bosnia and Herzegovina / Serbia').value).toEqual(['BA', 'RS']);
    expect(countryList('Sao Tomé-et-Principe').value).toEqual(['ST']);
    expect(countryList('São Tomé e Príncipe').value).toEqual(['ST']);
    expect(countryList('Trinidad y Tobago').value).toEqual(['TT']);
  });

  it('reads "ET" in capitals as Ethiopia and "et" between names as a list word', () => {
    expect(countryList('Kenya et Ethiopie').value).toEqual(['KE', 'ET']);
    expect(countryList('KE, ET').value).toEqual(['KE', 'ET']);
  });

  it('knows the CITES special and former codes with their meaning, and keeps XX as the unknown country', () => {
    for (const code of ['XX', 'XA', 'XC', 'XE', 'XF', 'XM', 'XS', 'XV', 'ZZ', 'KV', 'NT', 'PC', 'AN', 'CS', 'DD', 'SU', 'YU']) {
      expect(countryList(code)).toEqual({ value: [code], rule: `CITES code (${SPECIAL_CODES[code]})` });
    }
    expect(SPECIAL_CODES.XV).toBe('various');
    expect(SPECIAL_CODES.ZZ).toBe('introduced from the sea');
    expect(countryList('unknown').value).toEqual(['XX']);
    expect(countryList('XV / ZZ').value).toEqual(['XV', 'ZZ']);
    expect([isUnknownCountry('XX'), isUnknownCountry('XV'), isUnknownCountry('NA'), isUnknownCountry(null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('reads a three-letter name in mixed case as a name, not a code ("Nga" is Vietnamese for Russia)', () => {
    expect([countryCode('Nga').value, countryCode('NGA').value, countryCode('nga').value]).toEqual(['RU', 'NG', 'NG']);
  });

  it(
    'reads an AITR line with destination "China, People\'s Republic ' +
      'of" and transit "Hong Kong SAR" as the legs a person draws: transit ' +
      'HK, destination CN',
    async () => {
      const file = join(tempDir(), 'aitr-qualifier.csv');
      writeFileSync(
        file,
        [
          'Date of seizure,Species,Description,Quantity,Unit,Location,Mode ' +
            'of transport,Country of origin,Country of transit,Country of ' +
            'destination,Estimated value,Currency',
          `2019-03-12,Manis tricuspis,scales,120,kg,Jomo Kenyatta Airport,air,Nigeria,Hong Kong SAR,"China, People's Republic of",,`,
          '',
        ].join('\n'),
      );
      const db = await tempDatabase();
      await loadFile(db, file, { reportingCountry: 'KE', profile: 'aitr' });
      expect(await db.one('SELECT origin_countries, transit_countries, destination_countries FROM seizures')).toEqual({
        origin_countries: ['NG'],
        transit_countries: ['HK'],
        destination_countries: ['CN'],
      });
    },
  );
});
