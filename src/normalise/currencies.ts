// Currency names, symbols and codes → ISO 4217. Values with the currency in the same cell
// ("US$ 12,000", "3.500 €", "VND 20 million") are split into amount and currency.
// Every code of the ISO 4217 list (the currency-codes package, list one) is known, so a code is never
// "unknown" for want of a hand entry; the hand list below adds what people write instead of codes
// (symbols, plurals, names in other languages), and withdrawn codes that reports still carry are
// kept as themselves, because a redenomination changes the unit (1 ZMW = 1,000 ZMK).
import { data as ISO_4217 } from 'currency-codes';
import { fold, type Normalised } from './text.js';
import { parseNumber } from './numbers.js';

/** The names and symbols people write for a currency instead of its code (the ISO names are added from the list). */
const CURRENCIES: Record<string, string[]> = {
  USD: [
    'us$',
    'us dollar',
    'us dollars',
    'dollar us',
    'dollars us',
    'dolares',
    'dolar',
    'dollars',
    'dollar',
    'u s dollars',
    'usd$',
    'dólar americano',
    'dollar américain',
    'dollars américains',
  ],
  EUR: ['€', 'euro', 'euros', 'eur'],
  GBP: ['£', 'pound sterling', 'pounds sterling', 'sterling', 'uk pound', 'pounds', 'british pound', 'british pounds'],
  CNY: ['rmb', 'yuan', 'renminbi', 'chinese yuan', 'cn¥', 'cny', '元', '人民币'],
  HKD: ['hk$', 'hong kong dollar', 'hong kong dollars'],
  VND: ['₫', 'dong', 'vietnamese dong', 'vnd', 'dongs'],
  THB: ['฿', 'baht', 'thai baht'],
  MYR: ['rm', 'ringgit', 'malaysian ringgit'],
  IDR: ['rp', 'rupiah', 'indonesian rupiah'],
  PHP: ['₱', 'philippine peso', 'philippine pesos', 'peso philippin'],
  SGD: ['s$', 'singapore dollar', 'singapore dollars'],
  INR: ['₹', 'indian rupee', 'indian rupees', 'rupees', 'inr'],
  JPY: ['¥', 'yen', 'japanese yen'],
  KRW: ['₩', 'won', 'korean won', 'south korean won'],
  LAK: ['kip', 'lao kip', '₭'],
  KHR: ['riel', 'cambodian riel', 'riels'],
  MMK: ['kyat', 'kyats'],
  NGN: ['₦', 'naira', 'nigerian naira'],
  KES: ['ksh', 'kshs', 'kenya shilling', 'kenyan shilling', 'kenyan shillings'],
  TZS: ['tsh', 'tshs', 'tanzanian shilling', 'tanzanian shillings'],
  UGX: ['ugandan shilling', 'ugandan shillings', 'ush', 'ushs'],
  ZAR: ['rand', 'south african rand'],
  MZN: ['metical', 'meticais', 'mozambican metical'],
  GHS: ['cedi', 'cedis', 'ghana cedi', 'ghanaian cedi'],
  XAF: ['central african cfa franc', 'fcfa beac', 'beac'],
  XOF: ['west african cfa franc', 'fcfa bceao', 'bceao'],
  BRL: ['r$', 'real', 'reais', 'brazilian real'],
  MXN: ['mex$', 'mexican peso', 'mexican pesos', 'pesos mexicanos'],
  COP: ['colombian peso', 'colombian pesos', 'pesos colombianos'],
  PEN: ['sol', 'soles', 'nuevo sol'],
  AED: ['dirham', 'dirhams', 'uae dirham'],
  AUD: ['a$', 'au$', 'australian dollar', 'australian dollars'],
  CAD: ['c$', 'ca$', 'canadian dollar', 'canadian dollars'],
  CHF: ['swiss franc', 'swiss francs', 'franc suisse', 'francs suisses', 'schweizer franken', 'franken', 'sfr', 'chf'],
  TRY: ['turkish lira', 'turkish liras', 'turkish lire', 'türk lirası', 'türk lirasi', 'tl', '₺', 'ytl', 'new turkish lira'],
  PLN: ['zloty', 'zlotys', 'złoty', 'złotych', 'złote', 'zł', 'polish zloty', 'polish zlotys', 'polish złoty'],
  SEK: ['swedish krona', 'swedish kronor'],
  NOK: ['norwegian krone', 'norwegian kroner'],
  DKK: ['danish krone', 'danish kroner'],
  CZK: ['czech koruna', 'czech crown', 'czech crowns', 'kč'],
  HUF: ['forint', 'forints', 'hungarian forint'],
  NZD: ['nz$', 'new zealand dollar', 'new zealand dollars'],
  ILS: ['₪', 'shekel', 'shekels', 'israeli shekel', 'new shekel'],
  UAH: ['₴', 'hryvnia', 'hryvnias', 'ukrainian hryvnia'],
  TWD: ['nt$', 'new taiwan dollar', 'taiwan dollar'],
  NPR: ['nepalese rupee', 'nepali rupee', 'nepalese rupees'],
  BDT: ['taka', '৳'],
  PKR: ['pakistani rupee', 'pakistani rupees'],
  LKR: ['sri lankan rupee', 'sri lankan rupees'],
  ETB: ['birr', 'ethiopian birr'],
  MWK: ['malawian kwacha'],
  ZMW: ['zambian kwacha'],
  BWP: ['pula'],
  NAD: ['namibian dollar', 'n$'],
  CDF: ['congolese franc', 'franc congolais'],
  MGA: ['ariary'],
  RUB: ['rouble', 'roubles', 'ruble', 'rubles', '₽', 'russian rouble', 'russian ruble'],
};

/** Names that could mean two currencies: kept as given and flagged rather than guessed. */
const AMBIGUOUS: Record<string, string> = {
  cfa: 'XAF or XOF',
  fcfa: 'XAF or XOF',
  'franc cfa': 'XAF or XOF',
  'francs cfa': 'XAF or XOF',
  'cfa franc': 'XAF or XOF',
  $: 'a dollar (USD, HKD, SGD …)',
  peso: 'a peso (MXN, PHP, COP …)',
  pesos: 'a peso (MXN, PHP, COP …)',
  shilling: 'a shilling (KES, TZS, UGX)',
  lira: 'a lira (TRY; or the Lebanese or Syrian pound)',
  franc: 'a franc (CHF, XAF, XOF, CDF …)',
  francs: 'a franc (CHF, XAF, XOF, CDF …)',
  kr: 'a krona or krone (SEK, NOK, DKK, ISK)',
  krona: 'a krona (SEK or ISK)',
  krone: 'a krone (NOK or DKK)',
  kwacha: 'a kwacha (MWK or ZMW)',
  bolivar: 'a bolívar (VES or VED)',
  'bolivar soberano': 'VES or VED',
};

/** Codes of the ISO list that are not a currency a value can be in: XXX means "no currency", XTS is for tests. */
const NOT_A_CURRENCY: Record<string, string> = { XXX: 'no currency (XXX)', XTS: 'the ISO 4217 test code XTS' };

/**
 * Withdrawn codes (ISO 4217 list three) that files still carry, with the code and year that replaced
 * them. They stay themselves: a new code after a redenomination is a new unit (1 GHS = 10,000 GHC),
 * so reading the old code as the new one would be wrong by that factor. A value in one converts only
 * with a rate for it (--rates FILE); the euro's predecessors had fixed rates, but the rate file is the
 * one place rates come from.
 */
const WITHDRAWN: Record<string, { name: string; by: string; year: number }> = {
  ZMK: { name: 'Zambian kwacha', by: 'ZMW', year: 2013 },
  VEF: { name: 'Venezuelan bolívar fuerte', by: 'VES', year: 2018 },
  VEB: { name: 'Venezuelan bolívar', by: 'VEF', year: 2008 },
  GHC: { name: 'Ghanaian cedi', by: 'GHS', year: 2007 },
  MRO: { name: 'Mauritanian ouguiya', by: 'MRU', year: 2018 },
  STD: { name: 'São Tomé and Príncipe dobra', by: 'STN', year: 2018 },
  SLL: { name: 'Sierra Leonean leone', by: 'SLE', year: 2022 },
  BYR: { name: 'Belarusian ruble', by: 'BYN', year: 2016 },
  MZM: { name: 'Mozambican metical', by: 'MZN', year: 2006 },
  TRL: { name: 'Turkish lira', by: 'TRY', year: 2005 },
  ROL: { name: 'Romanian leu', by: 'RON', year: 2005 },
  MGF: { name: 'Malagasy franc', by: 'MGA', year: 2005 },
  SDD: { name: 'Sudanese dinar', by: 'SDG', year: 2007 },
  ZWL: { name: 'Zimbabwean dollar', by: 'ZWG', year: 2024 },
  HRK: { name: 'Croatian kuna', by: 'EUR', year: 2023 },
  LTL: { name: 'Lithuanian litas', by: 'EUR', year: 2015 },
  LVL: { name: 'Latvian lats', by: 'EUR', year: 2014 },
  EEK: { name: 'Estonian kroon', by: 'EUR', year: 2011 },
  SKK: { name: 'Slovak koruna', by: 'EUR', year: 2009 },
};

/** ISO codes that are funds or units of account rather than money anyone is paid in: known as codes, their ISO names not indexed. */
const FUNDS = new Set([
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XSU',
  'XUA',
  'XAG',
  'XAU',
  'XPD',
  'XPT',
]);

/** Every code a value can be in: the current ISO 4217 list (without XXX and XTS) and the withdrawn codes above. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  ...ISO_4217.map((c) => c.code).filter((code) => !NOT_A_CURRENCY[code]),
  ...Object.keys(WITHDRAWN),
]);

let index: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    map.set(name, code);
    map.set(fold(name) || name, code);
  };
  // ISO names first ("Swiss Franc", "Zloty", "Turkish Lira"), unless two codes share one (VES, VED);
  // then the hand list, which wins where both have a name.
  const isoNames = new Map<string, string[]>();
  for (const c of ISO_4217) {
    if (FUNDS.has(c.code) || NOT_A_CURRENCY[c.code]) continue;
    const name = c.currency.trim().toLowerCase();
    isoNames.set(name, [...(isoNames.get(name) ?? []), c.code]);
  }
  for (const [name, codes] of isoNames) if (codes.length === 1) add(name, codes[0]);
  for (const [code, names] of Object.entries(CURRENCIES)) {
    map.set(code.toLowerCase(), code);
    for (const name of names) add(name, code);
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
  if (/^[A-Za-z]{3}$/.test(text)) {
    const upper = text.toUpperCase();
    if (NOT_A_CURRENCY[upper]) return { value: null, rule: NOT_A_CURRENCY[upper] };
    const withdrawn = WITHDRAWN[upper];
    if (withdrawn)
      return {
        value: upper,
        rule: `withdrawn ISO 4217 code (${withdrawn.name}, replaced by ${withdrawn.by} in ${withdrawn.year}); kept as given`,
      };
    if (CURRENCY_CODES.has(upper)) return { value: upper, rule: 'ISO 4217 code' };
  }
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
