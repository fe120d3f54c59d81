// How many of the taxa named by the shared Brazil, LEMIS and ROUTES files get a class and a CITES
// appendix from the bundled reference, counted on wen's tables. Before the reference of taxa by listing
// (141 taxa, common names in English only) the counts were: Brazil 10 of 49 names, LEMIS 6 of 20 and
// 5 of 43, ROUTES 4 of 288. Names that are not CITES-listed (most of the Brazilian wild meat) keep no
// appendix: the second count shows the reference knows them all the same.
import { describe, expect, it } from 'vitest';
import { loadOnce, one } from './corpus.js';

const corpus = loadOnce([
  ['brazil-prf-wildmeat/planilha_completa.csv', 'brazil-prf.yaml'],
  ['lemis-amphibians/amphibian_LEMIS_1999_and_2015.csv', 'lemis.yaml'],
  ['lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv', 'lemis.yaml'],
  ['routes-airport-seizures/tot.csv', 'routes-airport-seizures.yaml'],
]);

const names = (file: string, where: string) =>
  one(
    corpus.db,
    `SELECT count(DISTINCT species_as_given) AS n FROM specimens WHERE source_id = $source AND species_as_given IS NOT NULL AND ${where}`,
    { source: corpus.source[file] },
  );
// A name the reference knows: its own row, a synonym, a common name or a genus or family it holds.
const KNOWN = `species_as_given IN (SELECT as_given FROM normalisation_rules WHERE kind = 'species'
  AND regexp_matches(rule,
    '^(name in reference|synonym of|common name|close to|genus-level name \\("sp."/"spp."\\) in reference|' ||
    'family-level name \\("spp."\\) in reference|species in reference)'))`;

describe('taxa of real files with a class and an appendix from the bundled reference', () => {
  it.each([
    ['planilha_completa.csv', 49, 18, 49],
    ['amphibian_LEMIS_1999_and_2015.csv', 20, 9, 19],
    ['amphibian_LEMIS_2016_to_2021.csv', 43, 7, 42],
    ['tot.csv', 288, 155, 238],
  ])('%s: of %i names, %i get a class and an appendix, %i are known to the reference', async (file, all, listed, known) => {
    expect(await names(file, 'true')).toBe(all);
    expect(await names(file, 'class_name IS NOT NULL AND cites_appendix IS NOT NULL')).toBe(listed);
    expect(await names(file, KNOWN)).toBe(known);
  });

  it('gives every name of the Brazilian file that CITES lists its appendix: the ten of before and eight more', async () => {
    const listed = await corpus.db.all<{ taxon: string; cites_appendix: string }>(
      `SELECT DISTINCT taxon, cites_appendix FROM specimens WHERE source_id = $source AND cites_appendix IS NOT NULL ORDER BY taxon`,
      { source: corpus.source['planilha_completa.csv'] },
    );
    expect(listed.map((r) => `${r.taxon} ${r.cites_appendix}`)).toEqual([
      'Alouatta guariba II',
      'Ara ararauna II',
      'Caiman crocodilus I/II',
      'Chelonoidis carbonarius II',
      'Cuniculus paca III',
      'Dasyprocta punctata III',
      'Dendrocygna autumnalis III',
      'Eira barbara III',
      'Panthera onca I',
      'Pecari tajacu II',
      'Podocnemis unifilis II',
      'Potos flavus III',
      'Priodontes maximus I',
      'Ramphastos tucanus II',
      'Ramphastos vitellinus II',
      'Tapirus terrestris II',
      'Tayassu pecari II',
      'Tinamus solitarius I',
    ]);
  });
});
