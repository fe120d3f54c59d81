// The pseudonym key outside the database, and wen share on a hand-made file (analysis-cases.ndjson:
// 6 seizures; Nguyen Van An with passport "B1" and "B 1"; one CITES permit written
// NG/CITES/2021/0042 and NG-CITES-2021-0042; Okafor's phone as +234 800 000 0001 and +2348000000001;
// a third Nguyen Van An without a passport, whom repeat-suspects joins to the first two by name).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filtersFrom } from '../src/analysis/filters.js';
import { keyFilePath, pseudonym, readRedactionKey } from '../src/analysis/pseudonyms.js';
import { getAnalysis } from '../src/analysis/registry.js';
import { runAnalysis } from '../src/analysis/run.js';
import { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { shareDatabase } from '../src/share/share.js';
import { FIXTURES, tempDir } from './helpers.js';

const saved = { key: process.env.WEN_REDACTION_KEY, config: process.env.XDG_CONFIG_HOME };
beforeEach(() => {
  delete process.env.WEN_REDACTION_KEY;
  process.env.XDG_CONFIG_HOME = tempDir();
});
afterEach(() => {
  process.env.XDG_CONFIG_HOME = saved.config;
  if (saved.key === undefined) delete process.env.WEN_REDACTION_KEY;
  else process.env.WEN_REDACTION_KEY = saved.key;
});

describe('the pseudonym key', () => {
  it('is made in the configuration folder on first use, with mode 0600, and read again after', () => {
    expect(keyFilePath()).toBe(join(process.env.XDG_CONFIG_HOME!, 'wen', 'redaction-key'));
    const key = readRedactionKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyFilePath()).mode & 0o777).toBe(0o600);
    expect(readRedactionKey()).toBe(key);
  });

  it('comes from WEN_REDACTION_KEY when it is set, and then no file is made', () => {
    process.env.WEN_REDACTION_KEY = 'from-the-environment';
    expect(readRedactionKey()).toBe('from-the-environment');
    expect(existsSync(keyFilePath())).toBe(false);
  });

  it('an empty key file is an input error with a hint, not a new key', () => {
    mkdirSync(join(process.env.XDG_CONFIG_HOME!, 'wen'), { recursive: true });
    writeFileSync(keyFilePath(), '\n');
    expect(() => readRedactionKey()).toThrow(/redaction-key is empty/);
  });

  it("gives the pseudonym the caller's identity key and kind make, worked out with HMAC-SHA256 by hand", () => {
    expect(pseudonym('share-test', 'passport', 'B1')).toBe('D-C81988B6DD');
    expect(pseudonym('share-test', 'document', 'NGCITES20210042')).toBe('N-BE9EC60780');
    expect(pseudonym('share-test', 'phone', '+2348000000001')).toBe('T-F34610CB7D');
    expect(pseudonym('legacy', 'person', 'x')).toBe('P-9096B5E771');
    expect(pseudonym('legacy', 'company', 'x')).toMatch(/^C-/);
  });

  it("an older database's key moves to the key file once (so its pseudonyms stay) and leaves the database", async () => {
    const path = join(tempDir(), 'old.duckdb');
    const old = await Database.open(path);
    await old.run("INSERT INTO wen_meta VALUES ('redaction_key', 'legacy')");
    old.close();
    const db = await Database.open(path); // opened for writing, as wen load does
    try {
      expect(await db.all("SELECT key FROM wen_meta WHERE key = 'redaction_key'")).toEqual([]);
    } finally {
      db.close();
    }
    expect(readRedactionKey()).toBe('legacy');
  });

  it("an older database's key is only deleted when a key file exists already", async () => {
    mkdirSync(join(process.env.XDG_CONFIG_HOME!, 'wen'), { recursive: true });
    writeFileSync(keyFilePath(), 'mine\n');
    const path = join(tempDir(), 'old.duckdb');
    const old = await Database.open(path);
    await old.run("INSERT INTO wen_meta VALUES ('redaction_key', 'legacy')");
    old.close();
    (await Database.open(path)).close();
    expect(readRedactionKey()).toBe('mine');
  });
});

describe('wen share', () => {
  it(
    'pseudonymises numbers as compared (B1 and "B 1" alike), keeps ' + 'the links, blanks free text, and joins with --redact outputs',
    async () => {
      process.env.WEN_REDACTION_KEY = 'share-test';
      const dir = tempDir();
      const source = join(dir, 'wen.duckdb');
      const db = await Database.open(source);
      await loadFile(db, join(FIXTURES, 'analysis-cases.ndjson'));
      const redacted = await runAnalysis(db, getAnalysis('repeat-suspects'), filtersFrom({}), { redact: true, minSeizures: 2 });
      db.close();
      const summary = await shareDatabase(source, join(dir, 'out'));
      expect(summary.rows.seizures).toBe(6);
      const shared = await Database.open(summary.file, { readOnly: true });
      try {
        const nguyen = await shared.all<{ name_as_given: string; passport_numbers: string[]; family_name: string | null }>(
          'SELECT name_as_given, passport_numbers, family_name FROM actors ' +
            "WHERE list_contains(passport_numbers, 'D-C81988B6DD') ORDER BY seizure_id",
        );
        expect(nguyen).toHaveLength(2);
        expect(nguyen.map((a) => a.family_name)).toEqual([null, null]);
        // The same person's pseudonym as repeat-suspects --redact prints it: outputs and copy can be joined.
        const suspect = redacted.rows.find((r) => String(r.name) === nguyen[0].name_as_given);
        expect(suspect?.seizures).toBe(3);
        const documents = await shared.all<{ number: string }>("SELECT DISTINCT number FROM documents WHERE number = 'N-BE9EC60780'");
        expect(documents).toHaveLength(1);
        // "+234 800 000 0001" and "+2348000000001": one phone, keyed by its digits (src/identity/keys.ts)
        const phones = await shared.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM actors WHERE list_contains(phones, $p)', {
          p: pseudonym('share-test', 'phone', '2348000000001'),
        });
        expect(phones!.n).toBe(2);
        expect(
          await shared.one(
            'SELECT count(*)::INTEGER AS n FROM seizures WHERE notes IS NOT NULL OR sanctions IS NOT NULL OR extras IS NOT NULL',
          ),
        ).toEqual({ n: 0 });
        expect((await shared.all<{ path: string }>('SELECT path FROM sources')).map((s) => s.path)).toEqual(['analysis-cases.ndjson']);
      } finally {
        shared.close();
      }
      const readme = readFileSync(summary.readme, 'utf8');
      expect(readme).toMatch(/\| seizures \| 6 \|/);
      expect(readme).toMatch(/does not hold\n\nThe key/);
    },
  );

  it('refuses a folder that is not empty, and a database that does not exist, as input errors (exit 3)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'something'), 'x');
    await expect(shareDatabase(join(dir, 'none.duckdb'), dir)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/is not empty/),
    });
    await expect(shareDatabase(join(dir, 'none.duckdb'), join(dir, 'new'))).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/no such database/),
    });
  });
});
