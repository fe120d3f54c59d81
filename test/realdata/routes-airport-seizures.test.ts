// Acceptance figures of ../shared/realdata/routes-airport-seizures/EXPECTED.md (R1–R14), checked on
// wen's tables after loading tot.csv (sample-data/mappings/routes-airport-seizures.yaml: dates,
// products, species, counts, transport) and transittots.csv (routes-airport-transits.yaml: the
// countries of each chain) into two databases: both files hold the same 773 incidents.
import { beforeAll, describe, expect, it } from 'vitest';
import { legsOf, loadOnce, one, tally, top } from './corpus.js';

const TOT = 'tot.csv';
const TRANSITS = 'transittots.csv';
const incidents = loadOnce([[`routes-airport-seizures/${TOT}`, 'routes-airport-seizures.yaml']]);
const chains = loadOnce([[`routes-airport-seizures/${TRANSITS}`, 'routes-airport-transits.yaml']]);
const tot = () => incidents.db;
const transits = () => chains.db;
/** Each incident of tot.csv with its specimens (one per species of its cell; the count and weight on the first). */
const rows =
  `(SELECT s.*, sp.species_as_given, sp.term, sp.term_as_given, ` +
  `sp.quantity_count, sp.quantity_kg FROM seizures s JOIN specimens ` +
  `sp USING (seizure_id))`;

let legs: Awaited<ReturnType<typeof legsOf>>;
beforeAll(async () => {
  legs = await legsOf(transits(), chains.source[TRANSITS]);
});

describe('routes-airport-seizures as wen loads it', () => {
  it('R1: loads 773 incidents from each file, every date read', async () => {
    for (const [corpus, file] of [
      [incidents, TOT],
      [chains, TRANSITS],
    ] as const) {
      expect(corpus.reports[file].loaded).toBe(773);
      expect(await one(corpus.db, 'SELECT count(*) AS n FROM seizures')).toBe(773);
      expect(await one(corpus.db, 'SELECT count(*) AS n FROM seizures WHERE date IS NULL')).toBe(0);
    }
  });

  it('R2: counts the incidents per year of the date', async () => {
    const expected = { 2009: 39, 2010: 50, 2011: 76, 2012: 124, 2013: 140, 2014: 128, 2015: 142, 2016: 74 };
    expect(await tally(tot(), 'SELECT year(date) AS k, count(*) AS n FROM seizures GROUP BY 1')).toEqual(expected);
    expect(await tally(transits(), 'SELECT year(date) AS k, count(*) AS n FROM seizures GROUP BY 1')).toEqual(expected);
  });

  it('R3: reads the one range as 17 to 26 May 2011, and follows the date of ID 289 rather than its Year', async () => {
    expect(
      await tot().one(
        'SELECT date::VARCHAR AS date, date_end::VARCHAR AS date_end, ' +
          "date_precision, date_as_given FROM seizures WHERE seizure_ref = '180'",
      ),
    ).toEqual({
      date: '2011-05-17',
      date_end: '2011-05-26',
      date_precision: 'range',
      date_as_given: '5/17/2011 to 5/26/2011',
    });
    expect(
      await tot().one(
        "SELECT year(date)::INTEGER AS year, extras->>'Year' AS column_year, date_as_given FROM seizures WHERE seizure_ref = '289'",
      ),
    ).toEqual({
      year: 2011,
      column_year: '2014',
      date_as_given: '11-Apr-11',
    });
  });

  it('R4: reads tot.csv as Windows-1252', async () => {
    expect(incidents.reports[TOT].encoding).toBe('windows-1252');
    // 0x96 is an en dash in cp1252: some airport name has one, and no cell holds a replacement character.
    expect(await one(tot(), "SELECT count(*) AS n FROM seizures WHERE place LIKE '%–%'")).toBeGreaterThan(0);
    expect(await one(tot(), "SELECT count(*) AS n FROM seizures WHERE place LIKE '%\uFFFD%' OR concealment LIKE '%\uFFFD%'")).toBe(0);
  });

  it('R5: counts the incidents per Database (the product, kept as the term as given)', async () => {
    expect(await tally(tot(), `SELECT term_as_given AS k, count(DISTINCT seizure_id) AS n FROM ${rows} GROUP BY 1`)).toEqual({
      Ivory: 282,
      Reptiles: 259,
      Birds: 146,
      'Rhino Horn': 86,
    });
  });

  // Weight (kg) is the mapping's weight beside the count; "400g each" and "100s" are not read (flagged).
  it('R6: weighs the ivory per year: 32,951.970 kg in all, from 224 incidents', async () => {
    const ivory = `${rows} WHERE term_as_given = 'Ivory' AND quantity_kg IS NOT NULL`;
    expect(await tally(tot(), `SELECT year(date) AS k, round(sum(quantity_kg), 3) AS n FROM ${ivory} GROUP BY 1`)).toEqual({
      2009: 3731,
      2010: 4441.1,
      2011: 2321.27,
      2012: 4604.84,
      2013: 4986.5,
      2014: 3635.69,
      2015: 5665.15,
      2016: 3566.42,
    });
    expect(await one(tot(), `SELECT round(sum(quantity_kg), 3) AS n FROM ${ivory}`)).toBe(32951.97);
    expect(await one(tot(), `SELECT count(*) AS n FROM ${ivory}`)).toBe(224);
  });

  it('R7: weighs 36,591.800 kg over 283 incidents, 673.830 kg of rhino horn', async () => {
    expect(
      await tot().one(
        `SELECT round(sum(quantity_kg), 3) AS kg, count(*) FILTER (quantity_kg IS NOT NULL)::INTEGER AS incidents FROM ${rows}`,
      ),
    ).toEqual({ kg: 36591.8, incidents: 283 });
    expect(await one(tot(), `SELECT round(sum(quantity_kg), 3) AS n FROM ${rows} WHERE term_as_given = 'Rhino Horn'`)).toBe(673.83);
  });

  it('R8: counts 131,840 items over 453 incidents, by Database', async () => {
    expect(
      await tot().one(`SELECT sum(quantity_count)::INTEGER AS items, count(quantity_count)::INTEGER AS incidents FROM ${rows}`),
    ).toEqual({ items: 131840, incidents: 453 });
    expect(
      await tally(tot(), `SELECT term_as_given AS k, sum(quantity_count) AS n FROM ${rows} WHERE quantity_count IS NOT NULL GROUP BY 1`),
    ).toEqual({
      Birds: 9934,
      Reptiles: 121497,
      'Rhino Horn': 409,
    });
    expect(await one(tot(), `SELECT count(quantity_count) AS n FROM ${rows} WHERE term_as_given = 'Rhino Horn'`)).toBe(61);
  });

  it('R8: tells the rhino horn incidents with a weight (54) and with a number and a weight (33)', async () => {
    expect(await one(tot(), `SELECT count(quantity_kg) AS n FROM ${rows} WHERE term_as_given = 'Rhino Horn'`)).toBe(54);
    expect(
      await one(
        tot(),
        `SELECT count(*) AS n FROM ${rows} WHERE term_as_given = 'Rhino Horn' AND quantity_kg IS NOT NULL AND quantity_count IS NOT NULL`,
      ),
    ).toBe(33);
  });

  it('R9: ranks the seizure places (airports)', async () => {
    expect(
      Object.fromEntries(await top(tot(), 5, 'SELECT place AS k, count(*) AS n FROM seizures WHERE place IS NOT NULL GROUP BY 1')),
    ).toEqual({
      'Jomo Kenyatta Airport': 56,
      'Suvarnabhumi Airport': 47,
      'Lilongwe Airport': 44,
      'Dubai Airport': 40,
      'Entebbe Airport': 34,
    });
  });

  it('R10: ranks the seizure countries, CN first (Hong Kong filed as China); 2 blank, 77 in all', async () => {
    const countries = 'SELECT seizure_country AS k, count(*) AS n FROM seizures WHERE seizure_country IS NOT NULL GROUP BY 1';
    expect(Object.fromEntries(await top(transits(), 6, countries))).toEqual({ CN: 82, KE: 57, TH: 49, AE: 46, MW: 46, IN: 43 });
    expect(await one(transits(), 'SELECT count(*) AS n FROM seizures WHERE seizure_country IS NULL')).toBe(2);
    expect(await one(transits(), `SELECT count(*) AS n FROM (${countries})`)).toBe(77);
  });

  it('R10b: keeps the 25 Hong Kong seizures as city Hong Kong, country China', async () => {
    expect(await tally(transits(), "SELECT seizure_country AS k, count(*) AS n FROM seizures WHERE city = 'Hong Kong' GROUP BY 1")).toEqual(
      { CN: 25 },
    );
  });

  it('R10 from tot.csv: reads the "City, Country" cells to the same seizure countries, Hong Kong as HK (R10b: CN 57)', async () => {
    expect(
      Object.fromEntries(
        await top(tot(), 6, 'SELECT seizure_country AS k, count(*) AS n FROM seizures WHERE seizure_country IS NOT NULL GROUP BY 1'),
      ),
    ).toEqual({
      CN: 57,
      KE: 57,
      TH: 49,
      AE: 46,
      MW: 46,
      IN: 43,
    });
    // "Hong Kong, China": the territory with its country is the territory (its own code), no city beside it.
    expect(await one(tot(), "SELECT count(*) AS n FROM seizures WHERE seizure_country = 'HK'")).toBe(25);
    // "Brazzaville, ROC" (ID 510): ROC is the Republic of the Congo or of China, so it is flagged, not guessed.
    expect(await one(tot(), 'SELECT count(*) AS n FROM seizures WHERE seizure_country IS NULL')).toBe(3);
    expect(await one(tot(), "SELECT count(*) AS n FROM flags WHERE column_name = 'City, Country' AND value = 'Brazzaville, ROC'")).toBe(1);
  });

  it('R10 from tot.csv: keeps the city named with each seizure country, "Mexico City, Mexico" as city Mexico City', async () => {
    expect(await tot().one("SELECT seizure_country, city FROM seizures WHERE city = 'Mexico City' LIMIT 1")).toEqual({
      seizure_country: 'MX',
      city: 'Mexico City',
    });
    expect(
      await one(
        tot(),
        "SELECT count(*) AS n FROM flags WHERE column_name IN ('City, " +
          "Country', 'Origin', 'Transit', 'Destination') AND flag LIKE '%\"City\" " +
          "not recognised%'",
      ),
    ).toBe(0);
  });

  it('R11: finds the legs origins → transits → destinations: KE→TH first, 349 in all, 520 incidents with one', () => {
    expect(Object.fromEntries(Object.entries(legs.legs).filter(([, n]) => n >= 12))).toEqual({
      'KE→TH': 18,
      'KE→CN': 17,
      'IN→MY': 15,
      'MW→CN': 15,
      'AE→CN': 14,
      'IN→TH': 14,
      'MZ→KE': 13,
      'ET→CN': 12,
      'ZA→CN': 12,
    });
    expect(Object.keys(legs.legs)).toHaveLength(349);
    expect(legs.withLeg).toBe(520);
  });

  it('R12: finds 249 incidents with a transit country, KE and AE the most used', async () => {
    expect(await one(transits(), 'SELECT count(*) AS n FROM seizures WHERE len(transit_countries) > 0')).toBe(249);
    const hubs =
      'SELECT c AS k, count(DISTINCT seizure_id) AS n FROM (SELECT seizure_id, unnest(transit_countries) AS c FROM seizures) GROUP BY 1';
    expect(Object.fromEntries(await top(transits(), 5, hubs))).toEqual({ KE: 40, AE: 30, TH: 22, QA: 19, ET: 16 });
  });

  it('R13: splits the species on ";": indian star tortoises first, 111 incidents with 2+ species', async () => {
    const tokens =
      `SELECT lower(trim(species_as_given)) AS k, count(DISTINCT seizure_id) ` +
      `AS n FROM specimens WHERE species_as_given IS NOT NULL GROUP BY 1`;
    expect(Object.fromEntries(await top(tot(), 5, tokens))).toEqual({
      'indian star tortoises': 36,
      'black pond turtles': 33,
      'radiated tortoises': 22,
      birds: 19,
      snakes: 18,
      turtles: 18,
    });
    expect(
      await one(
        tot(),
        'SELECT count(*) AS n FROM (SELECT seizure_id FROM specimens WHERE species_as_given IS NOT NULL GROUP BY 1 HAVING count(*) >= 2)',
      ),
    ).toBe(111);
  });

  it('R13: leaves the species empty on 368 ivory and rhino horn incidents', async () => {
    expect(
      await one(tot(), `SELECT count(*) AS n FROM ${rows} WHERE term_as_given IN ('Ivory', 'Rhino Horn') AND species_as_given IS NULL`),
    ).toBe(368);
  });

  it('R14: keeps the mode of transport as given: 321 mention luggage (Lugage included), 110 air freight', async () => {
    expect(await one(tot(), "SELECT count(*) AS n FROM seizures WHERE regexp_matches(lower(modus_operandi), 'lug+age')")).toBe(321);
    expect(
      await one(tot(), "SELECT count(*) AS n FROM seizures WHERE regexp_matches(lower(modus_operandi), 'airfr|air fr|airfe|arifr')"),
    ).toBe(110);
  });
});

describe('routes-airport-seizures weights that are not weights', () => {
  it('flags "400g each" (ID 199) and "100s" (ID 230) and leaves them out of the kilograms, loading their rows', async () => {
    const flagged = await tot().all(
      `SELECT s.seizure_ref, f.value, f.flag FROM flags f JOIN seizures s ON s.source_id = f.source_id AND s.source_row = f.row_number
       WHERE f.column_name = 'Weight (kg)' ORDER BY s.seizure_ref`,
    );
    expect(flagged).toEqual([
      { seizure_ref: '199', value: '400g each', flag: 'weight not read' },
      { seizure_ref: '230', value: '100s', flag: 'weight not read' },
    ]);
  });
});
