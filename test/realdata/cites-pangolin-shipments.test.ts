// Acceptance figures of ../shared/realdata/cites-pangolin-shipments/EXPECTED.md (P1–P11, C1–C5),
// checked on wen's tables after loading manidae_shipments.csv (sample-data/mappings/cites-shipments.yaml)
// and comptab_manidae_2019-05-31.csv (cites-comptab.yaml) into one database. Both mappings keep only
// source I; figures about the other rows are checked on a second load without the mappings' filter.
import { beforeAll, describe, expect, it } from 'vitest';
import { legsOf, loadOnce, one, tally, top, topOf } from './corpus.js';

const SHIPMENTS = 'manidae_shipments.csv';
const COMPTAB = 'comptab_manidae_2019-05-31.csv';
const FILES: Array<[string, string]> = [
  [`cites-pangolin-shipments/${SHIPMENTS}`, 'cites-shipments.yaml'],
  [`cites-pangolin-shipments/${COMPTAB}`, 'cites-comptab.yaml'],
];
const corpus = loadOnce(FILES);
const everyRow = loadOnce(FILES, { everyRow: true });
const db = () => corpus.db;
/** Specimens (one per record) joined to their seizure, of one file. */
const records = (file: string) => `(SELECT sp.*, s.date, s.export_country, s.origin_countries, s.destination_countries,
  s.purpose, s.purpose_as_given, s.extras, s.countries_as_given
  FROM specimens sp JOIN seizures s USING (seizure_id) WHERE sp.source_id = ${corpus.source[file]})`;

let shipmentLegs: Awaited<ReturnType<typeof legsOf>>;
let comptabLegs: Awaited<ReturnType<typeof legsOf>>;
beforeAll(async () => {
  shipmentLegs = await legsOf(db(), corpus.source[SHIPMENTS]);
  comptabLegs = await legsOf(db(), corpus.source[COMPTAB]);
});

describe('cites-pangolin-shipments, shipment lines (source I) as wen loads them', () => {
  it('P1: reads 3,631 rows and keeps the 548 source-I rows as one seizure each', async () => {
    const report = corpus.reports[SHIPMENTS];
    expect(report.rowsInFile - report.blank).toBe(3631);
    expect(report.loaded).toBe(548);
    expect(await one(db(), `SELECT count(*) AS n FROM seizures WHERE source_id = ${corpus.source[SHIPMENTS]}`)).toBe(548);
    expect(await one(db(), `SELECT count(DISTINCT seizure_ref) AS n FROM seizures WHERE source_id = ${corpus.source[SHIPMENTS]}`)).toBe(
      548,
    );
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)}`)).toBe(548);
  });

  it('P2: counts the records per year (the year is the only date)', async () => {
    expect(await tally(db(), `SELECT year(date) AS k, count(*) AS n FROM ${records(SHIPMENTS)} GROUP BY 1`)).toEqual({
      1981: 3,
      1982: 2,
      1983: 3,
      1984: 6,
      1985: 5,
      1986: 3,
      1987: 2,
      1988: 4,
      1989: 3,
      1990: 12,
      1991: 11,
      1992: 3,
      1993: 2,
      1994: 4,
      1995: 9,
      1996: 14,
      1997: 8,
      1998: 22,
      1999: 14,
      2000: 12,
      2001: 19,
      2002: 10,
      2003: 6,
      2004: 5,
      2005: 7,
      2006: 21,
      2007: 31,
      2008: 35,
      2009: 53,
      2010: 62,
      2011: 39,
      2012: 27,
      2013: 18,
      2014: 23,
      2015: 13,
      2016: 18,
      2017: 19,
    });
  });

  it('P3: weighs 101.258 kg from 74 rows, 22 in kg and 52 in g', async () => {
    expect(await one(db(), `SELECT round(sum(quantity_kg), 3) AS n FROM ${records(SHIPMENTS)}`)).toBe(101.258);
    expect(
      await tally(db(), `SELECT unit_as_given AS k, count(*) AS n FROM ${records(SHIPMENTS)} WHERE quantity_kg IS NOT NULL GROUP BY 1`),
    ).toEqual({ kg: 22, g: 52 });
  });

  it('P3b: weighs the records per year', async () => {
    expect(
      await tally(
        db(),
        `SELECT year(date) AS k, round(sum(quantity_kg), 3) AS n FROM ${records(SHIPMENTS)} WHERE quantity_kg IS NOT NULL GROUP BY 1`,
      ),
    ).toEqual({
      1984: 2,
      1990: 22,
      1995: 0.422,
      1996: 6.682,
      1997: 1,
      1998: 5.1,
      1999: 0.341,
      2000: 0.079,
      2001: 1.272,
      2002: 0.163,
      2003: 2,
      2004: 2.069,
      2005: 0.062,
      2006: 0.334,
      2007: 2,
      2008: 0.115,
      2009: 3.053,
      2010: 3.799,
      2011: 0.568,
      2012: 2.06,
      2013: 0.762,
      2014: 11.443,
      2016: 2.454,
      2017: 31.48,
    });
  });

  it('P4: counts 36,101 items on the 469 rows without a unit, and one pairs row', async () => {
    expect(await one(db(), `SELECT sum(quantity_count) AS n FROM ${records(SHIPMENTS)} WHERE unit IS NULL`)).toBe(36101);
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE unit IS NULL`)).toBe(469);
    // wen counts a pair as 2 items (CITES unit PAI), so its total of items is 36,101 + 2 = 36,103.
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE unit = 'PAI' AND quantity = 1`)).toBe(1);
  });

  it('P5: ranks the importers (destination) and exporters', async () => {
    expect(
      Object.fromEntries(
        await top(
          db(),
          5,
          `SELECT destination_countries[1] AS k, count(*) AS n FROM ${records(SHIPMENTS)} ` +
            `WHERE destination_countries IS NOT NULL GROUP BY 1`,
        ),
      ),
    ).toEqual({ US: 456, NZ: 39, HK: 9, CH: 5, GB: 5 });
    expect(
      Object.fromEntries(
        await top(
          db(),
          5,
          `SELECT export_country AS k, count(*) AS n FROM ${records(SHIPMENTS)} WHERE export_country IS NOT NULL GROUP BY 1`,
        ),
      ),
    ).toEqual({ CN: 158, MX: 79, VN: 62, LA: 53, TH: 40 });
  });

  it('P6: finds the legs origin → exporter → importer: CN→US first, 84 in all, 34 records with none', () => {
    expect(topOf(shipmentLegs.legs, 6)).toEqual({ 'CN→US': 127, 'MX→US': 79, 'VN→US': 61, 'LA→US': 54, 'TH→US': 38, 'CN→NZ': 32 });
    expect(Object.keys(shipmentLegs.legs)).toHaveLength(84);
    expect(shipmentLegs.withoutLeg).toBe(34);
  });

  it('P7: keeps the taxon as given and files synonyms under their accepted genus', async () => {
    expect(await tally(db(), `SELECT species_as_given AS k, count(*) AS n FROM ${records(SHIPMENTS)} GROUP BY 1`)).toEqual({
      'Manis spp.': 425,
      'Manis pentadactyla': 57,
      'Manis javanica': 45,
      'Manis tricuspis': 7,
      'Manis gigantea': 5,
      'Manis tetradactyla': 4,
      'Manis crassicaudata': 2,
      'Manis temminckii': 2,
      'Manidae spp.': 1,
    });
    expect(await tally(db(), `SELECT coalesce(genus, 'family only') AS k, count(*) AS n FROM ${records(SHIPMENTS)} GROUP BY 1`)).toEqual({
      Manis: 529,
      Phataginus: 11,
      Smutsia: 7,
      'family only': 1,
    });
  });

  it('P8: finds 57 records of Manis pentadactyla with 22.008 kg and 25,330 items', async () => {
    const row = await db().one(`SELECT count(*)::INTEGER AS records, round(sum(quantity_kg), 3) AS kg,
        sum(quantity_count) FILTER (unit IS NULL)::INTEGER AS items
                                FROM ${records(SHIPMENTS)} WHERE taxon = 'Manis pentadactyla'`);
    expect(row).toEqual({ records: 57, kg: 22.008, items: 25330 });
  });

  it('P9: keeps the reporter type in extras and reads purpose L (law enforcement); 111 without a purpose', async () => {
    // wen has no field for the reporter type (importer or exporter report): it stays in seizures.extras.
    expect(await tally(db(), `SELECT extras->>'reporter_type' AS k, count(*) AS n FROM ${records(SHIPMENTS)} GROUP BY 1`)).toEqual({
      I: 529,
      E: 19,
    });
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE purpose = 'L'`)).toBe(16);
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE purpose_as_given IS NULL`)).toBe(111);
  });

  it('P10: counts the rows without a source (1,718 of 3,631) and the source-I origins blank or XX, exporters XX', async () => {
    const all = everyRow.source[SHIPMENTS];
    expect(await one(everyRow.db, `SELECT count(*) AS n FROM specimens WHERE source_id = ${all}`)).toBe(3631);
    expect(await one(everyRow.db, `SELECT count(*) AS n FROM specimens WHERE source_id = ${all} AND cites_source IS NULL`)).toBe(1718);
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE origin_countries IS NULL`)).toBe(255);
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE origin_countries = ['XX']`)).toBe(254);
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(SHIPMENTS)} WHERE export_country = 'XX'`)).toBe(34);
  });

  it('P11: keeps the permit ids as documents: 20 import, 54 export, 1 origin, 75 in all', async () => {
    expect(
      await tally(db(), `SELECT type_as_given AS k, count(*) AS n FROM documents WHERE source_id = ${corpus.source[SHIPMENTS]} GROUP BY 1`),
    ).toEqual({
      'import permit': 20,
      'export permit': 54,
      'certificate of origin': 1,
    });
    expect(corpus.reports[SHIPMENTS].documents).toBe(75);
  });
});

describe('cites-pangolin-shipments, comparative tabulation (source I) as wen loads it', () => {
  it('C1: reads 1,607 rows and keeps the 361 source-I rows', async () => {
    const report = corpus.reports[COMPTAB];
    expect(report.rowsInFile - report.blank).toBe(1607);
    expect(report.loaded).toBe(361);
    expect(await one(db(), `SELECT count(*) AS n FROM ${records(COMPTAB)}`)).toBe(361);
  });

  // cites-comptab.yaml keeps both quantity columns in extras as given (`extras:`), beside the one first_of chose.
  it('C1: tells which side reported the quantity: both 2, importer only 343, exporter only 16', async () => {
    const importer = `json_extract_string(extras, '$."Importer reported quantity"') IS NOT NULL`;
    const exporter = `json_extract_string(extras, '$."Exporter reported quantity"') IS NOT NULL`;
    const side = `CASE WHEN ${importer} AND ${exporter} THEN 'both' WHEN ${importer} THEN 'importer' ELSE 'exporter' END`;
    expect(await tally(db(), `SELECT ${side} AS k, count(*) AS n FROM ${records(COMPTAB)} GROUP BY 1`)).toEqual({
      both: 2,
      importer: 343,
      exporter: 16,
    });
  });

  it('C2: counts the records per year', async () => {
    expect(await tally(db(), `SELECT year(date) AS k, count(*) AS n FROM ${records(COMPTAB)} GROUP BY 1`)).toEqual({
      1981: 3,
      1982: 2,
      1983: 3,
      1984: 6,
      1985: 5,
      1986: 3,
      1987: 2,
      1988: 4,
      1989: 3,
      1990: 12,
      1991: 10,
      1992: 3,
      1993: 2,
      1994: 4,
      1995: 7,
      1996: 10,
      1997: 7,
      1998: 17,
      1999: 14,
      2000: 11,
      2001: 15,
      2002: 8,
      2003: 6,
      2004: 5,
      2005: 5,
      2006: 11,
      2007: 13,
      2008: 20,
      2009: 22,
      2010: 26,
      2011: 20,
      2012: 17,
      2013: 15,
      2014: 11,
      2015: 10,
      2016: 13,
      2017: 16,
    });
  });

  it('C3: weighs 101.258 kg and counts 36,098 items (no unit), importer quantity first', async () => {
    expect(await one(db(), `SELECT round(sum(quantity_kg), 3) AS n FROM ${records(COMPTAB)}`)).toBe(101.258);
    expect(await one(db(), `SELECT sum(quantity_count) AS n FROM ${records(COMPTAB)} WHERE unit IS NULL`)).toBe(36098);
  });

  it('C4: ranks the importers, with the ties at 4', async () => {
    expect(
      Object.fromEntries(
        await top(
          db(),
          5,
          `SELECT destination_countries[1] AS k, count(*) AS n FROM ${records(COMPTAB)} WHERE destination_countries IS NOT NULL GROUP BY 1`,
        ),
      ),
    ).toEqual({ US: 291, NZ: 20, HK: 9, GB: 5, CH: 4, NO: 4, TZ: 4 });
  });

  it('C5: finds the legs: CN→US and LA→US first, 84 in all', () => {
    expect(topOf(comptabLegs.legs, 5)).toEqual({ 'CN→US': 46, 'LA→US': 46, 'MX→US': 45, 'VN→US': 39, 'TH→US': 33 });
    expect(Object.keys(comptabLegs.legs)).toHaveLength(84);
  });

  it('names nobody (permit ids are anonymised)', async () => {
    expect(await one(db(), 'SELECT count(*) AS n FROM actors')).toBe(0);
  });
});

// Issue 14: a file of the CITES Trade Database writes CITES terms, units and country codes only, so none
// may be flagged. Checked on every row of both files (5,238), not only the source-I ones.
describe('cites-pangolin-shipments, CITES vocabularies as wen reads them', () => {
  // The headings of the two files that hold a term, a unit or a country code (comptab capitalises them).
  const flagsOn = (corpusDb: typeof everyRow.db) =>
    tally(
      corpusDb,
      `SELECT lower(column_name) || ': ' || coalesce(value, '') AS k, count(*) AS n FROM flags
                     WHERE lower(column_name) IN ('term', 'unit', 'importer', 'exporter', 'origin') GROUP BY 1`,
    );

  it('flags no term, unit or country code on any row of either file', async () => {
    expect(await flagsOn(everyRow.db)).toEqual({});
    expect(await flagsOn(db())).toEqual({});
  });

  it('reads each Trade Database term name as its CITES code', async () => {
    expect(
      Object.fromEntries(
        (await everyRow.db.all<{ k: string; v: string }>(`SELECT DISTINCT term_as_given AS k, term AS v FROM specimens ORDER BY 1`)).map(
          (r) => [r.k, r.v],
        ),
      ),
    ).toEqual({
      bodies: 'BOD',
      'bone pieces': 'BOP',
      carvings: 'CAR',
      claws: 'CLA',
      derivatives: 'DER',
      feet: 'FOO',
      garments: 'GAR',
      leather: 'LEA',
      'leather items': 'SKO',
      'leather products (large)': 'LPL',
      'leather products (small)': 'LPS',
      live: 'LIV',
      meat: 'MEA',
      medicine: 'MED',
      powder: 'POW',
      scales: 'SCA',
      shoes: 'SHO',
      skeletons: 'SKE',
      'skin pieces': 'SKP',
      'skin scraps': 'SKS',
      skins: 'SKI',
      skulls: 'SKU',
      specimens: 'SPE',
      tails: 'TAI',
      trophies: 'TRO',
      unspecified: 'UNS',
    });
  });

  it('reads every unit of both files as a CITES unit (blank = number of specimens)', async () => {
    expect(
      await tally(
        everyRow.db,
        `SELECT coalesce(unit_as_given, '') || ' → ' || coalesce(unit, 'count') AS k, count(*) AS n FROM specimens GROUP BY 1`,
      ),
    ).toEqual({
      ' → count': 4589,
      'boxes → BOX': 2,
      'cartons → CRT': 100,
      'cm → CTM': 43,
      'flasks → FLA': 16,
      'g → GRM': 104,
      'kg → KIL': 277,
      'm → MTR': 18,
      'm2 → SQM': 14,
      'ml → MLT': 22,
      'pairs → PAI': 46,
      'pieces → PCS': 7,
    });
  });

  // 950 cells read XX and 4 read NA (Namibia) in importer, exporter and origin (counted with Python's csv module).
  it('reads every country cell as an ISO or CITES code: XX (unknown) stays XX, NA is Namibia', async () => {
    const cells =
      `SELECT unnest([export_country]) AS c FROM seizures UNION ALL ` +
      `SELECT unnest(origin_countries) FROM seizures UNION ALL SELECT ` +
      `unnest(destination_countries) FROM seizures`;
    expect(
      await one(everyRow.db, `SELECT count(*) AS n FROM (${cells}) WHERE c IS NOT NULL AND NOT regexp_full_match(c, '[A-Z]{2}')`),
    ).toBe(0);
    expect(await one(everyRow.db, `SELECT count(*) AS n FROM (${cells}) WHERE c = 'XX'`)).toBe(950);
    expect(await one(everyRow.db, `SELECT count(*) AS n FROM (${cells}) WHERE c = 'NA'`)).toBe(4);
  });
});
