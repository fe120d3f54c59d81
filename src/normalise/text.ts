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

/** The outcome of normalising one distinct value: what it became and which rule said so. */
export interface Normalised<T = string> {
  value: T | null;
  rule: string;
}
