// The matching keys of a person's or company's name, the one home of "name key" in wen. A name key
// keeps the letters of every script (a Chinese, Thai, Arabic or Cyrillic name is not emptied): NFKC,
// case-folded, accents folded for Latin letters only (a Thai vowel sign or a Devanagari matra is a
// letter's part, not an accent), punctuation dropped, words sorted so that word order does not count.
// The Latin key writes the same name in Latin letters (Han as pinyin, other scripts transliterated)
// so that 张伟 and "Zhang Wei" meet as candidates. Keys are computed once per distinct name in
// TypeScript and joined back in DuckDB (like the value maps of src/load/value-maps.ts).
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import type { Database } from '../db/database.js';

/** Latin letters with their accents folded to ASCII ("Søren Müller" → "soren muller"); other scripts untouched. */
function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/\p{Script=Latin}+/gu, (run) => anyAscii(run).toLowerCase());
}

function sortedWords(text: string): string | null {
  const words = text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== '');
  return words.length ? words.sort().join(' ') : null;
}

/** The name key: "ZHANG Wei" → "wei zhang", "Иванов Сергей" → "иванов сергей", "" → null. */
export function nameKey(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  return sortedWords(foldLatin(name.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss')));
}

/** The name in Latin letters, as a key: 张伟 → "wei zhang", "Сергей Иванов" → "ivanov sergei". */
export function latinKey(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const text = name
    .normalize('NFKC')
    .replace(/\p{Script=Han}+/gu, (run) => ` ${pinyin(run, { toneType: 'none', surname: 'head', nonZh: 'consecutive' })} `);
  const words = anyAscii(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return words.length ? words.sort().join(' ') : null;
}

/**
 * Temp table `table` (given, name_key, latin_key) for the distinct values `distinctSql` returns (one
 * column, named v), made in one pass in TypeScript and sent back as one bound JSON parameter.
 */
export async function mapNameKeys(db: Database, table: string, distinctSql: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const values = await db.all<{ v: string | null }>(`SELECT DISTINCT v FROM (${distinctSql}) t(v) WHERE v IS NOT NULL`);
  const rows = values.map(({ v }) => ({ given: v, name_key: nameKey(v), latin_key: latinKey(v) }));
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (given VARCHAR, name_key VARCHAR, latin_key VARCHAR)`);
  if (rows.length) {
    await db.run(
      `INSERT INTO ${table} SELECT unnest(from_json($rows, '[{"given":"VARCHAR","name_key":"VARCHAR","latin_key":"VARCHAR"}]'), ` +
        `recursive := true)`,
      { rows: JSON.stringify(rows) },
    );
  }
}
