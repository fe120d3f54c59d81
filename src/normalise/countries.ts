// Country names and codes → ISO 3166-1 alpha-2. Names come from i18n-iso-countries in English,
// French, Spanish and Portuguese; the variants seizure reports actually use, and CITES' own codes,
// are listed below because no library has them.
import type Countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import { fold, type Normalised } from './text.js';

const require = createRequire(import.meta.url);
const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;

let library: typeof Countries | undefined;
/** The library with its four languages, loaded on first use: it costs 50 ms, a third of wen's start-up. */
function isoCountries(): typeof Countries {
  if (!library) {
    library = require('i18n-iso-countries') as typeof Countries;
    for (const lang of LANGUAGES) library.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  }
  return library;
}

/** CITES codes that are not ISO countries, and historical ones still found in old reports. */
export const SPECIAL_CODES: Record<string, string> = {
  XX: 'unknown',
  YU: 'Yugoslavia (historical)',
  SU: 'USSR (historical)',
  CS: 'Serbia and Montenegro (historical)',
  AN: 'Netherlands Antilles (historical)',
  DD: 'German Democratic Republic (historical)',
};

/** Spellings seen in seizure reports that the library does not know, or knows for another country. */
const VARIANTS: Record<string, string> = {
  'viet nam': 'VN', 'vietnam': 'VN', 'viet-nam': 'VN', 'vn': 'VN',
  'hong kong': 'HK', 'hong kong sar': 'HK', 'hong kong sar china': 'HK', 'hongkong': 'HK', 'hk sar': 'HK', 'china hong kong sar': 'HK',
  'macao': 'MO', 'macau': 'MO', 'macao sar': 'MO',
  'lao pdr': 'LA', 'laos': 'LA', 'lao': 'LA', 'lao people s democratic republic': 'LA', 'rdp lao': 'LA',
  'congo': 'CG', 'republic of congo': 'CG', 'congo brazzaville': 'CG', 'congo rep': 'CG', 'rep of congo': 'CG',
  'congo dem rep': 'CD', 'dem rep congo': 'CD', 'dem rep of the congo': 'CD', 'drc': 'CD', 'dr congo': 'CD', 'rd congo': 'CD', 'rdc': 'CD',
  'congo kinshasa': 'CD', 'democratic republic of congo': 'CD', 'zaire': 'CD', 'republique democratique du congo': 'CD',
  'ivory coast': 'CI', 'cote d ivoire': 'CI', 'cote divoire': 'CI',
  'uk': 'GB', 'united kingdom': 'GB', 'great britain': 'GB', 'england': 'GB', 'britain': 'GB',
  'usa': 'US', 'u s a': 'US', 'us': 'US', 'united states': 'US', 'united states of america': 'US', 'america': 'US', 'etats unis': 'US', 'estados unidos': 'US',
  'uae': 'AE', 'u a e': 'AE', 'emirates': 'AE', 'united arab emirates': 'AE', 'dubai': 'AE', 'emirats arabes unis': 'AE', 'emiratos arabes unidos': 'AE',
  'south korea': 'KR', 'korea': 'KR', 'korea rep': 'KR', 'republic of korea': 'KR', 'korea republic of': 'KR', 'coree du sud': 'KR', 'corea del sur': 'KR',
  'north korea': 'KP', 'korea dpr': 'KP', 'dprk': 'KP',
  'russia': 'RU', 'russian federation': 'RU',
  'libia': 'LY', 'libye': 'LY',
  'iran': 'IR', 'iran islamic rep': 'IR', 'syria': 'SY', 'tanzania': 'TZ', 'united republic of tanzania': 'TZ', 'tanzanie': 'TZ',
  'bolivia': 'BO', 'venezuela': 'VE', 'moldova': 'MD', 'czech republic': 'CZ', 'czechia': 'CZ',
  'taiwan': 'TW', 'taiwan province of china': 'TW', 'chinese taipei': 'TW',
  'china': 'CN', 'mainland china': 'CN', 'prc': 'CN', 'p r china': 'CN', 'peoples republic of china': 'CN', 'chine': 'CN',
  'burma': 'MM', 'myanmar': 'MM', 'swaziland': 'SZ', 'eswatini': 'SZ', 'cape verde': 'CV', 'cabo verde': 'CV',
  'the gambia': 'GM', 'gambia': 'GM', 'gambia the': 'GM', 'turkiye': 'TR', 'turkey': 'TR', 'holland': 'NL', 'the netherlands': 'NL',
  'guinea bissau': 'GW', 'guinee bissau': 'GW', 'equatorial guinea': 'GQ', 'guinee equatoriale': 'GQ', 'guinea ecuatorial': 'GQ',
  'centrafrique': 'CF', 'car': 'CF', 'central african rep': 'CF', 'sao tome': 'ST', 'vatican': 'VA', 'brunei': 'BN',
  'namibia': 'NA', 'namibie': 'NA',
  'unknown': 'XX', 'unk': 'XX', 'inconnu': 'XX', 'inconnue': 'XX', 'desconocido': 'XX', 'desconhecido': 'XX', 'not known': 'XX', 'n k': 'XX',
};

/** Separators between countries; the words must stand between spaces and in lower case ("ET" is Ethiopia). */
const SEPARATORS = /\s*[;/|+&\n]\s*|\s+(?:and|et|y|e)\s+/;
const LONGEST_NAME_PARTS = 4;

let index: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = fold(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  // Official names first so that an alias ("Congo" for the DRC) never shadows another country's name.
  for (const lang of LANGUAGES) for (const [code, names] of Object.entries(isoCountries().getNames(lang, { select: 'all' }))) add(names[0], code);
  for (const lang of LANGUAGES) for (const [code, names] of Object.entries(isoCountries().getNames(lang, { select: 'all' }))) names.slice(1).forEach((n) => add(n, code));
  for (const [name, code] of Object.entries(VARIANTS)) map.set(fold(name), code);
  return map;
}

/** One country name or code → alpha-2, or null. */
export function countryCode(given: string): Normalised {
  const text = given.trim();
  if (!text) return { value: null, rule: 'empty' };
  const upper = text.toUpperCase();
  // Two letters are a code: "NA" is Namibia, never "not available".
  if (/^[A-Za-z]{2}$/.test(text)) {
    if (isoCountries().isValid(upper)) return { value: upper, rule: 'ISO alpha-2 code' };
    if (upper in SPECIAL_CODES) return { value: upper, rule: `CITES code (${SPECIAL_CODES[upper]})` };
    if (upper === 'UK') return { value: 'GB', rule: 'variant UK → GB' };
    if (upper === 'EL') return { value: 'GR', rule: 'EU code EL → GR' };
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const alpha2 = isoCountries().alpha3ToAlpha2(upper);
    if (alpha2) return { value: alpha2, rule: 'ISO alpha-3 code' };
  }
  index ??= buildIndex();
  const key = fold(text);
  const direct = index.get(key) ?? index.get(key.replace(/^the /, '')) ?? index.get(fold(text.replace(/\(.*?\)/g, '')));
  if (direct) return { value: direct, rule: VARIANTS[key] ? 'known variant' : 'country name' };
  return { value: null, rule: 'unknown country' };
}

/** A cell that may hold several countries ("Nigeria / Cameroon", "CM, NG") → codes in order, duplicates removed. */
export function countryList(given: string): Normalised<string[]> {
  const whole = countryCode(given);
  if (whole.value) return { value: [whole.value], rule: whole.rule };
  // Commas both separate countries and sit inside names ("Congo, Dem. Rep."): join neighbouring
  // parts back greedily, longest known name first.
  const parts = given.split(SEPARATORS).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return { value: null, rule: whole.rule };
  const codes: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let matched = 0;
    for (let j = Math.min(parts.length, i + LONGEST_NAME_PARTS); j > i && !matched; j--) {
      const one = countryCode(parts.slice(i, j).join(', '));
      if (one.value) {
        if (!codes.includes(one.value)) codes.push(one.value);
        matched = j - i;
      }
    }
    if (!matched) return { value: null, rule: `unknown country "${parts[i]}"` };
    i += matched;
  }
  if (codes.length === 1) return { value: codes, rule: 'country name' };
  return { value: codes, rule: `split into ${codes.length} countries` };
}

export function countryName(code: string): string | undefined {
  return isoCountries().getName(code, 'en') ?? SPECIAL_CODES[code];
}
