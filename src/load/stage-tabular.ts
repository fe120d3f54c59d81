// Turns raw_rows (a file's cells as text) into the canonical staging view and tables, built from a
// Mapping. Column identifiers are generated (c1…cN) and every value from the mapping (constants,
// null markers, filter values) is bound, never SQL text: it goes into the one-row table wen_params,
// which the staging SQL reads (a view cannot hold parameters).
import type { Database, Params } from '../db/database.js';
import { InputError } from '../errors.js';
import { datePartsSql } from './date-parts.js';
import {
  ACTOR_FIELDS,
  COUNTRY_FIELDS,
  DOCUMENT_FIELDS,
  ROW_FIELDS,
  SPECIMEN_FIELDS,
  type FieldSource,
  type Mapping,
  type SpecimenField,
} from './fields.js';
import { filtersOf, headingsReadBy } from './profiles/generic.js';
import { columnId, type RawTable } from './readers/raw-table.js';
import { namesInTextShare, namesInTextStatements, SHAPED_SHARE } from './names-in-text.js';
import { hasSeparator, splitFields, splitStatements } from './split-cells.js';

/** Labels of a totals row, in lower case at the start of a cell. */
const TOTAL_LABEL =
  '(grand[ -]?|sub[ -]?)?(total|totals|totaux|totales|totale|sum|suma|somme)(\\b|:|$)|合计|总计|合計|總計|小计|小計|итого|всего';

/** From this many columns a table's staged rows are stored rather than viewed. */
const WIDE = 200;

/** Collects bound parameters while SQL is assembled; `inTable` makes them columns of wen_params. */
class ParamBuilder {
  readonly params: Params = {};
  private readonly columns: string[] = [];
  constructor(private readonly inTable = false) {}

  bind(value: string | string[]): string {
    const name = `p${this.columns.length}`;
    this.params[name] = Array.isArray(value) ? JSON.stringify(value) : value;
    const typed = Array.isArray(value) ? `from_json($${name}, '["VARCHAR"]')` : `$${name}::VARCHAR`;
    this.columns.push(`${typed} AS ${name}`);
    return this.inTable ? `wen_params.${name}` : typed;
  }

  /** Creates wen_params: one row holding every bound value (a placeholder column when there is none). */
  async createTable(db: Database): Promise<void> {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE wen_params AS SELECT ${this.columns.length ? this.columns.join(', ') : 'NULL AS none'}`,
      this.params,
    );
  }
}

export interface StagedCounts {
  blank: number;
  totals: number;
  filtered: number;
  staged: number;
}

/** Where each field came from, for naming the column in rejects and flags. */
export type FieldOrigins = Record<string, string>;

export interface Staged {
  counts: StagedCounts;
  origins: FieldOrigins;
  /** Creates temp table raw_text(row_number, raw_record) for the rows listed in rejected_rows. */
  keepRawRecords: (db: Database) => Promise<void>;
  /** Headings that no field names: their cells are kept in seizures.extras under the heading. */
  extraHeadings?: string[];
  /** Lines for the load summary (persons read from text cells). */
  notes?: string[];
}

export async function stageTabular(db: Database, raw: RawTable, mapping: Mapping): Promise<Staged> {
  const p = new ParamBuilder(true);
  const columnOf = new Map(raw.headings.map((h, i) => [h, columnId(i)]));
  const allColumns = raw.headings.map((_, i) => columnId(i));
  const nulls = mapping.null_values?.length ? p.bind(mapping.null_values) : null;
  const origins: FieldOrigins = {};
  const mappedMissing = new Set<string>();

  const cell = (column: string, field: string) => {
    const text = columnOf.get(column)!; // raw_rows cells are trimmed, NULL when empty
    // "NA" in a country column is Namibia: null markers never apply there.
    return nulls && !COUNTRY_FIELDS.has(field) ? `CASE WHEN list_contains(${nulls}, ${text}) THEN NULL ELSE ${text} END` : text;
  };
  const expression = (field: string, source: FieldSource | undefined): string => {
    if (!source) return 'NULL::VARCHAR';
    let sql: string;
    if (source.value !== undefined) sql = p.bind(String(source.value));
    else if (source.first_of) sql = `coalesce(${source.first_of.map((c) => cell(c, field)).join(', ')})`;
    else if (source.columns)
      sql = `nullif(concat_ws(${p.bind(source.join ?? ' ')}, ${source.columns.map((c) => cell(c, field)).join(', ')}), '')`;
    else if (source.column) sql = cell(source.column, field);
    else if (source.parts)
      sql = datePartsSql(
        cell(source.parts.year, field),
        source.parts.month ? cell(source.parts.month, field) : null,
        source.parts.day ? cell(source.parts.day, field) : null,
      );
    else return 'NULL::VARCHAR';
    if (source.take_before) sql = `nullif(trim(split_part(${sql}, ${p.bind(source.take_before)}, 1)), '')`;
    // The column's own number format ("1.234,5"): thousands separators out, the decimal mark made a point.
    if (source.decimal !== undefined || source.thousands !== undefined) {
      const decimal = source.decimal ?? (source.thousands === '.' ? ',' : '.');
      if (source.thousands) sql = `replace(${sql}, ${p.bind(source.thousands)}, '')`;
      if (decimal === ',') sql = `replace(${sql}, ',', '.')`;
    }
    if (source.map) {
      // "missing" is NULL (its rule recorded below); a unit's other targets are read with its factors in value-maps.
      const entries = Object.entries(source.map).filter(([, to]) => to === MISSING || field !== 'unit');
      for (const [from, to] of entries) if (to === MISSING) mappedMissing.add(JSON.stringify([ruleKind(field), from]));
      const cases = entries.map(([from, to]) => `WHEN ${p.bind(from)} THEN ${to === MISSING ? 'NULL' : p.bind(to)}`).join(' ');
      if (cases) sql = `CASE ${sql} ${cases} ELSE ${sql} END`;
    }
    return sql;
  };
  const describeOrigin = (source: FieldSource | undefined) =>
    source?.column ??
    source?.columns?.join(' + ') ??
    source?.first_of?.join(' or ') ??
    (source?.parts ? Object.values(source.parts).join(' / ') : undefined) ??
    (source?.value !== undefined ? '(constant)' : undefined);

  const fieldSelects = ROW_FIELDS.map((field) => {
    const source = mapping.fields[field];
    const origin = describeOrigin(source);
    if (origin) origins[field] = origin;
    return `${expression(field, source)} AS ${field}`;
  });

  const mapped = headingsReadBy(mapping);
  // Unmapped headings, and those the mapping asks to keep as given too, in file order.
  const keptToo = new Set(mapping.extras ?? []);
  const extraHeadings = raw.headings.filter((h) => !mapped.has(h) || keptToo.has(h));
  const extras = extraHeadings.length
    ? `CASE WHEN ${extraHeadings.map((h) => `${columnOf.get(h)} IS NULL`).join(' AND ')} ` +
      `THEN NULL ELSE json_object(${extraHeadings.map((h) => `${p.bind(h)}, ${columnOf.get(h)}`).join(', ')}) END`
    : 'NULL';

  // raw_rows cells are trimmed and NULL when empty: a row is blank when no cell is left (one coalesce, not N tests).
  const blank = allColumns.length ? `coalesce(${allColumns.join(', ')}) IS NULL` : 'true';
  // A totals row: a total label in any cell and no species (other than the label), or a quantity
  // equal to the sum of the quantities above it, with neither species nor date (checked below).
  const speciesSource = mapping.fields.species ?? mapping.fields.term;
  const speciesValue = speciesSource ? expression('species', speciesSource) : 'NULL';
  const anyCell = allColumns.length ? `lower(concat_ws(chr(31), ${allColumns.join(', ')}))` : "''";
  const labelled = `regexp_matches(${anyCell}, '(^|\\x1f)\\s*(${TOTAL_LABEL})')`;
  const total =
    `CASE WHEN ${speciesValue} IS NULL OR regexp_full_match(lower(${speciesValue}), ` +
    `'\\s*(${TOTAL_LABEL}).*') THEN ${labelled} ELSE false END`;
  const numeric = (sql: string) => `TRY_CAST(replace(${sql}, ',', '') AS DOUBLE)`;
  const quantityValue = mapping.fields.quantity ? expression('quantity', mapping.fields.quantity) : undefined;
  const sumCandidate =
    speciesSource && mapping.fields.date && quantityValue
      ? `${speciesValue} IS NULL AND ${expression('date', mapping.fields.date)} IS NULL AND ${numeric(quantityValue)} > 0`
      : 'false';
  const split = splitFields(mapping.fields, SPECIMEN_FIELDS, (regex) => p.bind(regex));
  const multi = hasSeparator(split, (field) => expression(field, mapping.fields[field]));
  const fieldNames = new Map(split.map((f) => [f.field, p.bind(origins[f.field] ?? f.field)]));
  const filters = filtersOf(mapping).map((f) => {
    const value = columnOf.get(f.column)!;
    if (f.equals !== undefined) return `coalesce(${value} = ${p.bind(String(f.equals))}, false)`;
    if (f.in) return `coalesce(list_contains(${p.bind(f.in.map(String))}, ${value}), false)`;
    if (f.not_in) return `NOT coalesce(list_contains(${p.bind(f.not_in.map(String))}, ${value}), false)`;
    return 'true';
  });
  const keep = filters.length ? filters.join(' AND ') : 'true';

  const actorsAndDocuments = stagingOfActorsAndDocuments(mapping, expression, p);
  await p.createTable(db);

  await checkSeparators(
    db,
    mapping,
    split.filter((f) => f.separator).map((f) => f.field),
  );
  await db.run('CREATE OR REPLACE TEMP TABLE quantity_unknowns AS SELECT unnest(from_json($values, \'["VARCHAR"]\')) AS given', {
    values: JSON.stringify(mapping.unknown_values ?? []),
  });
  await db.run(
    'CREATE OR REPLACE TEMP TABLE mapped_missing AS SELECT pair[1] ' +
      'AS kind, pair[2] AS given FROM (SELECT unnest(from_json($values, ' +
      '\'[["VARCHAR"]]\')) AS pair)',
    {
      values: JSON.stringify([...mappedMissing].map((m) => JSON.parse(m))),
    },
  );
  await db.run(
    'CREATE OR REPLACE TEMP TABLE unit_overrides AS SELECT unnest(from_json($values, ' +
      '\'[{"given": "VARCHAR", "map": "VARCHAR", "factor": "DOUBLE", ' +
      '"to_kg": "DOUBLE"}]\'), recursive := true)',
    {
      values: JSON.stringify(unitOverrides(mapping.fields.unit)),
    },
  );

  // Only the rows that are not plain data (usually none) are stored, in the scan that reads every
  // row anyway; the data rows stay a view over raw_rows, so that each later statement computes just
  // the fields it reads, straight from the file. `multi`: a split cell holds a separator.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE row_marks AS
     SELECT row_number, row_kind, multi FROM (
       SELECT row_number,
         CASE WHEN ${blank} THEN 'blank' WHEN ${total} THEN 'total' WHEN NOT (${keep}) THEN 'filtered' WHEN ${sumCandidate} THEN
         'maybe_total' END AS row_kind,
              ${multi} AS multi
       FROM raw_rows, wen_params)
     WHERE row_kind IS NOT NULL OR multi`,
  );
  const marks = (await db.one<{ maybe: number; multi: number }>(
    "SELECT count(*) FILTER (row_kind = 'maybe_total')::INTEGER AS " +
      'maybe, count(*) FILTER (multi AND row_kind IS NULL)::INTEGER ' +
      'AS multi FROM row_marks',
  ))!;
  if (marks.maybe > 0) {
    // A row with no species or date whose quantity is the sum of the data rows above it. The window
    // (a sort of the rows) runs only when such a row exists.
    await db.run(
      `UPDATE row_marks SET row_kind = CASE WHEN row_number IN (
         SELECT row_number FROM (
           SELECT r.row_number, m.row_kind, r.q,
             sum(r.q) OVER (ORDER BY r.row_number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS above
           FROM (SELECT row_number, ${numeric(quantityValue!)} AS q FROM raw_rows, wen_params) r LEFT JOIN row_marks m ON m.row_number =
             r.row_number
           WHERE m.row_kind IS NULL OR m.row_kind = 'maybe_total')
         WHERE row_kind = 'maybe_total' AND abs(q - above) <= 1e-9 * q) THEN 'total' END
       WHERE row_kind = 'maybe_total'`,
    );
  }
  const kinds = (await db.one<{ blank: number; totals: number; filtered: number; rows: number }>(
    `SELECT count(*) FILTER (row_kind = 'blank')::INTEGER AS blank, count(*) FILTER (row_kind = 'total')::INTEGER AS totals,
            count(*) FILTER (row_kind = 'filtered')::INTEGER AS filtered, (SELECT count(*) FROM raw_rows)::INTEGER AS rows FROM row_marks`,
  ))!;
  const nonData = kinds.blank + kinds.totals + kinds.filtered > 0;
  const dataRows = nonData ? 'row_number NOT IN (SELECT row_number FROM row_marks WHERE row_kind IS NOT NULL)' : 'true';
  const columns = ['ordinal', 'row_number', ...ROW_FIELDS, 'item_index', 'extras'];
  const plainSelect = (where: string) =>
    `SELECT ordinal, row_number,
            ${fieldSelects.join(',\n            ')},
            NULL::INTEGER AS item_index,
            ${extras} AS extras
     FROM raw_rows, wen_params WHERE ${where}`;
  let splitRows = 0;
  if (marks.multi > 0) {
    const candidates = plainSelect(`row_number IN (SELECT row_number FROM row_marks WHERE multi AND row_kind IS NULL)`);
    for (const statement of splitStatements(split, columns, candidates, (field) => fieldNames.get(field as SpecimenField)!))
      await db.run(statement);
    splitRows = (await db.one<{ n: number }>('SELECT count(DISTINCT row_number)::INTEGER AS n FROM staged_split'))!.n;
  } else {
    await db.run('CREATE OR REPLACE TEMP TABLE split_flags (row_number INTEGER, field VARCHAR, value VARCHAR, flag VARCHAR)');
  }
  // Rows split into parts come from staged_split, the others straight from the file.
  await db.run(
    splitRows > 0
      ? `CREATE OR REPLACE TEMP VIEW staged AS
         ${plainSelect(
           `row_number NOT IN (SELECT row_number FROM row_marks WHERE row_kind ` +
             `IS NOT NULL UNION ALL SELECT row_number FROM staged_split)`,
         )}
         UNION ALL SELECT ${columns.join(', ')} FROM staged_split`
      : `CREATE OR REPLACE TEMP VIEW staged AS ${plainSelect(dataRows)}`,
  );
  // A wide table's view costs a bind of every column at each of the ~40 statements that read it
  // (2,000 columns: 3 s for the flag checks alone); its staged rows, 45 columns, are cheaper stored once.
  if (raw.headings.length > WIDE) {
    await db.run('CREATE OR REPLACE TEMP TABLE staged_stored AS SELECT * FROM staged');
    await db.run('CREATE OR REPLACE TEMP VIEW staged AS SELECT * FROM staged_stored');
  }
  const notes = await actorsAndDocuments.prepare(db, dataRows);
  await db.run(`CREATE OR REPLACE TEMP TABLE staged_actors AS ${actorsAndDocuments.actors(dataRows)}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE staged_documents AS ${actorsAndDocuments.documents(dataRows)}`);
  const counts = {
    blank: kinds.blank,
    totals: kinds.totals,
    filtered: kinds.filtered,
    staged: kinds.rows - kinds.blank - kinds.totals - kinds.filtered,
  };
  const keepRawRecords = async (database: Database) => {
    // Most loads reject nothing, and the whole-row text of a wide table is a long statement to plan.
    const none = (await database.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rejected_rows'))!.n === 0;
    if (none) return void (await database.run('CREATE OR REPLACE TEMP TABLE raw_text (row_number INTEGER, raw_record VARCHAR)'));
    const rp = new ParamBuilder();
    await database.run(
      `CREATE OR REPLACE TEMP TABLE raw_text AS SELECT row_number, ${rawRecord(allColumns, rp, raw.headings)} AS raw_record
       FROM raw_rows WHERE row_number IN (SELECT row_number FROM rejected_rows)`,
      rp.params,
    );
  };
  return { counts, origins, keepRawRecords, extraHeadings, notes };
}

/** A map target meaning "no value": stored as NULL, not flagged as unknown. */
const MISSING = 'missing';

/** The kind of normalisation_rules a field's values are listed under. */
const ruleKind = (field: string) => (COUNTRY_FIELDS.has(field) ? 'country' : field);

/** What the mapping says of each unit value (map, factor, to_kg), for the unit map (value-maps.ts). */
function unitOverrides(
  source: FieldSource | undefined,
): Array<{ given: string; map: string | null; factor: number | null; to_kg: number | null }> {
  if (!source) return [];
  const givens = new Set([...Object.keys(source.map ?? {}), ...Object.keys(source.factor ?? {}), ...Object.keys(source.to_kg ?? {})]);
  return [...givens]
    .filter((given) => source.map?.[given] !== MISSING)
    .map((given) => ({
      given,
      map: source.map?.[given] ?? null,
      factor: source.factor?.[given] ?? null,
      to_kg: source.to_kg?.[given] ?? null,
    }));
}

/** The whole row as "heading: value | …", stored with a reject so that nothing given is lost. */
function rawRecord(columns: string[], p: ParamBuilder, headings: string[]): string {
  if (!columns.length) return 'NULL';
  return (
    `concat_ws(' | ', ` +
    `${columns.map((c, i) => `CASE WHEN ${c} IS NULL THEN NULL ELSE concat(${p.bind(headings[i])}, ': ', ${c}) END`).join(', ')})`
  );
}

/**
 * The SQL of staged_actors and staged_documents (one SELECT per actor or document the mapping names), given the test for data rows.
 * An actor whose name reads `names_in_text` is one actor per person the cell names (names-in-text.ts), with the
 * text after the name as its sanction: `prepare` makes the table of those persons first, and says what it read.
 */
function stagingOfActorsAndDocuments(mapping: Mapping, expression: (field: string, source?: FieldSource) => string, p: ParamBuilder) {
  const inText: Array<{ table: string; cell: string; column: string; auto: boolean }> = [];
  const actorSelects = (mapping.actors ?? []).map((actor) => {
    const nameSource = actor.fields.name;
    const mode = nameSource?.names_in_text;
    const table = mode ? `names_in_text_${inText.length}` : undefined;
    if (table)
      inText.push({
        table,
        cell: expression('name', nameSource),
        column: nameSource!.column ?? describeSource(nameSource),
        auto: mode === 'auto',
      });
    const cols = ACTOR_FIELDS.map((field) => {
      if (field === 'kind') return `${p.bind(actor.kind ?? (table ? 'person' : 'unknown'))} AS kind`;
      if (field === 'role' && !actor.fields.role) return `${actor.role ? p.bind(actor.role) : 'NULL::VARCHAR'} AS role`;
      if (table && field === 'name') return 'np.name AS name';
      if (table && field === 'sanction' && !actor.fields.sanction) return 'np.text AS sanction';
      return `${expression(field, actor.fields[field])} AS ${field}`;
    });
    if (table)
      return (dataRows: string) =>
        `SELECT row_number, ${cols.join(', ')} FROM raw_rows CROSS JOIN ` +
        `wen_params JOIN ${table} np ON np.cell = ${inText.find((t) => t.table === table)!.cell} ` +
        `WHERE ${dataRows}`;
    const anyValue =
      Object.keys(actor.fields)
        .map((f) => `${expression(f, actor.fields[f as keyof typeof actor.fields])} IS NOT NULL`)
        .join(' OR ') || 'false';
    return (dataRows: string) => `SELECT row_number, ${cols.join(', ')} FROM raw_rows, wen_params WHERE ${dataRows} AND (${anyValue})`;
  });
  const documentSelects = (mapping.documents ?? []).map((doc) => {
    const cols = DOCUMENT_FIELDS.map((field) => `${expression(field, doc.fields[field])} AS ${field}`);
    const number = expression('number', doc.fields.number);
    return (dataRows: string) =>
      `SELECT row_number, ${cols.join(', ')} FROM raw_rows, wen_params WHERE ${dataRows} AND ${number} IS NOT NULL`;
  });
  const union = (selects: Array<(dataRows: string) => string>, fields: readonly string[]) => (dataRows: string) =>
    selects.length
      ? selects.map((select) => select(dataRows)).join(' UNION ALL ')
      : `SELECT NULL::INTEGER AS row_number, ${fields.map((f) => `NULL::VARCHAR AS ${f}`).join(', ')} WHERE false`;
  /**
   * Makes the persons tables; `auto` reads a column only when at least half of its non-empty cells name
   * persons. Returns lines for the summary.
   */
  const prepare = async (db: Database, dataRows: string): Promise<string[]> => {
    const notes: string[] = [];
    for (const t of inText) {
      const from = `SELECT ${t.cell} AS cell FROM raw_rows, wen_params WHERE ${dataRows}`;
      // A cell that names persons has a colon: a column where most cells have none is not read at all (one scan).
      const colons = (await db.one<{ cells: number; colons: number }>(
        `SELECT count(*)::INTEGER AS cells, count(*) FILTER (regexp_matches(cell, ` +
          `'[:：]'))::INTEGER AS colons FROM (${from}) WHERE cell IS NOT NULL`,
      ))!;
      if (t.auto && colons.colons < SHAPED_SHARE * colons.cells) {
        await db.run(`CREATE OR REPLACE TEMP TABLE ${t.table} (cell VARCHAR, person BIGINT, name VARCHAR, text VARCHAR)`);
        continue;
      }
      for (const statement of namesInTextStatements(from, t.table)) await db.run(statement);
      const share = (await db.one<{ cells: number; shaped: number }>(namesInTextShare(from, t.table)))!;
      if (t.auto && share.shaped < SHAPED_SHARE * share.cells) {
        await db.run(`DELETE FROM ${t.table}`);
        if (share.shaped)
          notes.push(
            `"${t.column}": ${share.shaped} of ${share.cells} cells name ` +
              `persons ("name: sentence"), fewer than half: no actor made from them`,
          );
        continue;
      }
      if (share.shaped)
        notes.push(
          `"${t.column}": ${share.shaped} of ${share.cells} cells name ` +
            `persons ("name: sentence"): one actor per person, with the text ` +
            `after the name as the sanction`,
        );
    }
    return notes;
  };
  return { actors: union(actorSelects, ACTOR_FIELDS), documents: union(documentSelects, DOCUMENT_FIELDS), prepare };
}

const describeSource = (source: FieldSource | undefined) => source?.columns?.join(' + ') ?? source?.first_of?.join(' or ') ?? 'name';

/** A mapping's own separators must be regular expressions DuckDB can use: one clear error otherwise. */
async function checkSeparators(db: Database, mapping: Mapping, fields: SpecimenField[]): Promise<void> {
  for (const field of fields) {
    const regex = mapping.fields[field]!.split as string;
    try {
      await db.run("SELECT regexp_matches('', $regex)", { regex });
    } catch (cause) {
      throw new InputError(
        `mapping: fields.${field}.split "${regex}" is not a regular expression wen can use (${(cause as Error).message.split('\n')[0]})`,
        {
          hint: 'write a regular expression such as "\\s*[;|]\\s*", or true for the usual separators',
          cause,
        },
      );
    }
  }
}
