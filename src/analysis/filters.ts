// The filters every analysis accepts (declared in filter-flags.ts). Flags are read by the loader's own normalisers (dates,
// countries, species with their synonyms and common names, terms), so `--species pangolin` means what
// a file's "pangolin" means; an analysis only ever receives valid, bound values. Whether a filter
// matches anything in the database is checked by filter-matches.ts, which has the database.
import { UsageError } from '../errors.js';
import { countryCode } from '../normalise/countries.js';
import { isoCountries } from '../normalise/country-names.js';
import { didYouMean } from '../normalise/closest.js';
import { parseDate } from '../normalise/dates.js';
import { normaliseSpecies } from '../normalise/species.js';
import { termCode, termNames } from '../normalise/terms.js';
import { COUNTRY_ROLES, type CountryRole } from './country-roles.js';
import type { FilterFlags } from './filter-flags.js';

export interface Filters {
  from: string | null; // ISO date, inclusive
  to: string | null;
  species: string | null; // the name the loader would store (accepted name, genus, family…), any rank, compared case-insensitively
  speciesAsGiven: string | null; // the flag as typed, for messages
  country: string | null; // ISO alpha-2
  role: CountryRole;
  term: string | null; // CITES term code
  reportingCountry: string | null;
  source: number | null;
  asOf: string | null; // only records loaded on or before this day
  keepDuplicates?: boolean; // count both records of a seizure two sources told (default: once)
}

export type { FilterFlags } from './filter-flags.js';

export const NO_FILTERS: Filters = {
  from: null,
  to: null,
  species: null,
  speciesAsGiven: null,
  country: null,
  role: 'any',
  term: null,
  reportingCountry: null,
  source: null,
  asOf: null,
};

export function filtersFrom(flags: FilterFlags): Filters {
  const from = flags.from ? dateFlag('--from', flags.from).start : null;
  const to = flags.to ? dateFlag('--to', flags.to).end : null;
  if (from && to && from > to) throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`);
  const role = (flags.role ?? 'any') as CountryRole;
  if (!COUNTRY_ROLES.includes(role))
    throw new UsageError(`unknown --role "${flags.role}"`, { hint: `use one of ${COUNTRY_ROLES.join(', ')}` });
  if (flags.role && !flags.country) throw new UsageError('--role needs --country');
  let source: number | null = null;
  if (flags.source !== undefined) {
    source = Number(flags.source);
    if (!Number.isInteger(source) || source < 1)
      throw new UsageError(`--source "${flags.source}" is not a source id`, { hint: 'source ids are listed by wen info' });
  }
  return {
    from,
    to,
    role,
    source,
    species: flags.species?.trim() ? speciesFlag(flags.species.trim()) : null,
    speciesAsGiven: flags.species?.trim() || null,
    country: flags.country ? countryFlag('--country', flags.country) : null,
    term: flags.term ? termFlag(flags.term) : null,
    reportingCountry: flags.reportingCountry ? countryFlag('--reporting-country', flags.reportingCountry) : null,
    asOf: flags.asOf ? dateFlag('--as-of', flags.asOf).end : null,
    keepDuplicates: Boolean(flags.keepDuplicates),
  };
}

function dateFlag(flag: string, value: string) {
  const parsed = parseDate(value, 'ymd');
  if (!parsed.value) throw new UsageError(`${flag} "${value}" is not a date`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  return parsed.value;
}

function countryFlag(flag: string, value: string): string {
  const code = countryCode(value).value;
  if (!code) {
    const names = Object.values(isoCountries().getNames('en', { select: 'all' })).flat();
    const hint = didYouMean(value, names);
    throw new UsageError(`${flag} "${value}" is not a country wen knows`, {
      hint: `${hint ? `${hint} ` : ''}give an ISO code such as VN or a name such as Viet Nam`,
    });
  }
  return code;
}

/**
 * A species flag as the loader reads a species cell: "Manis tricuspis" (a synonym) → Phataginus
 * tricuspis, "pangolin" → the family Manidae, "MANIS JAVANICA Desmarest" → Manis javanica. A name the
 * reference does not know is kept as typed (cleaned); filter-matches.ts says so when it matches nothing.
 */
export function speciesFlag(value: string): string {
  const read = normaliseSpecies(value);
  // Known to the reference when it has higher taxa; "ivory" reads as a Latin word but is a term.
  if (read.value?.family || read.value?.class) return read.value.taxon.replace(/ spp\.$/, '');
  const term = termCode(value).value;
  if (term)
    throw new UsageError(`--species "${value}" is a kind of specimen (CITES term ${term}), not a species`, {
      hint: `use --term "${value}"`,
    });
  return read.value?.taxon.replace(/ spp\.$/, '') ?? value;
}

function termFlag(value: string): string {
  const code = termCode(value).value;
  if (!code) {
    const hint = didYouMean(value, termNames());
    throw new UsageError(`--term "${value}" is not a CITES term wen knows`, {
      hint: `${hint ? `${hint} ` : ''}give a code such as SCA or a name such as scales`,
    });
  }
  return code;
}

/** The filters as bound parameters for the selection SQL. */
export function filterParams(filters: Filters) {
  return {
    from: filters.from,
    to: filters.to,
    species: filters.species,
    country: filters.country,
    role: filters.role,
    term: filters.term,
    reporting_country: filters.reportingCountry,
    source: filters.source,
    as_of: filters.asOf,
  };
}
