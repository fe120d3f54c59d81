// Descriptions of specimens ("pangolin scales", "écailles", "SCA") → CITES term codes, from the bundled
// list in src/reference/cites-terms.csv (code, English name, variants in English, French, Spanish).
import { readReferenceCsv } from '../reference/read-reference.js';
import { fold, type Normalised } from './text.js';

interface TermIndex {
  codes: Set<string>;
  names: Map<string, string>; // folded name or variant → code
  phrases: Array<[string, string]>; // longest first, for matching inside longer descriptions
}

let index: TermIndex | undefined;

function buildIndex(): TermIndex {
  const codes = new Set<string>();
  const names = new Map<string, string>();
  for (const row of readReferenceCsv('cites-terms.csv')) {
    codes.add(row.code);
    for (const name of [row.name, ...row.variants.split(';')].map(fold).filter(Boolean)) if (!names.has(name)) names.set(name, row.code);
  }
  const phrases = [...names.entries()].filter(([name]) => name.length > 3).sort((a, b) => b[0].length - a[0].length);
  return { codes, names, phrases };
}

export function termCode(given: string): Normalised {
  index ??= buildIndex();
  const text = given.trim();
  if (!text) return { value: null, rule: 'empty' };
  if (/^[A-Za-z]{3}$/.test(text) && index.codes.has(text.toUpperCase())) return { value: text.toUpperCase(), rule: 'CITES term code' };
  const key = fold(text);
  const exact = index.names.get(key);
  if (exact) return { value: exact, rule: 'term name' };
  // "Dried pangolin scales in bags" → the longest known phrase inside it.
  const padded = ` ${key} `;
  for (const [phrase, code] of index.phrases) if (padded.includes(` ${phrase} `)) return { value: code, rule: `contains "${phrase}"` };
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
