// Descriptions of specimens ("pangolin scales", "écailles", "Pele", "SCA") → CITES term codes, from the
// bundled list in src/reference/cites-terms.csv (each code with its English, French and Spanish names and
// the synonyms seen in real files). Names are compared word by word on a key that folds accents and case
// (fold) and folds singular and plural into one form by rule (wordKey), so the list gives each name once:
// "raw corals" finds "raw coral", "Vivas" finds "viva", "pieles" finds "piel". A description that is no
// name as a whole gets the code of the longest name inside it ("dried pangolin scales in bags" → SCA).
import { readReferenceCsv } from '../reference/read-reference.js';
import { fold, type Normalised } from './text.js';

interface TermIndex {
  codes: Set<string>;
  names: Map<string, string>; // key of a name → code
  phrases: Array<[string, string]>; // longest first, for matching inside longer descriptions
}

let index: TermIndex | undefined;

/**
 * One word with its plural ending taken off, the same for the singular and the plural of the
 * languages of the list (en, fr, es, pt): skins/skin, bodies/body, boxes/box, peaux/peau,
 * animaux/animal, animais/animal, pieles/piel, peles/pele, raíces/raíz. It need not be a real word,
 * only the same for both forms. Irregular plurals (teeth, feet, leaves) are listed in the CSV instead.
 * Each step keeps at least three letters, so short words (os, ovo, pó) stay as they are.
 */
export function wordKey(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('eaux'))
    w = w.slice(0, -1); // peaux → peau
  else if (w.length > 4 && w.endsWith('aux'))
    w = `${w.slice(0, -3)}al`; // animaux → animal
  else if (w.length > 4 && /(eu|ou)x$/.test(w))
    w = w.slice(0, -1); // cheveux → cheveu
  else if (w.length > 4 && w.endsWith('ais'))
    w = `${w.slice(0, -3)}al`; // animais → animal
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1); // skins, pieles, bodies
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1); // piele/piel, scale/scales, bodie
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`; // body → bodi, as bodies
  if (w.length > 3 && w.endsWith('z')) w = `${w.slice(0, -1)}c`; // raiz → raic, as raices
  return w;
}

/** The matching key of a description: folded, each word's plural ending off. */
export function termKey(text: string): string {
  return fold(text).split(' ').filter(Boolean).map(wordKey).join(' ');
}

/** Catch-all terms: pieces, scraps, other, whole, unspecified, derivatives. */
const GENERIC = new Set(['PIE', 'SCR', 'OTH', 'WHO', 'UNS', 'DER']);

/**
 * Words that say how a specimen was kept, not what it is. "frozen" alone stays unknown (flagged): a frozen
 * tiger may be a body (BOD) or meat (MEA), and CITES has no term for the state; beside a part ("frozen
 * meat") the part decides. The rule says why, for normalisation_rules.
 */
const STATE_WORDS = new Set(['frozen', 'congelado', 'congelada', 'congele', 'congelee', 'chilled'].map(wordKey));

/** The rows of cites-terms.csv as code, the code its names resolve to, and its names (official first). */
export function termRows(): Array<{ code: string; resolvesTo: string; names: string[] }> {
  return readReferenceCsv('cites-terms.csv').map((row) => ({
    code: row.code,
    resolvesTo: row.current || row.code,
    names: [row.english, row.french, row.spanish, row.variants]
      .flatMap((cell) => (cell ?? '').split(';'))
      .map((n) => n.trim())
      .filter(Boolean),
  }));
}

function buildIndex(): TermIndex {
  const codes = new Set<string>();
  const names = new Map<string, string>();
  const spelled = new Map<string, number>(); // key → length of the longest folded name it stands for
  // A name shared by two codes goes to the first listed (the CSV says which, e.g. "plumas" is FEA, not QUI).
  for (const row of termRows()) {
    codes.add(row.code);
    for (const name of row.names) {
      const key = termKey(name);
      if (!key) continue;
      if (!names.has(key)) names.set(key, row.resolvesTo);
      spelled.set(key, Math.max(spelled.get(key) ?? 0, fold(name).length));
    }
  }
  // Longest first as the names are written, so "skins" (5) outranks "dead" (4) though both keys have 4 letters.
  const phrases = [...names.entries()].filter(([key]) => spelled.get(key)! > 3).sort((a, b) => spelled.get(b[0])! - spelled.get(a[0])!);
  return { codes, names, phrases };
}

export function termCode(given: string): Normalised {
  index ??= buildIndex();
  const text = given.trim();
  if (!text) return { value: null, rule: 'empty' };
  if (/^[A-Za-z]{3}$/.test(text) && index.codes.has(text.toUpperCase())) return { value: text.toUpperCase(), rule: 'CITES term code' };
  const key = termKey(text);
  const exact = index.names.get(key);
  if (exact) return { value: exact, rule: 'term name' };
  // "Dried pangolin scales in bags" → the longest known phrase inside it; a catch-all term ("pieces",
  // "products") only when no other is there, so "ivory, 3 pieces" is ivory and "leather products" leather.
  const padded = ` ${key} `;
  for (const generic of [false, true]) {
    for (const [phrase, code] of index.phrases) {
      if (GENERIC.has(code) === generic && padded.includes(` ${phrase} `)) return { value: code, rule: `contains "${phrase}"` };
    }
  }
  if (key.split(' ').some((w) => STATE_WORDS.has(w))) return { value: null, rule: 'unknown term: says how it was kept, not which part' };
  return { value: null, rule: 'unknown term' };
}

export function termCodes(): Set<string> {
  index ??= buildIndex();
  return index.codes;
}

/** Every term name and variant the reference knows (folded), for "did you mean" hints. */
export function termNames(): string[] {
  index ??= buildIndex();
  return [...index.names.keys()];
}
