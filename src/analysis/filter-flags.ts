// The filters every analysis accepts, declared once: each one's key (as Commander and FilterFlags name
// it), the value it takes and its help. The analyze command's flags, the batch plan's `filters:` keys
// (snake case) and the FilterFlags type are all made from this list, so adding a filter is one entry
// here and its reading in filters.ts. Its own small module, without zod or the normalisers, so that the
// CLI can build its options without loading them.
import { COUNTRY_ROLES } from './country-roles.js';

interface FilterDeclaration {
  /** The value's name in the help (`--from <date>`); none for a switch. */
  value?: string;
  help: string;
  choices?: readonly string[];
  /** Set once for the whole batch plan (its top-level `as_of:`), not per run. */
  planWide?: true;
}

export const FILTER_DECLARATIONS = {
  from: { value: '<date>', help: 'seizures on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  to: { value: '<date>', help: 'seizures on or before this date' },
  species: { value: '<taxon>', help: 'a taxon at any rank: Manis javanica, Manis, Manidae, Pholidota, Mammalia' },
  country: { value: '<country>', help: 'a country in any role (name or ISO code); see --role' },
  role: { value: '<role>', help: 'the role of --country', choices: COUNTRY_ROLES },
  term: { value: '<term>', help: 'a CITES term (code or name): SCA, tusks, live…' },
  reportingCountry: { value: '<country>', help: 'only seizures reported by this country' },
  source: { value: '<id>', help: 'only seizures from this source (see wen info)' },
  asOf: { value: '<date>', help: 'only records loaded on or before this day (to reproduce an earlier run)', planWide: true },
  keepDuplicates: { help: 'count both records of a seizure that two sources told (default: once, the better-graded source speaking)' },
} as const satisfies Record<string, FilterDeclaration>;

type Declared = typeof FILTER_DECLARATIONS;
export type FilterKey = keyof Declared;

/** The filters as flags, before they are read: text for a filter with a value, a boolean for a switch. */
export type FilterFlags = { [K in FilterKey]?: Declared[K] extends { value: string } ? string : boolean };

export const FILTER_KEYS = Object.keys(FILTER_DECLARATIONS) as FilterKey[];

/** A key as a flag or a plan key: reportingCountry → reporting-country (separator '-') or reporting_country ('_'). */
export function filterKeyName(key: FilterKey, separator: '-' | '_'): string {
  return key.replace(/[A-Z]/g, (c) => `${separator}${c.toLowerCase()}`);
}

/** The flag as Commander reads it: `--reporting-country <country>`, `--keep-duplicates`. */
export function filterFlag(key: FilterKey): string {
  const declared: FilterDeclaration = FILTER_DECLARATIONS[key];
  return `--${filterKeyName(key, '-')}${declared.value ? ` ${declared.value}` : ''}`;
}
