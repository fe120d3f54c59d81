// Numbers as people type them in spreadsheets: "1,234.5", "1.234,5", "1 234", "12k", "2.5 million",
// and the quantity cells that are not one number: a range ("60-120") or a mark meaning "seized,
// amount not given" ("Y", "?"). DuckDB casts the plain ones; this handles what the cast refused,
// once per distinct value. Digits are never glued across a line break: "11\n1" is two numbers (or
// one cut in two), not 111.

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  mil: 1e3,
  mille: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  millones: 1e6,
  millon: 1e6,
  milhoes: 1e6,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
};

export function parseNumber(given: string): number | null {
  // A line break between digits is never a thousands separator.
  if (/\d\s*[\r\n]\s*\d/.test(given)) return null;
  let text = given
    .trim()
    .toLowerCase()
    .replace(/[\u00a0\u202f\s']/g, ' ');
  if (!text) return null;
  let multiplier = 1;
  const word = /^(.*\d)\s*([a-z]+)$/.exec(text);
  if (word && MULTIPLIERS[word[2]] !== undefined) {
    multiplier = MULTIPLIERS[word[2]];
    text = word[1];
  }
  // A space separates thousands only when every group after the first has three digits.
  if (text.includes(' ')) {
    if (!/^[-+]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(text)) return null;
    text = text.replace(/ /g, '');
  }
  if (!/^[-+]?[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Whichever separator comes last is the decimal one.
    text = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const groups = text.split(',');
    const thousands =
      groups.length > 2 ||
      (groups.length === 2 && groups[1].length === 3 && groups[0].replace(/^[-+]/, '').length <= 3 && groups[0] !== '0');
    text = thousands ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if ((text.match(/\./g) ?? []).length > 1) {
    text = text.replace(/\./g, ''); // 1.234.567
  }
  const value = Number(text);
  return Number.isFinite(value) ? value * multiplier : null;
}

/** Quantity cells that mean "seized, amount not given" (compared in lower case, trimmed). */
export const UNKNOWN_QUANTITIES = [
  'y',
  'yes',
  '?',
  '??',
  '-',
  '--',
  'n/a',
  'na',
  'n.a.',
  'nd',
  'n/d',
  'unknown',
  'not known',
  'unk',
  'inconnu',
  'inconnue',
  'desconocido',
  'desconocida',
  '不详',
  '不明',
  '未知',
];

/** "60-120", "60 – 120", "60 to 120", "60 -120" → [60, 120]; null when not a range of two numbers (low ≤ high). */
export function parseRange(given: string): [number, number] | null {
  const match = /^\s*(\d[\d.,\s]*?)\s*(?:-|–|—|~|to|à|a|al|bis)\s*(\d[\d.,\s]*?)\s*$/i.exec(given);
  if (!match) return null;
  const low = parseNumber(match[1]);
  const high = parseNumber(match[2]);
  return low !== null && high !== null && low <= high ? [low, high] : null;
}
