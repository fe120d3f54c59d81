import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { countryCode, countryList } from '../../src/normalise/countries.js';
import { LANGUAGES } from '../../src/normalise/country-names.js';

const require = createRequire(import.meta.url);
const iso = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
const world = require('world-countries') as Array<{
  cca2: string;
  altSpellings: string[];
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  translations: Record<string, { common: string; official: string }>;
}>;

/** Every (name, code) pair the two libraries give, in the registered languages, altSpellings longer than 3 letters. */
function libraryNames(): Array<[name: string, code: string]> {
  const pairs: Array<[string, string]> = [];
  for (const code of Object.keys(iso.getAlpha2Codes())) pairs.push([code, code], [iso.alpha2ToAlpha3(code)!, code]);
  for (const lang of LANGUAGES)
    for (const [code, names] of Object.entries(iso.getNames(lang, { select: 'all' }))) for (const n of names) pairs.push([n, code]);
  for (const c of world) {
    pairs.push([c.name.common, c.cca2], [c.name.official, c.cca2]);
    for (const n of [...Object.values(c.name.native ?? {}), ...Object.values(c.translations)])
      pairs.push([n.common, c.cca2], [n.official, c.cca2]);
    for (const n of c.altSpellings) if (n.length > 3) pairs.push([n, c.cca2]);
  }
  return pairs;
}

/**
 * Names the libraries give to two countries, or give to the wrong one; each reads as the code written here.
 * Where the name is shared, the index keeps the first country in its order (variants, then official
 * English names, then other languages), which is the one a person means in a seizure report.
 */
const EXCEPTIONS: Record<string, { reads: string; reason: string }> = {
  'CD Congo': { reads: 'CG', reason: '"Congo" alone is the Republic of the Congo in UN usage; i18n also lists it for the DRC' },
  'CD Kongo': { reads: 'CG', reason: 'German and Slovak "Kongo" is given to both Congos' },
  'CG República Democrática do Congo': {
    reads: 'CD',
    reason: "i18n-iso-countries gives the DRC's Portuguese name to the Republic of the Congo (library error); a variant puts it back",
  },
  'CD República Popular do Congo': {
    reads: 'CG',
    reason: "the other half of the same swap: the People's Republic of the Congo (1970–91) is today's Republic of the Congo",
  },
  'SX São Martinho': { reads: 'MF', reason: 'Portuguese uses one name for Saint-Martin (MF) and Sint Maarten (SX)' },
  'SX Saint-Martin': { reads: 'MF', reason: 'the French native name of Sint Maarten is that of Saint-Martin' },
  'SX Svatý Martin': { reads: 'MF', reason: 'Czech: one name for both halves of the island' },
  'SX Sveti Martin': { reads: 'MF', reason: 'Croatian and Serbian: one name for both halves of the island' },
  'SX سن مارتن': { reads: 'MF', reason: 'Persian: one name for both halves of the island' },
  'CM WybrzeŻe Kości Słoniowej': {
    reads: 'CI',
    reason: "world-countries gives the Polish name of Côte d'Ivoire to Cameroon (library error)",
  },
  'CM Republika WybrzeŻa Kości Słoniowej': { reads: 'CI', reason: 'same library error, official form' },
  'DM 도미니카 공화국': { reads: 'DO', reason: "Korean: world-countries gives the Dominican Republic's name to Dominica" },
  'DM 多米尼加': { reads: 'DO', reason: 'Chinese "多米尼加" is used for both Dominica and the Dominican Republic' },
  'GF Guiana': { reads: 'GY', reason: '"Guiana" is an old spelling of Guyana and, in Italian and Portuguese, French Guiana' },
  'GF Guyana': { reads: 'GY', reason: 'Dutch and Slovak "Guyana" for French Guiana is Guyana\'s own name' },
  'GY Guayana': { reads: 'GF', reason: 'Finnish "Guayana" is also Spanish for French Guiana' },
  'GY Gvajana': { reads: 'GF', reason: "Croatian and Serbian: French Guiana's name comes first in the index" },
  'GY گیانا': { reads: 'GF', reason: 'Urdu: one name for Guyana and French Guiana' },
  'IO 인도': { reads: 'IN', reason: "world-countries gives India's Korean name to the British Indian Ocean Territory (library error)" },
  'IO 인도 공화국': { reads: 'IN', reason: 'same library error, official form' },
  'PG پاپوآ گینه نو': { reads: 'GN', reason: 'Persian: the index takes it for Guinea, whose Persian name it contains (library spelling)' },
  'GS 조지아': { reads: 'GE', reason: 'Korean "조지아" is Georgia; world-countries also gives it to South Georgia' },
  'SS Sudan': { reads: 'SD', reason: 'world-countries gives South Sudan the Polish name "Sudan" (library error)' },
  'SS Republika Sudanu': { reads: 'SD', reason: 'same library error, official form' },
  'TZ Tádzsikisztán': { reads: 'TJ', reason: "world-countries gives Tajikistan's Hungarian name to Tanzania (library error)" },
  'TZ Tádzsik Köztársaság': { reads: 'TJ', reason: 'same library error, official form' },
  'VI Neitsytsaaret': { reads: 'VG', reason: 'Finnish "Virgin Islands" names both the British and the US islands' },
  'VI Виргинские Острова': { reads: 'VG', reason: 'Russian "Virgin Islands" names both the British and the US islands' },
  'WS Szamoa': { reads: 'AS', reason: "Hungarian: world-countries gives Samoa's name to American Samoa as well" },
};

const PAIRS = libraryNames();
const DISTINCT = [...new Map(PAIRS.map(([n, c]) => [`${c} ${n}`, [n, c] as const])).values()];

describe('every name the libraries know', () => {
  it('reads as its own code, except the documented shared names, which read as the code written in EXCEPTIONS', () => {
    const wrong: Record<string, string | null> = {};
    for (const [name, code] of DISTINCT) {
      const got = countryCode(name).value;
      if (got !== code) wrong[`${code} ${name}`] = got;
    }
    const documented = Object.fromEntries(
      Object.entries(EXCEPTIONS)
        .filter(([k, e]) => k.slice(0, 2) !== e.reads)
        .map(([k, e]) => [k, e.reads]),
    );
    expect(wrong).toEqual(documented);
  });

  it('keeps each name of a list, in order, whatever list separator joins them', () => {
    const usable = DISTINCT.filter(([n, c]) => !EXCEPTIONS[`${c} ${n}`] && !/[;/\n|+>→、]/.test(n));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...usable), { minLength: 1, maxLength: 4, selector: ([, c]) => c }),
        fc.constantFrom(' / ', '; ', '\n', ' | ', '、'),
        (names, separator) => {
          expect(countryList(names.map(([n]) => n).join(separator)).value).toEqual(names.map(([, c]) => c));
        },
      ),
      { numRuns: 500 },
    );
  });
});
