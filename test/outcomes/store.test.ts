// The outcomes table filled at load: from a seizure's sanctions text (actor_id NULL), from the text
// after each person named in the cell (the person's actor_id, the seizure's own text then left
// alone), and from a person's arrest date; and filled for an older database when it is upgraded.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';
import { referencePath } from '../../src/reference/read-reference.js';
import { FIXTURES, tempDatabase, tempDir } from '../helpers.js';

const HEADINGS = 'Case number,Date of seizure,Species,Quantity,Unit,Nationality of offenders,Sanctions';

function writeJudgments(dir: string): string {
  const file = join(dir, 'judgments.csv');
  writeFileSync(
    file,
    [
      HEADINGS,
      'C1,2019-03-12,Manis javanica,12,kg,China,"王某某:1year, 1year and 6months\n赵某: 6months, 1year"',
      'C1,2019-03-12,Manis pentadactyla,3,kg,China,"王某某:1year, 1year and 6months\n赵某: 6months, 1year"',
      'C2,2019-05-02,Loxodonta africana,40,kg,Viet Nam,"John Doe: sentenced to 2 years and a fine of 5,000 USD"',
      'C3,2020-01-10,Manis javanica,5,kg,China,张某：判处有期徒刑三年，并处罚金人民币五万元',
      'C4,2019-07-01,Python regius,7,,Nigeria,see attached file',
      'C5,2019-08-01,Testudo graeca,5,,Kenya,',
      '',
    ].join('\n'),
  );
  return file;
}

type OutcomeRow = {
  ref: string;
  name: string | null;
  kind: string;
  months: number | null;
  suspended: boolean | null;
  fine_amount: number | null;
  fine_currency: string | null;
  fine_usd: number | null;
  text: string;
};

async function outcomesOf(db: Database): Promise<OutcomeRow[]> {
  return db.all<OutcomeRow>(
    `SELECT s.seizure_ref AS ref, a.name_as_given AS name, o.kind, o.months, o.suspended, o.fine_amount, o.fine_currency, o.fine_usd, o.text
     FROM outcomes o JOIN seizures s USING (seizure_id) LEFT JOIN actors a USING (actor_id)
     ORDER BY s.seizure_ref, a.actor_id NULLS FIRST, o.kind, o.months, o.text`,
  );
}

/** The bundled rate of a currency in a year, read from the CSV by hand (units per dollar). */
function bundledRate(currency: string, year: number): number {
  const line = readFileSync(referencePath('usd-rates.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${currency},${year},`));
  return Number(line!.split(',')[2]);
}

const row = (ref: string, name: string | null, kind: string, text: string, extra: Partial<OutcomeRow> = {}): OutcomeRow => ({
  ref,
  name,
  kind,
  months: null,
  suspended: null,
  fine_amount: null,
  fine_currency: null,
  fine_usd: null,
  text,
  ...extra,
});

describe('the outcomes table', () => {
  it('holds each outcome of the sanctions text, per person where the cell names persons, and lists what no rule read', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, writeJudgments(tempDir()));
    expect(report).toMatchObject({ rowsInFile: 6, read: 6, loaded: 6, rejected: 0, seizures: 5 });
    const cny = 50000 / bundledRate('CNY', 2020);
    expect(await outcomesOf(db)).toEqual(
      [
        // C1's cell names two persons: their sentences are theirs, and the seizure's copy of the cell is not read again.
        row('C1', '王某某', 'custodial', '1year', { months: 12, suspended: false }),
        row('C1', '王某某', 'custodial', '1year and 6months', { months: 18, suspended: false }),
        row('C1', '赵某', 'custodial', '6months', { months: 6, suspended: false }),
        row('C1', '赵某', 'custodial', '1year', { months: 12, suspended: false }),
        row('C2', 'John Doe', 'convicted', 'sentenced'),
        row('C2', 'John Doe', 'custodial', '2 years', { months: 24, suspended: false }),
        row('C2', 'John Doe', 'fine', 'fine of 5,000 USD', { fine_amount: 5000, fine_currency: 'USD', fine_usd: 5000 }),
        row('C3', '张某', 'convicted', '判处'),
        row('C3', '张某', 'custodial', '有期徒刑三年', { months: 36, suspended: false }),
        row('C3', '张某', 'fine', '罚金人民币五万元', { fine_amount: 50000, fine_currency: 'CNY', fine_usd: cny }),
        // A cell that names nobody is the seizure's (actor_id NULL); what no rule reads is listed, not guessed.
        row('C4', null, 'unparsed', 'see attached file'),
      ].map((r) => (r.fine_usd && r.fine_currency === 'CNY' ? { ...r, fine_usd: expect.closeTo(cny, 6) as unknown as number } : r)),
    );
    // Every outcome keeps the rule that read it.
    expect((await db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM outcomes WHERE rule IS NULL OR rule = ''"))!.n).toBe(0);
  });

  it("records a person's arrest date as an arrest, whatever the text says", async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'ecomessage-small.ndjson'));
    const { dated, arrested } = (await db.one<{ dated: number; arrested: number }>(
      `SELECT (SELECT count(*) FROM actors WHERE arrest_date IS NOT NULL)::INTEGER AS dated,
              (SELECT count(*) FROM outcomes WHERE kind = 'arrested' AND rule = 'arrest date given')::INTEGER AS arrested`,
    ))!;
    expect(dated).toBeGreaterThan(0);
    expect(arrested).toBe(dated);
  });

  it('is filled when a database loaded by an older wen (schema 6) is opened, and emptied with its source', async () => {
    const path = join(tempDir(), 'old.duckdb');
    const db = await Database.open(path);
    await loadFile(db, writeJudgments(tempDir()));
    const fresh = await outcomesOf(db);
    await db.run('DROP TABLE outcomes');
    await db.run("UPDATE wen_meta SET value = '6' WHERE key = 'schema_version'");
    db.close();
    const upgraded = await Database.open(path, { readOnly: true });
    try {
      expect(await outcomesOf(upgraded)).toEqual(fresh);
    } finally {
      upgraded.close();
    }
    const again = await Database.open(path);
    try {
      await loadFile(again, writeJudgments(tempDir()), { replace: true });
      expect((await outcomesOf(again)).length).toBe(fresh.length);
    } finally {
      again.close();
    }
  });
});
