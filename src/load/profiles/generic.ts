// A mapping file (YAML or JSON) says how any table becomes wen's fields. It is checked against its
// schema (mapping-schema.ts) when read, and against the file's headings before any row is staged,
// so a typo in a key, a choice or a column name is one clear error.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../errors.js';
import type { FieldSource, Mapping, RowFilter } from '../fields.js';
import { parseMapping } from '../mapping-schema.js';
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
    throw new InputError(`${path}: not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(cause as Error).message.split('\n')[0]}`, {
      cause,
    });
  }
  return parseMapping(path, parsed);
}

/** Every heading the mapping names must be in the file. */
export function checkMappingAgainstHeadings(mappingPath: string, mapping: Mapping, headings: string[], file: string): void {
  const known = new Set(headings);
  const named: Array<[where: string, heading: string]> = [];
  const collect = (where: string, source: FieldSource | undefined) => {
    if (!source) return;
    if (source.column) named.push([where, source.column]);
    for (const column of [...(source.columns ?? []), ...(source.first_of ?? [])]) named.push([where, column]);
    for (const [part, column] of Object.entries(source.parts ?? {})) if (column) named.push([`${where}.parts.${part}`, column]);
  };
  for (const [field, source] of Object.entries(mapping.fields)) collect(`fields.${field}`, source);
  mapping.actors?.forEach((a, i) => Object.entries(a.fields).forEach(([f, s]) => collect(`actors[${i}].${f}`, s)));
  mapping.documents?.forEach((d, i) => Object.entries(d.fields).forEach(([f, s]) => collect(`documents[${i}].${f}`, s)));
  for (const filter of filtersOf(mapping)) named.push(['filter', filter.column]);
  for (const heading of mapping.extras ?? []) named.push(['extras', heading]);
  for (const [where, heading] of named) {
    if (!known.has(heading)) {
      throw new InputError(`${mappingPath}: ${where} names column "${heading}", which ${file} does not have`, {
        hint: `its columns are: ${headings.slice(0, 40).join(', ')}${headings.length > 40 ? ', …' : ''}`,
      });
    }
  }
}

/** Every heading the mapping's fields, actors and documents read (filters aside). */
export function headingsReadBy(mapping: Mapping): Set<string> {
  const named = new Set<string>();
  const add = (s?: FieldSource) =>
    [s?.column, ...(s?.columns ?? []), ...(s?.first_of ?? []), ...Object.values(s?.parts ?? {})].forEach((c) => c && named.add(c));
  Object.values(mapping.fields).forEach(add);
  mapping.actors?.forEach((a) => Object.values(a.fields).forEach(add));
  mapping.documents?.forEach((d) => Object.values(d.fields).forEach(add));
  return named;
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
  recognises: {},
  detect: () => ({ score: 0, reason: 'needs a mapping (--mapping FILE)' }),
  mappingFor: () => {
    throw new Error('the generic profile reads the mapping it is given');
  },
};
