// Species as real files write them → an accepted scientific name with its higher taxa and CITES appendix,
// read from a reference of taxa (src/reference/taxa.csv, or an imported CITES Checklist: useTaxonRows).
// Files write Latin names in any case, with or without authorities ("POTOS FLAVUS (SCHREBER)"), old
// names (synonyms), misspellings ("Manispentadactyla"), and common names in English, French, Spanish
// or Portuguese, often plural ("Indian Star Tortoises", "Pirarucu"). Each distinct value is read once
// (value-maps.ts), so the look-ups may be generous: the exact name, the name without spaces, a common
// name (singular or plural, a product word such as "eggs" set aside), then the closest known name
// within a small edit distance (a rule "close to …" that the loader flags). A value that is neither
// Latin in shape nor a known common name is flagged, never taken as a genus. The appendix is the one of
// the most specific listing: a species row says its own; a species the reference lacks takes its
// genus's, family's or order's when that taxon is listed as a whole (the rule says which).
import { createRequire } from 'node:module';
import { readReferenceCsv } from '../reference/read-reference.js';
import { fold, type Normalised } from './text.js';

// talisman ships CommonJS without types; `limited` stops counting past `max` (cheap on long names).
const { limited: editDistance } = createRequire(import.meta.url)('talisman/metrics/damerau-levenshtein.js') as {
  limited: (max: number, a: string, b: string) => number;
};

export interface Taxon {
  taxon: string;
  rank: string;
  genus: string | null;
  family: string | null;
  order: string | null;
  class: string | null;
  appendix: string | null;
}

interface Entry extends Taxon {
  accepted: string | null;
  /** The taxon whose listing gave `appendix` (itself, or the genus, family or order listed as a whole). */
  listedAs: string | null;
}

/**
 * One taxon of a reference, in the columns of src/reference/taxa.csv: the bundled file and an imported
 * CITES Checklist (`wen reference import`) both reach the normaliser in this shape. Empty string = none.
 * A species (or subspecies) row's appendix is the Appendices' word for it ('' = not listed); a genus,
 * family or order row's appendix is its listing as a whole ('' = not listed as a whole: look higher).
 */
export interface TaxonRow {
  name: string;
  rank: string;
  genus: string;
  family: string;
  order: string;
  class: string;
  appendix: string;
  accepted: string; // for a synonym, the accepted name; '' for an accepted name
  common_names: string; // ';'-separated
}

interface Reference {
  byName: Map<string, Entry>;
  /** Species-level names without spaces ("manispentadactyla"). */
  byCompact: Map<string, Entry>;
  byCommonName: Map<string, Entry>;
  /** Keys for the closest-name search, by length: compact scientific names and common names. */
  names: Map<number, Array<[string, Entry]>>;
  commonNames: Map<number, Array<[string, Entry]>>;
}

let reference: Reference | undefined;
let rows: TaxonRow[] | null = null;
let referenceName = 'bundled';

/** Replaces the bundled reference with `given` (null: back to the bundled one) until the next call. */
export function useTaxonRows(given: TaxonRow[] | null, name = given ? 'imported' : 'bundled'): void {
  rows = given;
  referenceName = name;
  reference = undefined;
}

/** Which reference the normaliser reads now ("bundled", or the name given to useTaxonRows). */
export function taxonReferenceName(): string {
  return referenceName;
}

const SPECIES_RANKS = new Set(['species', 'subspecies', 'variety']);
const compact = (name: string) => fold(name).replace(/ /g, '');

function addByLength(map: Map<number, Array<[string, Entry]>>, key: string, entry: Entry) {
  const list = map.get(key.length) ?? [];
  list.push([key, entry]);
  map.set(key.length, list);
}

function load(): Reference {
  const ref: Reference = { byName: new Map(), byCompact: new Map(), byCommonName: new Map(), names: new Map(), commonNames: new Map() };
  const nil = (s: string | undefined) => (!s ? null : s);
  const entries: Entry[] = [];
  for (const row of rows ?? (readReferenceCsv('taxa.csv') as unknown as TaxonRow[])) {
    const appendix = nil(row.appendix);
    const entry: Entry = {
      taxon: row.name,
      rank: row.rank,
      genus: nil(row.genus),
      family: nil(row.family),
      order: nil(row.order),
      class: nil(row.class),
      appendix,
      accepted: nil(row.accepted),
      listedAs: appendix ? row.name : null,
    };
    entries.push(entry);
    const key = fold(row.name);
    if (!ref.byName.has(key)) ref.byName.set(key, entry);
    if (key.includes(' ')) {
      ref.byCompact.set(compact(row.name), entry);
      addByLength(ref.names, compact(row.name), entry);
    } else {
      addByLength(ref.names, key, entry);
    }
    for (const common of (row.common_names ?? '').split(';').map(fold).filter(Boolean)) {
      if (!ref.byCommonName.has(common)) {
        ref.byCommonName.set(common, entry);
        addByLength(ref.commonNames, common, entry);
      }
    }
  }
  // A genus, family or order not listed as a whole takes the listing of the nearest higher taxon that is.
  for (const entry of entries) {
    if (entry.accepted || entry.appendix || SPECIES_RANKS.has(entry.rank)) continue;
    const higher = listingAbove(ref, entry);
    if (higher) Object.assign(entry, { appendix: higher.appendix, listedAs: higher.listedAs });
  }
  return ref;
}

/** The nearest taxon above `entry` (family, then order) that is listed as a whole. */
function listingAbove(ref: Reference, entry: Taxon): { appendix: string; listedAs: string } | null {
  for (const name of [entry.rank === 'family' ? null : entry.family, entry.rank === 'order' ? null : entry.order]) {
    if (!name || name === entry.taxon) continue;
    const above = ref.byName.get(fold(name));
    if (above?.appendix && above.listedAs === above.taxon) return { appendix: above.appendix, listedAs: above.taxon };
  }
  return null;
}

function ref(): Reference {
  reference ??= load();
  return reference;
}

/** An entry with a synonym replaced by its accepted name. */
function accepted(entry: Entry | undefined): Entry | undefined {
  if (!entry?.accepted) return entry;
  return ref().byName.get(fold(entry.accepted)) ?? entry;
}

function lookup(name: string): Entry | undefined {
  return accepted(ref().byName.get(fold(name)));
}

function taxonOf(entry: Entry): Taxon {
  const { accepted: _accepted, listedAs: _listedAs, ...taxon } = entry;
  return taxon;
}

/** "; appendix II from the listing of Testudinidae" when the appendix comes from a higher taxon. */
function listingNote(entry: Entry | undefined): string {
  return entry?.appendix && entry.listedAs && entry.listedAs !== entry.taxon
    ? `; appendix ${entry.appendix} from the listing of ${entry.listedAs}`
    : '';
}

/** The one known key closest to `key` within a small edit distance (none when two are as close). */
function closest(key: string, byLength: Map<number, Array<[string, Entry]>>): { key: string; entry: Entry } | null {
  if (key.length < 6) return null;
  const max = key.length < 12 ? 1 : 2;
  let best: { key: string; entry: Entry; distance: number } | null = null;
  let tie = false;
  for (let length = key.length - max; length <= key.length + max; length++) {
    for (const [candidate, entry] of byLength.get(length) ?? []) {
      if (candidate[0] !== key[0]) continue;
      const distance = editDistance(max, key, candidate);
      if (distance > max) continue;
      if (!best || distance < best.distance) {
        best = { key: candidate, entry, distance };
        tie = false;
      } else if (distance === best.distance && accepted(entry) !== accepted(best.entry)) tie = true;
    }
  }
  return best && !tie ? best : null;
}

// Words of common names in the languages of seizure files: a name made with one is no Latin name.
const COMMON_WORDS = new Set(
  `
  and of the with for from live dead dried frozen stuffed albino fertile juvenile baby young wild mixed assorted unknown other
  bird egg turtle tortoise terrapin snake lizard frog toad newt salamander parrot parakeet macaw cockatoo lovebird finch
  falcon eagle owl hawk pigeon dove songbird monkey ape cat dog bear deer fox wolf tiger leopard python boa cobra viper
  rattlesnake gecko iguana chameleon skink monitor crocodile alligator caiman tegu pangolin elephant rhino shark ray eel fish
  coral shell scale skin meat horn ivory tusk feather bone head claw tooth teeth fin wood log timber plank carving leaf
  root orchid cactus cacti plant tree hatchling tadpole beak scute gall bladder thrush sparrow robin shama bulbul myna
  mynah starling canary siskin cardinal toucan hornbill crane heron quail partridge francolin bustard chicken jay
  red black white green yellow blue grey gray brown golden spotted striped indian african asian chinese european american
  giant common great lesser little small large sea water river pond box star land tropical
  oiseau tortue perroquet serpent singe ecaille ivoire peau viande corne bois des du la le les et
  pajaro ave tortuga loro serpiente mono escama marfil piel carne cuerno madera del el los las y
  passaro tartaruga jabuti papagaio arara cobra macaco peixe pele ovo couro de da do dos das e com
`
    .trim()
    .split(/\s+/),
);

// Product words that follow a common name ("Parrot eggs", "Hawksbill Turtle Scutes"): set aside for the look-up.
const PRODUCT_WORD_FORMS = [
  'eggs?',
  'scales?',
  'skins?',
  'meat',
  'horns?',
  'tusks?',
  'ivory',
  'beaks?',
  'scutes?',
  'shells?',
  'feathers?',
  'bones?',
  'hatchlings?',
  'gall bladders?',
  'carcass(?:es)?',
  'parts?',
];
const PRODUCT_WORDS = new RegExp(`\\s+(?:${PRODUCT_WORD_FORMS.join('|')})$`);
const QUALIFIERS = /^(?:live|dead|dried|frozen|stuffed|albino|fertile|juvenile|baby|young|wild|color morph)\s+/;

/** English, French, Spanish and Portuguese plurals of the last word, undone ("tortoises" → "tortoise", "finches" → "finch"). */
function singular(text: string): string {
  return text.replace(/(\S+)$/, (word) => {
    if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
    if (/(ch|sh|x|ss|z)es$/.test(word)) return word.replace(/es$/, '');
    if (/[^su]s$/.test(word)) return word.slice(0, -1);
    return word;
  });
}

function isCommonWord(word: string): boolean {
  const w = fold(word);
  return COMMON_WORDS.has(w) || COMMON_WORDS.has(singular(w)) || COMMON_WORDS.has(w.replace(/x$/, ''));
}

/** The keys a common name is looked up by: as written, singular, without a product word or a qualifier. */
function commonKeys(given: string): string[] {
  const base = fold(given);
  const keys = new Set<string>();
  for (const text of [base, base.replace(QUALIFIERS, '')]) {
    for (const bare of [text, text.replace(PRODUCT_WORDS, '')]) {
      keys.add(bare);
      keys.add(singular(bare));
    }
  }
  return [...keys].filter(Boolean);
}

// Authors of names that files write without a year and in capitals ("DASYPUS NOVEMCINCTUS LINNAEUS"),
// where nothing else tells an author from a subspecies. Folded.
const AUTHORS = new Set(
  `
  l linnaeus linne schreber gmelin daudin gray boulenger cuvier temminck desmarest lesson spix wagler shaw schneider merrem
  lacepede kuhl latreille bonaparte vieillot pallas illiger wied peters gunther cope baird girard dumeril bibron smith say
  harlan boie fitzinger wiegmann laurenti raffles horsfield blyth hodgson sclater swainson vigors lichtenstein ruppell
  thunberg forster brisson boddaert muller kerr erxleben zimmermann link hermann olfers bechstein stejneger wallace jerdon
  hemprich ehrenberg geoffroy audubon bachman rafinesque agassiz valenciennes bloch lamarck kaup oken matschie thomas allen
  miller mertens werner anderson siebenrock bourret steindachner hallowell holbrook leconte salvadori gould latham sparrman
  reichenbach burchell griffith jardine waterhouse wagner lund natterer pelzeln burmeister tschudi schinz roxb roxburgh
  benth bentham prain lam blume hook hooker pierre lour loureiro willd jacq kunth miq merr desm
`
    .trim()
    .split(/\s+/),
);

const PARTICLES = /^(?:von|van|de|da|du|del|della|la|le|d'|ex|in|et|&)$/i;
const isCapitalised = (word: string) => /^\p{Lu}[\p{Ll}'’.-]*$/u.test(word);
const isLower = (word: string) => word === word.toLowerCase() && word !== word.toUpperCase();

/**
 * A name and the authority written after it: "Potos flavus (Schreber)", "DASYPUS NOVEMCINCTUS LINNAEUS",
 * "Panthera leo (Linnaeus, 1758)", "Manis javanica Desmarest, 1822", "Testudo graeca L.". In mixed case an
 * author is a capitalised word after a lower-case epithet; in one case throughout, a bracket, a year, a
 * known author or a fourth word. Also drops the common-name half of "Latin / common".
 */
export function splitAuthority(given: string): { name: string; authority: string | null } {
  let text = given.replace(/[\s\u00a0]+/g, ' ').replace(/^["'\s]+|["'\s]+$/g, '');
  if (text.includes(' / ')) text = text.split(' / ')[0].trim();
  const full = text;
  // A bracket or a year at the end, after at least a genus and an epithet.
  for (;;) {
    const m = /^(\S+ \S+.*?)[\s,]*(\([^()]*\)|\[[^[\]]*\]|\d{4})$/.exec(text);
    if (!m || !/^[A-Za-z]/.test(m[1])) break;
    if (m[2].startsWith('(') || m[2].startsWith('[')) {
      const inside = m[2].slice(1, -1);
      if (!/\d{4}/.test(inside) && !/^\p{Lu}/u.test(inside)) break; // "(juvenile)" is no authority
    }
    text = m[1].trim();
  }
  const words = text.split(' ');
  const mixedCase = text !== text.toUpperCase() && text !== text.toLowerCase();
  let cut = words.length;
  if (words.length >= 3 && /^[A-Za-z]+$/.test(words[0]) && /^[A-Za-z-]+$/.test(words[1])) {
    for (let i = 2; i < words.length; i++) {
      const word = words[i].replace(/,$/, '');
      const authorLike = mixedCase
        ? isLower(words[1]) && (isCapitalised(word) || (PARTICLES.test(word) && i + 1 < words.length)) && !isCommonWord(word)
        : AUTHORS.has(fold(word)) || i >= 3 || word.endsWith('.') || PARTICLES.test(word) || word === '&';
      if (authorLike) {
        cut = i;
        break;
      }
    }
  }
  const name = words.slice(0, cut).join(' ').replace(/,$/, '');
  const authority = full
    .slice(name.length)
    .replace(/^[\s,]+/, '')
    .trim();
  return { name, authority: authority || null };
}

/** Capitalises the genus, lower-cases the rest, drops authorship ("Linnaeus, 1758") and the common-name half of "Latin / common". */
export function cleanScientificName(given: string): string {
  const words = splitAuthority(given).name.trim().split(' ');
  if (!words[0]) return '';
  return [words[0][0].toUpperCase() + words[0].slice(1).toLowerCase(), ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
}

const GENUS_ONLY = /^([A-Za-z]+)\s+(?:spp?|sp\.?p?\.?|species|indet|cf)\.?$/i;
const HIGHER_ENDINGS: Array<[RegExp, string]> = [
  [/(idae|aceae)$/, 'family'],
  [/inae$/, 'subfamily'],
  [/oidea$/, 'superfamily'],
  [/iformes$/, 'order'],
  [/ini$/, 'tribe'],
];
const higherRank = (word: string) => HIGHER_ENDINGS.find(([ending]) => ending.test(word))?.[1] ?? null;

/**
 * Whether a value is written as a Latin uninomial, binomial or trinomial: one to three words of letters;
 * in mixed case a capitalised first word and lower-case epithets; no word of a common name ("turtles",
 * "da"); no English plural at the end ("parrots"). A genus the reference knows makes it Latin whatever its case.
 */
export function isLatinName(name: string): boolean {
  const words = name.split(' ');
  if (words.length > 3 || !/^[A-Za-z]{2,}$/.test(words[0]) || !words.slice(1).every((w) => /^[A-Za-z]+(?:-[a-z]+)?$/.test(w))) return false;
  if (words.length > 1 && lookup(words[0]) && !words.slice(1).some(isCommonWord)) return true;
  const mixedCase = name !== name.toUpperCase() && name !== name.toLowerCase();
  if (mixedCase && !(isCapitalised(words[0]) && words.slice(1).every(isLower))) return false;
  if (words.some(isCommonWord)) return false;
  return words.length === 1 || !/[bcdfghklmrtvwy]s$/i.test(words[words.length - 1]);
}

function result(entry: Entry, rule: string): Normalised<Taxon> {
  return { value: taxonOf(entry), rule: rule + listingNote(entry) };
}

export function normaliseSpecies(given: string): Normalised<Taxon> {
  const raw = given.trim();
  if (!raw || /^(null|na|n\/a|none|-|unknown|inconnu|desconocido|desconhecido)$/i.test(raw))
    return { value: null, rule: 'no species given' };
  const { name: written, authority } = splitAuthority(raw);
  const cleaned = cleanScientificName(raw);
  const noted = authority ? `; authority "${authority}" set aside` : '';

  const genusOnly = GENUS_ONLY.exec(cleaned);
  if (genusOnly) {
    const genus = cleanScientificName(genusOnly[1]);
    const known = lookup(genus);
    // "Manidae spp." names a family (CITES writes higher taxa so too): family rank, no genus.
    if (known?.rank === 'family' || (!known && /(idae|aceae)$/.test(genus))) {
      return {
        value: {
          ...(known ? taxonOf(known) : { family: genus, order: null, class: null, appendix: null }),
          taxon: `${genus} spp.`,
          rank: 'family',
          genus: null,
        },
        rule: (known ? 'family-level name ("spp.") in reference' : 'family-level name, family not in reference') + listingNote(known),
      };
    }
    return {
      value: {
        ...(known ? taxonOf(known) : { genus, family: null, order: null, class: null, appendix: null }),
        taxon: `${genus} spp.`,
        rank: 'genus',
        genus,
      },
      rule: (known ? 'genus-level name ("sp."/"spp.") in reference' : 'genus-level name, genus not in reference') + listingNote(known),
    };
  }

  const direct = ref().byName.get(fold(cleaned));
  if (direct) {
    const entry = accepted(direct)!;
    return result(entry, (direct.accepted ? `synonym of ${entry.taxon}` : 'name in reference') + noted);
  }
  // "Manispentadactyla": a known name written without its space.
  const joined = ref().byCompact.get(compact(cleaned));
  if (joined && !cleaned.includes(' ')) {
    const entry = accepted(joined)!;
    return result(entry, `close to ${entry.taxon} (written without a space)`);
  }
  for (const key of commonKeys(raw.includes(' / ') ? raw.split(' / ').at(-1)! : raw).concat(commonKeys(raw))) {
    const common = ref().byCommonName.get(key);
    if (common) return result(accepted(common)!, `common name "${raw}"`);
  }

  if (isLatinName(written)) {
    const words = cleaned.split(' ');
    const near = closest(compact(cleaned), ref().names);
    if (near && (words.length > 1 || near.entry.rank !== 'species')) {
      const entry = accepted(near.entry)!;
      return result(
        entry,
        `close to ${near.entry.taxon}${entry !== near.entry ? ` (synonym of ${entry.taxon})` : ''}: "${cleaned}" is not in the reference`,
      );
    }
    // One unknown word is a taxon only when it ends like a higher taxon ("Bufonidae"); otherwise it may
    // be a common name ("Tambaqui"): the closest common name below, else a flag.
    const rank = words.length === 1 ? higherRank(cleaned.toLowerCase()) : null;
    if (rank)
      return {
        value: {
          taxon: cleaned,
          rank,
          genus: null,
          family: rank === 'family' ? cleaned : null,
          order: rank === 'order' ? cleaned : null,
          class: null,
          appendix: null,
        },
        rule: `${rank} name not in reference` + noted,
      };
  }
  if (isLatinName(written) && cleaned.includes(' ')) {
    const words = cleaned.split(' ');
    const species = words.length === 3 ? lookup(words.slice(0, 2).join(' ')) : undefined;
    if (species) {
      return result({ ...species, taxon: cleaned, rank: 'subspecies' }, 'species in reference, subspecies not' + noted);
    }
    const genus = lookup(words[0]);
    const higher = genus
      ? { family: genus.family, order: genus.order, class: genus.class, appendix: genus.appendix }
      : { family: null, order: null, class: null, appendix: null };
    return {
      value: { taxon: cleaned, rank: words.length === 2 ? 'species' : 'subspecies', genus: words[0], ...higher },
      rule: (genus ? 'genus in reference, species not' : 'scientific name not in reference') + listingNote(genus) + noted,
    };
  }

  const singularKey = singular(fold(raw).replace(QUALIFIERS, '').replace(PRODUCT_WORDS, ''));
  const near = closest(singularKey, ref().commonNames);
  if (near) return result(accepted(near.entry)!, `close to the common name "${near.key}": "${raw}" is not in the reference`);
  if (!written.includes(' ') && isLatinName(written))
    return { value: null, rule: 'one word that is not a taxon of the reference nor a higher-taxon name: not taken as a genus' };
  return { value: null, rule: 'not a scientific name and not a known common name' };
}

const ROMAN: Record<string, string> = { i: 'I', '1': 'I', ii: 'II', '2': 'II', iii: 'III', '3': 'III' };

/**
 * A file's own CITES appendix cell: "II", "App. I", "Appendix II", "Anexo II", "Annexe III", "1", "I/II",
 * "NC" (non-CITES) → I, II, III, I/II, or "not listed"; anything else is not read (null, and flagged).
 */
export function citesAppendix(given: string): Normalised<string> {
  // fold() has turned "/", "-" and "," into spaces: "I/II" is "i ii" here.
  const text = fold(given)
    .replace(/^(?:cites\s+)?(?:appendix|appendice|apendice|app|ap|anexo|annexe|annex)\s*/, '')
    .replace(/\s+(?:and|et|y|e|&)\s+|\s+/g, '/')
    .trim();
  if (/^(?:n|nc|non cites|not listed|none|no|nao listada|non inscrite|no listada)$/.test(text))
    return { value: 'not listed', rule: 'not listed (as the file says)' };
  const parts = text.split('/').map((p) => ROMAN[p]);
  if (!text || parts.some((p) => !p)) return { value: null, rule: 'not a CITES appendix (I, II, III)' };
  return { value: [...new Set(parts)].sort().join('/'), rule: 'appendix as the file says' };
}
