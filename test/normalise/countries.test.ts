import countries from 'i18n-iso-countries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryCode, countryList, countryName } from '../../src/normalise/countries.js';

const ISO_CODES = Object.keys(countries.getAlpha2Codes());

describe('countryCode', () => {
  it.each([
    ['Viet Nam', 'VN'], ['Vietnam', 'VN'], ['VIET NAM', 'VN'], ['Hong kong', 'HK'], ['Lao PDR', 'LA'], ['Congo, Dem. Rep.', 'CD'], ['DRC', 'CD'],
    ['Congo', 'CG'], ["Côte d’Ivoire", 'CI'], ['Cote d Ivoire', 'CI'], ['Cameroun', 'CM'], ['Nigéria', 'NG'], ['Chine', 'CN'], ['Estados Unidos', 'US'],
    ['UK', 'GB'], ['VNM', 'VN'], ['Taiwan, Province of China', 'TW'], ['Türkiye', 'TR'], ['the Netherlands', 'NL'], ['Émirats arabes unis', 'AE'],
  ])('reads %s as %s', (given, code) => {
    expect(countryCode(given).value).toBe(code);
  });

  it('reads the spellings of the ROUTES airport seizures (Libia, DR Congo, Republic of Congo, Ivory Coast, UAE)', () => {
    expect(['Libia', 'Libya', 'DR Congo', 'Republic of Congo', 'Ivory Coast', 'UAE', 'USA', 'Laos', 'French Guiana'].map((n) => countryCode(n).value)).toEqual(['LY', 'LY', 'CD', 'CG', 'CI', 'AE', 'US', 'LA', 'GF']);
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
    fc.assert(fc.property(fc.constantFrom(...ISO_CODES), fc.boolean(), (code, lower) => countryCode(lower ? code.toLowerCase() : code).value === code));
  });

  it('reads every country by its English name', () => {
    fc.assert(fc.property(fc.constantFrom(...ISO_CODES), (code) => countryCode(countries.getName(code, 'en')!).value === code), { numRuns: 300 });
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

  it('refuses the whole cell when one part is unknown, so nothing is half-read', () => {
    expect(countryList('Nigeria / Zanzibar')).toEqual({ value: null, rule: 'unknown country "Zanzibar"' });
  });

  it('returns any list of codes it is given, in order, whatever the separator', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ISO_CODES), { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ' / ', '; ', ' | ', ' + '), (codes, separator) => {
        expect(countryList(codes.join(separator)).value).toEqual(codes);
      }),
    );
  });
});
