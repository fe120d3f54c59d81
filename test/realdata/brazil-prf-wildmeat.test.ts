// Acceptance figures of ../shared/realdata/brazil-prf-wildmeat/EXPECTED.md (B1–B15), checked on
// wen's tables after loading planilha_completa.csv with sample-data/mappings/brazil-prf.yaml.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { loadOnce, one, tally, top } from './corpus.js';

const corpus = loadOnce([['brazil-prf-wildmeat/planilha_completa.csv', 'brazil-prf.yaml']]);
const db = () => corpus.db;

describe('brazil-prf-wildmeat as wen loads it', () => {
  it('B1: has one specimen per data row, 392', async () => {
    expect(corpus.reports['planilha_completa.csv'].loaded).toBe(392);
    expect(await one(db(), 'SELECT count(*) AS n FROM specimens')).toBe(392);
  });

  it('B2: has one seizure per distinct ID, 314', async () => {
    expect(await one(db(), 'SELECT count(*) AS n FROM seizures')).toBe(314);
    expect(await one(db(), 'SELECT count(DISTINCT seizure_ref) AS n FROM seizures')).toBe(314);
  });

  it('B3: counts seizures per year of the day-first date-time', async () => {
    expect(await tally(db(), 'SELECT year(date) AS k, count(*) AS n FROM seizures GROUP BY 1')).toEqual({
      2017: 19,
      2018: 41,
      2019: 54,
      2020: 45,
      2021: 37,
      2022: 29,
      2023: 54,
      2024: 35,
    });
  });

  it('B4: keeps the multi-species seizures together: 57 of 2+ rows, ID 3749 with 5', async () => {
    const perSeizure = 'SELECT seizure_id, count(*) AS rows FROM specimens GROUP BY 1';
    expect(await one(db(), `SELECT count(*) AS n FROM (${perSeizure}) WHERE rows >= 2`)).toBe(57);
    expect(await tally(db(), `SELECT rows AS k, count(*) AS n FROM (${perSeizure}) GROUP BY 1`)).toEqual({
      1: 257,
      2: 42,
      3: 10,
      4: 4,
      5: 1,
    });
    expect(await one(db(), "SELECT count(*) AS n FROM specimens JOIN seizures USING (seizure_id) WHERE seizure_ref = '3749'")).toBe(5);
    expect(await one(db(), `SELECT max(rows) AS n FROM (${perSeizure})`)).toBe(5);
  });

  it('B5: counts 9,479 items (Qtd is a head count), the largest row 5,000 Columbidae of ID 492 with no species', async () => {
    expect(await one(db(), 'SELECT sum(quantity_count) AS n FROM specimens')).toBe(9479);
    const largest = await db().one<Record<string, unknown>>(
      'SELECT sp.quantity_count, s.seizure_ref, sp.family, sp.species_as_given ' +
        'FROM specimens sp JOIN seizures s USING (seizure_id) ORDER BY ' +
        'sp.quantity_count DESC LIMIT 1',
    );
    expect(largest).toEqual({ quantity_count: 5000, seizure_ref: '492', family: 'Columbidae', species_as_given: null });
  });

  it('B6: records no seized mass (the reference body weight stays in extras)', async () => {
    expect(await one(db(), 'SELECT count(*) AS n FROM specimens WHERE quantity_kg IS NOT NULL')).toBe(0);
  });

  it('B7: files every seizure in BR, in 25 states, BA, RN, RS, AM and RO first', async () => {
    expect(await tally(db(), 'SELECT seizure_country AS k, count(*) AS n FROM seizures GROUP BY 1')).toEqual({ BR: 314 });
    // The state (UF) is the part of place ("Cidade, UF") after the last comma.
    const uf = "SELECT split_part(place, ', ', -1) AS k, count(*) AS n FROM seizures GROUP BY 1";
    expect(Object.fromEntries(await top(db(), 5, uf))).toEqual({ BA: 40, RN: 36, RS: 36, AM: 26, RO: 25 });
    expect(await one(db(), `SELECT count(*) AS n FROM (${uf})`)).toBe(25);
  });

  it('B8: ranks the places "Cidade, UF" by seizures', async () => {
    expect(Object.fromEntries(await top(db(), 5, 'SELECT place AS k, count(*) AS n FROM seizures GROUP BY 1'))).toEqual({
      'Manaus, AM': 15,
      'Porto Velho, RO': 12,
      'Jandaíra, RN': 11,
      'Boa Vista, RR': 8,
      'Macapá, AP': 8,
    });
  });

  it('B9: reads the literal NULL as no species: 193 rows without, 199 with, 49 names', async () => {
    expect(await one(db(), 'SELECT count(*) AS n FROM specimens WHERE species_as_given IS NULL')).toBe(193);
    expect(await one(db(), 'SELECT count(*) AS n FROM specimens WHERE species_as_given IS NOT NULL')).toBe(199);
    expect(await one(db(), 'SELECT count(DISTINCT species_as_given) AS n FROM specimens')).toBe(49);
  });

  it('B10: ranks the species by seizures, with their specimens and items', async () => {
    const rows = await db().all<{ species: string; specimens: number; seizures: number; items: number }>(
      `SELECT species_as_given AS species, count(*)::INTEGER AS specimens,
        count(DISTINCT seizure_id)::INTEGER AS seizures, sum(quantity_count)::INTEGER AS items
       FROM specimens WHERE species_as_given IS NOT NULL GROUP BY 1 ORDER BY seizures DESC, species LIMIT 5`,
    );
    expect(rows).toEqual([
      { species: 'Cuniculus paca', specimens: 53, seizures: 53, items: 70 },
      { species: 'Dasypus novemcinctus', specimens: 21, seizures: 21, items: 39 },
      { species: 'Hydrochoerus hydrochaeris', specimens: 18, seizures: 18, items: 48 },
      { species: 'Zenaida auriculata', specimens: 15, seizures: 15, items: 1156 },
      { species: 'Euphractus sexcinctus', specimens: 12, seizures: 12, items: 21 },
    ]);
  });

  it('B11: counts the items of Cuniculus paca per year', async () => {
    expect(
      await tally(
        db(),
        `SELECT year(s.date) AS k, sum(sp.quantity_count) AS n FROM specimens sp JOIN seizures s USING (seizure_id)
                              WHERE sp.species_as_given = 'Cuniculus paca' GROUP BY 1`,
      ),
    ).toEqual({ 2018: 5, 2019: 13, 2020: 16, 2021: 5, 2022: 8, 2023: 12, 2024: 11 });
  });

  it('B12: sorts specimens and items into mammals, birds and reptiles from Grupo', async () => {
    const byClass = "SELECT coalesce(class_name, 'blank') AS k, count(*) AS n FROM specimens GROUP BY 1";
    expect(await tally(db(), byClass)).toEqual({ Mammalia: 270, Aves: 89, Reptilia: 30, blank: 3 });
    expect(await tally(db(), "SELECT coalesce(class_name, 'blank') AS k, sum(quantity_count) AS n FROM specimens GROUP BY 1")).toEqual({
      Mammalia: 578,
      Aves: 8641,
      Reptilia: 257,
      blank: 3,
    });
  });

  // wen puts the reference's family on a known species (Dasypus → Dasypodidae); a file that says
  // otherwise keeps its word in flags ("the reference says Dasypodidae"), so the pair as given is the
  // family of the rows wen has no family for plus the flagged ones.
  it('B13: keeps the family pair "Dasypodidae / Chlamyphoridae" as given on 116 rows of 114 seizures', async () => {
    const pair = `SELECT source_id, source_row FROM specimens WHERE family = 'Dasypodidae / Chlamyphoridae'
      UNION SELECT source_id, row_number FROM flags WHERE column_name = 'Família' AND value = 'Dasypodidae / Chlamyphoridae'`;
    expect(await one(db(), `SELECT count(*) AS n FROM specimens JOIN (${pair}) USING (source_id, source_row)`)).toBe(116);
    expect(await one(db(), `SELECT count(DISTINCT seizure_id) AS n FROM specimens JOIN (${pair}) USING (source_id, source_row)`)).toBe(114);
  });

  it('B13 as wen files it: the 116 armadillo rows of 114 seizures are the pair or one of its two families', async () => {
    const armadillos = "family IN ('Dasypodidae / Chlamyphoridae', 'Dasypodidae', 'Chlamyphoridae')";
    expect(await one(db(), `SELECT count(*) AS n FROM specimens WHERE ${armadillos}`)).toBe(116);
    expect(await one(db(), `SELECT count(DISTINCT seizure_id) AS n FROM specimens WHERE ${armadillos}`)).toBe(114);
  });

  it('B14: keeps the time of day: first and last seizure, and the two at 00:00', async () => {
    const span = await db().one<{ first: string; last: string }>(
      "SELECT strftime(min(date + time), '%Y-%m-%d %H:%M') AS first, strftime(max(date + time), '%Y-%m-%d %H:%M') AS last FROM seizures",
    );
    expect(span).toEqual({ first: '2017-07-04 12:40', last: '2024-12-29 22:44' });
    expect(await one(db(), "SELECT count(*) AS n FROM seizures WHERE time = '00:00:00'::TIME")).toBe(2);
  });

  it('B15: keeps Em.trânsito in extras: 262 of 314 seizures were in transit on the road', async () => {
    // wen has no field for "in transit on the road"; the column is kept verbatim in seizures.extras.
    expect(await one(db(), `SELECT count(*) AS n FROM seizures WHERE extras->>'Em.trânsito' = '1'`)).toBe(262);
  });

  it('finds no routes: the file has no origin, transit or destination', async () => {
    const { rows } = await runAnalysis(db(), getAnalysis('routes'), NO_FILTERS);
    expect(rows).toEqual([]);
  });

  it('names nobody', async () => {
    expect(await one(db(), 'SELECT count(*) AS n FROM actors')).toBe(0);
  });
});
