import { describe, expect, it } from 'vitest';
import { currencyCode, parseMoney } from '../../src/normalise/currencies.js';
import { cleanScientificName, normaliseSpecies } from '../../src/normalise/species.js';
import { termCode } from '../../src/normalise/terms.js';
import { fromVocabulary, TRANSPORT_MODES } from '../../src/normalise/vocabulary.js';

describe('normaliseSpecies', () => {
  it('cleans case and spacing and links higher taxa and the CITES appendix', () => {
    expect(normaliseSpecies('  MANIS   JAVANICA ').value).toMatchObject({
      taxon: 'Manis javanica',
      rank: 'species',
      family: 'Manidae',
      order: 'Pholidota',
      class: 'Mammalia',
      appendix: 'I',
    });
  });

  it('reads "sp." and "spp." as the genus', () => {
    expect(normaliseSpecies('Manis sp.').value).toMatchObject({ taxon: 'Manis spp.', rank: 'genus', family: 'Manidae' });
    expect(normaliseSpecies('Dalbergia spp').value).toMatchObject({ taxon: 'Dalbergia spp.', rank: 'genus', appendix: 'II' });
  });

  it('reads a family with "spp." as the family, with no genus (CITES writes "Manidae spp.")', () => {
    expect(normaliseSpecies('Manidae spp.').value).toMatchObject({
      taxon: 'Manidae spp.',
      rank: 'family',
      genus: null,
      family: 'Manidae',
      order: 'Pholidota',
      appendix: 'I',
    });
    expect(normaliseSpecies('Unknownidae sp.').value).toMatchObject({ rank: 'family', genus: null, family: 'Unknownidae' });
  });

  it('replaces a known synonym by the accepted name and says so', () => {
    const result = normaliseSpecies('Manis tricuspis');
    expect(result.value!.taxon).toBe('Phataginus tricuspis');
    expect(result.rule).toBe('synonym of Phataginus tricuspis');
  });

  it('maps common names used in place of scientific names', () => {
    expect(normaliseSpecies('Pangolin scales').value).toMatchObject({ taxon: 'Manidae', rank: 'family' });
    expect(normaliseSpecies('African elephant').value!.taxon).toBe('Loxodonta africana');
  });

  it('keeps a scientific name the reference does not know, with its genus when known', () => {
    expect(normaliseSpecies('Dendrobates imitator').value).toMatchObject({
      taxon: 'Dendrobates imitator',
      family: 'Dendrobatidae',
      appendix: 'II',
    });
    expect(normaliseSpecies('Foo barbaz').value).toMatchObject({ taxon: 'Foo barbaz', family: null });
  });

  it('drops authorship and the common-name half of "Latin / common"', () => {
    expect(cleanScientificName('Manis javanica Desmarest, 1822')).toBe('Manis javanica');
    expect(cleanScientificName('Cuniculus paca / Paca')).toBe('Cuniculus paca');
  });

  it('flags text that is no name at all', () => {
    expect(normaliseSpecies('12 boxes').value).toBeNull();
    expect(normaliseSpecies('NULL').value).toBeNull();
  });
});

describe('termCode', () => {
  it.each([
    ['SCA', 'SCA'],
    ['scales', 'SCA'],
    ['Dried pangolin scales in bags', 'SCA'],
    ['écailles', 'SCA'],
    ['escamas', 'SCA'],
    ['tusks', 'TUS'],
    ['ivory carvings', 'IVC'],
    ['raw ivory', 'IVP'],
    ['live', 'LIV'],
    ['vivants', 'LIV'],
    ['rhino horn', 'HOR'],
    ['dried shark fin', 'FIN'],
    ['LEG', 'LEG'],
    ['skin pieces', 'SKP'],
  ])('reads %s as %s', (given, code) => {
    expect(termCode(given).value).toBe(code);
  });

  it('flags unknown descriptions', () => {
    expect(termCode('assorted stuff').value).toBeNull();
  });
});

describe('currencies', () => {
  it.each([
    ['USD', 'USD'],
    ['US$', 'USD'],
    ['€', 'EUR'],
    ['RMB', 'CNY'],
    ['đồng', 'VND'],
    ['naira', 'NGN'],
    ['FCFA BEAC', 'XAF'],
  ])('reads %s as %s', (given, code) => {
    expect(currencyCode(given).value).toBe(code);
  });

  it('does not guess between XAF and XOF', () => {
    expect(currencyCode('CFA').value).toBeNull();
    expect(currencyCode('CFA').rule).toContain('XAF or XOF');
  });

  it('splits an amount and a currency written in one cell', () => {
    expect(parseMoney('US$ 12,500', null).value).toEqual({ amount: 12500, currency: 'USD' });
    expect(parseMoney('3.500,00 €', null).value).toEqual({ amount: 3500, currency: 'EUR' });
    expect(parseMoney('1200', 'KES').value).toEqual({ amount: 1200, currency: 'KES' });
  });
});

describe('vocabularies', () => {
  it('maps transport descriptions in several languages to one mode', () => {
    expect(fromVocabulary(TRANSPORT_MODES, 'air passenger luggage', 'transport').value).toBe('air');
    expect(fromVocabulary(TRANSPORT_MODES, 'Maritime', 'transport').value).toBe('sea');
    expect(fromVocabulary(TRANSPORT_MODES, 'courier parcel', 'transport').value).toBe('postal');
    expect(fromVocabulary(TRANSPORT_MODES, 'camión', 'transport').value).toBe('road');
    expect(fromVocabulary(TRANSPORT_MODES, 'teleportation', 'transport').value).toBeNull();
  });
});
