// A mapping file (YAML or JSON) says how any table becomes wen's fields. It is checked against the
// file's headings before anything is read, so a typo in a column name is one clear error.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../errors.js';
import { ACTOR_FIELDS, DOCUMENT_FIELDS, ROW_FIELDS, type FieldSource, type Mapping, type RowFilter } from '../fields.js';
import type { SeizureTableProfile } from './profile.js';

export function readMappingFile(path: string): Mapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(`${path}: cannot read the mapping file (${(cause as NodeJS.ErrnoException).code ?? cause})`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new InputError(`${path}: not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  if (!parsed || typeof parsed !== 'object' || !('fields' in parsed)) {
    throw new InputError(`${path}: a mapping needs a "fields" section`, { hint: 'see "Mapping files" in the README' });
  }
  const mapping = parsed as Mapping;
  checkFieldNames(path, 'fields', mapping.fields, ROW_FIELDS);
  mapping.actors?.forEach((actor, i) => checkFieldNames(path, `actors[${i}].fields`, actor.fields, ACTOR_FIELDS));
  mapping.documents?.forEach((doc, i) => checkFieldNames(path, `documents[${i}].fields`, doc.fields, DOCUMENT_FIELDS));
  for (const [field, source] of Object.entries(mapping.fields)) mapping.fields[field as keyof Mapping['fields']] = asSource(source);
  for (const block of [...(mapping.actors ?? []), ...(mapping.documents ?? [])]) {
    for (const [field, source] of Object.entries(block.fields)) (block.fields as Record<string, FieldSource>)[field] = asSource(source);
  }
  return mapping;
}

/** `species: Taxon` is short for `species: { column: Taxon }`. */
function asSource(source: unknown): FieldSource {
  return typeof source === 'string' ? { column: source } : (source as FieldSource);
}

function checkFieldNames(path: string, section: string, fields: object | undefined, known: readonly string[]): void {
  for (const name of Object.keys(fields ?? {})) {
    if (!known.includes(name)) throw new InputError(`${path}: ${section} has an unknown field "${name}"`, { hint: `fields are: ${known.join(', ')}` });
  }
}

/** Every heading the mapping names must be in the file. */
export function checkMappingAgainstHeadings(mappingPath: string, mapping: Mapping, headings: string[], file: string): void {
  const known = new Set(headings);
  const named: Array<[where: string, heading: string]> = [];
  const collect = (where: string, source: FieldSource | undefined) => {
    if (!source) return;
    if (source.column) named.push([where, source.column]);
    for (const column of [...(source.columns ?? []), ...(source.first_of ?? [])]) named.push([where, column]);
  };
  for (const [field, source] of Object.entries(mapping.fields)) collect(`fields.${field}`, source);
  mapping.actors?.forEach((a, i) => Object.entries(a.fields).forEach(([f, s]) => collect(`actors[${i}].${f}`, s)));
  mapping.documents?.forEach((d, i) => Object.entries(d.fields).forEach(([f, s]) => collect(`documents[${i}].${f}`, s)));
  for (const filter of filtersOf(mapping)) named.push(['filter', filter.column]);
  for (const [where, heading] of named) {
    if (!known.has(heading)) {
      throw new InputError(`${mappingPath}: ${where} names column "${heading}", which ${file} does not have`, {
        hint: `its columns are: ${headings.slice(0, 40).join(', ')}${headings.length > 40 ? ', …' : ''}`,
      });
    }
  }
}

export function filtersOf(mapping: Mapping): RowFilter[] {
  if (!mapping.filter) return [];
  return Array.isArray(mapping.filter) ? mapping.filter : [mapping.filter];
}

/** The user's own mapping: chosen whenever one is given, never guessed. */
export const genericProfile: SeizureTableProfile = {
  name: 'generic',
  kind: 'seizure-table',
  description: 'any table, read with a mapping file (YAML or JSON) that names the column of each field',
  writes: ['seizures', 'specimens', 'actors', 'documents'],
  knownHeading: () => false,
  detect: () => ({ score: 0, reason: 'needs a mapping (--mapping FILE)' }),
  mappingFor: () => {
    throw new Error('the generic profile reads the mapping it is given');
  },
};
