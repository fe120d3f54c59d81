// Folding text for matching: the same place, species or unit is written many ways
// ("Côte d’Ivoire", "COTE D'IVOIRE", "cote d ivoire"); all fold to one key.

/** Letters that carry no combining accent, so NFKD leaves them alone. */
const LETTERS: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower case, no accents, punctuation turned into single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[đðøłßæœ]/g, (c) => LETTERS[c])
    .replace(/[’'`´.,;:()[\]{}"_\-–—/\\*!?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trims and collapses inner white space (including non-breaking spaces and line breaks); empty becomes null. */
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const out = String(text).replace(/[\s\u00a0]+/g, ' ').trim();
  return out === '' ? null : out;
}

/** The outcome of normalising one distinct value: what it became and which rule said so. */
export interface Normalised<T = string> {
  value: T | null;
  rule: string;
}
