// The gazetteer on the shared real files: the ROUTES airport seizures (tot.csv, whose Location cells
// name airports and whose "City, Country" gives the seizure country; transittots.csv, whose Hong Kong
// seizures are filed under China) and the Brazil PRF wild-meat seizures ("Cidade, UF" places). The
// figures about places of each folder's EXPECTED.md (R9, R10b, B7, B8) are written here and must
// still hold with the places matched.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { loadOnce, one, tally, top } from '../realdata/corpus.js';

const tot = loadOnce([['routes-airport-seizures/tot.csv', 'routes-airport-seizures.yaml']]);
const transits = loadOnce([['routes-airport-seizures/transittots.csv', 'routes-airport-transits.yaml']]);
const brazil = loadOnce([['brazil-prf-wildmeat/planilha_completa.csv', 'brazil-prf.yaml']]);

const PLACED = `SELECT s.place, s.seizure_country, pl.kind, pl.code, pl.place_country
  FROM seizures s LEFT JOIN places pl ON pl.as_given = s.place AND pl.country IS NOT DISTINCT FROM s.seizure_country`;

describe('places of the ROUTES airport seizures', () => {
  it('R9: keeps the top 5 seizure places and places each at its airport, in its country', async () => {
    expect(
      Object.fromEntries(await top(tot.db, 5, 'SELECT place AS k, count(*) AS n FROM seizures WHERE place IS NOT NULL GROUP BY 1')),
    ).toEqual({
      'Jomo Kenyatta Airport': 56,
      'Suvarnabhumi Airport': 47,
      'Lilongwe Airport': 44,
      'Dubai Airport': 40,
      'Entebbe Airport': 34,
    });
    const placed = await tot.db.all(
      `SELECT place, kind, code, place_country, count(*)::INTEGER AS seizures FROM (${PLACED})
       WHERE place IN ('Jomo Kenyatta Airport', 'Suvarnabhumi Airport', 'Lilongwe Airport', 'Dubai Airport', 'Entebbe Airport')
       GROUP BY ALL ORDER BY seizures DESC`,
    );
    expect(placed).toEqual([
      { place: 'Jomo Kenyatta Airport', kind: 'airport', code: 'NBO', place_country: 'KE', seizures: 56 },
      { place: 'Suvarnabhumi Airport', kind: 'airport', code: 'BKK', place_country: 'TH', seizures: 47 },
      { place: 'Lilongwe Airport', kind: 'airport', code: 'LLW', place_country: 'MW', seizures: 44 },
      { place: 'Dubai Airport', kind: 'airport', code: 'DXB', place_country: 'AE', seizures: 40 },
      { place: 'Entebbe Airport', kind: 'airport', code: 'EBB', place_country: 'UG', seizures: 34 },
    ]);
  });

  it('places every one of those seizures on the map, at its airport', async () => {
    expect(
      await tally(
        tot.db,
        `SELECT p.code AS k, count(*) AS n FROM seizures s JOIN seizure_points p USING (seizure_id)
      WHERE s.place IN ('Jomo Kenyatta Airport', 'Suvarnabhumi Airport', 'Lilongwe Airport', 'Dubai Airport', 'Entebbe Airport') GROUP BY
        1`,
      ),
    ).toEqual({
      NBO: 56,
      BKK: 47,
      LLW: 44,
      DXB: 40,
      EBB: 34,
    });
  });

  it('places no seizure outside the country of its row', async () => {
    // Hong Kong filed under China (transittots.csv) is the one territory placed within its country's rows.
    for (const corpus of [tot, transits]) {
      expect(
        await one(
          corpus.db,
          `SELECT count(*) AS n FROM seizures s JOIN seizure_points p USING (seizure_id)
        WHERE p.place_country <> s.seizure_country AND NOT (s.seizure_country = 'CN' AND p.place_country IN ('HK', 'MO'))`,
        ),
      ).toBe(0);
    }
  });

  it('R10b: keeps the 25 Hong Kong seizures filed as city Hong Kong, country China, and places them in Hong Kong', async () => {
    expect(
      await tally(transits.db, "SELECT seizure_country AS k, count(*) AS n FROM seizures WHERE city = 'Hong Kong' GROUP BY 1"),
    ).toEqual({ CN: 25 });
    expect(await transits.db.all("SELECT kind, place_country FROM places WHERE as_given = 'Hong Kong' AND country = 'CN'")).toEqual([
      { kind: 'city', place_country: 'HK' },
    ]);
  });

  it('places most seizure places of tot.csv, and says why of each one it does not', async () => {
    const counts = (await tot.db.one<{ placed: number; unplaced: number; why: number }>(
      `SELECT count(*) FILTER (kind IS NOT NULL)::INTEGER AS placed, count(*) FILTER (kind IS NULL)::INTEGER AS unplaced,
              count(*) FILTER (kind IS NULL AND rule <> '')::INTEGER AS why FROM places`,
    ))!;
    expect(counts.placed).toBeGreaterThan(9 * counts.unplaced);
    expect(counts.why).toBe(counts.unplaced);
  });

  it('ranks the city pairs: Nairobi → Bangkok first, Bangkok named alone counted with its airport', async () => {
    const { rows } = await runAnalysis(tot.db, getAnalysis('routes'), NO_FILTERS, { level: 'city' });
    expect(rows.slice(0, 3).map((r) => [r.from_city, r.from_country, r.to_city, r.to_country, r.seizures])).toEqual([
      ['Nairobi', 'KE', 'Bangkok', 'TH', 16],
      ['Maputo', 'MZ', 'Nairobi', 'KE', 8],
      // Hong Kong airport's OurAirports town is "Islands": placed at the most populous city within 50 km.
      ['Dubai', 'AE', 'Hong Kong', 'HK', 8],
    ]);
    // At airport level the same chains give NBO → BKK only 5: the rest name Bangkok, which has two large airports.
    const airports = (await runAnalysis(tot.db, getAnalysis('routes'), NO_FILTERS, { level: 'airport' })).rows;
    expect(airports.find((r) => r.from_airport === 'NBO' && r.to_airport === 'BKK')?.seizures).toBe(5);
  });
});

describe('places of the Brazil PRF wild-meat seizures', () => {
  it('B7 and B8: still files every seizure in BR and ranks the places "Cidade, UF"', async () => {
    expect(await tally(brazil.db, 'SELECT seizure_country AS k, count(*) AS n FROM seizures GROUP BY 1')).toEqual({ BR: 314 });
    expect(Object.fromEntries(await top(brazil.db, 5, 'SELECT place AS k, count(*) AS n FROM seizures GROUP BY 1'))).toEqual({
      'Manaus, AM': 15,
      'Porto Velho, RO': 12,
      'Jandaíra, RN': 11,
      'Boa Vista, RR': 8,
      'Macapá, AP': 8,
    });
  });

  it('places "Manaus, AM" and the other state capitals of B8 at the Brazilian city in that state', async () => {
    // GeoNames ids and first-level divisions: Manaus 3663517 (04 Amazonas), Porto Velho 3662762 (24 Rondônia),
    // Boa Vista 3664980 (25 Roraima), Macapá 3396016 (03 Amapá).
    expect(
      await brazil.db.all(
        `SELECT as_given, kind, code, place_country FROM places
       WHERE as_given IN ('Manaus, AM', 'Porto Velho, RO', 'Boa Vista, RR', 'Macapá, AP') ORDER BY as_given`,
      ),
    ).toEqual([
      { as_given: 'Boa Vista, RR', kind: 'city', code: '3664980', place_country: 'BR' },
      { as_given: 'Macapá, AP', kind: 'city', code: '3396016', place_country: 'BR' },
      { as_given: 'Manaus, AM', kind: 'city', code: '3663517', place_country: 'BR' },
      { as_given: 'Porto Velho, RO', kind: 'city', code: '3662762', place_country: 'BR' },
    ]);
  });
});
