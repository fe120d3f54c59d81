// Currency names, symbols and codes → ISO 4217. Values with the currency in the same cell
// ("US$ 12,000", "3.500 €", "VND 20 million") are split into amount and currency.
import { fold, type Normalised } from './text.js';
import { parseNumber } from './numbers.js';

/** ISO 4217 codes seen in seizure reports, with the names and symbols people write instead. */
const CURRENCIES: Record<string, string[]> = {
  USD: ['us$', 'us dollar', 'us dollars', 'dollar us', 'dollars us', 'dolares', 'dolar', 'dollars', 'dollar', 'u s dollars', 'usd$'],
  EUR: ['€', 'euro', 'euros', 'eur'],
  GBP: ['£', 'pound sterling', 'pounds sterling', 'sterling', 'uk pound', 'pounds'],
  CNY: ['rmb', 'yuan', 'renminbi', 'chinese yuan', 'cn¥', 'cny'],
  HKD: ['hk$', 'hong kong dollar', 'hong kong dollars'],
  VND: ['₫', 'dong', 'vietnamese dong', 'vnd', 'dongs'],
  THB: ['฿', 'baht', 'thai baht'],
  MYR: ['rm', 'ringgit', 'malaysian ringgit'],
  IDR: ['rp', 'rupiah', 'indonesian rupiah'],
  PHP: ['₱', 'philippine peso', 'peso philippin'],
  SGD: ['s$', 'singapore dollar', 'singapore dollars'],
  INR: ['₹', 'indian rupee', 'rupees', 'inr'],
  JPY: ['¥', 'yen', 'japanese yen'],
  KRW: ['₩', 'won', 'korean won'],
  LAK: ['kip', 'lao kip'],
  KHR: ['riel', 'cambodian riel'],
  MMK: ['kyat', 'kyats'],
  NGN: ['₦', 'naira', 'nigerian naira'],
  KES: ['ksh', 'kshs', 'kenya shilling', 'kenyan shilling', 'kenyan shillings'],
  TZS: ['tsh', 'tanzanian shilling', 'tanzanian shillings'],
  UGX: ['ugandan shilling', 'ugandan shillings', 'ush'],
  ZAR: ['rand', 'south african rand'],
  MZN: ['metical', 'meticais', 'mozambican metical'],
  GHS: ['cedi', 'cedis', 'ghana cedi'],
  XAF: ['central african cfa franc', 'fcfa beac', 'beac'],
  XOF: ['west african cfa franc', 'fcfa bceao', 'bceao'],
  BRL: ['r$', 'real', 'reais', 'brazilian real'],
  MXN: ['mex$', 'mexican peso', 'pesos mexicanos'],
  COP: ['colombian peso', 'pesos colombianos'],
  PEN: ['sol', 'soles', 'nuevo sol'],
  AED: ['dirham', 'dirhams', 'uae dirham'],
  AUD: ['a$', 'au$', 'australian dollar', 'australian dollars'],
  CAD: ['c$', 'ca$', 'canadian dollar', 'canadian dollars'],
  CHF: ['swiss franc', 'swiss francs'],
  TWD: ['nt$', 'new taiwan dollar'],
  NPR: ['nepalese rupee', 'nepali rupee'],
  BDT: ['taka', '৳'],
  PKR: ['pakistani rupee'],
  LKR: ['sri lankan rupee'],
  ETB: ['birr', 'ethiopian birr'],
  MWK: ['kwacha', 'malawian kwacha'],
  ZMW: ['zambian kwacha'],
  BWP: ['pula'],
  NAD: ['namibian dollar', 'n$'],
  CDF: ['congolese franc', 'franc congolais'],
  MGA: ['ariary'],
  RUB: ['rouble', 'roubles', 'ruble', 'rubles', '₽'],
};

/** Names that could mean two currencies: kept as given and flagged rather than guessed. */
const AMBIGUOUS: Record<string, string> = {
  cfa: 'XAF or XOF', fcfa: 'XAF or XOF', 'franc cfa': 'XAF or XOF', 'francs cfa': 'XAF or XOF', 'cfa franc': 'XAF or XOF',
  $: 'a dollar (USD, HKD, SGD …)', peso: 'a peso (MXN, PHP, COP …)', pesos: 'a peso (MXN, PHP, COP …)', shilling: 'a shilling (KES, TZS, UGX)',
};

let index: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of Object.entries(CURRENCIES)) {
    map.set(code.toLowerCase(), code);
    for (const name of names) map.set(name, code), map.set(fold(name) || name, code);
  }
  return map;
}

export function currencyCode(given: string): Normalised {
  index ??= buildIndex();
  const text = given.trim();
  if (!text) return { value: null, rule: 'empty' };
  const lower = text.toLowerCase();
  const ambiguous = AMBIGUOUS[lower] ?? AMBIGUOUS[fold(text)];
  if (ambiguous) return { value: null, rule: `ambiguous currency: ${ambiguous}` };
  if (/^[A-Za-z]{3}$/.test(text) && CURRENCIES[text.toUpperCase()]) return { value: text.toUpperCase(), rule: 'ISO 4217 code' };
  const code = index.get(lower) ?? index.get(fold(text));
  if (code) return { value: code, rule: `currency name "${text}"` };
  return { value: null, rule: 'unknown currency' };
}

export interface Money {
  amount: number | null;
  currency: string | null;
}

/** "US$ 12,000" → 12000 USD. The currency inside the cell wins over the default (the file's currency column). */
export function parseMoney(given: string, defaultCurrency: string | null): Normalised<Money> {
  const text = given.trim();
  const plain = parseNumber(text);
  if (plain !== null) return { value: { amount: plain, currency: defaultCurrency }, rule: 'number' };
  const match = /^([^\d-]*?)\s*([-+]?\d[\d.,\s\u00a0]*(?:\s*(?:k|m|mn|bn|million|millions|billion|thousand))?)\s*([^\d]*?)$/i.exec(text);
  if (!match) return { value: null, rule: 'not an amount' };
  const amount = parseNumber(match[2]);
  const label = (match[1] || match[3]).trim();
  if (amount === null) return { value: null, rule: 'not an amount' };
  if (!label) return { value: { amount, currency: defaultCurrency }, rule: 'number' };
  const currency = currencyCode(label);
  if (!currency.value) return { value: { amount, currency: null }, rule: currency.rule };
  return { value: { amount, currency: currency.value }, rule: `amount with ${currency.rule}` };
}
