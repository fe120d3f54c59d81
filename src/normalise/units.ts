// Units as written → CITES unit codes, with the factors that turn a quantity into kilograms or a
// count. NULL is CITES' own code for "number of specimens". Real files write a unit as a base name
// (in any of en/fr/es/pt, singular or plural, or Chinese) with an optional qualifier: a bracket or a
// trailing phrase that either gives the size of one unit ("Arroba (15 kg)", "saco de 50 kg",
// "caixa com 12") or only glosses it ("kg (1.000 L)", "g (Gramas)"). So this is a small grammar over
// a table of base names, not a list of every spelling: the table holds singular names, a plural
// rule finds them from either form, and the grammar splits off the qualifier. Each reading keeps
// its rule text (`"arroba (15 kg)" → KIL ×15`), which goes to normalisation_rules.
import { parseNumber } from './numbers.js';
import { fold, type Normalised } from './text.js';

export interface UnitInfo {
  code: string | null; // CITES unit code; null = number of specimens
  toCode: number; // multiply the given quantity by this to express it in `code`
  kgPer: number | null; // kilograms per unit as given, when it is a mass
  countPer: number | null; // specimens per unit as given, when it is a count
}

const mass = (code: string, toCode: number, kgPer: number): UnitInfo => ({ code, toCode, kgPer, countPer: null });
const count = (code: string | null, countPer: number): UnitInfo => ({ code, toCode: 1, kgPer: null, countPer });
const other = (code: string, toCode = 1): UnitInfo => ({ code, toCode, kgPer: null, countPer: null });

const KG = mass('KIL', 1, 1);
const G = mass('GRM', 1, 0.001);
const MG = mass('MGM', 1, 0.000001);
const TONNE = mass('TON', 1, 1000);
const LB = mass('KIL', 0.45359237, 0.45359237);
const OZ = mass('GRM', 28.349523125, 0.028349523125);
// CITES reports microgrammes; wen keeps mass codes to KIL, GRM, MGM, TON, so they become milligrams.
const MICROGRAM = mass('MGM', 0.001, 1e-9);
// 市斤 and 两, the mainland market units (0.5 kg, 0.05 kg). Hong Kong's and Taiwan's catty is 0.6 kg:
// a file from there needs a mapping factor.
const JIN = mass('KIL', 0.5, 0.5);
const LIANG = mass('KIL', 0.05, 0.05);
const NUMBER = count(null, 1);
const PIECES = count('PCS', 1);
const PAIR = count('PAI', 2);
const DOZEN: UnitInfo = { code: null, toCode: 12, kgPer: null, countPer: 12 };
const LITRE = other('LTR');
const ML = other('MLT');
const CUBIC_METRE = other('CUM');
const SQUARE_METRE = other('SQM');
const METRE = other('MTR');
const CM = other('CTM');
const BOX = other('BOX');
const CARTON = other('CRT');
const BAG = other('BAG');
const FLASK = other('FLA');

/**
 * Base names, folded and singular (the plural rule finds plurals), with codes of CITES, UN/CEFACT
 * (KGM, MTQ) and LEMIS (NO, GM, LT). Sides and belly skins are CITES' count units for pieces of a
 * skin: a belly skin is the whole skin as the crocodilian trade cuts it (one per animal), so it is a
 * number of specimens; a side is half a skin, so it is a piece (PCS), never counted as an animal.
 */
const BASES: Array<[UnitInfo, string[]]> = [
  [KG, ['kil', 'kgm', 'kg', 'kilo', 'kilogram', 'kilogramme', 'kilogramo', 'quilo', 'quilograma', 'kilograma', '公斤', '千克']],
  [G, ['grm', 'g', 'gm', 'gr', 'gram', 'gramme', 'gramo', 'grama', '克']],
  [MG, ['mgm', 'mg', 'milligram', 'milligramme', 'miligramo', 'miligrama', '毫克']],
  [MICROGRAM, ['myg', 'mcg', 'µg', 'ug', 'microgram', 'microgramme', 'microgramo', 'micrograma', '微克']],
  [TONNE, ['ton', 'tonne', 't', 'mt', 'metric ton', 'metric tonne', 'tonelada', 'tonelada metrica', '吨', '噸']],
  [LB, ['lb', 'pound', 'livre', 'libra']],
  [OZ, ['oz', 'ounce', 'once', 'onza', 'onca']],
  [JIN, ['斤', '市斤']],
  [LIANG, ['两', '兩']],
  [
    NUMBER,
    [
      'no',
      'number',
      'nr',
      'n',
      'specimen',
      'individual',
      'ind',
      'head',
      'animal',
      'live',
      'unit',
      'u',
      'unidad',
      'unidade',
      'unite',
      'nombre',
      'numero',
      'individu',
      'individuo',
      'ejemplar',
      'exemplar',
      'tete',
      'cabeza',
      'cabeca',
      'belly skin',
      'bellyskin',
      'bsk',
      '只',
      '隻',
      '头',
      '頭',
      '条',
      '條',
      '个',
      '個',
      '件',
      '根',
      '张',
      '張',
      '尾',
      '匹',
    ],
  ],
  [PIECES, ['pcs', 'pc', 'piece', 'pce', 'pieza', 'morceau', 'peca', 'side', 'sid', '块', '塊']],
  [count('ITE', 1), ['ite', 'item', 'article', 'articulo', 'artigo']],
  [PAIR, ['pai', 'pair', 'paire', 'par', '对', '對', '双', '雙']],
  [DOZEN, ['dozen', 'doz', 'douzaine', 'docena', 'duzia', '打']],
  [LITRE, ['ltr', 'l', 'lt', 'litre', 'liter', 'litro', '升', '公升']],
  [ML, ['mlt', 'ml', 'millilitre', 'milliliter', 'mililitro', 'cm3', 'cc', 'ccm', 'cubic centimetre', 'cubic centimeter', '毫升']],
  [CUBIC_METRE, ['cum', 'mtq', 'm3', 'cubic metre', 'cubic meter', 'metro cubico', 'metre cube', '立方米', '方']],
  [other('CUM', 0.028316846592), ['ft3', 'cuf', 'cu ft', 'cubic foot', 'cubic feet']],
  [SQUARE_METRE, ['sqm', 'mtk', 'm2', 'square metre', 'square meter', 'metro cuadrado', 'metro quadrado', 'metre carre', '平方米']],
  [other('SQM', 0.09290304), ['ft2', 'sqf', 'sq ft', 'sqft', 'square foot', 'square feet']],
  [other('SQM', 0.01), ['dm2', 'sqd', 'square decimetre', 'square decimeter']],
  [other('SQM', 0.0001), ['cm2', 'sqc', 'square centimetre', 'square centimeter']],
  [METRE, ['mtr', 'm', 'metre', 'meter', 'metro', '米', '公尺']],
  [CM, ['ctm', 'cm', 'centimetre', 'centimeter', 'centimetro', '厘米', '公分']],
  [BOX, ['box', 'boite', 'caja', 'caixa', 'caisse', '箱', '盒']],
  [CARTON, ['crt', 'carton', 'cartao']],
  [BAG, ['bag', 'sack', 'sac', 'saco', 'bolsa', 'saca', '袋', '包']],
  [other('SET'), ['set', 'jeu', 'juego', 'conjunto', '套']],
  [FLASK, ['fla', 'flask', 'bottle', 'flacon', 'bouteille', 'frasco', 'botella', 'garrafa', '瓶']],
];

/** Units whose size is not fixed: the file must say it ("Arroba (15 kg)") or a mapping must give a factor. */
const SIZED = new Map<string, string>([['arroba', 'an arroba has no fixed weight (15 kg in Brazil, 11.5 kg in Spain)']]);

const UNITS = new Map<string, UnitInfo>();
for (const [unit, names] of BASES) for (const name of names) if (!UNITS.has(fold(name))) UNITS.set(fold(name), unit);

/** Every base name with its unit, for tests and for a mapping draft's hints. */
export function unitNames(): Array<{ name: string; unit: UnitInfo }> {
  return [...UNITS].map(([name, unit]) => ({ name, unit }));
}

/** Containers: a size after them is the size of one ("saco de 50 kg"), not a gloss. */
const CONTAINER_CODES = new Set(['BOX', 'CRT', 'BAG', 'SET', 'FLA']);

/** The plural a word takes in en/fr/es/pt by the common rule (box → boxes, morceau → morceaux, caixa → caixas). */
export function pluralOf(word: string): string {
  const words = word.split(' ');
  const last = words[words.length - 1];
  const plural = /(s|x|z|ch|sh)$/.test(last)
    ? `${last}es`
    : /(au|eu)$/.test(last)
      ? `${last}x`
      : /ao$/.test(last)
        ? `${last.slice(0, -2)}oes`
        : `${last}s`;
  return [...words.slice(0, -1), plural].join(' ');
}

/** Forms a folded word may stand for: itself, its singular by each rule, and its plural (when only the plural is listed). */
function forms(word: string): string[] {
  if (!/^[a-z0-9]{2,}$/.test(word)) return [word];
  const out = [word];
  if (word.endsWith('oes')) out.push(`${word.slice(0, -3)}ao`);
  if (word.endsWith('aux')) out.push(`${word.slice(0, -3)}al`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s') || word.endsWith('x')) out.push(word.slice(0, -1));
  out.push(`${word}s`, `${word}es`);
  return out;
}

/** The unit a folded name stands for, singular or plural (each word of a name may be either). */
function lookup(key: string): UnitInfo | undefined {
  const exact = UNITS.get(key);
  if (exact) return exact;
  const words = key.split(' ');
  if (words.length > 3) return undefined;
  let candidates = [''];
  for (const word of words) candidates = candidates.flatMap((c) => forms(word).map((f) => (c ? `${c} ${f}` : f)));
  for (const candidate of candidates) {
    const found = UNITS.get(candidate);
    if (found) return found;
  }
  return undefined;
}

const show = (unit: UnitInfo) => unit.code ?? 'number of specimens';
const times = (n: number) => (n === 1 ? '' : ` ×${Number(n.toPrecision(12))}`);

/** n of `unit` per one: "saco de 50 kg" is one bag of 50 kg, so 3 bags are 150 kg. */
function scaled(unit: UnitInfo, n: number): UnitInfo {
  return {
    code: unit.code,
    toCode: unit.toCode * n,
    kgPer: unit.kgPer === null ? null : unit.kgPer * n,
    countPer: unit.countPer === null ? null : unit.countPer * n,
  };
}

type Base = { unit: UnitInfo } | { sized: string } | undefined;

function baseOf(text: string): Base {
  const key = fold(text);
  if (SIZED.has(key) || SIZED.has(key.replace(/s$/, ''))) return { sized: SIZED.get(key) ?? SIZED.get(key.replace(/s$/, ''))! };
  const unit = lookup(key);
  return unit ? { unit } : undefined;
}

/** A size: "15 kg", "50kg", "1.000 L" → a number and its unit; "12" → a number of specimens. */
function sizeOf(text: string): { n: number; unit: UnitInfo } | undefined {
  const match = /^\s*(\d[\d.,\s]*?)\s*([^\d\s].*)?$/su.exec(text);
  if (!match) return undefined;
  const n = parseNumber(match[1]);
  if (n === null || n <= 0) return undefined;
  if (!match[2]) return { n, unit: NUMBER };
  const unit = lookup(fold(match[2]));
  return unit ? { n, unit } : undefined;
}

/** A base unit with a qualifier: the size of one unit, or a gloss set aside. */
function qualified(baseText: string, qualifier: string, written: string): Normalised<UnitInfo> | undefined {
  const base = baseOf(baseText);
  if (!base) return undefined;
  const size = sizeOf(qualifier);
  const quoted = `"${written}"`;
  // A measure (mass, volume, length, area) is already a size: what follows only glosses it.
  if ('unit' in base && base.unit.countPer === null && !CONTAINER_CODES.has(base.unit.code!)) {
    return { value: base.unit, rule: `${quoted} → ${show(base.unit)}${times(base.unit.toCode)} (the rest a gloss)` };
  }
  // A count keeps counting; a weight in brackets is what each one weighs ("unidade (10 kg)").
  if ('unit' in base && base.unit.countPer !== null) {
    if (size?.unit.kgPer) {
      const kgPer = size.n * size.unit.kgPer;
      return {
        value: { ...base.unit, kgPer },
        rule: `${quoted} → ${show(base.unit)}${times(base.unit.toCode)}, ${Number(kgPer.toPrecision(12))} kg each`,
      };
    }
    return { value: base.unit, rule: `${quoted} → ${show(base.unit)}${times(base.unit.toCode)} (the rest a gloss)` };
  }
  // A container or a unit of no fixed size, with the size of one: "saco de 50 kg" → KIL ×50.
  if (size) {
    const unit = scaled(size.unit, size.n);
    return { value: unit, rule: `${quoted} → ${show(unit)}${times(unit.toCode)}` };
  }
  if ('sized' in base) return undefined;
  // "Caixas (unidades)", "pares (pairs)": a name of the same unit, or words that say nothing of its size.
  return { value: base.unit, rule: `${quoted} → ${show(base.unit)}${times(base.unit.toCode)} (the rest a gloss)` };
}

/** Connectors between a container and its size: "saco de 50 kg", "box of 12", "caixa com 12", "sac à 25 kg". */
const CONNECTOR = /^(.+?)\s+(?:de|da|do|of|com|con|with|avec|a|à|x|×)\s+(\d.*)$/su;

/** A unit cell → CITES unit. An empty cell is a valid answer: number of specimens. */
export function unitInfo(given: string | null): Normalised<UnitInfo> {
  if (given == null || given.trim() === '') return { value: NUMBER, rule: 'blank unit = number of specimens' };
  const key = fold(given);
  const found = lookup(key);
  if (found) return { value: found, rule: `"${key}" → ${show(found)}${times(found.toCode)}` };
  const written = given.trim().replace(/\s+/g, ' ').toLowerCase();
  let m: RegExpExecArray | null;
  let read: Normalised<UnitInfo> | undefined;
  // "Arroba (15 kg)", "kg (1.000 L)", "g (Gramas)", "箱（10公斤）"
  if ((m = /^(.+?)\s*[(（[]\s*(.*?)\s*[)）\]]\s*$/su.exec(written))) read = qualified(m[1], m[2], written);
  // "saco de 50 kg", "caixa com 12"
  else if ((m = CONNECTOR.exec(written))) read = qualified(m[1], m[2], written);
  // "50 kg bags", "12-piece box"
  else if ((m = /^(\d[\d.,]*\s*[^\d\s-]+)[\s-]+(\D+)$/su.exec(written))) read = qualified(m[2], m[1], written);
  // "bag 50 kg"
  else if ((m = /^(\D+?)\s+(\d[\d.,]*\s*\D*)$/su.exec(written))) read = qualified(m[1], m[2], written);
  if (read) return read;
  const sized = baseOf(written);
  if (sized && 'sized' in sized)
    return { value: null, rule: `unknown unit: ${sized.sized}; write its weight ("arroba (15 kg)") or give the mapping a factor` };
  return { value: null, rule: 'unknown unit' };
}

/** Splits "12.5 kg" or "3 pairs" into a number and a unit, for files that put both in one cell. */
export function splitQuantityAndUnit(text: string): { quantity: string; unit: string } | null {
  const match = /^\s*([-+]?[\d.,\s]*\d)\s*([^\d\s].*?)\s*$/s.exec(text);
  if (!match) return null;
  // Spaces inside the number are left to parseNumber, which reads "1 234" and refuses "11\n1".
  return { quantity: match[1], unit: match[2] };
}

/** What a mapping says of one unit value: the unit it is (`map`), how many of that one is (`factor`), its weight (`to_kg`). */
export interface UnitOverride {
  map?: string;
  factor?: number;
  toKg?: number;
}

/**
 * A unit cell read with a mapping's word on it. `map` names the unit (a code or any spelling wen
 * reads), `factor` scales it ("Arroba" map kg, factor 15 → KIL ×15), `to_kg` gives one unit's weight
 * and keeps its code (3 "Caixas" with to_kg 20 are 3 BOX and 60 kg).
 */
export function unitWithOverride(given: string, override: UnitOverride): Normalised<UnitInfo> {
  const base = override.map !== undefined ? unitInfo(override.map) : unitInfo(given);
  const from = override.map !== undefined ? `mapped to "${override.map}"` : base.rule;
  let unit = base.value;
  const said: string[] = [];
  if (override.factor !== undefined) {
    if (!unit)
      return {
        value: null,
        rule: `unknown unit: the mapping gives a factor but "${override.map ?? given}" is not a unit wen knows; map it to one`,
      };
    unit = scaled(unit, override.factor);
    said.push(`factor ${override.factor}`);
  }
  if (override.toKg !== undefined) {
    // An unknown unit with a weight is that many kilograms; a known one keeps its code and gains the weight.
    unit = unit ? { ...unit, kgPer: override.toKg } : mass('KIL', override.toKg, override.toKg);
    said.push(`${override.toKg} kg each`);
  }
  if (!unit) return { value: null, rule: `unknown unit: the mapping maps "${given}" to "${override.map}", which is not a unit` };
  return {
    value: unit,
    rule: `"${given.trim().toLowerCase()}" → ${show(unit)}${times(unit.toCode)} (mapping: ${[from, ...said].join(', ')})`,
  };
}
