// `wen reference import` on the real CITES Checklist export of ../shared/reference (read there, never
// copied): the Index and the Species+ Chinese names imported once, then the shared Brazil, LEMIS and
// ROUTES files loaded into that database and, for comparison, into one with the bundled reference.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { describeDatabase } from '../../src/db/describe.js';
import { loadFile } from '../../src/load/loader.js';
import { importReference, type ImportedFile } from '../../src/reference/import.js';
import { MAPPINGS, REALDATA, REPO } from '../helpers.js';

const REFERENCE = resolve(REPO, '..', 'shared', 'reference');
const INDEX = join(REFERENCE, 'cites-checklist-2017', 'Index_of_CITES_Species_2017-04-21 17-27.csv.gz');
const CHINESE = join(REFERENCE, 'speciesplus-2013', 'chinese_common_names.csv');
const FILES: Array<[string, string]> = [
  ['brazil-prf-wildmeat/planilha_completa.csv', 'brazil-prf.yaml'],
  ['lemis-amphibians/amphibian_LEMIS_1999_and_2015.csv', 'lemis.yaml'],
  ['lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv', 'lemis.yaml'],
  ['routes-airport-seizures/tot.csv', 'routes-airport-seizures.yaml'],
];

let dir = '';
let imported: Database;
let bundled: Database;
let first: ImportedFile[];
/** The WAL's size just after the import: its COMMIT checkpoints (Database.checkpointingCommits). */
let walAfterImport = -1;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wen-reference-'));
  imported = await Database.open(join(dir, 'imported.duckdb'));
  bundled = await Database.open(join(dir, 'bundled.duckdb'));
  first = await importReference(imported, [CHINESE, INDEX]);
  const wal = join(dir, 'imported.duckdb.wal');
  walAfterImport = existsSync(wal) ? statSync(wal).size : 0;
  for (const [file, mapping] of FILES) {
    await loadFile(imported, join(REALDATA, file), { mappingPath: join(MAPPINGS, mapping) });
    await loadFile(bundled, join(REALDATA, file), { mappingPath: join(MAPPINGS, mapping) });
  }
});
afterAll(() => {
  imported?.close();
  bundled?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const taxon = (name: string) =>
  imported.one<Record<string, unknown>>(
    'SELECT name, rank, class_name, order_name, family, listing, appendix, appendix_from FROM reference_taxa WHERE name = $name',
    { name },
  );

describe('the Index of CITES Species export of 2017-04-21', () => {
  it('is read whole: 38,079 taxa, the Index first whatever the order given, dated from its file name', () => {
    expect(first.map((f) => [f.format, f.rows_in_file, f.rows_imported, f.dated, f.dated_from])).toEqual([
      ['cites-index', 38079, 38079, '2017-04-21', 'file name'],
      // PROVENANCE.md: 1,213 of the 1,764 Chinese names join to TaxonId in the 2017 Index.
      ['speciesplus-common-names', 1764, 1213, expect.any(String), 'file modified time'],
    ]);
  });

  it('is committed by a checkpoint, so that a kill during its COMMIT cannot leave a torn WAL', () => {
    expect(walAfterImport).toBe(0);
  });

  it('gives a species its own listing, and NC (an exception of a higher listing) no appendix', async () => {
    expect(await taxon('Geochelone platynota')).toMatchObject({ class_name: 'Reptilia', family: 'Testudinidae', appendix: 'I' });
    expect(await taxon('Chelonoidis niger')).toMatchObject({ appendix: 'I' });
    expect(await taxon('Crocodylus niloticus')).toMatchObject({ class_name: 'Reptilia', order_name: 'Crocodylia', appendix: 'I/II' });
    expect(await taxon('Manis javanica')).toMatchObject({ class_name: 'Mammalia', appendix: 'I' });
    expect(await taxon('Melopsittacus undulatus')).toMatchObject({ class_name: 'Aves', listing: 'NC', appendix: null });
  });

  it('gives a species without a listing the listing of its nearest listed higher taxon', async () => {
    // The Index leaves CurrentListing empty for the Dicksonia species: the genus is listed (II, NC for some populations).
    expect(await taxon('Dicksonia antarctica')).toMatchObject({
      rank: 'species',
      listing: null,
      appendix: 'II/NC',
      appendix_from: 'Dicksonia',
    });
  });

  it('adds the families, orders and classes it names only in its columns, with their place and no appendix', async () => {
    expect(await taxon('Manidae')).toMatchObject({ rank: 'family', order_name: 'Pholidota', class_name: 'Mammalia', appendix: null });
    expect(await taxon('Aves')).toMatchObject({ rank: 'class', class_name: 'Aves' });
  });

  it('points each synonym, without its author, to the accepted name, and leaves out names that say no one taxon', async () => {
    const synonym = (name: string) =>
      imported.one<{ accepted: string }>('SELECT accepted FROM reference_synonyms WHERE name = $name', { name });
    expect(await synonym('Geochelone carbonaria')).toEqual({ accepted: 'Chelonoidis carbonarius' }); // "Geochelone carbonaria (Spix, 1824)"
    expect(await synonym('Geochelone nigra')).toEqual({ accepted: 'Chelonoidis niger' }); // "Geochelone nigra (Quoy & Gaimard, 1824)"
    expect(await synonym('Barbosa de')).toBeUndefined(); // a piece of an author list, not a name
    expect(await synonym('Stenorrhynchos lanceolatum')).toBeUndefined(); // given to four taxa, one of them accepted under that name
    expect(
      (await imported.one<{ n: number }>(
        'SELECT count(*)::INTEGER AS n FROM reference_synonyms WHERE name IN (SELECT name FROM reference_taxa)',
      ))!.n,
    ).toBe(0);
  });

  it('keeps the English, Spanish and French names, and the Chinese ones of Species+', async () => {
    const names = await imported.all<{ name: string; language: string }>(
      'SELECT name, language FROM reference_common_names WHERE taxon_id ' +
        "= (SELECT taxon_id FROM reference_taxa WHERE name = 'Manis javanica') " +
        'ORDER BY language, name',
    );
    expect(names).toEqual([
      { name: 'Malayan Pangolin', language: 'eng' },
      { name: 'Sunda Pangolin', language: 'eng' },
      { name: 'Pangolin javanais', language: 'fra' },
      { name: 'Pangolin malais', language: 'fra' },
      { name: 'Pangolín malayo', language: 'spa' },
      { name: '马来穿山甲', language: 'zho' },
    ]);
  });

  it('is what wen info says the taxa come from', async () => {
    const info = await describeDatabase(imported);
    expect(info.reference).toMatchObject({
      taxa: 'imported',
      mode: 'replace',
      name: 'CITES Checklist 2017-04-21 (Index_of_CITES_Species_2017-04-21 17-27.csv.gz)',
    });
    expect(info.reference.files.map((f) => f.file_name)).toEqual([
      'Index_of_CITES_Species_2017-04-21 17-27.csv.gz',
      'chinese_common_names.csv',
    ]);
    expect((await describeDatabase(bundled)).reference).toMatchObject({ taxa: 'bundled', files: [] });
    const options = await imported.all<{ taxa: string }>("SELECT options->>'taxa' AS taxa FROM sources");
    expect(options.map((o) => o.taxa)).toEqual(Array(FILES.length).fill(info.reference.name));
  });
});

/**
 * The values of the shared files that name a taxon the Checklist lists, found by the test's own rule:
 * the value (case aside, without "sp."/"spp." or a plural "s") is the FullName or an English name of
 * an Index row whose CurrentListing is given and not NC.
 */
async function listedValues(): Promise<string[]> {
  const rows = await imported.all<{ given: string }>(
    `WITH listed AS (SELECT * FROM read_csv($index, all_varchar = true, header = true)
      WHERE CurrentListing IS NOT NULL AND CurrentListing <> 'NC'),
     keys AS (SELECT lower(FullName) AS k FROM listed UNION SELECT lower(trim(unnest(string_split(EnglishNames, ',')))) FROM listed WHERE
       EnglishNames IS NOT NULL)
     SELECT DISTINCT species_as_given AS given FROM specimens
     WHERE lower(regexp_replace(trim(species_as_given), '\\s+spp?\\.?$', '')) IN (FROM keys) OR
       lower(regexp_replace(trim(species_as_given), 's$', '')) IN (FROM keys)
     ORDER BY 1`,
    { index: INDEX },
  );
  return rows.map((r) => r.given);
}

const withBoth = async (db: Database, values: string[]) =>
  (await db.one<{ n: number }>(
    `SELECT count(DISTINCT species_as_given)::INTEGER AS n FROM specimens
   WHERE species_as_given IN (SELECT unnest(from_json($values, '["VARCHAR"]'))) AND class_name IS NOT NULL AND cites_appendix IS NOT NULL`,
    { values: JSON.stringify(values) },
  ))!.n;

describe('the shared Brazil, LEMIS and ROUTES files loaded with the imported Checklist', () => {
  it(
    'give every taxon the Checklist lists its class and appendix, ' +
      'where the bundled reference gives it to 17 of 18 Brazil and 85 ' +
      'of 90 ROUTES values',
    async () => {
      const values = await listedValues();
      const missing = await imported.all(
        `SELECT DISTINCT species_as_given, taxon, class_name, cites_appendix FROM specimens
       WHERE species_as_given IN (SELECT unnest(from_json($values, '["VARCHAR"]'))) AND (class_name IS NULL OR cites_appendix IS NULL)`,
        { values: JSON.stringify(values) },
      );
      expect(missing).toEqual([]);
      expect(await withBoth(imported, values)).toBe(values.length);
      // Per file: the values the Checklist lists (spellings as given) and how many got both class and appendix.
      const perFile = async (db: Database) =>
        Object.fromEntries(
          (
            await db.all<{ file_name: string; listed: number; both: number }>(
              `SELECT file_name, count(DISTINCT species_as_given)::INTEGER AS listed,
                count(DISTINCT species_as_given) FILTER (class_name IS NOT NULL AND cites_appendix IS NOT NULL)::INTEGER AS both
       FROM specimens JOIN sources USING (source_id) WHERE species_as_given IN (SELECT unnest(from_json($values, '["VARCHAR"]'))) GROUP BY
         1`,
              { values: JSON.stringify(values) },
            )
          ).map((r) => [r.file_name, [r.listed, r.both]]),
        );
      expect(await perFile(imported)).toEqual({
        'planilha_completa.csv': [18, 18],
        'amphibian_LEMIS_1999_and_2015.csv': [6, 6],
        'amphibian_LEMIS_2016_to_2021.csv': [5, 5],
        'tot.csv': [90, 90],
      });
      // The bundled reference (the CoP19 Appendices, written by hand) covers most of them too, not all.
      expect(await perFile(bundled)).toEqual({
        'planilha_completa.csv': [18, 17],
        'amphibian_LEMIS_1999_and_2015.csv': [6, 6],
        'amphibian_LEMIS_2016_to_2021.csv': [5, 5],
        'tot.csv': [90, 85],
      });
    },
  );

  it('resolve old names to the accepted one and keep each row (the loads account for every row as before)', async () => {
    const rows = (db: Database) =>
      db.all('SELECT file_name, rows_in_file, rows_read, rows_loaded, rows_rejected FROM sources ORDER BY source_id');
    expect(await rows(imported)).toEqual(await rows(bundled));
  });

  it('is imported again to the same tables: a re-import replaces, it does not add', async () => {
    const counts = (db: Database) =>
      db.one(
        'SELECT (SELECT count(*) FROM reference_taxa)::INTEGER AS taxa, ' +
          '(SELECT count(*) FROM reference_synonyms)::INTEGER AS synonyms, ' +
          '(SELECT count(*) FROM reference_common_names)::INTEGER AS names, ' +
          '(SELECT count(*) FROM reference_sources)::INTEGER AS files',
      );
    const before = await counts(imported);
    await importReference(imported, [INDEX, CHINESE]);
    expect(await counts(imported)).toEqual(before);
    expect(before).toMatchObject({ files: 2 });
  });
});
