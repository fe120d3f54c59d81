// Cells that hold several values ("live;\nfrozen" beside "4;\n41") become several specimens, one per
// part, each with its own term, quantity and unit. Only rows whose cells contain a separator are
// looked at (the loader finds them in the scan it makes anyway), so a file without any costs one
// regular expression per cell; the parts of those rows are split in DuckDB (string_split_regex, then
// one row per part) into a small table that the staging view appends to the plain rows.
//
// Rules: `;` `；` `、` and line breaks separate parts; `/` and `+` only between parts that each look
// like a value of the field (so "Cuniculus paca / Paca" and "n/a" stay whole), and for species a
// line break too ("Pterocarpus\nerinaceus" is one name). The cells of a row with 2+ parts must have
// the same number of parts; a cell of one part is repeated on every specimen, except a quantity or a
// value, which is not multiplied: it goes to the first specimen, with a flag. A quantity "a/b" is two
// quantities only when the term or the unit has as many parts. Cells that do not line up are kept
// whole and flagged; nothing is rejected for it.
import type { FieldSource, SpecimenField } from './fields.js';

/** Fields split unless the mapping says `split: false`. */
const SPLIT_BY_DEFAULT: readonly SpecimenField[] = ['species', 'term', 'quantity', 'unit'];
/** Fields whose single value is not repeated on each part (that would multiply it). */
const NOT_REPEATED = new Set<string>(['quantity', 'item_value', 'weight']);

const STRONG = "'[;；、\\r\\n]+'";
const WEAK = "'[/／+＋]'";
const ANY_SEPARATOR = "'[;；、\\r\\n/／+＋]'";
const TRIMMED = "' \t\r\n/／+＋;；、'";
/** What one part must look like for `/`, `+` (and, in species, a line break) to split it from the next. */
const LOOKS_LIKE: Record<string, string> = {
  species: "'\\p{Lu}\\p{Ll}+\\s+[\\p{Ll}(×.].*'",
  quantity: "'[0-9][0-9.,'' ]*\\s*[\\pL.]*'",
  unit: "'[^0-9]{1,20}'",
  other: "'[^0-9]*\\pL[^0-9]*'",
};

export interface SplitField {
  field: SpecimenField;
  /** SQL of a bound regular expression (the mapping's own separators), or undefined for the usual ones. */
  separator?: string;
}

/** The fields to split, from the mapping's `split` keys (bind turns a regex into a bound parameter). */
export function splitFields(
  fields: Partial<Record<string, FieldSource>>,
  specimenFields: readonly SpecimenField[],
  bind: (v: string) => string,
): SplitField[] {
  const chosen: SplitField[] = [];
  for (const field of specimenFields) {
    const source = fields[field];
    if (!source || source.value !== undefined) continue;
    const split = source.split ?? SPLIT_BY_DEFAULT.includes(field);
    if (split === false) continue;
    chosen.push(typeof split === 'string' ? { field, separator: bind(split) } : { field });
  }
  return chosen;
}

/** True for a row with a separator in any split cell, given each field's SQL over raw_rows. */
export function hasSeparator(split: SplitField[], expression: (field: SpecimenField) => string): string {
  if (!split.length) return 'false';
  return split.map((s) => `coalesce(regexp_matches(${expression(s.field)}, ${s.separator ?? ANY_SEPARATOR}), false)`).join(' OR ');
}

/** The list of parts of one field's value (a column of the candidate rows); `weak` overrides the weak separators. */
function partsOf(s: SplitField, column: string, weak?: string): string {
  if (s.separator) return `list_filter(list_transform(string_split_regex(${column}, ${s.separator}), t -> trim(t)), t -> t <> '')`;
  const looks = LOOKS_LIKE[s.field] ?? LOOKS_LIKE.other;
  const strong = s.field === 'species' ? "'[;；、]+'" : STRONG;
  weak ??= s.field === 'species' ? "'[\\r\\n/／+＋]'" : WEAK;
  // Brackets in a quantity are a note ("3520 (2440 cooked + 1080 raw)"), not parts.
  const value = s.field === 'quantity' ? `regexp_replace(${column}, '[(（][^)）]*[)）]', '', 'g')` : column;
  return `list_filter(list_transform(flatten(list_transform(string_split_regex(${value}, ${strong}), p ->
      CASE WHEN len(string_split_regex(trim(p), ${weak})) > 1
            AND list_bool_and(list_transform(string_split_regex(trim(p), ${weak}), w -> regexp_full_match(trim(w), ${looks})))
           THEN string_split_regex(trim(p), ${weak}) ELSE [p] END)), t -> trim(t, ${TRIMMED})), t -> t <> '')`;
}

/**
 * SQL that makes temp tables split_rows (the candidate rows with their parts), staged_split (the
 * parts of the rows that split, as rows of the staging view with item_index = part number) and
 * split_flags (row_number, field, value, flag), from a query `candidates` giving the staging view's
 * columns for the rows with a separator. `name(field)` is the SQL of the bound column name used in
 * flag texts; bound values are read from wen_params.
 */
export function splitStatements(
  split: SplitField[],
  columns: readonly string[],
  candidates: string,
  name: (field: string) => string,
): string[] {
  const fields = split.map((s) => s.field);
  const n = (f: string) => `coalesce(len(parts_${f}), 0)`;
  const has = (f: string) => fields.includes(f as SpecimenField);
  const quantity = split.find((s) => s.field === 'quantity');
  const byDefault = quantity !== undefined && !quantity.separator;
  const firstParts = split.map((s) =>
    s === quantity && byDefault
      ? `${partsOf(s, 'quantity', "'[+＋]'")} AS parts_quantity, ${partsOf(s, 'quantity', "'[/／+＋]'")} AS slashed_quantity`
      : `${partsOf(s, s.field)} AS parts_${s.field}`,
  );
  const others = fields.filter((f) => f !== 'quantity');
  // "a/b" is two quantities only beside a term or unit of as many parts. Numbers parted only by
  // line breaks, with no other cell in parts, are a number cut in two or two numbers: not guessed.
  const quantityChoice = byDefault
    ? `REPLACE (CASE WHEN len(slashed_quantity) > len(parts_quantity)
              AND len(slashed_quantity) IN (${['term', 'unit'].filter(has).map(n).join(', ') || '-1'})
              THEN slashed_quantity
            WHEN len(parts_quantity) > 1 AND greatest(${[...others.map(n), '0'].join(', ')}) <= 1
                 AND NOT regexp_matches(regexp_replace(quantity, '[(（][^)）]*[)）]', '', 'g'), '[;；、/／+＋]') THEN [quantity]
            ELSE parts_quantity END AS parts_quantity)`
    : '';
  const parted = `SELECT *, list_distinct(list_filter([${fields.map(n).join(', ')}], c -> c > 1)) AS counts
    FROM (SELECT * ${quantityChoice} FROM (SELECT c.*, ${firstParts.join(', ')} FROM (${candidates}) c, wen_params))`;
  const replaced = columns.map((c) => {
    if (c === 'item_index') return 'i::INTEGER AS item_index';
    // A weight or value given once for the row, in a row split by another cell, belongs to the row: on its first specimen.
    if (!has(c)) return NOT_REPEATED.has(c) ? `CASE WHEN i = 1 THEN ${c} END AS ${c}` : c;
    if (NOT_REPEATED.has(c)) return `CASE WHEN ${n(c)} = counts[1] THEN parts_${c}[i] WHEN i = 1 THEN ${c} END AS ${c}`;
    return `CASE WHEN ${n(c)} = counts[1] THEN parts_${c}[i] ELSE ${c} END AS ${c}`;
  });
  const perField = (f: string, flag: string, when: string) =>
    `SELECT row_number, '${f}' AS field, ${f} AS value, ${flag} AS flag FROM split_rows, wen_params WHERE ${when}`;
  const flags = fields.flatMap((f) => [
    perField(f, `${n(f)} || ' values in one cell: one specimen each'`, `len(counts) = 1 AND ${n(f)} > 1`),
    ...(NOT_REPEATED.has(f)
      ? [
          perField(
            f,
            `'one ${f === 'quantity' ? 'quantity' : 'value'} for ' || counts[1] || ' specimens: all on the first'`,
            `len(counts) = 1 AND ${n(f)} = 1`,
          ),
        ]
      : []),
    perField(
      f,
      `'parts do not line up (' || ` +
        `concat_ws(', ', ${fields.map((g) => `CASE WHEN ${n(g)} > 1 THEN ${name(g)} || ' ' || ${n(g)} END`).join(', ')}) ` +
        `|| '): cell kept whole'`,
      `len(counts) > 1 AND ${n(f)} > 1`,
    ),
  ]);
  return [
    `CREATE OR REPLACE TEMP TABLE split_rows AS SELECT * FROM (${parted}) WHERE len(counts) > 0`,
    `CREATE OR REPLACE TEMP TABLE staged_split AS
     SELECT ${replaced.join(', ')}
     FROM (SELECT *, unnest(generate_series(1, counts[1])) AS i FROM split_rows WHERE len(counts) = 1)`,
    `CREATE OR REPLACE TEMP TABLE split_flags AS ${flags.join(' UNION ALL ')}`,
  ];
}
