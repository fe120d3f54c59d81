// Persons named inside a text cell ("张某某:13 years(prison)\n李某：1year", "John Doe: 3 years; Jane Roe: fine"):
// the reader on hand-written cells, the AITR profile on a sanctions column of that shape (and one not of
// it), and a mapping's `names_in_text` key. Each answer is written beside its fixture.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/commands/load.js';
import type { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { parseMapping } from '../../src/load/mapping-schema.js';
import { namesInTextStatements } from '../../src/load/names-in-text.js';
import { tempDatabase, tempDir } from '../helpers.js';

/** The persons each cell names, as [name, text] pairs in the cell's order. */
async function personsOf(db: Database, cells: string[]): Promise<Record<string, Array<[string, string]>>> {
  await db.run(`CREATE OR REPLACE TEMP TABLE cells AS SELECT unnest(from_json($cells, '["VARCHAR"]')) AS cell`, {
    cells: JSON.stringify(cells),
  });
  for (const statement of namesInTextStatements('SELECT cell FROM cells', 'persons')) await db.run(statement);
  const rows = await db.all<{ cell: string; name: string; text: string }>('SELECT cell, name, text FROM persons ORDER BY cell, person');
  const out: Record<string, Array<[string, string]>> = Object.fromEntries(cells.map((c) => [c, []]));
  for (const r of rows) out[r.cell].push([r.name, r.text]);
  return out;
}

describe('reading the persons a text cell names', () => {
  it('reads Chinese court shapes with ASCII and full-width colons, several persons on lines', async () => {
    const db = await tempDatabase();
    const got = await personsOf(db, [
      '张某某:13 years(prison)',
      '李某：1year and 6months',
      '王某某:1year, 1year and 6months\n赵某: 6months, 1year',
      '被告人张某：有期徒刑3年；罚金5000元\r\n被告人李某、王某：各有期徒刑1年',
    ]);
    expect(got).toEqual({
      '张某某:13 years(prison)': [['张某某', '13 years(prison)']],
      '李某：1year and 6months': [['李某', '1year and 6months']],
      '王某某:1year, 1year and 6months\n赵某: 6months, 1year': [
        ['王某某', '1year, 1year and 6months'],
        ['赵某', '6months, 1year'],
      ],
      // The role word is not the name; "李某、王某" is two persons with one sentence; a `;` not before a name stays in the text.
      '被告人张某：有期徒刑3年；罚金5000元\r\n被告人李某、王某：各有期徒刑1年': [
        ['张某', '有期徒刑3年；罚金5000元'],
        ['李某', '各有期徒刑1年'],
        ['王某', '各有期徒刑1年'],
      ],
    });
  });

  it('reads English persons parted by semicolons, and a wrapped sentence as the text of the person above', async () => {
    const db = await tempDatabase();
    const got = await personsOf(db, [
      'John Doe: 3 years imprisonment; Jane Roe: fine of 5,000 USD',
      'John Doe: 3 years,\nsuspended; fine: 200 USD\nJane Roe: 1 year',
    ]);
    expect(got).toEqual({
      'John Doe: 3 years imprisonment; Jane Roe: fine of 5,000 USD': [
        ['John Doe', '3 years imprisonment'],
        ['Jane Roe', 'fine of 5,000 USD'],
      ],
      // "fine:" is a label, not a person: it stays in John Doe's text (2 of the 3 lines name persons).
      'John Doe: 3 years,\nsuspended; fine: 200 USD\nJane Roe: 1 year': [
        ['John Doe', '3 years, suspended; fine: 200 USD'],
        ['Jane Roe', '1 year'],
      ],
    });
  });

  it('leaves alone a cell that is not a list of names: a sentence, a label, a time, a URL, a numbered accused', async () => {
    const db = await tempDatabase();
    const cells = [
      '3 years imprisonment and a fine',
      'Fine: 500 USD',
      '罚金：5000元',
      'seized at 10:30 by customs',
      'see https://example.org/case/12',
      'Accused 2: 3 years',
      'Court case pending\nnext hearing 2020\nJohn Doe: bail',
    ];
    const got = await personsOf(db, cells);
    expect(got).toEqual(Object.fromEntries(cells.map((c) => [c, []])));
  });
});

const AITR_HEADINGS = 'Case number,Date of seizure,Species,Quantity,Unit,Nationality of offenders,Sanctions';

describe('the AITR profile and a sanctions column that names persons', () => {
  it(
    'makes one actor per named person with the sentence as the sanction, ' +
      'keeps the cell on the seizure, and adds no nationality-only offender beside them',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'judgments.csv');
      writeFileSync(
        file,
        [
          AITR_HEADINGS,
          'C1,2019-03-12,Manis javanica,12,kg,China,"王某某:1year, 1year and 6months\n赵某: 6months, 1year"',
          'C1,2019-03-12,Manis pentadactyla,3,kg,China,"王某某:1year, 1year and 6months\n赵某: 6months, 1year"',
          'C2,2019-05-02,Loxodonta africana,40,kg,Viet Nam,张某某:13 years(prison)',
          'C3,2019-06-20,Python regius,7,,Nigeria,李某：1year and 6months',
          'C4,2019-07-01,Testudo graeca,5,,Kenya,3 years prison',
          '',
        ].join('\n'),
      );
      const db = await tempDatabase();
      const [report] = await loadFile(db, file);
      // 5 data rows → 4 seizures; 4 persons named (王某某 and 赵某 once for C1's two rows) + C4's nationality-only offender.
      expect(report).toMatchObject({ profile: 'aitr', rowsInFile: 5, read: 5, loaded: 5, rejected: 0, seizures: 4, actors: 5 });
      expect(report.notes).toEqual([
        '"Sanctions": 4 of 5 cells name persons ("name: sentence"): one actor per person, with the text after the name as the sanction',
      ]);
      expect(summarise(report)).toContain('  persons in text: "Sanctions": 4 of 5 cells name persons');
      const actors = await db.all(
        `SELECT s.seizure_ref, a.kind, a.name_as_given, a.sanction, a.role, a.nationality, a.source_row
       FROM actors a JOIN seizures s USING (seizure_id) ORDER BY a.actor_id`,
      );
      // Lines: header 1; C1's rows on lines 2–3 and 4–5 (the cell holds a line break); C2 6, C3 7, C4 8.
      // C1's two rows repeat its cell: each person once, from either row.
      expect(actors.slice(0, 2).map((a) => [2, 4].includes(a.source_row as number))).toEqual([true, true]);
      expect(actors.map(({ source_row, ...a }) => ({ ...a, source_row: a.seizure_ref === 'C1' ? 'C1' : source_row }))).toEqual([
        {
          seizure_ref: 'C1',
          kind: 'person',
          name_as_given: '王某某',
          sanction: '1year, 1year and 6months',
          role: 'offender',
          nationality: null,
          source_row: 'C1',
        },
        {
          seizure_ref: 'C1',
          kind: 'person',
          name_as_given: '赵某',
          sanction: '6months, 1year',
          role: 'offender',
          nationality: null,
          source_row: 'C1',
        },
        {
          seizure_ref: 'C2',
          kind: 'person',
          name_as_given: '张某某',
          sanction: '13 years(prison)',
          role: 'offender',
          nationality: null,
          source_row: 6,
        },
        {
          seizure_ref: 'C3',
          kind: 'person',
          name_as_given: '李某',
          sanction: '1year and 6months',
          role: 'offender',
          nationality: null,
          source_row: 7,
        },
        // C4 names nobody: its offender is known only by nationality (C1–C3 name theirs: no extra "unknown" offender).
        { seizure_ref: 'C4', kind: 'unknown', name_as_given: null, sanction: null, role: 'offender', nationality: 'KE', source_row: 8 },
      ]);
      const sanctions = await db.all('SELECT seizure_ref, sanctions FROM seizures ORDER BY seizure_ref');
      expect(sanctions[0]).toEqual({ seizure_ref: 'C1', sanctions: '王某某:1year, 1year and 6months\n赵某: 6months, 1year' });
    },
  );

  it('makes no actor from a sanctions column where fewer than half the cells name persons, and says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'aitr.csv');
    writeFileSync(
      file,
      [
        AITR_HEADINGS,
        'R1,2019-03-12,Manis javanica,12,kg,China,Fine: 500 USD',
        'R2,2019-05-02,Loxodonta africana,40,kg,Viet Nam,John Doe: 3 years',
        'R3,2019-06-20,Python regius,7,,Nigeria,Prosecution pending',
        'R4,2019-07-01,Testudo graeca,5,,Kenya,3 years prison',
      ].join('\n'),
    );
    const db = await tempDatabase();
    const [report] = await loadFile(db, file);
    // 1 of 4 cells names a person (R2): too few; every seizure has its nationality-only offender.
    expect(report).toMatchObject({ profile: 'aitr', read: 4, loaded: 4, seizures: 4, actors: 4 });
    expect(report.notes).toEqual(['"Sanctions": 1 of 4 cells name persons ("name: sentence"), fewer than half: no actor made from them']);
    expect(await db.all("SELECT count(*)::INTEGER AS n FROM actors WHERE kind = 'person'")).toEqual([{ n: 0 }]);
  });
});

describe("a mapping that points an actor's name at a text cell", () => {
  it("reads names_in_text: true on every cell of that shape, each person with the row's other actor fields", async () => {
    const dir = tempDir();
    const file = join(dir, 'cases.csv');
    writeFileSync(
      file,
      [
        'ref,species,kg,defendants,court',
        'K1,Manis javanica,12,"John Doe: 3 years imprisonment; Jane Roe: fine of 5,000 USD",Mombasa',
        'K2,Loxodonta africana,40,unknown at this stage,Nairobi',
      ].join('\n'),
    );
    const mapping = join(dir, 'cases.yaml');
    writeFileSync(
      mapping,
      [
        'fields: { seizure_ref: ref, species: species, quantity: kg, unit: { value: kg }, sanctions: defendants }',
        'actors:',
        '  - role: defendant',
        '    fields: { name: { column: defendants, names_in_text: true }, address: court }',
      ].join('\n'),
    );
    const db = await tempDatabase();
    const [report] = await loadFile(db, file, { mappingPath: mapping });
    expect(report).toMatchObject({ profile: 'generic', read: 2, loaded: 2, seizures: 2, actors: 2 });
    const actors = await db.all('SELECT kind, name_as_given, sanction, address, source_row FROM actors ORDER BY actor_id');
    expect(actors).toEqual([
      { kind: 'person', name_as_given: 'Jane Roe', sanction: 'fine of 5,000 USD', address: 'Mombasa', source_row: 2 },
      { kind: 'person', name_as_given: 'John Doe', sanction: '3 years imprisonment', address: 'Mombasa', source_row: 2 },
    ]);
  });

  it("refuses names_in_text on a field that is not an actor's name, and a misspelt key", () => {
    expect(() => parseMapping('m.yaml', { fields: { species: { column: 'Species', names_in_text: true } } })).toThrow(
      /m\.yaml: fields\.species\.names_in_text: is only for an actor's name/,
    );
    expect(() => parseMapping('m.yaml', { fields: {}, actors: [{ fields: { name: { column: 'D', names_in_txt: true } } }] })).toThrow(
      /actors\[0\]\.fields\.name\.names_in_txt: unknown key/,
    );
    expect(
      parseMapping('m.yaml', { fields: {}, actors: [{ fields: { name: { column: 'D', names_in_text: 'auto' } } }] }).actors?.[0].fields.name
        ?.names_in_text,
    ).toBe('auto');
  });
});
