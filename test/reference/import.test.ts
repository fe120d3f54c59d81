// `wen reference import` on a hand-made Index and Species+ file (test/reference/fixture.ts): what each
// row becomes in the reference tables, and what the species normaliser then makes of names as given.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filtersFrom } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { InputError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { normaliseSpecies, taxonReferenceName } from '../../src/normalise/species.js';
import { importReference, referenceDate, referenceInUse, withImportedTaxa } from '../../src/reference/import.js';
import { tempDatabase, tempDir } from '../helpers.js';
import { writeIndex, writeNames } from './fixture.js';

async function imported(options: { extend?: boolean } = {}) {
  const db = await tempDatabase();
  const dir = tempDir();
  const files = await importReference(db, [writeNames(dir), writeIndex(dir)], options);
  return { db, files, dir };
}

/** What the normaliser gives each name with the imported taxa in use: taxon, class, appendix and rule. */
async function normalised(db: Awaited<ReturnType<typeof imported>>['db'], names: string[]) {
  return withImportedTaxa(db, async () =>
    Object.fromEntries(
      names.map((n) => {
        const r = normaliseSpecies(n);
        return [n, [r.value?.taxon ?? null, r.value?.class ?? null, r.value?.appendix ?? null, r.rule]];
      }),
    ),
  );
}

describe('the reference tables after an import', () => {
  it('count every row of each file: the 11 taxa of the Index, the 2 of 3 names that join it', async () => {
    const { files } = await imported();
    expect(files.map((f) => [f.format, f.rows_in_file, f.rows_imported, f.rows_not_imported, f.dated, f.dated_from])).toEqual([
      ['cites-index', 11, 11, 0, '2019-05-06', 'file name'],
      ['speciesplus-common-names', 3, 2, 1, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'file modified time'],
    ]);
  });

  it('resolve each appendix by the most specific listing, NC staying unlisted', async () => {
    const { db } = await imported();
    const rows = await db.all('SELECT name, appendix, appendix_from FROM reference_taxa WHERE taxon_id IS NOT NULL ORDER BY taxon_id');
    expect(rows).toEqual([
      { name: 'Psittaciformes', appendix: 'I/II/NC', appendix_from: 'Psittaciformes' },
      { name: 'Melopsittacus undulatus', appendix: null, appendix_from: null }, // NC: excepted from the order's listing
      { name: 'Amazona aestiva', appendix: 'II', appendix_from: 'Amazona aestiva' },
      { name: 'Testudinidae', appendix: 'II', appendix_from: 'Testudinidae' },
      { name: 'Chelonoidis carbonarius', appendix: 'II', appendix_from: 'Chelonoidis carbonarius' },
      { name: 'Chelonoidis niger', appendix: 'I', appendix_from: 'Chelonoidis niger' }, // its own listing over the family's
      { name: 'Testudo hermanni', appendix: 'II', appendix_from: 'Testudinidae' }, // none given, no genus row: the family's
      { name: 'Cyclemys dentata', appendix: 'II', appendix_from: 'Cyclemys dentata' },
      { name: 'Cyclemys enigmatica', appendix: 'II', appendix_from: 'Cyclemys enigmatica' },
      { name: 'Dicksonia', appendix: 'II', appendix_from: 'Dicksonia' },
      { name: 'Dicksonia antarctica', appendix: 'II', appendix_from: 'Dicksonia' }, // none given: the genus's
    ]);
    const added = await db.all('SELECT name, rank, class_name, order_name FROM reference_taxa WHERE taxon_id IS NULL ORDER BY rank, name');
    expect(added).toEqual([
      { name: 'Aves', rank: 'class', class_name: 'Aves', order_name: null },
      { name: 'Reptilia', rank: 'class', class_name: 'Reptilia', order_name: null },
      { name: 'Dicksoniaceae', rank: 'family', class_name: null, order_name: 'Dicksoniales' },
      { name: 'Geoemydidae', rank: 'family', class_name: 'Reptilia', order_name: 'Testudines' },
      { name: 'Psittacidae', rank: 'family', class_name: 'Aves', order_name: 'Psittaciformes' },
      { name: 'Amazona', rank: 'genus', class_name: 'Aves', order_name: 'Psittaciformes' },
      { name: 'Chelonoidis', rank: 'genus', class_name: 'Reptilia', order_name: 'Testudines' },
      { name: 'Cyclemys', rank: 'genus', class_name: 'Reptilia', order_name: 'Testudines' },
      { name: 'Melopsittacus', rank: 'genus', class_name: 'Aves', order_name: 'Psittaciformes' },
      { name: 'Testudo', rank: 'genus', class_name: 'Reptilia', order_name: 'Testudines' },
      { name: 'Dicksoniales', rank: 'order', class_name: null, order_name: 'Dicksoniales' },
      { name: 'Testudines', rank: 'order', class_name: 'Reptilia', order_name: 'Testudines' },
    ]);
  });

  it('keep each synonym without its author, and no piece of an author list', async () => {
    const { db } = await imported();
    expect(await db.all('SELECT name, accepted FROM reference_synonyms ORDER BY name')).toEqual([
      { name: 'Amazona aestiva xanthopteryx', accepted: 'Amazona aestiva' },
      { name: 'Geochelone carbonaria', accepted: 'Chelonoidis carbonarius' },
      { name: 'Geochelone nigra', accepted: 'Chelonoidis niger' },
      { name: 'Psittacus aestivus', accepted: 'Amazona aestiva' },
      { name: 'Testudo boiei', accepted: 'Chelonoidis carbonarius' },
      { name: 'Testudo clivosa', accepted: 'Chelonoidis niger' },
      { name: 'Testudo vandenburghi', accepted: 'Chelonoidis niger' },
    ]);
  });
});

describe('names as given, normalised with the imported reference', () => {
  it('resolve synonyms, common names in four languages and English plurals, and keep NC and inherited listings', async () => {
    const { db } = await imported();
    expect(
      await normalised(db, [
        'Geochelone carbonaria',
        'Chelonoidis niger',
        'Blue-fronted Amazons',
        'Tortue charbonnière',
        '红腿陆龟',
        'Melopsittacus undulatus',
        'Testudo hermanni',
        'Dicksonia antarctica',
      ]),
    ).toEqual({
      'Geochelone carbonaria': ['Chelonoidis carbonarius', 'Reptilia', 'II', 'synonym of Chelonoidis carbonarius'],
      'Chelonoidis niger': ['Chelonoidis niger', 'Reptilia', 'I', 'name in reference'],
      'Blue-fronted Amazons': ['Amazona aestiva', 'Aves', 'II', 'common name "Blue-fronted Amazons"'],
      'Tortue charbonnière': ['Chelonoidis carbonarius', 'Reptilia', 'II', 'common name "Tortue charbonnière"'],
      红腿陆龟: ['Chelonoidis carbonarius', 'Reptilia', 'II', 'common name "红腿陆龟"'],
      'Melopsittacus undulatus': ['Melopsittacus undulatus', 'Aves', null, 'name in reference'],
      'Testudo hermanni': ['Testudo hermanni', 'Reptilia', 'II', 'name in reference'],
      'Dicksonia antarctica': ['Dicksonia antarctica', null, 'II', 'name in reference'], // the Index gives plants no class
    });
  });

  it('give a name two taxa share to the smallest group holding both', async () => {
    const { db } = await imported();
    expect((await normalised(db, ['Asian Leaf Turtles']))['Asian Leaf Turtles']).toEqual([
      'Cyclemys',
      'Reptilia',
      null,
      'common name "Asian Leaf Turtles"',
    ]);
  });

  it('go back to the bundled reference after the load', async () => {
    const { db } = await imported();
    await normalised(db, ['Testudo hermanni']);
    expect(taxonReferenceName()).toBe('bundled');
    expect(normaliseSpecies('红腿陆龟').value?.taxon).not.toBe('Chelonoidis carbonarius'); // a name only the import knows
  });

  it('know only the Checklist by default, and with --extend the bundled names it lacks as well', async () => {
    // "pangolin" is a bundled common name (Manidae, Appendix I); the fixture has no pangolin.
    expect((await normalised((await imported()).db, ['pangolin'])).pangolin.slice(1, 3)).toEqual([null, null]);
    const extended = await imported({ extend: true });
    expect((await normalised(extended.db, ['pangolin'])).pangolin).toEqual(['Manidae', 'Mammalia', 'I', 'common name "pangolin"']);
    expect(await referenceInUse(extended.db)).toMatchObject({
      taxa: 'imported',
      mode: 'extend',
      name: 'CITES Checklist 2019-05-06 (Index_of_CITES_Species_2019-05-06 10-30.csv) + bundled',
    });
  });
});

describe('what is refused, and what a re-import does', () => {
  it('refuses a file that is neither format with one line naming it and the columns expected', async () => {
    const db = await tempDatabase();
    const bad = join(tempDir(), 'seizures.csv');
    writeFileSync(bad, 'Date,Species,Quantity\n2019-01-01,Manis javanica,3\n');
    const error = await importReference(db, [bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${bad}: not an Index of CITES Species export (columns TaxonId, ` +
        `Kingdom, Phylum, Class … SynonymsWithAuthors, EnglishNames, SpanishNames, ` +
        `FrenchNames; missing TaxonId, Kingdom, Phylum…) nor a Species+ ` +
        `common-names file (columns ComName, LangShort, RecId)`,
    );
    expect((error as InputError).message).not.toContain('\n');
    expect(await referenceInUse(db)).toMatchObject({ taxa: 'bundled' });
  });

  it('refuses Species+ names without an Index to join to, and writes nothing', async () => {
    const db = await tempDatabase();
    await expect(importReference(db, [writeNames(tempDir())])).rejects.toThrow(/needs an Index of CITES Species to join to/);
    expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM reference_common_names'))!.n).toBe(0);
  });

  it('replaces the reference on a re-import: the same tables, not twice the rows', async () => {
    const { db, dir } = await imported();
    const counts = () =>
      db.one(
        'SELECT (SELECT count(*) FROM reference_taxa)::INTEGER AS taxa, ' +
          '(SELECT count(*) FROM reference_synonyms)::INTEGER AS synonyms, ' +
          '(SELECT count(*) FROM reference_common_names)::INTEGER AS names, ' +
          '(SELECT count(*) FROM reference_sources)::INTEGER AS files',
      );
    expect(await counts()).toEqual({ taxa: 23, synonyms: 7, names: 23, files: 2 });
    await importReference(db, [writeIndex(dir), writeNames(dir)]);
    expect(await counts()).toEqual({ taxa: 23, synonyms: 7, names: 23, files: 2 });
    // Names alone are added to the Index imported before; the same file again replaces its own.
    await importReference(db, [writeNames(dir)]);
    expect(await counts()).toEqual({ taxa: 23, synonyms: 7, names: 23, files: 2 });
  });

  it('dates a file from the date in its name, else from its modification time', () => {
    const dir = tempDir();
    expect(referenceDate(writeIndex(dir))).toEqual({ dated: '2019-05-06', dated_from: 'file name' });
    expect(referenceDate(writeIndex(dir, 'index.csv'))).toEqual({
      dated: new Date().toISOString().slice(0, 10),
      dated_from: 'file modified time',
    });
  });
});

describe('filters after an import', () => {
  it('select by a name only the imported reference knows (a Chinese common name of Species+)', async () => {
    const { db, dir } = await imported();
    const file = join(dir, 'seizures.csv');
    writeFileSync(file, 'Date,Species,Quantity\n2021-03-02,Geochelone carbonaria,3\n2021-03-09,Testudo hermanni,2\n');
    await loadFile(db, file, { reportingCountry: 'BR' });
    const { context } = await runAnalysis(db, getAnalysis('target-species'), filtersFrom({ species: '红腿陆龟' }));
    // read with the bundled reference, the name matches nothing and the run would stop with exit 2
    expect(context.selection.seizures).toBe(1);
  });
});
