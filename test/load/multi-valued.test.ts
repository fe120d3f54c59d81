// Real files as their users hold them: several values in one cell, quantities meaning "not given",
// ranges, numbers cut by line breaks and totals rows. Each hand-made file's answer is written below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { SCHEMA_VERSION } from '../../src/db/schema.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

const HEADINGS = 'Date of seizure,Species,Description,Quantity,Unit,Location,Country of destination';

function csv(lines: string[]): string {
  const path = join(tempDir(), 'cases.csv');
  writeFileSync(path, [HEADINGS, ...lines].join('\n') + '\n');
  return path;
}

const specimensOf = (db: Database) =>
  db.all(
    'SELECT source_row AS row, item_index, species_as_given AS species, ' +
      'term, term_as_given, quantity, unit, quantity_as_given, quantity_min, ' +
      'quantity_max FROM specimens ORDER BY specimen_id',
  );
const flagsOf = (db: Database) =>
  db.all('SELECT row_number AS row, column_name, value, flag FROM flags ORDER BY row_number, column_name, flag');

// Line numbers: the heading is line 1; each line break inside a quoted cell adds a line.
const MULTI = [
  '01/02/2020,Panthera tigris,"live;\nfrozen","4;\n41",no.,Airport A,China', // lines 2-4: one line break in each of two cells
  '02/02/2020,Geochelone elegans,live,"6+\n9",,Airport B,Thailand', // 5-6
  '03/02/2020,Geochelone elegans,live,2;2,,Airport C,Thailand', // 7
  '04/02/2020,Panthera pardus,skins,1/4,,Airport D,China', // 8
  '05/02/2020,Panthera pardus,skins/tails,1/4,,Airport E,China', // 9
  '06/02/2020,Manis pentadactyla,meat,"3520\n（2440熟＋1080未加工）",kg,Market F,China', // 10-11
  '07/02/2020,Manis javanica,scales,"11\n1",kg,Port G,Viet Nam', // 12-13
  '08/02/2020,Manis javanica / Manis pentadactyla,scales,10,kg,Port H,Viet Nam', // 14
  '09/02/2020,Python regius,"live\ndead",3,,Airport I,China', // 15-16
  '13/02/2020,Python regius,live;dead;skins,1;2,,Airport M,China', // 17
  '14/02/2020,"Pterocarpus\nerinaceus",timber,2,t,Port N,China', // 18-19
];

describe('cells that hold several values', () => {
  it('makes one specimen per part when the cells line up, numbered by part, and loads every row', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, csv(MULTI));
    expect(report).toMatchObject({ profile: 'aitr', read: 11, loaded: 11, rejected: 0, totals: 0, seizures: 11, specimens: 17 });
    const s = (
      row: number,
      item_index: number | null,
      species: string,
      term: string | null,
      term_as_given: string,
      quantity: number | null,
      unit: string | null,
      quantity_as_given: string | null,
    ) => ({ row, item_index, species, term, term_as_given, quantity, unit, quantity_as_given, quantity_min: null, quantity_max: null });
    expect(await specimensOf(db)).toEqual([
      s(2, 1, 'Panthera tigris', 'LIV', 'live', 4, null, '4'),
      s(2, 2, 'Panthera tigris', null, 'frozen', 41, null, '41'), // "frozen" is no CITES term: flagged
      s(5, 1, 'Geochelone elegans', 'LIV', 'live', 6, null, '6'),
      s(5, 2, 'Geochelone elegans', 'LIV', 'live', 9, null, '9'),
      s(7, 1, 'Geochelone elegans', 'LIV', 'live', 2, null, '2'),
      s(7, 2, 'Geochelone elegans', 'LIV', 'live', 2, null, '2'),
      s(8, null, 'Panthera pardus', 'SKI', 'skins', null, null, '1/4'), // a fraction or 1 and 4? one term: not guessed
      s(9, 1, 'Panthera pardus', 'SKI', 'skins', 1, null, '1'), // two terms: 1 skin, 4 tails
      s(9, 2, 'Panthera pardus', 'TAI', 'tails', 4, null, '4'),
      s(10, null, 'Manis pentadactyla', 'MEA', 'meat', 3520, 'KIL', '3520\n（2440熟＋1080未加工）'),
      s(12, null, 'Manis javanica', 'SCA', 'scales', null, 'KIL', '11\n1'), // never 111
      s(14, 1, 'Manis javanica', 'SCA', 'scales', 10, 'KIL', '10'), // one quantity for two species: on the first
      s(14, 2, 'Manis pentadactyla', 'SCA', 'scales', null, 'KIL', null),
      s(15, 1, 'Python regius', 'LIV', 'live', 3, null, '3'),
      s(15, 2, 'Python regius', 'BOD', 'dead', null, null, null),
      s(17, null, 'Python regius', 'SKI', 'live;dead;skins', null, null, '1;2'), // 3 terms, 2 quantities: kept whole
      s(18, null, 'Pterocarpus\nerinaceus', 'TIM', 'timber', 2, 'TON', '2'), // a name cut by a line break is one name
    ]);
  });

  it('flags each cell it split or could not split, naming the column', async () => {
    const db = await tempDatabase();
    await loadFile(db, csv(MULTI));
    const split = '2 values in one cell: one specimen each';
    const onFirst = 'one quantity for 2 specimens: all on the first';
    const notAligned = 'parts do not line up (Description 3, Quantity 2): cell kept whole';
    expect(await flagsOf(db)).toEqual([
      { row: 2, column_name: 'Description', value: 'live;\nfrozen', flag: split },
      { row: 2, column_name: 'Description', value: 'frozen', flag: 'unknown term' },
      { row: 2, column_name: 'Quantity', value: '4;\n41', flag: split },
      { row: 5, column_name: 'Quantity', value: '6+\n9', flag: split },
      { row: 7, column_name: 'Quantity', value: '2;2', flag: split },
      { row: 8, column_name: 'Quantity', value: '1/4', flag: 'a/b: a fraction or two quantities? not read' },
      { row: 9, column_name: 'Description', value: 'skins/tails', flag: split },
      { row: 9, column_name: 'Quantity', value: '1/4', flag: split },
      { row: 10, column_name: 'Quantity', value: '3520\n（2440熟＋1080未加工）', flag: 'note in brackets set aside' },
      { row: 12, column_name: 'Quantity', value: '11\n1', flag: 'line break between digits: one number or two? not read' },
      { row: 14, column_name: 'Quantity', value: '10', flag: onFirst },
      { row: 14, column_name: 'Species', value: 'Manis javanica / Manis pentadactyla', flag: split },
      { row: 15, column_name: 'Description', value: 'live\ndead', flag: split },
      { row: 15, column_name: 'Quantity', value: '3', flag: onFirst },
      { row: 17, column_name: 'Description', value: 'live;dead;skins', flag: notAligned },
      { row: 17, column_name: 'Quantity', value: '1;2', flag: notAligned },
      { row: 17, column_name: 'Quantity', value: '1;2', flag: 'several quantities in one cell: not read' },
    ]);
  });

  it('keeps the parts of a row in one seizure, its value counted once', async () => {
    const db = await tempDatabase();
    await loadFile(db, csv(['01/02/2020,Manis javanica;Manis pentadactyla,scales;claws,4;1,kg,Port A,China']));
    expect(await db.all('SELECT seizure_id, count(*)::INTEGER AS n, sum(quantity_kg) AS kg FROM specimens GROUP BY 1')).toEqual([
      { seizure_id: expect.any(Number), n: 2, kg: 5 },
    ]);
  });

  it('splits as a mapping says: its own separator, or not at all', async () => {
    const dir = tempDir();
    const file = join(dir, 'cases.csv');
    writeFileSync(
      file,
      'ref,taxon,what,qty,unit\nA1,Manis javanica,scales | claws,5 ' +
        '| 2,kg\nA2,Manis javanica,"live;\nfrozen","4;\n41",no.\nA3,Manis ' +
        'javanica,scales,s.o.,kg\n',
    );
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      'fields:\n  seizure_ref: ref\n  species: taxon\n  term: { column: ' +
        'what, split: "\\\\s*\\\\|\\\\s*" }\n  quantity: { column: qty, ' +
        'split: "\\\\s*\\\\|\\\\s*" }\n  unit: unit\nunknown_values: ["s.o."]\n',
    );
    const db = await tempDatabase();
    const [report] = await loadFile(db, file, { mappingPath: mapping });
    expect(report).toMatchObject({ profile: 'generic', loaded: 3, rejected: 0, specimens: 4 });
    expect(await db.all('SELECT source_row AS row, item_index, term_as_given, quantity FROM specimens ORDER BY specimen_id')).toEqual([
      { row: 2, item_index: 1, term_as_given: 'scales', quantity: 5 },
      { row: 2, item_index: 2, term_as_given: 'claws', quantity: 2 },
      { row: 3, item_index: null, term_as_given: 'live;\nfrozen', quantity: null }, // ";" is not this mapping's separator
      { row: 6, item_index: null, term_as_given: 'scales', quantity: null },
    ]);
    expect(await flagsOf(db)).toEqual([
      { row: 2, column_name: 'qty', value: '5 | 2', flag: '2 values in one cell: one specimen each' },
      { row: 2, column_name: 'what', value: 'scales | claws', flag: '2 values in one cell: one specimen each' },
      { row: 3, column_name: 'qty', value: '4;\n41', flag: 'several quantities in one cell: not read' },
      { row: 6, column_name: 'qty', value: 's.o.', flag: 'quantity not given (s.o.)' },
    ]);
  });

  it('says which mapping key holds a separator that is not a regular expression', async () => {
    const dir = tempDir();
    const file = join(dir, 'cases.csv');
    writeFileSync(file, 'ref,taxon,qty\nA1,Manis javanica,5\n');
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, 'fields:\n  seizure_ref: ref\n  species: taxon\n  quantity: { column: qty, split: "(" }\n');
    await expect(loadFile(await tempDatabase(), file, { mappingPath: mapping })).rejects.toThrow(
      /fields\.quantity\.split: "\(" is not a regular expression/,
    );
  });
});

describe('quantities that are not one number', () => {
  it('loads "seized, amount not given" as an unknown quantity and a range as its midpoint, both flagged', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(
      db,
      csv([
        '10/02/2020,Loxodonta africana,tusks,Y,,Airport J,China',
        '11/02/2020,Loxodonta africana,tusks,?,,Airport K,China',
        '12/02/2020,Loxodonta africana,ivory carvings,60 -120,kg,Airport L,China',
        '13/02/2020,Loxodonta africana,tusks,2 – 4,pcs,Airport L,China',
        '14/02/2020,Loxodonta africana,tusks,inconnu,,Airport L,China',
        '15/02/2020,,,n/a,,Airport L,China', // describes no specimen: rejected
        '16/02/2020,Loxodonta africana,tusks,about ten,,Airport L,China', // no number at all: rejected
      ]),
    );
    expect(report).toMatchObject({ read: 7, loaded: 5, rejected: 2 });
    expect(await db.all('SELECT source_row AS row, quantity, unit, quantity_min, quantity_max FROM specimens ORDER BY 1')).toEqual([
      { row: 2, quantity: null, unit: null, quantity_min: null, quantity_max: null },
      { row: 3, quantity: null, unit: null, quantity_min: null, quantity_max: null },
      { row: 4, quantity: 90, unit: 'KIL', quantity_min: 60, quantity_max: 120 },
      { row: 5, quantity: 3, unit: 'PCS', quantity_min: 2, quantity_max: 4 },
      { row: 6, quantity: null, unit: null, quantity_min: null, quantity_max: null },
    ]);
    expect(await db.all('SELECT row_number AS row, value, flag FROM flags ORDER BY 1')).toEqual([
      { row: 2, value: 'Y', flag: 'quantity not given (Y)' },
      { row: 3, value: '?', flag: 'quantity not given (?)' },
      { row: 4, value: '60 -120', flag: 'range: midpoint used' },
      { row: 5, value: '2 – 4', flag: 'range: midpoint used' },
      { row: 6, value: 'inconnu', flag: 'quantity not given (inconnu)' },
    ]);
    expect(await db.all('SELECT row_number AS row, column_name, reason FROM rejects ORDER BY 1')).toEqual([
      { row: 7, column_name: 'Species', reason: 'no specimen described: species, description and quantity are all empty' },
      { row: 8, column_name: 'Quantity', reason: 'quantity is not a number' },
    ]);
  });
});

describe('totals rows', () => {
  it('counts a row with a total label in any cell, or a quantity summing the rows above with no species or date, as totals', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(
      db,
      csv([
        '01/02/2020,Panthera tigris,skins,5,,Airport A,China',
        '02/02/2020,Panthera tigris,bones,7,,Airport B,China',
        ',,,12,,Sub-total,', // a label in the location column
        ',,tusks,3,,Airport C,China', // no species or date, but 3 is not 12: a specimen
        ',,,15,,,', // 5 + 7 + 3
        'Grand total,,,15,,,',
        ',,,,,Итого,',
        ',合计,,,,,', // a label in the species column is no species
      ]),
    );
    expect(report).toMatchObject({ rowsInFile: 8, totals: 5, read: 3, loaded: 3, rejected: 0, specimens: 3 });
    expect((await db.one('SELECT rows_totals FROM sources'))!.rows_totals).toBe(5);
  });
});

describe('databases written before quantity ranges', () => {
  it('gains the new specimen columns when opened, keeping its specimens', async () => {
    const path = join(tempDir(), 'old.duckdb');
    const old = await Database.open(path);
    await loadFile(old, csv(['01/02/2020,Panthera tigris,skins,5,,Airport A,China']));
    for (const column of ['quantity_min', 'quantity_max', 'item_index']) await old.run(`ALTER TABLE specimens DROP COLUMN ${column}`);
    await old.run("UPDATE wen_meta SET value = '4' WHERE key = 'schema_version'");
    old.close();
    const db = await Database.open(path);
    try {
      expect(await db.all('SELECT quantity, quantity_min, quantity_max, item_index FROM specimens')).toEqual([
        { quantity: 5, quantity_min: null, quantity_max: null, item_index: null },
      ]);
      expect((await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'schema_version'"))!.value).toBe(
        String(SCHEMA_VERSION),
      );
      await loadFile(db, csv(['01/02/2020,Panthera tigris,skins,2-4,,Airport A,China']));
      expect(await db.all('SELECT quantity, quantity_min, quantity_max FROM specimens ORDER BY specimen_id')).toEqual([
        { quantity: 5, quantity_min: null, quantity_max: null },
        { quantity: 3, quantity_min: 2, quantity_max: 4 },
      ]);
    } finally {
      db.close();
    }
  });
});
