// The place matcher on cells as files write them, each with its answer from the bundled gazetteer
// (OurAirports codes, GeoNames cities) written here.
import { describe, expect, it } from 'vitest';
import { matchPlace } from '../../src/places/match.js';

const placed = (given: string, country: string | null) => {
  const m = matchPlace(given, country);
  return { kind: m.kind, code: m.code, country: m.country };
};

describe('matchPlace', () => {
  it('reads an IATA code alone, and beside the word airport', () => {
    expect(placed('NBO', null)).toEqual({ kind: 'airport', code: 'NBO', country: 'KE' });
    expect(placed('JFK Airport', 'US')).toEqual({ kind: 'airport', code: 'JFK', country: 'US' });
    expect(matchPlace('NBO', null).rule).toBe('IATA code');
  });

  it('reads an ICAO code of four capitals', () => {
    expect(placed('HKJK', 'KE')).toEqual({ kind: 'airport', code: 'NBO', country: 'KE' });
  });

  it("matches airport names without their airport words: Int'l, International, Airport", () => {
    expect(placed("Jomo Kenyatta Int'l", null)).toEqual({ kind: 'airport', code: 'NBO', country: 'KE' });
    expect(placed('Jomo Kenyatta Airport', 'KE')).toEqual({ kind: 'airport', code: 'NBO', country: 'KE' });
    expect(placed('Lilongwe Airport', 'MW')).toEqual({ kind: 'airport', code: 'LLW', country: 'MW' });
    expect(placed('Dubai Airport', 'AE')).toEqual({ kind: 'airport', code: 'DXB', country: 'AE' });
    expect(placed('Entebbe Airport', 'UG')).toEqual({ kind: 'airport', code: 'EBB', country: 'UG' });
    expect(matchPlace('Dubai Airport', 'AE').rule).toBe('airport name in AE');
  });

  it('takes an airport named without the word airport when no city has the name', () => {
    expect(placed('Suvarnabhumi', null)).toEqual({ kind: 'airport', code: 'BKK', country: 'TH' });
  });

  it('joins initials written apart ("O.R. Tambo" is OR Tambo)', () => {
    expect(placed('O.R. Tambo Airport', 'ZA')).toEqual({ kind: 'airport', code: 'JNB', country: 'ZA' });
  });

  it('finds the large airport near a city whose airport town is spelled otherwise (Bengaluru, town Bangalore)', () => {
    expect(placed('Bengaluru Airport', 'IN')).toEqual({ kind: 'airport', code: 'BLR', country: 'IN' });
  });

  it('reads "Port of X" and "X Port" as the port of the city X', () => {
    expect(placed('Port of Mombasa', 'KE')).toEqual({ kind: 'port', code: '186301', country: 'KE' });
    expect(placed('Mombasa Port', null)).toEqual({ kind: 'port', code: '186301', country: 'KE' });
    expect(matchPlace('Port of Mombasa', 'KE').confidence).toBe(0.6);
  });

  it('reads "City, Country" with the country the cell names', () => {
    expect(placed('Hanoi, Vietnam', null)).toEqual({ kind: 'city', code: '1581130', country: 'VN' });
  });

  it('reads "Cidade, UF" in Brazil as the city in that state', () => {
    expect(placed('Manaus, AM', 'BR')).toEqual({ kind: 'city', code: '3663517', country: 'BR' });
    expect(placed('Porto Velho, RO', 'BR')).toEqual({ kind: 'city', code: '3662762', country: 'BR' });
  });

  it('never places a name in another country than the row', () => {
    expect(placed('Dubai Airport', 'KE')).toEqual({ kind: null, code: null, country: null });
    expect(matchPlace('Dubai Airport', 'KE').rule).toBe('airport not found in KE');
    expect(matchPlace('Hanoi, Vietnam', 'TH').rule).toBe("the cell names VN, the row's country is TH");
  });

  it('flags a name of several countries as ambiguous when no country decides, and places it when one does', () => {
    const paris = matchPlace('Paris', null);
    expect(paris.kind).toBeNull();
    expect(paris.rule).toMatch(/^ambiguous city name: in .*FR.*US/);
    expect(placed('Paris', 'FR')).toEqual({ kind: 'city', code: '2988507', country: 'FR' });
  });

  it('places a Hong Kong place filed under China in Hong Kong', () => {
    expect(placed('Hong Kong Airport', 'CN')).toEqual({ kind: 'airport', code: 'HKG', country: 'HK' });
  });

  it('takes the most populous of several towns of one name in the country, with less confidence', () => {
    const m = matchPlace('Springfield', 'US');
    expect(m.rule).toBe('city name in US, the most populous of that name');
    expect(m.confidence).toBe(0.65);
  });

  it('says why a place is not placed', () => {
    expect(matchPlace('Nowhere Special', 'KE')).toMatchObject({ kind: null, rule: 'not found in KE', confidence: 0 });
    expect(matchPlace('  ', null).rule).toBe('empty');
  });
});
