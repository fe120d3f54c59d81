// Mapping files against their schema: each mistake is refused with one line naming the file, the
// key's path and what is wrong, and a hint with the valid choices; good mappings (the shipped ones
// and one with every new key) are read with their shorthands expanded.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { nearest } from '../../src/load/mapping-schema.js';
import { checkMappingAgainstHeadings, readMappingFile } from '../../src/load/profiles/generic.js';
import { FIXTURES, MAPPINGS, tempDatabase, tempDir } from '../helpers.js';

function mappingFile(text: string, name = 'map.yaml'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** The error's message (after the file name) and hint, or 'no error'. */
function refusal(text: string): { message: string; hint?: string; exitCode: number } | 'no error' {
  const path = mappingFile(text);
  try {
    readMappingFile(path);
    return 'no error';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    return { message: error.message.slice(path.length + 2), hint: error.hint, exitCode: error.exitCode };
  }
}

const TOP_KEYS = 'fields, actors, documents, filter, null_values, unknown_values, group_rows, extras, sheet';
const SOURCE_KEYS =
  'column, columns, join, first_of, value, parts, map, date_order, take_before, split, decimal, thousands, factor, to_kg, names_in_text';

describe('a mistake in a mapping file is one line with the key path and a hint', () => {
  it('refuses the typo "filtr" (which used to load every row unfiltered) and suggests "filter", with exit code 3', () => {
    expect(refusal('filtr: { column: source, equals: I }\nfields: { species: taxon }\n')).toEqual({
      message: 'filtr: unknown key',
      hint: `did you mean "filter"? keys here are: ${TOP_KEYS}`,
      exitCode: 3,
    });
  });

  it('does not load a file under a mapping with a typo', async () => {
    const db = await tempDatabase();
    const path = mappingFile('filtr: { column: source, equals: I }\nfields: { species: taxon, quantity: qty_importer }\n');
    await expect(loadFile(db, join(FIXTURES, 'generic-small.csv'), { mappingPath: path })).rejects.toThrow(
      /map\.yaml: filtr: unknown key$/,
    );
  });

  it.each([
    [
      'a misspelt key of a field source',
      'fields: { date: { column: d, date_ordr: mdy } }',
      'fields.date.date_ordr: unknown key',
      `did you mean "date_order"? keys here are: ${SOURCE_KEYS}`,
    ],
    [
      'an unknown field',
      'fields: { specie: taxon }',
      'fields.specie: unknown field',
      /^did you mean "species"\? fields here are: seizure_ref, date, time, .*, cites_source, weight, cites_appendix$/,
    ],
    [
      'an unknown actor field',
      'fields: { species: a }\nactors: [{ kind: person, fields: { nam: b } }]',
      'actors[0].fields.nam: unknown field',
      /^did you mean "name"\? fields here are: kind, name, family_name, /,
    ],
    [
      'a misspelt "fields", which is also missing: one problem, the typo',
      'feilds: { species: a }',
      'feilds: unknown key',
      `did you mean "fields"? keys here are: ${TOP_KEYS}`,
    ],
    [
      'a misspelt key of a filter',
      'fields: { species: a }\nfilter: { column: a, equal: S }',
      'filter.equal: unknown key (and 1 more problem)',
      'did you mean "equals"? keys here are: column, equals, in, not_in',
    ],
    [
      'a misspelt key in the second of a list of filters',
      'fields: { species: a }\nfilter: [{ column: a, equals: S }, { colum: b, in: [x] }]',
      'filter[1].colum: unknown key',
      'did you mean "column"? keys here are: column, equals, in, not_in',
    ],
    [
      'a misspelt part of a date',
      'fields: { date: { parts: { year: Y, mnth: M } } }',
      'fields.date.parts.mnth: unknown key',
      'did you mean "month"? keys here are: year, month, day',
    ],
    ['a key far from any known one', 'colour: blue\nfields: { species: a }', 'colour: unknown key', `keys here are: ${TOP_KEYS}`],
  ])('refuses %s', (_what, text, message, hint) => {
    const got = refusal(text);
    expect(got).not.toBe('no error');
    if (got === 'no error') return;
    expect(got.message).toBe(message);
    if (typeof hint === 'string') expect(got.hint).toBe(hint);
    else expect(got.hint).toMatch(hint);
  });

  it.each([
    [
      'group_rows',
      'group_rows: same_details\nfields: { species: a }',
      'group_rows: "same_details" is not a choice',
      'did you mean "same-details"? group_rows is one of: reference, same-details, none',
    ],
    [
      'date_order',
      'fields: { date: { column: d, date_order: dym } }',
      'fields.date.date_order: "dym" is not a choice',
      'did you mean "dmy"? date_order is one of: dmy, mdy, ymd',
    ],
    [
      'an actor kind',
      'fields: { species: a }\nactors: [{ kind: persn, fields: { name: b } }]',
      'actors[0].kind: "persn" is not a choice',
      'did you mean "person"? kind is one of: person, company, unknown',
    ],
    [
      'a decimal mark',
      'fields: { quantity: { column: q, decimal: ";" } }',
      'fields.quantity.decimal: ";" is not a choice',
      'decimal is one of: ",", "."',
    ],
    [
      'a thousands separator',
      'fields: { quantity: { column: q, thousands: "_" } }',
      'fields.quantity.thousands: "_" is not a choice',
      'thousands is one of: ",", ".", " ", ""',
    ],
  ])('refuses a value of %s that is not one of its choices', (_what, text, message, hint) => {
    expect(refusal(text)).toEqual({ message, hint, exitCode: 3 });
  });

  it.each([
    [
      'two origins for one field',
      'fields: { species: { column: a, columns: [b] } }',
      'fields.species: gives column and columns; give only one',
      'one of: column, columns, first_of, value, parts',
    ],
    [
      'a field source with no origin',
      'fields: { species: { take_before: " / " } }',
      'fields.species: says where its value comes from with none of column, columns, first_of, value, parts',
      'one of: column, columns, first_of, value, parts',
    ],
    [
      'a number where a heading is expected',
      'fields: { species: 3 }',
      'fields.species: expected a heading or { column: … } (or columns, first_of, value, parts), got a number',
      undefined,
    ],
    [
      'a filter without a test',
      'fields: { species: a }\nfilter: { column: a }',
      'filter: says neither equals, in nor not_in',
      'e.g. filter: { column: disposition, equals: S }',
    ],
    ['a filter without its column', 'fields: { species: a }\nfilter: { equals: S }', 'filter.column: is missing', undefined],
    [
      'the same decimal mark and thousands separator',
      'fields: { quantity: { column: q, decimal: ",", thousands: "," } }',
      'fields.quantity.thousands: is ",", the same as decimal',
      'the decimal mark and the thousands separator must differ',
    ],
    [
      'a split that is not a regular expression',
      'fields: { species: { column: s, split: "[" } }',
      'fields.species.split: "[" is not a regular expression (Invalid regular expression: /[/: Unterminated character class)',
      'or give split: true for the default separators',
    ],
    [
      'split: false',
      'fields: { species: { column: s, split: false } }',
      'fields.species.split: false is not a choice',
      'give a regular expression, or true',
    ],
    [
      'parts for a field other than date',
      'fields: { species: { parts: { year: Y } } }',
      'fields.species.parts: is only for the date fields (date, verdict_date)',
      'give species a column',
    ],
    ['parts without a year', 'fields: { date: { parts: { month: M } } }', 'fields.date.parts.year: is missing', undefined],
    [
      'join without columns',
      'fields: { species: { column: a, join: " " } }',
      'fields.species.join: join only goes with columns',
      undefined,
    ],
    [
      'an empty list of headings',
      'fields: { quantity: { first_of: [] } }',
      'fields.quantity.first_of: give at least one heading',
      undefined,
    ],
    ['a list where fields are expected', 'fields: [species]', 'fields: expected field: source pairs, got a list', undefined],
    ['a mapping that is a list', '- fields', 'a mapping is a set of keys (fields:, filter:, group_rows: …), got a list', undefined],
    ['a mapping without fields', 'group_rows: none', 'fields: is missing', 'a mapping needs a "fields" section: see docs/mappings.md'],
    [
      'an empty file',
      '',
      'the mapping is empty; it needs a "fields" section',
      'see docs/mappings.md, or start from: wen mapping draft DATAFILE',
    ],
  ])('refuses %s', (_what, text, message, hint) => {
    expect(refusal(text)).toEqual({ message, hint, exitCode: 3 });
  });

  it("names a heading of a date's parts that the file does not have", () => {
    const mapping = readMappingFile(mappingFile('fields: { date: { parts: { year: Year, month: Mes } } }'));
    expect(() => checkMappingAgainstHeadings('map.yaml', mapping, ['Year', 'Month'], 'data.csv')).toThrow(
      /^map\.yaml: fields\.date\.parts\.month names column "Mes", which data\.csv does not have$/,
    );
    expect(() => checkMappingAgainstHeadings('map.yaml', mapping, ['Year', 'Mes'], 'data.csv')).not.toThrow();
  });
});

describe('good mappings', () => {
  it('reads a mapping with every new key, expanding a plain heading to { column }', () => {
    const path = mappingFile(
      [
        'unknown_values: [seized, "?"]',
        'null_values: [NA, 0]',
        'group_rows: reference',
        'filter: [{ column: kind, in: [S, 1] }, { column: kind, not_in: [X] }]',
        'fields:',
        '  seizure_ref: ID',
        '  date: { parts: { year: Ano, month: Mes, day: Dia } }',
        '  species: { column: Taxa, split: true }',
        '  common_name: { column: Names, split: "\\\\s*[;/]\\\\s*" }',
        '  quantity: { column: Qtd, decimal: ",", thousands: "." }',
        '  item_value: { column: Valor, decimal: ".", thousands: "" }',
        '  reporting_country: { value: BR }',
        '  latitude: { value: 0 }',
        'actors: [{ kind: unknown, role: driver, fields: { name: Motorista, phones: { column: Tel, split: true } } }]',
      ].join('\n'),
    );
    expect(readMappingFile(path)).toEqual({
      unknown_values: ['seized', '?'],
      null_values: ['NA', '0'],
      group_rows: 'reference',
      filter: [
        { column: 'kind', in: ['S', '1'] },
        { column: 'kind', not_in: ['X'] },
      ],
      fields: {
        seizure_ref: { column: 'ID' },
        date: { parts: { year: 'Ano', month: 'Mes', day: 'Dia' } },
        species: { column: 'Taxa', split: true },
        common_name: { column: 'Names', split: '\\s*[;/]\\s*' },
        quantity: { column: 'Qtd', decimal: ',', thousands: '.' },
        item_value: { column: 'Valor', decimal: '.', thousands: '' },
        reporting_country: { value: 'BR' },
        latitude: { value: '0' },
      },
      actors: [{ kind: 'unknown', role: 'driver', fields: { name: { column: 'Motorista' }, phones: { column: 'Tel', split: true } } }],
    });
  });

  it('reads a JSON mapping the same way', () => {
    const path = mappingFile(
      JSON.stringify({ fields: { species: 'taxon', date: { column: 'd', date_order: 'mdy' } }, filter: { column: 'src', equals: 'I' } }),
      'map.json',
    );
    expect(readMappingFile(path)).toEqual({
      fields: { species: { column: 'taxon' }, date: { column: 'd', date_order: 'mdy' } },
      filter: { column: 'src', equals: 'I' },
    });
  });

  it.each(readdirSync(MAPPINGS).filter((f) => /\.ya?ml$/.test(f)))('validates the shipped mapping %s', (name) => {
    const mapping = readMappingFile(join(MAPPINGS, name));
    expect(Object.keys(mapping.fields).length).toBeGreaterThan(5);
  });

  it('validates the test fixture mapping', () => {
    expect(readMappingFile(join(FIXTURES, 'generic-small.yaml')).fields.species).toEqual({ column: 'taxon', take_before: ' / ' });
  });
});

describe('did you mean', () => {
  it.each([
    ['filtr', 'filter'],
    ['Fields', 'fields'],
    ['same_details', 'same-details'],
    ['grup_rows', 'group_rows'],
    ['nul_values', 'null_values'],
    ['colour', undefined],
    ['x', undefined],
  ])('takes "%s" for "%s"', (given, meant) => {
    expect(nearest(given, ['fields', 'filter', 'group_rows', 'null_values', 'same-details'])).toBe(meant);
  });
});
