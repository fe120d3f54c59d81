// Units as written → CITES unit codes, with the factors that turn a quantity into kilograms or a
// count. NULL is CITES' own code for "number of specimens".
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
const NUMBER = count(null, 1);
const PIECES = count('PCS', 1);

/** Folded spelling → unit. Codes of CITES, UN/CEFACT (KGM, MTQ) and LEMIS (NO, GM, LT) included. */
const UNITS: Record<string, UnitInfo> = {
  kil: KG, kgm: KG, kg: KG, kgs: KG, kilo: KG, kilos: KG, kilogram: KG, kilograms: KG, kilogramme: KG, kilogrammes: KG, kilogramo: KG, kilogramos: KG, quilo: KG, quilos: KG,
  grm: G, g: G, gm: G, gms: G, gr: G, grs: G, gram: G, grams: G, gramme: G, grammes: G, gramo: G, gramos: G,
  mgm: MG, mg: MG, milligram: MG, milligrams: MG,
  ton: TONNE, tons: TONNE, tonne: TONNE, tonnes: TONNE, t: TONNE, mt: TONNE, 'metric ton': TONNE, 'metric tons': TONNE, tonelada: TONNE, toneladas: TONNE,
  lb: LB, lbs: LB, pound: LB, pounds: LB,
  oz: OZ, ounce: OZ, ounces: OZ,
  no: NUMBER, nos: NUMBER, number: NUMBER, numbers: NUMBER, nr: NUMBER, n: NUMBER, specimens: NUMBER, specimen: NUMBER, individuals: NUMBER, ind: NUMBER,
  head: NUMBER, heads: NUMBER, animals: NUMBER, live: NUMBER, unit: NUMBER, units: NUMBER, u: NUMBER, unidades: NUMBER, unites: NUMBER, 'nombre': NUMBER, 'numero': NUMBER, individus: NUMBER,
  pcs: PIECES, pc: PIECES, piece: PIECES, pieces: PIECES, pce: PIECES, pieza: PIECES, piezas: PIECES, morceaux: PIECES, pecas: PIECES,
  ite: count('ITE', 1), item: count('ITE', 1), items: count('ITE', 1), articles: count('ITE', 1),
  pai: count('PAI', 2), pair: count('PAI', 2), pairs: count('PAI', 2), paires: count('PAI', 2), pares: count('PAI', 2),
  dozen: count(null, 12), doz: count(null, 12),
  ltr: other('LTR'), l: other('LTR'), lt: other('LTR'), litre: other('LTR'), litres: other('LTR'), liter: other('LTR'), liters: other('LTR'), litro: other('LTR'), litros: other('LTR'),
  mlt: other('MLT'), ml: other('MLT'), millilitre: other('MLT'), milliliter: other('MLT'), millilitres: other('MLT'),
  cum: other('CUM'), mtq: other('CUM'), m3: other('CUM'), 'cubic metres': other('CUM'), 'cubic meters': other('CUM'), 'cubic metre': other('CUM'),
  sqm: other('SQM'), mtk: other('SQM'), m2: other('SQM'), 'square metres': other('SQM'), 'square meters': other('SQM'),
  mtr: other('MTR'), m: other('MTR'), metre: other('MTR'), metres: other('MTR'), meter: other('MTR'), meters: other('MTR'),
  ctm: other('CTM'), cm: other('CTM'), centimetres: other('CTM'),
  box: other('BOX'), boxes: other('BOX'), boites: other('BOX'), cajas: other('BOX'),
  crt: other('CRT'), carton: other('CRT'), cartons: other('CRT'),
  bag: other('BAG'), bags: other('BAG'), sacks: other('BAG'), sacs: other('BAG'), sacos: other('BAG'),
  set: other('SET'), sets: other('SET'),
  fla: other('FLA'), flask: other('FLA'), flasks: other('FLA'), bottles: other('FLA'),
};

/** A unit cell → CITES unit. An empty cell is a valid answer: number of specimens. */
export function unitInfo(given: string | null): Normalised<UnitInfo> {
  if (given == null || given.trim() === '') return { value: NUMBER, rule: 'blank unit = number of specimens' };
  const key = fold(given);
  const found = UNITS[key] ?? UNITS[key.replace(/s$/, '')];
  if (found) return { value: found, rule: found.code ? `${describe(key)} → ${found.code}` : `${describe(key)} → number of specimens` };
  return { value: null, rule: 'unknown unit' };
}

function describe(key: string): string {
  return `"${key}"`;
}

/** Splits "12.5 kg" or "3 pairs" into a number and a unit, for files that put both in one cell. */
export function splitQuantityAndUnit(text: string): { quantity: string; unit: string } | null {
  const match = /^\s*([-+]?[\d.,\s]*\d)\s*([^\d\s].*?)\s*$/s.exec(text);
  if (!match) return null;
  // Spaces inside the number are left to parseNumber, which reads "1 234" and refuses "11\n1".
  return { quantity: match[1], unit: match[2] };
}
