// The name index behind countries.ts: every name, translation and spelling that i18n-iso-countries
// and world-countries know, plus the variants seizure reports use, keyed by folded tokens. It is
// matched token by token, so reading a cell costs a few map look-ups however many languages are
// registered — no regular expression per country. Building it takes about 0.65 s (world-countries
// and 18 locales), which every load paid; `npm run build` therefore writes it beside the compiled
// module (country-index.json), keyed by this code and the libraries' versions, and a run reads that
// (about 0.06 s) when the key matches and builds it afresh otherwise (always, when run from src/).
import type Countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import { prebuiltKey, readPrebuilt, writePrebuilt } from '../prebuilt.js';
import { fold } from './text.js';

const require = createRequire(import.meta.url);

/** Languages registered with i18n-iso-countries: the languages of the seizure reports we see. */
export const LANGUAGES = [
  'en',
  'fr',
  'es',
  'pt',
  'zh',
  'vi',
  'th',
  'id',
  'ar',
  'ru',
  'de',
  'it',
  'ms',
  'ja',
  'ko',
  'nl',
  'tr',
  'sw',
] as const;

let library: typeof Countries | undefined;
let registered = false;
/** The library; English only until the index needs the other languages (they cost start-up time). */
export function isoCountries(all = false): typeof Countries {
  library ??= require('i18n-iso-countries') as typeof Countries;
  if (!registered) {
    library.registerLocale(require('i18n-iso-countries/langs/en.json'));
    if (all) {
      for (const lang of LANGUAGES) library.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
      registered = true;
    }
  }
  return library;
}

/** Territories that reports name together with their country ("China - Hong Kong", "Hong Kong, China"). */
export const TERRITORY_OF: Record<string, string> = {
  HK: 'CN',
  MO: 'CN',
  TW: 'CN',
  PR: 'US',
  GU: 'US',
  VI: 'US',
  AS: 'US',
  MP: 'US',
  GL: 'DK',
  FO: 'DK',
  AW: 'NL',
  CW: 'NL',
  SX: 'NL',
  RE: 'FR',
  GF: 'FR',
  GP: 'FR',
  MQ: 'FR',
  YT: 'FR',
  NC: 'FR',
  PF: 'FR',
  BM: 'GB',
  GI: 'GB',
  KY: 'GB',
  VG: 'GB',
  IM: 'GB',
  JE: 'GB',
  GG: 'GB',
};

/** Spellings seen in seizure reports that the libraries do not know, or know for another country. */
const VARIANTS: Record<string, string> = {
  'viet nam': 'VN',
  vietnam: 'VN',
  'viet-nam': 'VN',
  vn: 'VN',
  'hong kong': 'HK',
  'hong kong sar': 'HK',
  'hong kong sar china': 'HK',
  hongkong: 'HK',
  'hk sar': 'HK',
  'china hong kong sar': 'HK',
  'hong kong special administrative region': 'HK',
  hksar: 'HK',
  中国香港: 'HK',
  'hong kong china': 'HK',
  macao: 'MO',
  macau: 'MO',
  'macao sar': 'MO',
  'macau sar': 'MO',
  'macao special administrative region': 'MO',
  中国澳门: 'MO',
  'lao pdr': 'LA',
  laos: 'LA',
  lao: 'LA',
  "lao people's democratic republic": 'LA',
  'rdp lao': 'LA',
  congo: 'CG',
  'republic of congo': 'CG',
  'congo brazzaville': 'CG',
  'congo rep': 'CG',
  'rep of congo': 'CG',
  'congo dem rep': 'CD',
  'dem rep congo': 'CD',
  'dem rep of the congo': 'CD',
  drc: 'CD',
  'dr congo': 'CD',
  'rd congo': 'CD',
  rdc: 'CD',
  'congo kinshasa': 'CD',
  'democratic republic of congo': 'CD',
  zaire: 'CD',
  'republique democratique du congo': 'CD',
  'república democrática do congo': 'CD',
  'república democrática del congo': 'CD',
  'república popular do congo': 'CG',
  'ivory coast': 'CI',
  'cote d ivoire': 'CI',
  'cote divoire': 'CI',
  uk: 'GB',
  'united kingdom': 'GB',
  'great britain': 'GB',
  england: 'GB',
  britain: 'GB',
  scotland: 'GB',
  wales: 'GB',
  usa: 'US',
  'u s a': 'US',
  us: 'US',
  'u s': 'US',
  'united states': 'US',
  'united states of america': 'US',
  america: 'US',
  'etats unis': 'US',
  'estados unidos': 'US',
  uae: 'AE',
  'u a e': 'AE',
  emirates: 'AE',
  'united arab emirates': 'AE',
  dubai: 'AE',
  'emirats arabes unis': 'AE',
  'emiratos arabes unidos': 'AE',
  'south korea': 'KR',
  korea: 'KR',
  'korea rep': 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  'coree du sud': 'KR',
  'corea del sur': 'KR',
  'north korea': 'KP',
  'korea dpr': 'KP',
  dprk: 'KP',
  russia: 'RU',
  'russian federation': 'RU',
  libia: 'LY',
  libye: 'LY',
  iran: 'IR',
  'iran islamic rep': 'IR',
  syria: 'SY',
  tanzania: 'TZ',
  'united republic of tanzania': 'TZ',
  tanzanie: 'TZ',
  bolivia: 'BO',
  venezuela: 'VE',
  'venezuela rb': 'VE',
  moldova: 'MD',
  'czech republic': 'CZ',
  czechia: 'CZ',
  'micronesia fed sts': 'FM',
  micronesia: 'FM',
  taiwan: 'TW',
  'taiwan province of china': 'TW',
  'chinese taipei': 'TW',
  china: 'CN',
  'mainland china': 'CN',
  prc: 'CN',
  'p r china': 'CN',
  'p r c': 'CN',
  'peoples republic of china': 'CN',
  chine: 'CN',
  "china people's republic of": 'CN',
  'china peoples republic of': 'CN',
  burma: 'MM',
  myanmar: 'MM',
  swaziland: 'SZ',
  eswatini: 'SZ',
  'cape verde': 'CV',
  'cabo verde': 'CV',
  'the gambia': 'GM',
  gambia: 'GM',
  'gambia the': 'GM',
  turkiye: 'TR',
  turkey: 'TR',
  holland: 'NL',
  'the netherlands': 'NL',
  'guinea bissau': 'GW',
  'guinee bissau': 'GW',
  'equatorial guinea': 'GQ',
  'guinee equatoriale': 'GQ',
  'guinea ecuatorial': 'GQ',
  centrafrique: 'CF',
  car: 'CF',
  'central african rep': 'CF',
  'sao tome': 'ST',
  vatican: 'VA',
  brunei: 'BN',
  namibia: 'NA',
  namibie: 'NA',
  philippine: 'PH',
  phillipines: 'PH',
  phillippines: 'PH',
  philipines: 'PH',
  unknown: 'XX',
  unk: 'XX',
  inconnu: 'XX',
  inconnue: 'XX',
  desconocido: 'XX',
  desconhecido: 'XX',
  'not known': 'XX',
  'n k': 'XX',
};

/** Abbreviations of the UN and World Bank lists ("Congo, Dem. Rep.", "St. Lucia"), read as the words. */
const ABBREVIATIONS = new Map(
  Object.entries({ dem: 'democratic', rep: 'republic', st: 'saint', ste: 'sainte', sts: 'states', fed: 'federated', peoples: 'people' }),
);

/** Scripts written without spaces between words: each character is a token, so "中国香港" splits into names. */
const UNSPACED_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar'].map((s) => `\\p{Script=${s}}`).join('');
const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');
const UNSPACED_RUNS = new RegExp(`[${UNSPACED_SCRIPTS}]|[^${UNSPACED_SCRIPTS}]+`, 'gu');

/** What stands between two tokens; it decides whether a name may run on and what a city belongs to. */
export type Gap = 'start' | 'space' | 'comma' | 'dash' | 'open' | 'close' | 'list';

export interface Token {
  /** Folded, abbreviations expanded: the form the index is keyed by. */
  key: string;
  raw: string;
  start: number;
  end: number;
  /** What separates it from the token before. */
  gap: Gap;
}

function gapKind(between: string): Gap {
  if (between === ' ' || between === '' || between === '. ') return 'space';
  if (between === ', ') return 'comma';
  if (/[;|+\n\r、；/>→]/.test(between)) return 'list';
  if (/[)\]）]/.test(between)) return 'close';
  if (/[([（]/.test(between)) return 'open';
  if (/[,，]/.test(between)) return 'comma';
  if (/[-–—]/.test(between)) return 'dash';
  return 'space';
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
/** Whether the character at i belongs to a word: ASCII tested by code, the rest by its Unicode class. */
function wordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER.test(text[i]);
}

/** A cell as tokens with the separators between them; a hand-written scanner, as cells are many. */
export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '&' && !wordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    if (text[i] === '&') i++;
    else
      while (i < text.length && wordChar(text, i)) {
        if (text.charCodeAt(i) >= 128) ascii = false;
        i++;
      }
    const word = text.slice(start, i);
    const between = text.slice(last, start);
    let gap: Gap = out.length === 0 ? 'start' : gapKind(between);
    last = i;
    if (word === '&') {
      out.push({ key: 'and', raw: '&', start, end: i, gap });
      continue;
    }
    // "People's" → "people": the s after an apostrophe carries nothing.
    if ((word === 's' || word === 'S') && /['’`´]$/.test(between)) continue;
    // Plain ASCII words (most cells) need no Unicode folding.
    const folded = ascii ? word.toLowerCase() : fold(word);
    if (!folded) continue;
    const pieces = !ascii && UNSPACED.test(folded) ? folded.match(UNSPACED_RUNS)! : [folded];
    let offset = start;
    for (const piece of pieces) {
      const key = ABBREVIATIONS.get(piece) ?? piece;
      // Offsets of pieces are approximate when folding changed the length; only whole words are sliced.
      const end = pieces.length === 1 ? i : Math.min(i, offset + piece.length);
      out.push({ key, raw: pieces.length === 1 ? word : text.slice(offset, end), start: offset, end, gap });
      offset = end;
      gap = 'space';
    }
  }
  return out;
}

/** The index key of a name: its tokens joined by single spaces. */
export function nameKey(text: string): string {
  return tokenise(text)
    .map((t) => t.key)
    .join(' ');
}

export interface NameIndex {
  names: Map<string, string>;
  /** Every key prefix on a token boundary, so a match grows token by token and stops as soon as no name can follow. */
  prefixes: Set<string>;
  variants: Set<string>;
  /** Keys that the libraries give to more than one country; the first (by the order below) wins. */
  shared: Map<string, Set<string>>;
}

let index: NameIndex | undefined;

/** Leading words of "Republic of Korea" that UN and World Bank lists put after a comma: "Korea, Republic of". */
const LINKS = new Set(['of', 'de', 'du', 'des', 'del', 'da', 'do', 'di']);
const ARTICLES = new Set(['the', 'la', 'le', 'les', 'l', 'el', 'los', 'las', 'o', 'a']);

function inversions(key: string): string[] {
  const words = key.split(' ');
  const out: string[] = [];
  if (words[0] === 'the' && words.length > 1) out.push(words.slice(1).join(' '), `${words.slice(1).join(' ')} the`);
  const at = words.findIndex((w, i) => i > 0 && LINKS.has(w));
  if (at > 0 && at < words.length - 1) {
    let rest = at + 1;
    if (ARTICLES.has(words[rest]) && rest < words.length - 1) rest++;
    const head = words.slice(0, rest).join(' ');
    const tail = words.slice(rest).join(' ');
    out.push(`${tail} ${head}`, `${tail} ${words.slice(0, at).join(' ')}`);
  }
  return out;
}

/** The index: read from the file `npm run build` wrote when it is of this code, else built. */
export function nameIndex(): NameIndex {
  index ??= readIndexFile() ?? buildIndex();
  return index;
}

/** Where the build writes the index: beside this module (dist/normalise/ when run from dist/). */
const INDEX_FILE = new URL('./country-index.json', import.meta.url);

/**
 * What the index is made from: the text of this module and of the folding it uses, and the versions
 * of the two libraries. A file written from anything else is not read (src/prebuilt.ts).
 */
const indexKey = () => prebuiltKey(import.meta.url, ['./text'], ['i18n-iso-countries', 'world-countries']);

interface IndexFile {
  names: Array<[string, string]>;
  prefixes: string[];
  variants: string[];
  shared: Array<[string, string[]]>;
}

/** The index in a file written by writeIndexFile, undefined when it is missing or of other code. */
export function readIndexFile(from: URL | string = INDEX_FILE): NameIndex | undefined {
  const file = readPrebuilt<IndexFile>(from, indexKey());
  if (!file) return undefined;
  return {
    names: new Map(file.names),
    prefixes: new Set(file.prefixes),
    variants: new Set(file.variants),
    shared: new Map(file.shared.map(([k, codes]) => [k, new Set(codes)])),
  };
}

/** Writes the index beside this module (`npm run build`); `to` for a test. */
export function writeIndexFile(to: URL | string = INDEX_FILE): void {
  const built = buildIndex();
  const file: IndexFile = {
    names: [...built.names],
    prefixes: [...built.prefixes],
    variants: [...built.variants],
    shared: [...built.shared].map(([k, codes]) => [k, [...codes]]),
  };
  writePrebuilt(to, indexKey(), file);
}

/** The index from the libraries: every name of every language, in order of priority. */
export function buildIndex(): NameIndex {
  const lib = isoCountries(true);
  const names = new Map<string, string>();
  const shared = new Map<string, Set<string>>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = nameKey(name);
    if (!key) return;
    const had = names.get(key);
    if (had === undefined) names.set(key, code);
    else if (had !== code) (shared.get(key) ?? shared.set(key, new Set([had])).get(key)!).add(code);
  };
  const world = require('world-countries') as Array<{
    cca2: string;
    altSpellings: string[];
    name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
    translations: Record<string, { common: string; official: string }>;
  }>;
  const byLanguage = LANGUAGES.map((lang) => Object.entries(lib.getNames(lang, { select: 'all' })));
  // Order is priority: the variants, then official English names, then the other languages and
  // spellings, so that an alias ("Congo" for the DRC) never shadows another country's own name.
  for (const [name, code] of Object.entries(VARIANTS)) add(name, code);
  for (const entries of byLanguage) for (const [code, list] of entries) add(list[0], code);
  for (const c of world) {
    add(c.name.common, c.cca2);
    add(c.name.official, c.cca2);
  }
  for (const entries of byLanguage) for (const [code, list] of entries) list.slice(1).forEach((n) => add(n, code));
  for (const c of world) {
    for (const n of Object.values(c.name.native ?? {})) {
      add(n.common, c.cca2);
      add(n.official, c.cca2);
    }
    for (const n of Object.values(c.translations)) {
      add(n.common, c.cca2);
      add(n.official, c.cca2);
    }
    for (const n of c.altSpellings) if (n.length > 3) add(n, c.cca2);
  }
  // "Korea, Republic of", "Congo, Dem. Rep.", "Bahamas, The": the qualifier after the name.
  for (const [key, code] of [...names]) for (const inverted of inversions(key)) if (!names.has(inverted)) names.set(inverted, code);
  const prefixes = new Set<string>();
  for (const key of names.keys()) {
    const words = key.split(' ');
    for (let i = 1; i <= words.length; i++) prefixes.add(words.slice(0, i).join(' '));
  }
  return { names, prefixes, variants: new Set(Object.keys(VARIANTS).map(nameKey)), shared };
}

export { ARTICLES };
