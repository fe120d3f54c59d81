// `wen mapping draft`: a first mapping from a file's headings and values, as commented YAML that
// validates and loads. A hand-made file (its draft written out below), a date in parts, and one
// real file (Brazil PRF: 392 rows, 314 seizures in EXPECTED.md B1, B2), through the module and
// through the real binary.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/loader.js';
import { draftMapping } from '../../src/load/mapping-draft.js';
import { readMappingFile } from '../../src/load/profiles/generic.js';
import { REALDATA, REPO, tempDatabase, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');
const BRAZIL = join(REALDATA, 'brazil-prf-wildmeat', 'planilha_completa.csv');

function wen(args: string[], cwd = tempDir()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEN_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Four rows, three seizures (S-1 twice); month-first dates; a country column; a year beside a whole date; ";" and a line break in one cell.
 */
const HAND_MADE =
  [
    'Ref,When,Animal,Weight,Ctry,Year,Notes',
    'S-1,03/14/2021,Manis javanica,12 kg,Viet Nam,2021,"scales; claws"',
    'S-1,03/14/2021,Manis pentadactyla,3 kg,China,2021,NULL',
    'S-2,04/02/2021,Manis culionensis,1.5 kg,Philippines,2021,"two bags\none box"',
    'S-3,05/20/2022,Smutsia gigantea,40 kg,Cameroon,2022,NA',
  ].join('\n') + '\n';

const HAND_MADE_DRAFT =
  [
    '# Draft mapping for hand.csv, made by wen mapping draft from its 7 headings',
    '# (row 1) and all 4 rows. Check each line, then: wen load hand.csv --mapping THIS_FILE',
    '# Separators seen in cells: ";" in Notes (1 cell); line breaks in Notes (1 cell).',
    '# Date order: month first (mdy): "03/14/2021" has a day above 12 in second place; also give wen load --date-order mdy.',
    'null_values: ["NA", "NULL"]                  # seen: "NA" 1×, "NULL" 1× (never applied to countries)',
    'group_rows: reference                        # rows with the same Ref are one seizure',
    'fields:',
    '  seizure_ref: Ref                           # heading "Ref" means seizure_ref, e.g. "S-1"',
    '  date: { column: When, date_order: mdy }    # 4 of 4 values are dates, e.g. "03/14/2021"',
    '  species: Animal                            # 4 of 4 values are species names (Genus species), e.g. "Manis javanica"',
    '  quantity: Weight                           # 4 of 4 values are numbers with units, e.g. "12 kg"',
    '  notes: Notes                               # heading "Notes" means notes, e.g. "scales; claws"',
    '  # Year gives the date too, in parts: date: { parts: { year: Year } } would use them instead',
    '  # values are countries, but their role is not known: map each to origin, export, transit, destination or seizure_country',
    '  # origin: Ctry',
    '# Headings left unmapped (they go to extras):',
    '#   Ctry, Year',
  ].join('\n') + '\n';

function handMade(): string {
  const file = join(tempDir(), 'hand.csv');
  writeFileSync(file, HAND_MADE);
  return file;
}

describe('a drafted mapping', () => {
  it('says for each heading which field it looks like and why, and lists the rest', async () => {
    const draft = await draftMapping(handMade());
    expect(draft.text).toBe(HAND_MADE_DRAFT);
    expect(draft.mapping).toEqual({
      null_values: ['NA', 'NULL'],
      group_rows: 'reference',
      fields: {
        seizure_ref: { column: 'Ref' },
        date: { column: 'When', date_order: 'mdy' },
        species: { column: 'Animal' },
        quantity: { column: 'Weight' },
        notes: { column: 'Notes' },
      },
    });
  });

  it('loads the hand-made file: four rows, three seizures, month-first dates', async () => {
    const mappingPath = join(tempDir(), 'map.yaml');
    const file = handMade();
    writeFileSync(mappingPath, (await draftMapping(file)).text);
    readMappingFile(mappingPath);
    const db = await tempDatabase();
    const [report] = await loadFile(db, file, { mappingPath, dateOrder: 'mdy' });
    expect(report).toMatchObject({ rowsInFile: 4, read: 4, loaded: 4, rejected: 0, seizures: 3, specimens: 4 });
    const rows = await db.all<{ seizure_ref: string; date: string }>(
      "SELECT seizure_ref, strftime(date, '%Y-%m-%d') AS date FROM seizures ORDER BY seizure_ref",
    );
    expect(rows).toEqual([
      { seizure_ref: 'S-1', date: '2021-03-14' },
      { seizure_ref: 'S-2', date: '2021-04-02' },
      { seizure_ref: 'S-3', date: '2022-05-20' },
    ]);
  });

  it('proposes Year, Month and Day columns as a date in parts, and no grouping without a reference', async () => {
    const file = join(tempDir(), 'parts.csv');
    writeFileSync(file, 'Year,Month,Day,Species,Qty\n2020,1,15,Manis javanica,2\n2021,12,3,Manis pentadactyla,1\n');
    const draft = await draftMapping(file);
    expect(draft.mapping).toEqual({
      group_rows: 'none',
      fields: {
        species: { column: 'Species' },
        quantity: { column: 'Qty' },
        date: { parts: { year: 'Year', month: 'Month', day: 'Day' } },
      },
    });
    expect(draft.text).toContain('# Headings left unmapped (they go to extras): none\n');
  });

  it('loads the real Brazil PRF file from its draft: 392 rows read and loaded, 314 seizures by ID', async () => {
    const draft = await draftMapping(BRAZIL);
    expect(draft.mapping.fields).toMatchObject({
      seizure_ref: { column: 'ID' },
      date: { column: 'Data.da.Apreensão' },
      quantity: { column: 'Qtd' },
      family: { column: 'Família' },
      species: { column: 'Espécie', take_before: ' / ' },
    });
    expect(draft.mapping.group_rows).toBe('reference');
    expect(draft.text).toContain('day first (dmy, the default): "24/08/2019 12:29"');
    const mappingPath = join(tempDir(), 'brazil.yaml');
    writeFileSync(mappingPath, draft.text);
    const db = await tempDatabase();
    const [report] = await loadFile(db, BRAZIL, { mappingPath });
    expect(report).toMatchObject({ rowsInFile: 392, read: 392, loaded: 392, rejected: 0, seizures: 314, specimens: 392 });
  });
});

describe('wen mapping draft', () => {
  it('writes the draft to stdout, the same as the module makes', () => {
    const file = handMade();
    const result = wen(['mapping', 'draft', file]);
    expect(result).toEqual({ code: 0, stdout: HAND_MADE_DRAFT, stderr: '' });
  });

  it('writes it to --out, says so on stderr, and does not overwrite it the second time', () => {
    const cwd = tempDir();
    const file = handMade();
    const first = wen(['mapping', 'draft', file, '--out', 'map.yaml'], cwd);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe(`mapping: wrote map.yaml: 5 of 7 headings mapped; check it, then: wen load ${file} --mapping map.yaml\n`);
    expect(readFileSync(join(cwd, 'map.yaml'), 'utf8')).toBe(HAND_MADE_DRAFT);
    const again = wen(['mapping', 'draft', file, '--out', 'map.yaml'], cwd);
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'wen: --out map.yaml exists; wen does not overwrite a mapping that may have been edited\nhint: remove it or give another --out\n',
    });
  });

  it('loads the real file with the mapping it wrote', () => {
    const cwd = tempDir();
    expect(wen(['mapping', 'draft', BRAZIL, '-o', 'brazil.yaml'], cwd).code).toBe(0);
    const load = wen(['load', BRAZIL, '--mapping', 'brazil.yaml'], cwd);
    expect(load.code).toBe(0);
    expect(load.stderr).toContain('rows: 392 read = 392 loaded + 0 rejected');
    expect(load.stderr).toContain('added: 314 seizures, 392 specimens');
  });

  it.each([
    [['mapping', 'draft', 'no-such-file.csv'], 3, 'wen: no-such-file.csv: no such file\n'],
    [
      ['mapping', 'draft', 'data.txt2'],
      3,
      'wen: data.txt2: wen cannot tell the format from the extension ' +
        '".txt2"\nhint: rename it to one of .csv .tsv .txt .tab .xlsx ' +
        '.xlsm .parquet .json .ndjson .jsonl\n',
    ],
  ])('refuses %j with exit code %i', (args, code, stderr) => {
    expect(wen(args)).toEqual({ code, stdout: '', stderr });
  });

  it('refuses --sheet for a CSV file', () => {
    expect(wen(['mapping', 'draft', handMade(), '--sheet', 'Sheet1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'wen: --sheet goes with a workbook, not a csv file\n',
    });
  });
});
