// `wen mapping draft`: a first mapping for a file nobody has mapped yet, from its headings and a
// sample of its values, written as commented YAML for the user to check and edit. The file is read
// by the loader's own readers, so the headings it names are exactly the ones a load will see, and
// each guess says why it was made; a guess that cannot name its field (a country column: origin or
// destination?) stays a commented line. The draft is checked against the mapping schema before it
// is returned: a draft that would not load is a bug.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Database } from '../db/database.js';
import { InputError, UsageError, WenError } from '../errors.js';
import { countryCode } from '../normalise/countries.js';
import { parseDate } from '../normalise/dates.js';
import { fold } from '../normalise/text.js';
import { splitQuantityAndUnit, unitInfo } from '../normalise/units.js';
import type { Mapping, RowField } from './fields.js';
import { FILE_FORMATS } from './loader.js';
import { parseMapping } from './mapping-schema.js';
import { aitrFieldOf, isAitrHeading } from './profiles/aitr.js';
import { checkMappingAgainstHeadings } from './profiles/generic.js';
import { readColumnar } from './readers/columnar.js';
import { readCsv } from './readers/csv.js';
import { readPrefix } from './readers/encoding.js';
import { columnId, type RawTable } from './readers/raw-table.js';
import { openRowStore } from './readers/row-store.js';
import { listSheets, readSheet } from './readers/xlsx.js';

/** Rows whose values are looked at. */
const SAMPLE_ROWS = 1000;
/** A CSV file bigger than this is drafted from its first bytes only (cut at a line break). */
const CSV_PREFIX_BYTES = 4 * 1024 * 1024;
/** Share of a column's sampled values that must look alike for a guess. */
const MOST = 0.8;

const NULL_WORDS =
  /^(null|na|n\/a|n\.a\.|#n\/a|none|nil|nan|-|--|\?|nd|n\/d|s\/d|sin dato|sem informacao|sem informação|non renseigne|non renseigné)$/i;
const PART_HEADINGS: Record<'year' | 'month' | 'day', Set<string>> = {
  year: new Set(['year', 'yr', 'ano', 'anio', 'annee', 'jahr']),
  month: new Set(['month', 'mes', 'mois', 'monat']),
  day: new Set(['day', 'dia', 'jour', 'tag']),
};
const SLASHED = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b/;
const DATE_LIKE = /^(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}[ -][A-Za-zÀ-ÿ]{3,}[ -]\d{4}|[A-Za-zÀ-ÿ]{3,} \d{1,2},? \d{4})/;
const BINOMIAL = /^[A-Z][a-z]+ ([a-z]{2,}|spp?\.?)(\s|$)/;

export interface DraftOptions {
  sheet?: string;
}

export interface Draft {
  /** The commented YAML. */
  text: string;
  /** The same mapping, as readMappingFile would return it. */
  mapping: Mapping;
  headings: string[];
  sheet?: string;
  sampled: number;
}

interface Column {
  heading: string;
  values: string[]; // non-empty sampled cells
}

interface Guess {
  field: RowField;
  source: string; // the YAML of the source
  why: string;
}

export async function draftMapping(file: string, options: DraftOptions = {}): Promise<Draft> {
  const { table, columns, sheets, sampled, whole } = await readSample(file, options.sheet);
  const headings = table.headings;
  const guesses: Guess[] = [];
  const taken = new Set<RowField>();
  const notes: string[] = []; // comments under a heading's line
  const unmapped: string[] = [];
  const alsoLooks = new Map<string, string>(); // heading → what else it looks like
  const propose = (guess: Guess) => {
    guesses.push(guess);
    taken.add(guess.field);
  };

  // Year/Month/Day columns: a date in parts, unless a whole date column exists.
  const parts: Partial<Record<'year' | 'month' | 'day', string>> = {};
  for (const column of columns) {
    for (const part of ['year', 'month', 'day'] as const) {
      if (
        !parts[part] &&
        PART_HEADINGS[part].has(fold(column.heading)) &&
        column.values.length &&
        column.values.every((v) => /^\d{1,4}(\.0)?$/.test(v))
      )
        parts[part] = column.heading;
    }
  }

  let dateColumn: Column | undefined;
  const countryLike: string[] = [];
  for (const column of columns) {
    const { heading } = column;
    const values = column.values.filter((v) => !NULL_WORDS.test(v)); // what the cells say when they say something
    const synonym = aitrFieldOf(column.heading);
    const guess = synonym
      ? { field: synonym, why: `heading "${column.heading}" means ${synonym}` }
      : guessFromValues({ heading: column.heading, values });
    if (guess && !taken.has(guess.field) && !(guess.field === 'date' && Object.values(parts).includes(heading))) {
      const takeBefore =
        (guess.field === 'species' || guess.field === 'common_name') && share(values, (v) => v.includes(' / ')) >= MOST ? ' / ' : undefined;
      propose({
        field: guess.field,
        source: takeBefore ? `{ column: ${scalar(heading)}, take_before: " / " }` : scalar(heading),
        why: guess.why + example(values),
      });
      if (guess.field === 'date') dateColumn = column;
      continue;
    }
    if (guess)
      alsoLooks.set(
        heading,
        `also looks like ${guess.field} (${guess.why}), which ` +
          `${guesses.find((g) => g.field === guess.field)?.source ?? 'another heading'} already feeds`,
      );
    if (looksLikeCountries(column)) countryLike.push(heading);
    unmapped.push(heading);
  }

  // The date: a whole date column, else the parts.
  let dateOrderNote: string | undefined;
  if (dateColumn) {
    const order = dateOrderOf(dateColumn.values);
    dateOrderNote = order.note;
    if (order.order === 'mdy') {
      const g = guesses.find((x) => x.field === 'date')!;
      g.source = `{ column: ${scalar(dateColumn.heading)}, date_order: mdy }`;
    }
    const used = [parts.year, parts.month, parts.day].filter(Boolean);
    if (parts.year)
      notes.push(
        `${used.join(', ')} ${used.length === 1 ? 'gives' : 'give'} the ` +
          `date too, in parts: date: { parts: { year: ${scalar(parts.year)}` +
          `${parts.month ? `, month: ${scalar(parts.month)}` : ''}` +
          `${parts.day ? `, day: ${scalar(parts.day)}` : ''} ` +
          `} } would use them instead`,
      );
  } else if (parts.year && !taken.has('date')) {
    const used = [parts.year, parts.month, parts.day].filter(Boolean) as string[];
    propose({
      field: 'date',
      source:
        `{ parts: { year: ${scalar(parts.year)}${parts.month ? `, month: ${scalar(parts.month)}` : ''}` +
        `${parts.day ? `, day: ${scalar(parts.day)}` : ''} } }`,
      why:
        used.length === 1
          ? `heading "${used[0]}" is a year, and no column holds whole dates`
          : `headings ${used.map((h) => `"${h}"`).join(', ')} are a date's parts`,
    });
    for (const h of used) unmapped.splice(unmapped.indexOf(h), 1);
  }

  // Separators and null-like words, over every sampled cell.
  const separators: string[] = [];
  for (const [name, test] of [
    ['";"', (v: string) => v.includes(';')],
    ['line breaks', (v: string) => /\n/.test(v)],
  ] as const) {
    const where = columns.map((c) => [c.heading, c.values.filter(test).length] as const).filter(([, n]) => n > 0);
    if (where.length)
      separators.push(
        `${name} in ${where
          .slice(0, 6)
          .map(([h, n]) => `${h} (${n} ${n === 1 ? 'cell' : 'cells'})`)
          .join(', ')}${where.length > 6 ? ', …' : ''}`,
      );
  }
  const nullCounts = new Map<string, number>();
  for (const c of columns) for (const v of c.values) if (NULL_WORDS.test(v)) nullCounts.set(v, (nullCounts.get(v) ?? 0) + 1);
  const nullWords = [...nullCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  const reference = guesses.find((g) => g.field === 'seizure_ref');
  const lines: string[] = [];
  const comment = (text: string) => lines.push(`# ${text}`);
  comment(
    `Draft mapping for ${basename(file)}${table.sheet ? ` [sheet ${table.sheet}]` : ''}, ` +
      `made by wen mapping draft from its ${headings.length} headings`,
  );
  comment(
    `(row ${table.headerRow}) and ${whole && sampled < SAMPLE_ROWS ? `all ${sampled}` : `the first ${sampled}`} ` +
      `rows. Check each line, then: wen load ${basename(file)} --mapping THIS_FILE`,
  );
  comment(
    separators.length ? `Separators seen in cells: ${separators.join('; ')}.` : 'Separators seen in cells: none (no ";" or line breaks).',
  );
  if (dateOrderNote) comment(dateOrderNote);
  if (table.sheet && sheets > 1) lines.push(`sheet: ${scalar(table.sheet)}`);
  if (nullWords.length)
    lines.push(
      withComment(
        `null_values: [${nullWords.map(([w]) => JSON.stringify(w)).join(', ')}]`,
        `seen: ${nullWords.map(([w, n]) => `${JSON.stringify(w)} ${n}×`).join(', ')} (never applied to countries)`,
      ),
    );
  else comment('null_values: no null-like words (NULL, NA, -, …) seen');
  lines.push(
    reference
      ? withComment('group_rows: reference', `rows with the same ${reference.source} are one seizure`)
      : withComment('group_rows: none', 'no reference column recognised: one seizure per row'),
  );
  lines.push('fields:');
  for (const g of guesses) lines.push(withComment(`  ${g.field}: ${g.source}`, g.why));
  for (const note of notes) lines.push(`  # ${note}`);
  if (countryLike.length) {
    lines.push(
      `  # values are countries, but their role is not known: map each to origin, export, transit, destination or seizure_country`,
    );
    for (const h of countryLike) lines.push(`  # origin: ${scalar(h)}`);
  }
  if (!reference) lines.push('  # seizure_ref: …  (a column naming each seizure; then group_rows: reference)');
  comment(`Headings left unmapped (they go to extras)${unmapped.length ? ':' : ': none'}`);
  for (const line of wrap(
    unmapped.filter((h) => !alsoLooks.has(h)),
    96,
  ))
    comment(`  ${line}`);
  for (const [h, what] of alsoLooks) comment(`  ${h}: ${what}`);
  const text = lines.join('\n') + '\n';

  let mapping: Mapping;
  try {
    mapping = parseMapping('the draft', parseYaml(text));
    checkMappingAgainstHeadings('the draft', mapping, headings, file);
  } catch (cause) {
    throw new WenError(`the draft mapping for ${file} does not validate: ${(cause as Error).message}`, { cause });
  }
  return { text, mapping, headings, sheet: table.sheet, sampled };
}

function guessFromValues(column: Column): { field: RowField; why: string } | undefined {
  const { heading, values } = column;
  if (!values.length) return undefined;
  const n = values.length;
  const count = (test: (v: string) => boolean) => values.filter(test).length;
  if (fold(heading) === 'id' && count((v) => v.trim() !== '') === n)
    return { field: 'seizure_ref', why: `heading "${heading}" names an identifier` };
  const dates = count((v) => DATE_LIKE.test(v) && parseDate(v).value !== null);
  if (dates >= MOST * n) return { field: 'date', why: `${dates} of ${n} values are dates` };
  const binomials = count((v) => BINOMIAL.test(v));
  if (binomials >= MOST * n) return { field: 'species', why: `${binomials} of ${n} values are species names (Genus species)` };
  const families = count((v) => /^[A-Z][a-z]+idae( \/ [A-Z][a-z]+idae)*$/.test(v));
  if (families >= MOST * n) return { field: 'family', why: `${families} of ${n} values are family names (…idae)` };
  const orders = count((v) => /^[A-Z][a-z]+formes$/.test(v));
  if (orders >= MOST * n) return { field: 'order_name', why: `${orders} of ${n} values are order names (…formes)` };
  const withUnits = count((v) => {
    const split = splitQuantityAndUnit(v);
    return split !== null && /\d/.test(split.quantity) && unitInfo(split.unit).value !== null;
  });
  if (withUnits >= MOST * n) return { field: 'quantity', why: `${withUnits} of ${n} values are numbers with units` };
  const numbers = count((v) => /^\d+([.,]\d+)?$/.test(v));
  if (/^(qt|quant)/.test(fold(heading)) && numbers >= MOST * n)
    return { field: 'quantity', why: `heading "${heading}" reads as a quantity and ${numbers} of ${n} values are numbers` };
  return undefined;
}

/** Country names (not just two-letter codes, which are often states or other codes) or a heading that says country. */
function looksLikeCountries(column: Column): boolean {
  const distinct = [...new Set(column.values)];
  if (!distinct.length) return false;
  const countries = distinct.filter((v) => countryCode(v).value !== null && countryCode(v).value !== 'XX').length;
  const names = distinct.filter((v) => v.length > 3).length;
  const heading = /countr|pais|pays|ctry|nation/i.test(fold(column.heading));
  return countries >= MOST * distinct.length && (heading || names * 2 >= distinct.length);
}

/** Which order slashed dates are in: a first number above 12 is a day (dmy), a second above 12 is a day (mdy). */
function dateOrderOf(values: string[]): { order?: 'dmy' | 'mdy'; note?: string } {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let slashed = 0;
  for (const v of values) {
    const m = SLASHED.exec(v);
    if (!m) continue;
    slashed++;
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) dayFirst ??= v;
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) monthFirst ??= v;
  }
  if (!slashed) return {};
  if (dayFirst && monthFirst)
    return { note: `Date order: mixed: "${dayFirst}" is day first, "${monthFirst}" month first; check the file (dmy is the default).` };
  if (monthFirst)
    return {
      order: 'mdy',
      note: `Date order: month first (mdy): "${monthFirst}" has a day above 12 in second place; also give wen load --date-order mdy.`,
    };
  if (dayFirst) return { order: 'dmy', note: `Date order: day first (dmy, the default): "${dayFirst}" has a day above 12 in first place.` };
  return { note: `Date order: not told by the sample (no day above 12); dmy is assumed, give date_order: mdy if it is month first.` };
}

async function readSample(
  file: string,
  sheetName?: string,
): Promise<{ table: RawTable; columns: Column[]; sheets: number; sampled: number; whole: boolean }> {
  const extension = extname(file).toLowerCase();
  const format = FILE_FORMATS[extension];
  if (!format)
    throw new InputError(`${file}: wen cannot tell the format from the extension "${extension}"`, {
      hint: `rename it to one of ${Object.keys(FILE_FORMATS).join(' ')}`,
    });
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (sheetName && format !== 'xlsx') throw new UsageError(`--sheet goes with a workbook, not a ${format} file`);
  const db = await Database.open(':memory:');
  const scratch = mkdtempSync(join(tmpdir(), 'wen-draft-'));
  const store = await openRowStore(db, 0);
  try {
    let table: RawTable;
    let sheets = 1;
    if (format === 'csv') {
      // A big file: its first bytes, so that a draft costs the same for any size.
      const path = size > CSV_PREFIX_BYTES ? join(scratch, `head${extension}`) : file;
      if (path !== file) copyPrefix(file, path, CSV_PREFIX_BYTES);
      table = await readCsv(db, path, isAitrHeading, store);
    } else if (format === 'xlsx') {
      const workbook = await listSheets(file);
      const all = workbook.worksheets;
      sheets = all.length;
      const chosen = sheetName ? all.find((s) => s.name === sheetName) : (all.find((s) => s.actualRowCount > 1) ?? all[0]);
      if (!chosen)
        throw new InputError(`${file}: no sheet "${sheetName}"`, { hint: `its sheets are: ${all.map((s) => s.name).join(', ')}` });
      table = await readSheet(db, file, chosen, isAitrHeading);
    } else {
      table = await readColumnar(db, file, format, store);
    }
    const rows = await db.all<Record<string, string | null>>(
      `SELECT ${table.headings.map((_, i) => columnId(i)).join(', ')} FROM raw_rows ORDER BY row_number LIMIT ${SAMPLE_ROWS}`,
    );
    const columns = table.headings.map((heading, i) => ({
      heading,
      values: rows
        .map((r) => r[columnId(i)])
        .filter((v): v is string => v !== null && v !== undefined)
        .map(String),
    }));
    return { table, columns, sheets, sampled: rows.length, whole: format !== 'csv' || size <= CSV_PREFIX_BYTES };
  } finally {
    await store.close();
    db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The first bytes of a file, up to its last line break within them. */
function copyPrefix(from: string, to: string, bytes: number): void {
  const buffer = readPrefix(from, bytes);
  const cut = buffer.lastIndexOf(0x0a);
  const utf16le = buffer[0] === 0xff && buffer[1] === 0xfe; // its line break is 0a 00
  writeFileSync(to, buffer.subarray(0, cut > 0 ? cut + (utf16le ? 2 : 1) : buffer.length));
}

/** Headings joined by commas, in lines of at most `width` characters. */
function wrap(items: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (next.length > width && line) lines.push(line + ','), (line = item);
    else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const share = (values: string[], test: (v: string) => boolean) => (values.length ? values.filter(test).length / values.length : 0);

function example(values: string[]): string {
  const first = values[0];
  return first === undefined ? '' : `, e.g. ${JSON.stringify(first.length > 40 ? first.slice(0, 40) + '…' : first)}`;
}

/** A line and its comment, the comments aligned where the lines allow. */
function withComment(line: string, text: string): string {
  return `${line.padEnd(44)} # ${text.replace(/\n/g, ' ')}`;
}

/** A heading as a YAML scalar: plain when that is safe in flow and block context, else quoted. */
function scalar(text: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N} _.()/'-]*$/u.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
