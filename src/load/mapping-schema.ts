// The one description of a mapping file: a zod schema, strict everywhere, from which the Mapping
// type is inferred (fields.ts re-exports it). A typo in a key or a choice is refused with one line
// naming the mapping file, the key's path and the valid choices, instead of being silently ignored
// (`filtr:` used to load every row unfiltered). The schema is the only place that lists keys.
// checkWithSchema turns zod's issues into that one line for any such file (batch plans use it too).
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';
import { z } from 'zod';
import { InputError, type WenError } from '../errors.js';
import { ACTOR_FIELDS, DOCUMENT_FIELDS, ROW_FIELDS } from './fields.js';

const GROUP_ROWS = ['reference', 'same-details', 'none'] as const;
const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
const ACTOR_KINDS = ['person', 'company', 'unknown'] as const;

/** YAML reads `value: 2019` or `equals: 1` as numbers; wen compares text, so they become text. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const heading = z.string().min(1, 'a heading cannot be empty');
const headings = z.array(heading).min(1, 'give at least one heading');
const positive = z.number({ invalid_type_error: 'expected a number' }).positive('must be more than 0');

/** The keys that say where a value comes from: exactly one of them in a field source. */
const ORIGINS = ['column', 'columns', 'first_of', 'value', 'parts'] as const;

const fieldSourceObject = z
  .object(
    {
      column: heading.optional().describe('the heading of the column that holds the value (`species: Taxon` is short for it)'),
      columns: headings.optional().describe('several columns whose values are joined (with `join`, else a space)'),
      join: z.string().optional().describe('the text between the values of `columns`'),
      first_of: headings.optional().describe('several columns: the first that is not empty in a row gives the value'),
      value: text.optional().describe('a constant, the same for every row'),
      parts: z
        .object({ year: heading, month: heading.optional(), day: heading.optional() })
        .strict()
        .optional()
        .describe('a date split over columns: the year, and the month and day when the file has them (date fields only)'),
      map: z
        .record(text)
        .optional()
        .describe(
          'value as written → value to read instead; "missing" stores NULL (rule "mapped to missing", not flagged). ' +
            'For the unit field the target is a unit (a code or any spelling wen reads)',
        ),
      date_order: z.enum(DATE_ORDERS).optional().describe('dmy (default), mdy or ymd for ambiguous slashed dates'),
      take_before: z
        .string()
        .min(1, 'take_before cannot be empty')
        .optional()
        .describe('keep only the part before this separator ("Cuniculus paca / Paca" → "Cuniculus paca")'),
      split: z
        .union([z.string().min(1, 'split cannot be empty'), z.literal(true)])
        .optional()
        .describe('several values in one cell: a regular expression to split on, or true for the default separators'),
      decimal: z.enum([',', '.']).optional().describe('numbers written 1.234,5: the decimal mark of this column'),
      thousands: z.enum([',', '.', ' ', '']).optional().describe('and its thousands separator'),
      factor: z
        .record(positive)
        .optional()
        .describe(
          'unit field only: unit value as written → how many of its unit (after map) one is ("Arroba": 15 with map "Arroba": kg is 15 kg)',
        ),
      to_kg: z
        .record(positive)
        .optional()
        .describe(
          'unit field only: unit value as written → kilograms one weighs; the unit keeps its code ("Caixas": 20 is a box of 20 kg)',
        ),
      names_in_text: z
        .union([z.boolean(), z.literal('auto')], { errorMap: () => ({ message: 'expected true, false or auto' }) })
        .optional()
        .describe(
          'an actor\'s name only: the cell names several persons ("name: sentence" per line or after ;), one actor each; ' +
            'auto reads the column only when at least half of its cells do',
        ),
    },
    { invalid_type_error: 'expected a heading or { column: … } (or columns, first_of, value, parts)' },
  )
  .strict()
  .superRefine((source, ctx) => {
    const given = ORIGINS.filter((key) => source[key] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: given.length
          ? `gives ${given.join(' and ')}; give only one`
          : 'says where its value comes from with none of column, columns, first_of, value, parts',
        params: { hint: `one of: ${ORIGINS.join(', ')}` },
      });
    }
    if (source.join !== undefined && !source.columns)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['join'], message: 'join only goes with columns' });
    if (source.decimal !== undefined && source.decimal === source.thousands) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['thousands'],
        message: `is "${source.thousands}", the same as decimal`,
        params: { hint: 'the decimal mark and the thousands separator must differ' },
      });
    }
    if (typeof source.split === 'string') {
      try {
        new RegExp(source.split);
      } catch (error) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['split'],
          message: `"${source.split}" is not a regular expression (${(error as Error).message})`,
          params: { hint: 'or give split: true for the default separators' },
        });
      }
    }
  });

/** `species: Taxon` is short for `species: { column: Taxon }`. */
const fieldSource = z.preprocess((v) => (typeof v === 'string' ? { column: v } : v), fieldSourceObject);

function fieldsOf<K extends string>(names: readonly K[]) {
  const shape = Object.fromEntries(names.map((name) => [name, fieldSource.optional()])) as { [P in K]: z.ZodOptional<typeof fieldSource> };
  return z.object(shape, { invalid_type_error: 'expected field: source pairs' }).strict();
}

/**
 * A date split over columns is a seizure's date; other fields take one column. A unit's factor and weight are
 * the unit field's; names in text an actor's name's.
 */
const partsOnlyForDate = (
  fields: Record<string, { parts?: unknown; factor?: unknown; to_kg?: unknown; names_in_text?: unknown } | undefined>,
  ctx: z.RefinementCtx,
  actor = false,
) => {
  for (const [field, source] of Object.entries(fields)) {
    if (source?.names_in_text !== undefined && !(actor && field === 'name')) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field, 'names_in_text'],
        message: "is only for an actor's name",
        params: { hint: 'e.g. actors: [{ kind: person, fields: { name: { column: Sanctions, names_in_text: true } } }]' },
      });
    }
    if (source?.parts && field !== 'date' && field !== 'verdict_date')
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field, 'parts'],
        message: 'is only for the date fields (date, verdict_date)',
        params: { hint: `give ${field} a column` },
      });
    for (const key of ['factor', 'to_kg'] as const) {
      if (source?.[key] && field !== 'unit')
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field, key],
          message: 'is only for the unit field',
          params: { hint: `e.g. unit: { column: Unidade, ${key}: { Arroba: 15 } }` },
        });
    }
  }
};
const rowFields = fieldsOf(ROW_FIELDS).superRefine(partsOnlyForDate);

const actorSource = z
  .object({
    kind: z.enum(ACTOR_KINDS).optional().describe('person, company or unknown, for every actor of this entry'),
    role: z.string().optional().describe('the role of every actor of this entry (courier, importer…)'),
    fields: fieldsOf(ACTOR_FIELDS)
      .superRefine((f, ctx) => partsOnlyForDate(f, ctx, true))
      .describe("actor field → where its value comes from (as in the mapping's fields)"),
  })
  .strict();
const documentSource = z
  .object({
    fields: fieldsOf(DOCUMENT_FIELDS)
      .superRefine(partsOnlyForDate)
      .describe("document field → where its value comes from (as in the mapping's fields)"),
  })
  .strict();

const rowFilter = z
  .object(
    {
      column: heading.describe('the heading of the column tested'),
      equals: text.optional().describe('keep the rows whose cell is this value'),
      in: z.array(text).optional().describe('keep the rows whose cell is one of these values'),
      not_in: z.array(text).optional().describe('keep the rows whose cell is none of these values'),
    },
    { invalid_type_error: 'expected { column: …, equals: … } or a list of them' },
  )
  .strict()
  .superRefine((filter, ctx) => {
    const tests = (['equals', 'in', 'not_in'] as const).filter((key) => filter[key] !== undefined);
    if (tests.length !== 1)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: tests.length ? `gives ${tests.join(' and ')}; give only one` : 'says neither equals, in nor not_in',
        params: { hint: 'e.g. filter: { column: disposition, equals: S }' },
      });
  });

const mappingSchema = z
  .object(
    {
      fields: rowFields.describe("field of a row → where its value comes from (the keys of a field's source below)"),
      actors: z.array(actorSource).optional().describe('persons or companies named in columns: one entry per actor a row names'),
      documents: z.array(documentSource).optional().describe('documents named in columns: one entry per document a row names'),
      filter: z
        .union([rowFilter, z.array(rowFilter)])
        .optional()
        .describe('the rows to load: one filter, or a list of them (all must hold); the others are counted as filtered'),
      null_values: z
        .array(text)
        .optional()
        .describe('cell values meaning "missing" (never applied to country fields: "NA" there is Namibia)'),
      unknown_values: z.array(text).optional().describe('cell values meaning "seized, amount not given": kept as unknown, with a flag'),
      group_rows: z
        .enum(GROUP_ROWS)
        .optional()
        .describe('how rows form seizures: by seizure_ref, by identical seizure details, or one seizure per row'),
      extras: z
        .array(z.string().min(1, 'a heading cannot be empty'))
        .optional()
        .describe(
          'headings kept in seizures.extras as given even though a field reads them ' +
            '(which of two columns gave the quantity; a cell a null marker emptied)',
        ),
      sheet: z.string().min(1, 'a sheet name cannot be empty').optional().describe('the name of the sheet to read in a workbook'),
    },
    { invalid_type_error: 'a mapping is a set of keys (fields:, filter:, group_rows: …)' },
  )
  .strict();

/** The objects a mapping file is made of, by name, for its reference in docs/mappings.md (src/docs/render.ts). */
export const MAPPING_OBJECTS = {
  'a mapping': mappingSchema,
  "a field's source": fieldSourceObject,
  'an actor': actorSource,
  'a document': documentSource,
  'a filter': rowFilter,
};

export type Mapping = z.infer<typeof mappingSchema>;
export type FieldSource = z.infer<typeof fieldSourceObject>;
export type RowFilter = z.infer<typeof rowFilter>;

/** Checks a parsed mapping file (`file` names it in errors) and returns it with every shorthand expanded. */
export function parseMapping(file: string, parsed: unknown): Mapping {
  if (parsed === null || parsed === undefined)
    throw new InputError(`${file}: the mapping is empty; it needs a "fields" section`, {
      hint: 'see docs/mappings.md, or start from: wen mapping draft DATAFILE',
    });
  return checkWithSchema(mappingSchema, file, parsed, (message, hint) => new InputError(message, { hint }));
}

/**
 * A parsed file checked against its schema: the value zod gives back, or the error `fail` makes of one
 * line naming the file, the key's path and what is wrong (with the valid keys or choices as the hint).
 */
export function checkWithSchema<S extends z.ZodTypeAny>(
  schema: S,
  file: string,
  parsed: unknown,
  fail: (message: string, hint?: string) => WenError,
): z.output<S> {
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const issues = explainedByTypos(schema, typosFirst(flatten(result.error.issues)));
  const { where, what, hint } = describeIssue(schema, issues[0]);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more ${issues.length === 2 ? 'problem' : 'problems'})` : '';
  throw fail(`${file}: ${where ? `${where}: ` : ''}${what}${more}`, hint);
}

/** A union's issues are those of the branch that fits the value's type (a list of filters, or one filter). */
function flatten(issues: z.ZodIssue[]): z.ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const branches = issue.unionErrors.map((e) => e.issues);
    const fitting = branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === issue.path.length)) ?? branches[0];
    return fitting?.length ? flatten(fitting) : [issue];
  });
}

/** A typo in a key usually explains the other problems (a misspelt "fields" is also a missing one). */
const typosFirst = (issues: z.ZodIssue[]) =>
  [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));

/** A key missing because it was misspelt (`run:` for `runs:`) is one problem, not two: the typo says it. */
function explainedByTypos(root: z.ZodTypeAny, issues: z.ZodIssue[]): z.ZodIssue[] {
  const meant = new Set(
    issues
      .flatMap((i) =>
        i.code === 'unrecognized_keys' ? i.keys.map((key) => ({ path: i.path, key: nearest(key, keysAt(root, i.path)) })) : [],
      )
      .filter((typo) => typo.key !== undefined)
      .map((typo) => pathText([...typo.path, typo.key!])),
  );
  return issues.filter((i) => !(i.code === 'invalid_type' && i.received === 'undefined' && meant.has(pathText(i.path))));
}

interface Described {
  where: string;
  what: string;
  hint?: string;
}

function describeIssue(root: z.ZodTypeAny, issue: z.ZodIssue): Described {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const known = keysAt(root, path);
    const where = pathText([...path, key]);
    const section = path.length && path[path.length - 1] === 'fields';
    const near = nearest(key, known);
    const others =
      issue.keys.length > 1
        ? ` (also ${issue.keys
            .slice(1)
            .map((k) => `"${k}"`)
            .join(', ')})`
        : '';
    return {
      where,
      what: `unknown ${section ? 'field' : 'key'}${others}`,
      hint: `${near ? `did you mean "${near}"? ` : ''}${section ? 'fields' : 'keys'} here are: ${known.join(', ')}`,
    };
  }
  const where = pathText(path);
  const name = String(path[path.length - 1] ?? 'the mapping');
  switch (issue.code) {
    case 'invalid_enum_value': {
      const options = issue.options.map(String);
      const near = nearest(String(issue.received), options);
      return {
        where,
        what: `${JSON.stringify(issue.received)} is not a choice`,
        hint: `${near ? `did you mean "${near}"? ` : ''}${name} is one of: ${options.map(showChoice).join(', ')}`,
      };
    }
    case 'invalid_literal':
      return { where, what: `${JSON.stringify(issue.received)} is not a choice`, hint: `give a regular expression, or true` };
    case 'invalid_type':
      if (issue.received === 'undefined')
        return {
          where,
          what: 'is missing',
          hint: name === 'fields' ? 'a mapping needs a "fields" section: see docs/mappings.md' : undefined,
        };
      return {
        where,
        what: issue.message.startsWith('Expected')
          ? `expected ${describeExpected(issue.expected)}, got ${describeReceived(issue.received)}`
          : `${issue.message}, got ${describeReceived(issue.received)}`,
      };
    case 'too_small':
      return { where, what: issue.message };
    case 'custom':
      return { where, what: issue.message, hint: (issue.params as { hint?: string } | undefined)?.hint };
    default:
      return { where, what: issue.message };
  }
}

const showChoice = (choice: string) => (/^[a-z-]+$/.test(choice) ? choice : JSON.stringify(choice));
const describeExpected = (type: string) =>
  ({ boolean: 'true or false', array: 'a list', object: 'a set of keys', string: 'text' })[type] ?? type;
const describeReceived = (type: string) =>
  ({ array: 'a list', object: 'a set of keys', string: 'text', number: 'a number', boolean: 'true/false', null: 'nothing' })[type] ?? type;

/** `fields.date.date_order`, `actors[0].kind`, `filter[1].column`. */
function pathText(path: Array<string | number>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${part}`;
  return out;
}

/** The keys a strict object at this path accepts, found by walking the schema. */
function keysAt(root: z.ZodTypeAny, path: Array<string | number>): string[] {
  let schema: z.ZodTypeAny = root;
  const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
    for (;;) {
      if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
      else if (s instanceof z.ZodEffects) s = s.innerType();
      else return s;
    }
  };
  for (const part of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodUnion) {
      const options = (schema.options as z.ZodTypeAny[]).map(unwrap);
      schema = options.find((o) => (typeof part === 'number' ? o instanceof z.ZodArray : o instanceof z.ZodObject)) ?? options[0];
    }
    if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodObject) schema = schema.shape[part as string] ?? schema;
  }
  schema = unwrap(schema);
  if (schema instanceof z.ZodUnion) schema = (schema.options as z.ZodTypeAny[]).map(unwrap).find((o) => o instanceof z.ZodObject) ?? schema;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** The known name a near-miss was meant to be: same letters in another case, or at most two edits away. */
export function nearest(given: string, known: readonly string[]): string | undefined {
  if (given.length < 3) return undefined; // ";" is not a near miss of ","
  const lower = given.toLowerCase().replace(/[\s_-]+/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = name.toLowerCase().replace(/-/g, '_') === lower ? 0 : damerauLevenshtein(lower, name.toLowerCase());
    if (d < bestDistance) (best = name), (bestDistance = d);
  }
  return bestDistance <= Math.min(2, Math.max(1, Math.floor(given.length / 3))) ? best : undefined;
}
