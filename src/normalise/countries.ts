// Countries found inside text → ISO 3166-1 alpha-2 codes, in the order the cell gives them.
// A place cell holds one country ("Viet Nam", "VNM"), a list ("Nigeria / Cameroon", "CM, NG",
// "Malaysia Indonesia"), a name with its qualifier after a comma ("China, People's Republic of",
// "Congo, Dem. Rep."), a territory with its country ("China - Hong Kong" → HK), or a city with its
// country ("Hanoi, Vietnam", "Lagos (Nigeria)"). The cell is read token by token against one index
// of every name the libraries know (country-names.ts): at each token the longest known name wins,
// so commas and "and" inside names ("Trinidad and Tobago") stay, and commas between names split.
//
// Partial results: what is recognised is always kept. When part of a cell is not recognised, value
// holds the recognised codes and the rule starts with "partly recognised:" and quotes what was left
// ("partly recognised: 2 countries; "Atlantis" not recognised"), so the loader can flag the cell
// without losing its countries or inventing a leg by dropping a middle one. value is null only when
// no country at all is recognised (rule "unknown country").
//
// City, Country: unrecognised words joined to a country by a comma, a dash, a space or brackets, and
// opening the cell (or following a list separator), are the place in that country, not an unknown
// country: placesInCell() gives them to the loader. After a country with only a comma
// ("Nigeria, Atlantis, Kenya") they are a list item, so they are reported as not recognised.
import { ARTICLES, isoCountries, nameIndex, nameKey, TERRITORY_OF, tokenise, type Gap } from './country-names.js';
import type { Normalised } from './text.js';

/** CITES codes that are not ISO countries, and former codes still found in old reports (CITES Trade Database). */
export const SPECIAL_CODES: Record<string, string> = {
  XX: 'unknown',
  XA: 'French Antilles',
  XC: 'Caribbean',
  XE: 'Europe',
  XF: 'Africa',
  XM: 'South America',
  XS: 'Asia',
  XV: 'various',
  ZZ: 'introduced from the sea',
  KV: 'Kosovo (CITES code)',
  AN: 'Netherlands Antilles (former)',
  CS: 'Serbia and Montenegro (former)',
  DD: 'German Democratic Republic (former)',
  SU: 'USSR (former)',
  YU: 'Yugoslavia (former)',
  NT: 'Neutral Zone (former)',
  PC: 'Pacific Islands Trust Territory (former)',
};

/** XX: the report says the country is not known. Stored as XX (CITES' own code), it is never a country
 *  given: data quality counts it as missing and a trade chain breaks at it. */
export function isUnknownCountry(code: string | null | undefined): boolean {
  return code === 'XX';
}

/** Two or three letters read as a code, or null. "NA" is Namibia, never "not available". */
function codeOf(text: string): Normalised | null {
  const upper = text.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(text)) {
    if (upper in SPECIAL_CODES) return { value: upper, rule: `CITES code (${SPECIAL_CODES[upper]})` };
    if (isoCountries().isValid(upper)) return { value: upper, rule: 'ISO alpha-2 code' };
    if (upper === 'UK') return { value: 'GB', rule: 'variant UK → GB' };
    if (upper === 'EL') return { value: 'GR', rule: 'EU code EL → GR' };
  }
  // Three letters in one case are a code ("VNM", "vnm"); "Nga" is Vietnamese for Russia, not NGA.
  if (/^[A-Za-z]{3}$/.test(text) && (text === upper || text === text.toLowerCase())) {
    const alpha2 = isoCountries().alpha3ToAlpha2(upper);
    if (alpha2) return { value: alpha2, rule: 'ISO alpha-3 code' };
  }
  return null;
}

function byName(key: string): Normalised | null {
  const { names, variants } = nameIndex();
  const code = names.get(key) ?? names.get(key.replace(/^the /, ''));
  if (code && isUnknownCountry(code)) return { value: code, rule: 'stated unknown (CITES code XX)' };
  return code ? { value: code, rule: variants.has(key) ? 'known variant' : 'country name' } : null;
}

/** One country name or code → alpha-2, or null. */
export function countryCode(given: string): Normalised {
  const text = given.trim();
  if (!text) return { value: null, rule: 'empty' };
  return codeOf(text) ?? byName(nameKey(text)) ?? byName(nameKey(text.replace(/\(.*?\)/g, ''))) ?? { value: null, rule: 'unknown country' };
}

// ---- reading a cell ----

/** Words that join list items; "et", "y", "e" only in lower case ("ET" is Ethiopia), all between spaces. */
const CONNECTORS = new Set(['and', 'And', 'AND', '&', 'et', 'y', 'e', 'und', 'via']);
const LEADING_ARTICLES = new Set([...ARTICLES].filter((a) => a.length > 1 || a === 'l'));

type Item =
  | { kind: 'country'; code: string; from: number; to: number; rule: string }
  | { kind: 'rest'; from: number; to: number }
  | { kind: 'join'; from: number; to: number };

export interface CellReading {
  codes: string[];
  /** City or other place named with its country ("Hanoi" of "Hanoi, Vietnam"), in order. */
  places: string[];
  /** Parts that are neither a country nor a place, as given. */
  unrecognised: string[];
  rule: string;
}

/** Reads a place cell. */
export function readCell(given: string): CellReading {
  const text = given.trim();
  if (!text) return { codes: [], places: [], unrecognised: [], rule: 'empty' };
  // A code needs no name index: files of codes never build it.
  const code = codeOf(text);
  if (code) return { codes: [code.value!], places: [], unrecognised: [], rule: code.rule };
  const tokens = tokenise(text);
  const whole = byName(tokens.map((t) => t.key).join(' '));
  if (whole) return { codes: [whole.value!], places: [], unrecognised: [], rule: whole.rule };

  const n = tokens.length;
  const gapBefore = (i: number): Gap | 'end' => (i >= n ? 'end' : tokens[i].gap);
  const isJoin = (i: number) =>
    i > 0 && i < n - 1 && CONNECTORS.has(tokens[i].raw) && tokens[i].gap === 'space' && tokens[i + 1].gap === 'space';
  const boundaryBefore = (i: number) => gapBefore(i) !== 'space' || isJoin(i - 1);
  const boundaryAfter = (i: number) => i + 1 >= n || gapBefore(i + 1) !== 'space' || isJoin(i + 1);
  const { names, prefixes } = nameIndex();

  /** The longest known name starting at token i, not running over a list separator: its end, or 0. */
  const longest = (i: number): number => {
    let key = tokens[i].key;
    let best = 0;
    for (let j = i + 1; prefixes.has(key); j++) {
      if (names.has(key)) best = j;
      if (j >= n || tokens[j].gap === 'list') break;
      key += ` ${tokens[j].key}`;
    }
    return best;
  };

  const items: Item[] = [];
  for (let i = 0; i < n; ) {
    let from = i;
    if (LEADING_ARTICLES.has(tokens[i].key) && i + 1 < n && tokens[i + 1].gap === 'space' && longest(i + 1)) i++;
    const segment = boundaryBefore(from) && boundaryAfter(i);
    let end = isJoin(from) ? 0 : longest(i);
    // One- and two-letter names (Vietnamese "Mỹ", "Ý", "Úc") only as a part of their own, never "y" between names.
    if (end === i + 1 && tokens[i].key.length <= 2 && !segment) end = 0;
    const code = segment ? codeOf(tokens[i].raw) : null;
    if (code && end <= i + 1) {
      items.push({ kind: 'country', code: code.value!, from, to: i + 1, rule: code.rule });
      i += 1;
    } else if (end) {
      items.push({
        kind: 'country',
        code: names.get(
          tokens
            .slice(i, end)
            .map((t) => t.key)
            .join(' '),
        )!,
        from,
        to: end,
        rule: 'country name',
      });
      i = end;
    } else if (isJoin(from)) {
      items.push({ kind: 'join', from, to: from + 1 });
      i = from + 1;
    } else if (
      LEADING_ARTICLES.has(tokens[from].key) &&
      items.at(-1)?.kind === 'country' &&
      items.at(-1)!.to === from &&
      boundaryAfter(from)
    ) {
      // "Bahamas, The", "Gambia, The": the article of the name before.
      items.at(-1)!.to = from + 1;
      i = from + 1;
    } else {
      i = from;
      const last = items.at(-1);
      if (last?.kind === 'rest' && last.to === i && tokens[i].gap !== 'list') last.to = i + 1;
      else items.push({ kind: 'rest', from: i, to: i + 1 });
      i += 1;
    }
    from = i;
  }

  const slice = (from: number, to: number) => text.slice(tokens[from].start, tokens[to - 1].end);
  /** What joins item k to the item before it: a join word counts as a list separator. */
  const joint = (k: number): Gap | 'end' => {
    if (k >= items.length) return 'end';
    if (k > 0 && items[k - 1].kind === 'join') return 'list';
    return tokens[items[k].from].gap;
  };
  const kept = items.filter((it) => it.kind !== 'join');
  const jointOf = new Map(kept.map((it) => [it, joint(items.indexOf(it))]));

  const notes: string[] = [];
  // A territory named with its country is the territory: "China - Hong Kong", "Hong Kong (China)", "Hong Kong SAR, China".
  for (let k = 0; k + 1 < kept.length; k++) {
    const a = kept[k];
    const b = kept[k + 1];
    if (a.kind !== 'country' || b.kind !== 'country' || !['space', 'comma', 'dash', 'open'].includes(jointOf.get(b)!)) continue;
    // Codes are a list, not a name with its qualifier: "US, AS, AF" is three countries.
    if (a.rule !== 'country name' || b.rule !== 'country name') continue;
    const territory = TERRITORY_OF[b.code] === a.code ? b.code : TERRITORY_OF[a.code] === b.code ? a.code : null;
    if (!territory) continue;
    notes.push(`"${slice(a.from, b.to).replace(/[)\]]+$/, '')}" read as the territory ${territory}`);
    kept.splice(k, 2, { kind: 'country', code: territory, from: a.from, to: b.to, rule: 'territory' });
    jointOf.set(kept[k], jointOf.get(a)!);
  }

  // A city named after its country, then the country: "Mexico City, Mexico", "Kuwait City, Kuwait",
  // "Panama City (Panama)". The first name is part of the city, not a country of its own.
  for (let k = 0; k + 2 < kept.length; k++) {
    const [a, b, c] = [kept[k], kept[k + 1], kept[k + 2]];
    const opensGroup = k === 0 || ['list', 'close'].includes(jointOf.get(a)!);
    if (a.kind !== 'country' || b.kind !== 'rest' || c.kind !== 'country' || !opensGroup || jointOf.get(b) !== 'space') continue;
    if (!['comma', 'dash', 'open'].includes(jointOf.get(c)!)) continue;
    const city: Item = { kind: 'rest', from: a.from, to: b.to };
    kept.splice(k, 2, city);
    jointOf.set(city, jointOf.get(a)!);
  }

  const codes: string[] = [];
  const places: string[] = [];
  const unrecognised: string[] = [];
  kept.forEach((it, k) => {
    if (it.kind === 'country') {
      if (!codes.includes(it.code)) codes.push(it.code);
      return;
    }
    if (it.kind !== 'rest') return;
    const before = kept[k - 1];
    const after = kept[k + 1];
    const opensGroup = k === 0 || ['list', 'close'].includes(jointOf.get(it)!);
    const placeBefore = opensGroup && after?.kind === 'country' && ['space', 'comma', 'dash', 'open'].includes(jointOf.get(after)!);
    const placeInBrackets =
      before?.kind === 'country' && jointOf.get(it) === 'open' && (!after || ['close', 'list'].includes(jointOf.get(after)!));
    (placeBefore || placeInBrackets ? places : unrecognised).push(slice(it.from, it.to));
  });

  if (!codes.length) return { codes, places: [], unrecognised, rule: 'unknown country' };
  const count = codes.length === 1 ? '1 country' : `${codes.length} countries`;
  const parts = unrecognised.length
    ? [`partly recognised: ${count}`, ...unrecognised.map((u) => `"${u}" not recognised`)]
    : [codes.length === 1 ? 'country name' : `split into ${count}`];
  if (places.length) parts.push(`${places.map((p) => `"${p}"`).join(', ')} kept as the place`);
  return { codes, places, unrecognised, rule: [...parts, ...notes].join('; ') };
}

/**
 * A cell that may hold several countries → codes in order, duplicates removed. value is null only when
 * no country is recognised; a rule starting "partly recognised:" means some of the cell was not.
 */
export function countryList(given: string): Normalised<string[]> {
  const r = readCell(given);
  return { value: r.codes.length ? r.codes : null, rule: r.rule };
}

/** The countries of a cell and the places (cities, provinces) named with them. */
export function placesInCell(given: string): { codes: string[]; places: string[] } {
  const { codes, places } = readCell(given);
  return { codes, places };
}

export function countryName(code: string): string | undefined {
  return isoCountries().getName(code, 'en') ?? SPECIAL_CODES[code];
}
