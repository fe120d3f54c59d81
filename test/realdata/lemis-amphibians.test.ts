// Acceptance figures of ../shared/realdata/lemis-amphibians/EXPECTED.md (L1–L16), checked on wen's
// tables after loading the two cleaned CSVs with sample-data/mappings/lemis.yaml into one database.
// The mapping keeps only disposition S (seized); figures about every row (disposition codes,
// refused and abandoned lines) are checked on a second load of both files line by line: without its
// filter and with each line a seizure of its own (lines of one control number may differ in
// disposition there), a shipment being one control number (or one line when it is NA).
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { legsOf, loadOnce, one, tally, top, topOf } from './corpus.js';

const OLD = 'amphibian_LEMIS_1999_and_2015.csv';
const NEW = 'amphibian_LEMIS_2016_to_2021.csv';
const FILES: Array<[string, string]> = [
  [`lemis-amphibians/${OLD}`, 'lemis.yaml'],
  [`lemis-amphibians/${NEW}`, 'lemis.yaml'],
];
const seized = loadOnce(FILES);
const everyRow = loadOnce(FILES, { everyRow: true });
const db = () => seized.db;
/** Specimens (one per line) joined to their seizure, of one file of a corpus. */
const lines = (
  file: string,
  corpus = seized,
) => `(SELECT sp.*, s.date, s.seizure_ref, s.port, s.reason, s.origin_countries, s.export_country, s.extras
  FROM specimens sp JOIN seizures s USING (seizure_id) WHERE sp.source_id = ${corpus.source[file]})`;

let legs: Record<string, Awaited<ReturnType<typeof legsOf>>> = {};
beforeAll(async () => {
  legs = { [OLD]: await legsOf(db(), seized.source[OLD]), [NEW]: await legsOf(db(), seized.source[NEW]) };
});

describe('lemis-amphibians as wen loads it', () => {
  it('L1: reads 7,823 and 16,366 data rows', () => {
    expect(seized.reports[OLD].rowsInFile - seized.reports[OLD].blank).toBe(7823);
    expect(seized.reports[NEW].rowsInFile - seized.reports[NEW].blank).toBe(16366);
  });

  it('L2: keeps every disposition code, loaded without the filter', async () => {
    // disposition maps to no field: it stays in seizures.extras.
    const codes = (file: string) => `SELECT extras->>'disposition' AS k, count(*) AS n FROM ${lines(file, everyRow)} GROUP BY 1`;
    expect(await tally(everyRow.db, codes(OLD))).toEqual({ C: 7734, S: 43, R: 35, A: 11 });
    expect(await tally(everyRow.db, codes(NEW))).toEqual({ C: 15912, S: 276, R: 124, A: 34, O: 20 });
  });

  it('L3: makes each seized line of the 1999/2015 file (control number NA) a seizure of its own', async () => {
    expect(await one(db(), `SELECT count(*) AS n FROM ${lines(OLD)}`)).toBe(43);
    expect(await one(db(), `SELECT count(DISTINCT seizure_id) AS n FROM ${lines(OLD)}`)).toBe(43);
  });

  it('L4: groups the 276 seized lines of 2016–21 into 262 seizures, 11 of 2+ lines, 2017990103 the largest', async () => {
    expect(await one(db(), `SELECT count(*) AS n FROM ${lines(NEW)}`)).toBe(276);
    expect(await one(db(), `SELECT count(DISTINCT seizure_id) AS n FROM ${lines(NEW)}`)).toBe(262);
    const perSeizure = `SELECT seizure_ref, count(*) AS n FROM ${lines(NEW)} GROUP BY seizure_id, seizure_ref`;
    expect(await one(db(), `SELECT count(*) AS n FROM (${perSeizure}) WHERE n >= 2`)).toBe(11);
    expect(await db().all(`SELECT seizure_ref, n::INTEGER AS n FROM (${perSeizure}) ORDER BY n DESC LIMIT 2`)).toEqual([
      { seizure_ref: '2017990103', n: 4 },
      expect.objectContaining({ n: expect.any(Number) }),
    ]);
    expect(await one(db(), `SELECT count(*) AS n FROM (${perSeizure}) WHERE n = 4`)).toBe(1);
  });

  it('L5: counts the 1999/2015 seizures per year of the disposition date', async () => {
    expect(await tally(db(), `SELECT year(date) AS k, count(DISTINCT seizure_id) AS n FROM ${lines(OLD)} GROUP BY 1`)).toEqual({
      1999: 15,
      2000: 1,
      2015: 27,
    });
  });

  it('L5b: counts the 2016–21 seizures per year of the disposition date', async () => {
    expect(await tally(db(), `SELECT year(date) AS k, count(DISTINCT seizure_id) AS n FROM ${lines(NEW)} GROUP BY 1`)).toEqual({
      2016: 31,
      2017: 44,
      2018: 65,
      2019: 43,
      2020: 43,
      2021: 36,
    });
  });

  it('L6: weighs the seized lines in KG, GM and MG', async () => {
    expect(await one(db(), `SELECT round(sum(quantity_kg), 3) AS n FROM ${lines(OLD)}`)).toBe(8.166);
    expect(
      await tally(db(), `SELECT unit_as_given AS k, count(*) AS n FROM ${lines(OLD)} WHERE quantity_kg IS NOT NULL GROUP BY 1`),
    ).toEqual({ GM: 11 });
    expect(await one(db(), `SELECT round(sum(quantity_kg), 3) AS n FROM ${lines(NEW)}`)).toBe(309.875);
    expect(
      await tally(db(), `SELECT unit_as_given AS k, count(*) AS n FROM ${lines(NEW)} WHERE quantity_kg IS NOT NULL GROUP BY 1`),
    ).toEqual({ KG: 61, GM: 78, MG: 3 });
  });

  it('L7: counts the items of the lines in NO', async () => {
    expect(
      await db().one(
        `SELECT sum(quantity_count)::INTEGER AS items, count(*)::INTEGER AS rows FROM ${lines(OLD)} WHERE unit_as_given = 'NO'`,
      ),
    ).toEqual({ items: 2452, rows: 32 });
    expect(
      await db().one(
        `SELECT sum(quantity_count)::INTEGER AS items, count(*)::INTEGER AS rows FROM ${lines(NEW)} WHERE unit_as_given = 'NO'`,
      ),
    ).toEqual({ items: 31301, rows: 134 });
  });

  it('L8: adds both files up in one database: 305 seizures, 319 specimens, 318.041 kg, 33,753 items', async () => {
    expect(
      await db().one(
        'SELECT (SELECT count(*) FROM seizures)::INTEGER AS seizures, ' +
          'count(*)::INTEGER AS specimens, round(sum(quantity_kg), 3) AS ' +
          'kg, sum(quantity_count)::INTEGER AS items FROM specimens',
      ),
    ).toEqual({ seizures: 305, specimens: 319, kg: 318.041, items: 33753 });
  });

  it('L9: ranks the 2016–21 origins by seizures, TH first, and 68 seizures of unknown origin (XX)', async () => {
    const origins =
      `SELECT origin_countries[1] AS k, count(DISTINCT seizure_id) ` +
      `AS n FROM ${lines(NEW)} WHERE origin_countries[1] <> 'XX' GROUP BY 1`;
    expect(Object.fromEntries(await top(db(), 5, origins))).toEqual({ TH: 95, LA: 30, ID: 13, VN: 11, CN: 7 });
    expect(await one(db(), `SELECT count(DISTINCT seizure_id) AS n FROM ${lines(NEW)} WHERE origin_countries = ['XX']`)).toBe(68);
  });

  it('L10: finds the 2016–21 legs origin → exporter → US: TH→US first, 31 in all', () => {
    expect(topOf(legs[NEW].legs, 5)).toEqual({ 'TH→US': 109, 'LA→US': 49, 'HK→US': 24, 'ID→US': 16, 'CN→US': 12, 'VN→US': 12 });
    expect(Object.keys(legs[NEW].legs)).toHaveLength(31);
  });

  it('L10b: finds the 1999/2015 legs: LA→US first, 12 in all', () => {
    expect(topOf(legs[OLD].legs, 5)).toEqual({ 'LA→US': 13, 'MX→US': 12, 'DE→US': 4, 'CN→US': 3, 'MG→US': 3 });
    expect(Object.keys(legs[OLD].legs)).toHaveLength(12);
  });

  it('L11: follows Hoplobatrachus rugulosus: 62 lines and seizures, 120.199 kg, 1,409 items', async () => {
    const frog = `${lines(NEW)} WHERE species_as_given = 'Hoplobatrachus rugulosus'`;
    expect(
      await db().one(
        `SELECT count(*)::INTEGER AS specimens, count(DISTINCT seizure_id)::INTEGER ` +
          `AS seizures, round(sum(quantity_kg), 3) AS kg, sum(quantity_count)::INTEGER ` +
          `AS items FROM ${frog}`,
      ),
    ).toEqual({ specimens: 62, seizures: 62, kg: 120.199, items: 1409 });
    expect(
      await tally(db(), `SELECT year(date) AS k, round(sum(quantity_kg), 3) AS n FROM ${frog} AND quantity_kg IS NOT NULL GROUP BY 1`),
    ).toEqual({
      2017: 42.02,
      2018: 58.374,
      2019: 15.505,
      2021: 4.3,
    });
  });

  it('L12: ranks the 2016–21 ports by seizures: SF, DF, MP', async () => {
    expect(
      Object.fromEntries(await top(db(), 3, `SELECT port AS k, count(DISTINCT seizure_id) AS n FROM ${lines(NEW)} GROUP BY 1`)),
    ).toEqual({ SF: 68, DF: 58, MP: 55 });
  });

  // lemis.yaml empties both "Non-CITES entry" and NA (null markers) and keeps the genus cell as given
  // in extras (`extras: [genus]`); extras are a seizure's, so the lines are counted on the load with
  // one seizure per line, restricted to disposition S.
  it('L13: tells the 84 "Non-CITES entry" lines of 2016–21 from the 23 with genus NA', async () => {
    const seizedLines = `${lines(NEW, everyRow)} WHERE (extras->>'disposition') = 'S'`;
    expect(await one(everyRow.db, `SELECT count(*) AS n FROM ${seizedLines} AND (extras->>'genus') = 'Non-CITES entry'`)).toBe(84);
    expect(await one(everyRow.db, `SELECT count(*) AS n FROM ${seizedLines} AND (extras->>'genus') = 'NA'`)).toBe(23);
  });

  it('L13 as wen files it: 84 + 23 seized 2016–21 lines have no genus', async () => {
    expect(await one(db(), `SELECT count(*) AS n FROM ${lines(NEW)} WHERE genus IS NULL`)).toBe(84 + 23);
  });

  it('L14: counts the refused (action R) and abandoned (disposition A) lines and shipments, loaded without the filter', async () => {
    const shipments = "count(DISTINCT coalesce(seizure_ref, 'line ' || source_row))::INTEGER AS seizures";
    const refused = (file: string) =>
      `SELECT count(*)::INTEGER AS rows, ${shipments} FROM ${lines(file, everyRow)} WHERE reason = 'refused entry'`;
    const abandoned = (file: string) =>
      `SELECT count(*)::INTEGER AS rows, ${shipments} FROM ${lines(file, everyRow)} WHERE extras->>'disposition' = 'A'`;
    expect(await everyRow.db.one(refused(OLD))).toEqual({ rows: 91, seizures: 91 });
    expect(await everyRow.db.one(abandoned(OLD))).toEqual({ rows: 11, seizures: 11 });
    expect(await everyRow.db.one(refused(NEW))).toEqual({ rows: 457, seizures: 414 });
    expect(await everyRow.db.one(abandoned(NEW))).toEqual({ rows: 34, seizures: 30 });
  });

  it('L15: dates a seizure by its disposition, not its shipment: 1 and 7 lines fall in another year', async () => {
    const otherYear = (file: string) => `SELECT count(*) AS n FROM ${lines(file)} WHERE year(date) <> (extras->>'shipment_year')::INTEGER`;
    expect(await one(db(), otherYear(OLD))).toBe(1);
    expect(await one(db(), otherYear(NEW))).toBe(7);
  });

  it('L16: reads origin LA as Lao PDR (8 and 30 seizures) while port LA stays Los Angeles', async () => {
    const lao = (file: string) => `SELECT count(DISTINCT seizure_id) AS n FROM ${lines(file)} WHERE origin_countries = ['LA']`;
    expect(await one(db(), lao(OLD))).toBe(8);
    expect(await one(db(), lao(NEW))).toBe(30);
    expect(await one(everyRow.db, "SELECT count(*) AS n FROM seizures WHERE port = 'LA'")).toBeGreaterThan(0);
  });

  it('has no Namibia, no values and no companies among the seized lines: repeat-suspects finds nobody', async () => {
    expect(await one(db(), "SELECT count(*) AS n FROM seizures WHERE list_contains(origin_countries, 'NA') OR export_country = 'NA'")).toBe(
      0,
    );
    expect(await one(db(), 'SELECT count(*) AS n FROM specimens WHERE item_value IS NOT NULL')).toBe(0);
    expect(await one(db(), 'SELECT count(*) AS n FROM actors')).toBe(0);
    const { rows } = await runAnalysis(db(), getAnalysis('repeat-suspects'), NO_FILTERS);
    expect(rows).toEqual([]);
  });
});
