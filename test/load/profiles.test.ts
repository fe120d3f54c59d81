// Choosing a profile, the way real files need it: workbooks whose first sheets are a read-me or a
// code list, tables that look like payments but are seizures, files no profile fits, dates over
// Year / Month / Day columns, qualified headings, and rows that must not fold into one seizure.
// Each fixture is made here, and its answer is written beside it.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, InputError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { PROFILES } from '../../src/load/profiles/names.js';
import { chooseTableProfile, PROFILE_DEFINITIONS } from '../../src/load/profiles/registry.js';
import { aitrFieldOf, aitrMapping } from '../../src/load/profiles/aitr.js';
import { REALDATA, tableCounts, tempDatabase, tempDir } from '../helpers.js';

function csv(name: string, lines: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** A workbook laid out as Parties send them: a read-me, a code list, the seizures, notes. */
async function workbookWithReadMe(seizureSheets = 1): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const readMe = workbook.addWorksheet('Read me');
  readMe.addRow(['Annual illegal trade report — instructions']);
  readMe.addRow(['Fill in one row per seizure and specimen. Use the codes of the "Codes" sheet for the description.']);
  readMe.addRow(['Contact: the CITES Management Authority']);
  const codes = workbook.addWorksheet('Codes');
  codes.addRow(['Code', 'Meaning']);
  for (const [code, meaning] of [
    ['SKI', 'skins'],
    ['TUS', 'tusks'],
    ['LIV', 'live'],
    ['SCA', 'scales'],
  ])
    codes.addRow([code, meaning]);
  for (let n = 1; n <= seizureSheets; n++) {
    const sheet = workbook.addWorksheet(n === 1 ? 'Seizures' : `Seizures ${n}`);
    sheet.addRow(['Reference', 'Date of seizure', 'Country of seizure', 'Species', 'Description', 'Quantity', 'Unit']);
    sheet.addRow([`R${n}-1`, '2021-03-04', 'Kenya', 'Loxodonta africana', 'tusks', 4, 'pieces']);
    sheet.addRow([`R${n}-2`, '2021-05-06', 'Uganda', 'Manis gigantea', 'scales', 120, 'kg']);
  }
  workbook.addWorksheet('Notes').addRow(['Figures are provisional.']);
  const path = join(tempDir(), 'aitr-with-read-me.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('profiles', () => {
  it('are one explicit list whose names are the ones the CLI offers, each with a description and the tables it writes', () => {
    expect(PROFILE_DEFINITIONS.map((p) => p.name).sort()).toEqual(PROFILES.filter((p) => p !== 'auto').sort());
    for (const profile of PROFILE_DEFINITIONS) {
      expect(profile.description.length).toBeGreaterThan(20);
      expect(profile.writes.length).toBeGreaterThan(0);
    }
  });
});

describe('a workbook with a read-me, a code list and notes around its seizures', () => {
  it('loads the seizure sheet and skips each other sheet with the reason, instead of crashing', async () => {
    const db = await tempDatabase();
    const reports = await loadFile(db, await workbookWithReadMe());
    expect(reports.map((r) => [r.sheet, r.status])).toEqual([
      ['Read me', 'no-table'],
      ['Codes', 'no-table'],
      ['Seizures', 'loaded'],
      ['Notes', 'no-table'],
    ]);
    expect(reports[0].note).toMatch(/^sheet "Read me" has no table wen recognises \(.*\); skipped$/);
    expect(reports[1].note).toMatch(
      /^sheet "Codes" has no table wen recognises \(0 of 2 headings are AITR headings; none names a species or a description\); skipped$/,
    );
    expect(reports[2]).toMatchObject({ profile: 'aitr', seizures: 2, specimens: 2, grouping: 'reference' });
    expect((await tableCounts(db)).seizures).toBe(2);
  });

  it('writes all its sheets in one transaction: a failure before the commit leaves nothing, and a rerun loads them', async () => {
    const db = await tempDatabase();
    const file = await workbookWithReadMe(2);
    const before = await tableCounts(db);
    await expect(
      loadFile(db, file, {
        beforeCommit: () => {
          throw new Error('killed before commit');
        },
      }),
    ).rejects.toThrow('killed before commit');
    expect(await tableCounts(db)).toEqual(before);
    const reports = await loadFile(db, file);
    expect(reports.filter((r) => r.status === 'loaded').map((r) => r.sheet)).toEqual(['Seizures', 'Seizures 2']);
    expect((await tableCounts(db)).seizures).toBe(4);
  });

  it('refuses with exit 3 a workbook none of whose sheets holds a table, naming each sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['Nothing to see here']);
    workbook.addWorksheet('Codes').addRows([
      ['Code', 'Meaning'],
      ['SKI', 'skins'],
    ]);
    const path = join(tempDir(), 'no-table.xlsx');
    await workbook.xlsx.writeFile(path);
    const db = await tempDatabase();
    const error = await loadFile(db, path).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.exitCode).toBe(EXIT.input);
    expect(error.message).toMatch(/no sheet holds a table wen can load \(sheet "Read me" .*; sheet "Codes" .*\)/);
  });
});

describe('automatic detection', () => {
  it(
    'reads a seizure table with From, To and Amount columns as seizures, ' + 'not as payments, because From and To hold countries',
    async () => {
      const db = await tempDatabase();
      const file = csv('from-to.csv', [
        'Date,Species,From,To,Amount,Unit',
        '2019-02-03,Manis javanica,Malaysia,China,210,kg',
        '2019-02-09,Manis javanica,Indonesia,Viet Nam,35,kg',
        '2019-03-01,Pangolin,Nigeria,China,1200,kg',
        '2019-03-11,Manis tricuspis,Cameroon,Hong Kong,80,kg',
        '2019-04-02,Manis javanica,Thailand,Lao PDR,12,kg',
      ]);
      const [report] = await loadFile(db, file);
      expect(report).toMatchObject({ profile: 'aitr', loaded: 5, rejected: 0, seizures: 5 });
      const payments = PROFILE_DEFINITIONS.find((p) => p.name === 'payments')!;
      expect(
        payments.kind === 'side-table' &&
          payments.detect({ headings: ['Date', 'Species', 'From', 'To', 'Amount'], rows: [['x', 'y', 'Malaysia', 'China', '2']] }).reason,
      ).toBe('headings "From", "To" and "Amount" could be payments, but 100% of payers or payees are countries');
    },
  );

  it('still reads a real payments table by its headings and values', () => {
    const choice = chooseTableProfile({
      headings: ['Payment ID', 'Date', 'Payer', 'Payee', 'Amount', 'Currency'],
      rows: [
        ['P1', '2021-02-01', 'Golden Trading Ltd', 'NGUYEN Van An', '23,160,000', 'VND'],
        ['P2', '2021-02-03', 'Amina Moyo', 'Samuel Chen', '5000', 'USD'],
      ],
    });
    expect(choice.clear && choice.best.profile.name).toBe('payments');
  });

  it('stops with exit 3 when no profile fits, naming the candidates and the commands that settle it', async () => {
    const db = await tempDatabase();
    const file = csv('unclear.csv', ['Name,Colour,Size', 'a,red,3', 'b,blue,4']);
    const error = await loadFile(db, file).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${file}: no profile clearly fits (no profile recognises its headings)`);
    expect(error.hint).toContain('wen mapping draft');
    expect(await tableCounts(db)).toMatchObject({ sources: 0, seizures: 0 });
  });

  it('stops when two profiles fit about as well, rather than picking one', () => {
    const choice = chooseTableProfile({
      headings: ['Sample ID', 'Match group', 'Laboratory', 'Payer', 'Payee', 'Amount'],
      rows: [['S1', 'MG-1', 'Lab A', 'Golden Trading Ltd', 'Amina Moyo', '300']],
    });
    expect(choice.clear).toBe(false);
    expect(!choice.clear && choice.why).toBe('close');
  });
});

describe('grouping rows into seizures', () => {
  const lines = [
    'Date of seizure,Country of seizure,Species,Quantity,Unit',
    '2020-06-01,Kenya,Loxodonta africana,2,pieces',
    '2020-06-01,Kenya,Loxodonta africana,2,pieces',
    ',Kenya,Manis gigantea,5,kg',
    ',Kenya,Manis gigantea,5,kg',
  ];

  it('makes each row a seizure when there is no reference column, and says so', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, csv('no-ref.csv', lines));
    expect(report).toMatchObject({ seizures: 4, grouping: 'none', groupedBy: 'one seizure per row (no reference column)' });
  });

  it('folds rows with the same details only when asked, and never rows without a date', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, csv('no-ref.csv', lines), { groupRows: 'same-details' });
    // The two dated rows are one seizure; the two undated rows stay two.
    expect(report).toMatchObject({ seizures: 3, specimens: 4, grouping: 'same-details' });
  });
});

describe('headings', () => {
  it('reads a date split over Year / Month / Day columns, in any of the languages Parties use, with its precision', async () => {
    const db = await tempDatabase();
    const file = csv('ymd.csv', [
      'Año,Mes,Día,País de decomiso,Especie,Cantidad',
      '2015,3,7,Kenya,Loxodonta africana,2',
      '2016,5,,Kenya,Loxodonta africana,2',
      '2017,,,Kenya,Loxodonta africana,2',
      '"2.018",11,30,Uganda,Loxodonta africana,2',
    ]);
    const [report] = await loadFile(db, file);
    expect(report).toMatchObject({ profile: 'aitr', seizures: 4, extras: [] });
    const dates = await db.all(
      'SELECT source_row, date::VARCHAR AS date, date_precision, seizure_country FROM seizures ORDER BY source_row',
    );
    expect(dates).toEqual([
      { source_row: 2, date: '2015-03-07', date_precision: 'day', seizure_country: 'KE' },
      { source_row: 3, date: '2016-05-01', date_precision: 'month', seizure_country: 'KE' },
      { source_row: 4, date: '2017-01-01', date_precision: 'year', seizure_country: 'KE' },
      { source_row: 5, date: '2018-11-30', date_precision: 'day', seizure_country: 'UG' },
    ]);
    expect(aitrMapping(['年', '月', '日', '物种']).mapping.fields.date).toEqual({ parts: { year: '年', month: '月', day: '日' } });
  });

  it('reads an incident table\'s "Country" as the seizing country and "Weight (kg)" as kilograms', async () => {
    const db = await tempDatabase();
    const file = csv('incidents.csv', [
      'Date,Country,Species,Weight (kg)',
      '2019-01-02,Nigeria,Manis tricuspis,350',
      '2019-01-09,Viet Nam,Manis javanica,2.5',
    ]);
    const [report] = await loadFile(db, file);
    expect(report).toMatchObject({ profile: 'aitr', seizures: 2, extras: [] });
    expect(
      await db.all(
        'SELECT s.seizure_country, p.quantity, p.unit, p.quantity_kg ' +
          'FROM seizures s JOIN specimens p USING (seizure_id) ORDER BY s.source_row',
      ),
    ).toEqual([
      { seizure_country: 'NG', quantity: 350, unit: 'KIL', quantity_kg: 350 },
      { seizure_country: 'VN', quantity: 2.5, unit: 'KIL', quantity_kg: 2.5 },
    ]);
  });

  it('lets a bracketed qualifier say what a column holds', () => {
    expect(aitrFieldOf('Seizure Location (Country)')).toBe('seizure_country');
    expect(aitrFieldOf('Seizure Location (City/Location)')).toBe('city');
    expect(aitrFieldOf('Seizure Location (Province/ District)')).toBe('place');
    expect(aitrFieldOf('Source (url)')).toBeUndefined();
    expect(aitrFieldOf('Origin (country)')).toBe('origin');
    expect(aitrFieldOf('Species (scientific name)')).toBe('species');
  });

  it('keeps headings that match no field in extras under their names, a repeated one numbered, and lists them', async () => {
    const db = await tempDatabase();
    const file = csv('extras.csv', [
      'Date,Seizure Location (Country),Seizure Location (City/Location),Species,Quantity,Worth (unit),Worth (unit),Source (url)',
      '2019-01-02,Viet Nam,Hanoi,Manis javanica,12,300 USD,450 USD,https://example.org/a',
    ]);
    const [report] = await loadFile(db, file);
    expect(report.extras).toEqual(['Worth (unit)', 'Worth (unit) (2)', 'Source (url)']);
    const seizure = await db.one<{ seizure_country: string; city: string; extras: string }>(
      'SELECT seizure_country, city, extras::VARCHAR AS extras FROM seizures',
    );
    expect(seizure).toEqual({
      seizure_country: 'VN',
      city: 'Hanoi',
      extras: '{"Worth (unit)":"300 USD","Worth (unit) (2)":"450 USD","Source (url)":"https://example.org/a"}',
    });
  });
});

describe('a mapping', () => {
  it('reads its date field in the order it names, unless --date-order says otherwise', async () => {
    const dir = tempDir();
    const file = join(dir, 'us.csv');
    writeFileSync(file, 'when,what,how many\n03/04/2019,Manis javanica,2\n');
    const mapping = join(dir, 'us.yaml');
    writeFileSync(mapping, 'fields:\n  date: { column: when, date_order: mdy }\n  species: what\n  quantity: how many\n');
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath: mapping });
    expect(await db.one('SELECT date::VARCHAR AS date FROM seizures')).toEqual({ date: '2019-03-04' });
    const other = await tempDatabase();
    await loadFile(other, file, { mappingPath: mapping, dateOrder: 'dmy' });
    expect(await other.one('SELECT date::VARCHAR AS date FROM seizures')).toEqual({ date: '2019-04-03' });
  });
});

describe('a number format per column', () => {
  it('reads 1.234,5 as 1234.5 when the mapping says decimal "," and thousands "."', async () => {
    const dir = tempDir();
    const file = join(dir, 'br.csv');
    writeFileSync(file, 'Espécie;Qtd;Peso\nCuniculus paca;1.234,5;2\nCuniculus paca;12;3\n');
    const mapping = join(dir, 'br.yaml');
    writeFileSync(
      mapping,
      'fields:\n  species: Espécie\n  quantity: { column: Qtd, decimal: ",", thousands: "." }\n  unit: { value: kg }\n',
    );
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath: mapping });
    expect(await db.all('SELECT quantity, quantity_as_given FROM specimens ORDER BY source_row')).toEqual([
      { quantity: 1234.5, quantity_as_given: '1234.5' },
      { quantity: 12, quantity_as_given: '12' },
    ]);
  });
});

describe('a public dataset wen has a mapping for', () => {
  it('is read under auto with its bundled mapping (LEMIS: only the seized lines are seizures), and the summary says which', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, join(REALDATA, 'lemis-amphibians/amphibian_LEMIS_2016_to_2021.csv'));
    expect(report).toMatchObject({
      profile: 'generic',
      profileReason: 'the file has every heading of the bundled mapping lemis.yaml (20 headings)',
      loaded: 276,
      filtered: 16090,
    });
  });
});

describe('countries inside text', () => {
  it('keeps the countries a cell names and flags what it could not read, never dropping the cell or a middle country', async () => {
    const db = await tempDatabase();
    const file = csv('chain.csv', [
      'Date of seizure,Species,Quantity,Country of origin,Country of transit,Country of destination',
      '2019-01-02,Manis javanica,5,"Lagos, Nigeria",Atlantis; Ethiopia,"China, People\'s Republic of"',
    ]);
    await loadFile(db, file);
    expect(await db.one('SELECT origin_countries, transit_countries, destination_countries FROM seizures')).toEqual({
      origin_countries: ['NG'],
      transit_countries: ['ET'],
      destination_countries: ['CN'],
    });
    const flags = await db.all<{ column_name: string; flag: string }>('SELECT column_name, flag FROM flags ORDER BY column_name');
    expect(flags).toHaveLength(1);
    expect(flags[0].column_name).toBe('Country of transit');
    expect(flags[0].flag).toMatch(/^partly recognised: 1 country; "Atlantis" not recognised/);
  });
});

describe('offenders', () => {
  it('are the persons a seizure names: its nationalities are theirs, not extra offenders beside them', async () => {
    const dir = tempDir();
    const file = join(dir, 'cases.csv');
    writeFileSync(
      file,
      'Date,Species,Quantity,Nationality,Suspect\n2019-01-02,Manis javanica,5,Viet Nam,NGUYEN Van An\n2019-01-03,Manis javanica,2,China,\n',
    );
    const mapping = join(dir, 'cases.yaml');
    writeFileSync(
      mapping,
      [
        'fields: { date: Date, species: Species, quantity: Quantity, offender_nationality: Nationality }',
        'actors:',
        '  - { kind: person, role: offender, fields: { name: Suspect, nationality: Nationality } }',
      ].join('\n'),
    );
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath: mapping });
    expect(await db.all('SELECT source_row, kind, name_as_given, nationality FROM actors ORDER BY source_row')).toEqual([
      { source_row: 2, kind: 'person', name_as_given: 'NGUYEN Van An', nationality: 'VN' },
      // The mapping's person, known by nationality alone on this row: still one offender, not two.
      { source_row: 3, kind: 'person', name_as_given: null, nationality: 'CN' },
    ]);
  });
});
