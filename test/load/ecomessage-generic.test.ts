// The Ecomessage and generic-mapping profiles on small hand-made files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES, tempDatabase, tempDir } from '../helpers.js';

describe('loading Ecomessage cases', () => {
  it('picks the profile from the records and accounts for blank and broken lines', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, join(FIXTURES, 'ecomessage-small.ndjson'));
    expect(report).toMatchObject({
      profile: 'ecomessage',
      rowsInFile: 5,
      blank: 1,
      read: 4,
      loaded: 2,
      rejected: 2,
      seizures: 2,
      specimens: 3,
      documents: 3,
    });
    expect(await db.all('SELECT row_number, reason FROM rejects ORDER BY row_number')).toEqual([
      { row_number: 4, reason: 'not valid JSON' },
      { row_number: 5, reason: 'not a JSON object (one case per line expected)' },
    ]);
  });

  it('keeps the route, the time and the contraband of a case', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'ecomessage-small.ndjson'));
    expect(
      await db.one(
        'SELECT time::VARCHAR AS time, seizure_country, detection_method, ' +
          'origin_countries, export_country, transit_countries, destination_countries, ' +
          "transport_mode FROM seizures WHERE seizure_ref = 'ECO-1'",
      ),
    ).toEqual({
      time: '07:45:00',
      seizure_country: 'VN',
      detection_method: 'x-ray',
      origin_countries: ['NG'],
      export_country: 'NG',
      transit_countries: ['ET', 'AE'],
      destination_countries: ['VN'],
      transport_mode: 'air',
    });
    // The second case names no discovery country: the reporting country seized it.
    expect(await db.one("SELECT seizure_country FROM seizures WHERE seizure_ref = 'ECO-2'")).toEqual({ seizure_country: 'TH' });
    expect(await db.all('SELECT taxon, term, quantity_kg, quantity_count, item_value FROM specimens ORDER BY specimen_id')).toEqual([
      { taxon: 'Manis spp.', term: 'SCA', quantity_kg: 120, quantity_count: null, item_value: 60000 },
      { taxon: 'Loxodonta africana', term: 'IVC', quantity_kg: null, quantity_count: 15, item_value: null },
      { taxon: 'Ceratotherium simum', term: 'HOR', quantity_kg: 4.2, quantity_count: null, item_value: null },
    ]);
  });

  it('normalises persons so that spelling variants of one name match', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'ecomessage-small.ndjson'));
    const persons = await db.all(
      'SELECT name_as_given, name_normalised, nationality, sex, role, ' +
        "passport_numbers FROM actors WHERE kind = 'person' ORDER BY seizure_id, name_as_given",
    );
    expect(persons).toEqual([
      {
        name_as_given: 'Văn An Nguyễn',
        name_normalised: 'an nguyen van',
        nationality: 'VN',
        sex: 'M',
        role: 'courier',
        passport_numbers: ['B1234567'],
      },
      {
        name_as_given: 'Chinedu Okafor',
        name_normalised: 'chinedu okafor',
        nationality: 'NG',
        sex: null,
        role: null,
        passport_numbers: null,
      },
      {
        name_as_given: 'NGUYEN Van An',
        name_normalised: 'an nguyen van',
        nationality: 'VN',
        sex: 'M',
        role: 'courier',
        passport_numbers: ['B1234567'],
      },
    ]);
    expect(await db.all('SELECT column_name, value, flag FROM flags')).toEqual([
      { column_name: 'persons[].sex', value: 'X', flag: 'unknown sex' },
    ]);
  });

  it('links documents and reads the altered flag in its several spellings', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'ecomessage-small.ndjson'));
    expect(await db.all('SELECT doc_type, number, issuing_country, fraudulent FROM documents ORDER BY document_id')).toEqual([
      { doc_type: 'airway bill', number: 'AWB-1', issuing_country: 'NG', fraudulent: false },
      { doc_type: 'cites permit', number: 'NG/CITES/2021/0042', issuing_country: 'NG', fraudulent: true },
      { doc_type: 'cites permit', number: 'NG/CITES/2021/0042', issuing_country: 'NG', fraudulent: true },
    ]);
  });
});

describe('loading any table with a mapping', () => {
  const file = join(FIXTURES, 'generic-small.csv');
  const mappingPath = join(FIXTURES, 'generic-small.yaml');

  it('keeps only the rows the filter selects and counts the others', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, file, { mappingPath });
    expect(report).toMatchObject({ profile: 'generic', rowsInFile: 4, filtered: 1, read: 3, loaded: 2, rejected: 1 });
  });

  it('applies constants, value maps, first-of, take-before and synonyms', async () => {
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath });
    expect(
      await db.all(
        'SELECT seizure_ref, date::VARCHAR AS date, date_precision, reporting_country, ' +
          'origin_countries, export_country, destination_countries, notes ' +
          'FROM seizures ORDER BY seizure_id',
      ),
    ).toEqual([
      {
        seizure_ref: '1',
        date: '2015-01-01',
        date_precision: 'year',
        reporting_country: 'CN',
        origin_countries: ['CM'],
        export_country: 'NG',
        destination_countries: ['CN'],
        notes: 'confiscated or seized',
      },
      // "NA" is a null marker of the mapping but a country column keeps Namibia.
      {
        seizure_ref: '3',
        date: '2016-01-01',
        date_precision: 'year',
        reporting_country: 'CN',
        origin_countries: ['NA'],
        export_country: 'NA',
        destination_countries: ['HK'],
        notes: 'confiscated or seized',
      },
    ]);
    expect(await db.all('SELECT taxon, quantity, quantity_kg, quantity_count FROM specimens ORDER BY specimen_id')).toEqual([
      { taxon: 'Phataginus tricuspis', quantity: 120, quantity_kg: 120, quantity_count: null },
      { taxon: 'Loxodonta africana', quantity: 12, quantity_kg: null, quantity_count: 12 },
    ]);
  });

  it('turns mapped columns into actors and documents, and leaves null markers out', async () => {
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath });
    expect(await db.all('SELECT kind, name_as_given, role FROM actors')).toEqual([
      { kind: 'company', name_as_given: 'Golden Trading', role: 'importer' },
    ]);
    expect(await db.all('SELECT doc_type, number FROM documents ORDER BY document_id')).toEqual([
      { doc_type: 'cites permit', number: 'P-1' },
      { doc_type: 'cites permit', number: 'P-1' },
    ]);
  });

  it('names the mapping, the field and the missing column when a mapping does not fit', async () => {
    const db = await tempDatabase();
    await expect(loadFile(db, join(FIXTURES, 'aitr-small.csv'), { mappingPath })).rejects.toThrow(
      /generic-small\.yaml: fields\.seizure_ref names column "id", which .*aitr-small\.csv does not have/,
    );
  });
});

describe('Parquet and JSON tables', () => {
  it.each(['parquet', 'json', 'ndjson'] as const)('loads the same rows from %s as from the CSV', async (format) => {
    const db = await tempDatabase();
    const file = join(tempDir(), `generic-small.${format}`);
    const copy = format === 'parquet' ? '(FORMAT parquet)' : format === 'json' ? '(FORMAT json, ARRAY true)' : '(FORMAT json)';
    // DuckDB writes the file from the CSV fixture, so the three formats hold the same table.
    await db.run(`COPY (SELECT * FROM read_csv($csv, all_varchar = true, delim = ';')) TO '${file}' ${copy}`, {
      csv: join(FIXTURES, 'generic-small.csv'),
    });
    const [report] = await loadFile(db, file, { mappingPath: join(FIXTURES, 'generic-small.yaml') });
    expect(report).toMatchObject({ profile: 'generic', rowsInFile: 4, filtered: 1, read: 3, loaded: 2, rejected: 1 });
    expect(await db.all('SELECT taxon, quantity FROM specimens ORDER BY specimen_id')).toEqual([
      { taxon: 'Phataginus tricuspis', quantity: 120 },
      { taxon: 'Loxodonta africana', quantity: 12 },
    ]);
  });
});
