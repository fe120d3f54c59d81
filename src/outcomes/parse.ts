// Enforcement outcomes read from sanctions text ("sentenced to 2 years and a fine of 5,000 USD",
// "6 mois d'emprisonnement avec sursis", "判处有期徒刑三年，并处罚金人民币五万元"). AITRs and court
// records write what happened after a seizure as free text in many languages; the ICCWC indicators
// count arrests, prosecutions, convictions and penalties. Pure functions, called once per distinct
// text at load (src/outcomes/store.ts), so the cost grows with the distinct texts, not the rows.
//
// How a text is read: the rules below find spans (a status word, a custodial term, a fine, a
// confiscation, a suspension); each span is consumed so no two rules read the same words. A term
// counts as custodial only beside a custody word (prison, pena, 有期徒刑 …) or when its clause says
// nothing else ("1year and 6months"). What is left once the rules and connecting words are taken
// away is returned as unparsed text, never guessed at.
import { currencyCode } from '../normalise/currencies.js';
import { parseNumber } from '../normalise/numbers.js';

const STATUS_KINDS = ['arrested', 'charged', 'prosecuted', 'convicted', 'acquitted', 'pending', 'dismissed'] as const;
type StatusKind = (typeof STATUS_KINDS)[number];
type OutcomeKind = StatusKind | 'custodial' | 'fine' | 'confiscation';

export interface Outcome {
  kind: OutcomeKind;
  /** Custodial term in months (years × 12, weeks × 7/30, days / 30); null for life or a term not given. */
  months: number | null;
  suspended: boolean | null;
  fineAmount: number | null;
  /** ISO 4217, or null when the text names none or an ambiguous one (the rule says which). */
  fineCurrency: string | null;
  rule: string;
  /** The words the rule read. */
  text: string;
}

export interface ParsedText {
  outcomes: Outcome[];
  /** Words no rule read (connecting words aside), or null when everything was read. */
  unparsed: string | null;
}

// ---------------------------------------------------------------- numbers

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  veinte: 20,
  treinta: 30,
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  três: 3,
  quatro: 4,
  sete: 7,
  oito: 8,
  nove: 9,
  dez: 10,
  doze: 12,
  vinte: 20,
  trinta: 30,
};
const NUMBER_WORDS = Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  兩: 2,
  贰: 2,
  貳: 2,
  三: 3,
  叁: 3,
  參: 3,
  叄: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const HAN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const HAN_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const HAN_NUMBER = `[0-9.,${Object.keys(HAN_DIGITS).join('')}${Object.keys(HAN_UNITS).join('')}${Object.keys(HAN_BIG).join('')}]+`;

/** "三", "十二", "壹拾伍", "五万", "1.5万", "3000" → the number; null when the characters do not make one. */
export function parseHanNumber(given: string): number | null {
  const text = given.replace(/,/g, '');
  if (!text) return null;
  let total = 0;
  let section = 0; // below 万
  let digit: number | null = null;
  let plain = '';
  const flushPlain = () => {
    if (!plain) return true;
    const n = Number(plain);
    plain = '';
    if (!Number.isFinite(n)) return false;
    digit = n;
    return true;
  };
  for (const ch of text) {
    if (/[0-9.]/.test(ch)) {
      plain += ch;
      continue;
    }
    if (!flushPlain()) return null;
    if (ch in HAN_DIGITS) {
      // "二〇二三" style: digits one after another.
      digit = digit !== null && digit < 10 && !section ? digit * 10 + HAN_DIGITS[ch] : HAN_DIGITS[ch];
    } else if (ch in HAN_UNITS) {
      section += (digit ?? 1) * HAN_UNITS[ch];
      digit = null;
    } else if (ch in HAN_BIG) {
      total += (section + (digit ?? 0) || 1) * HAN_BIG[ch];
      section = 0;
      digit = null;
    } else return null;
  }
  if (!flushPlain()) return null;
  return total + section + (digit ?? 0);
}

function latinNumber(given: string): number | null {
  const w = WORD_NUMBERS[given.toLowerCase()];
  if (w !== undefined) return w;
  return parseNumber(given.replace(',', '.'));
}

// ---------------------------------------------------------------- vocabulary

/** A pattern that starts and ends on word edges (JavaScript's \b knows only ASCII letters); Han text has no spaces, so no edges there. */
const edge = (source: string) => `(?<![\\p{Script=Latin}\\p{N}])(?:${source})(?![\\p{Script=Latin}])`;
const re = (source: string) => new RegExp(source, 'giu');

const LATIN_NUM = `\\d+(?:[.,]\\d+)?|${NUMBER_WORDS}`;
const UNITS: Array<[pattern: string, months: number]> = [
  ['years?|yrs?|ans|an|années?|annees?|años|año|anos|ano|anys?', 12],
  ['months?|mths?|mos?|mois|meses|mes|mês', 1],
  ['weeks?|wks?|semaines?|semanas?', 7 / 30],
  ['days?|jours?|días?|dias?', 1 / 30],
];
const LATIN_UNIT = UNITS.map(([p]) => p).join('|');
const DURATION = re(edge(`(${LATIN_NUM})\\s*-?\\s*(${LATIN_UNIT})`));
const HAN_DURATION = `(${HAN_NUMBER})\\s*(年|个月|個月|月|日|天)`;

function unitMonths(unit: string): number {
  for (const [pattern, months] of UNITS) if (new RegExp(`^(?:${pattern})$`, 'iu').test(unit)) return months;
  return NaN;
}
const HAN_UNIT_MONTHS: Record<string, number> = { 年: 12, 个月: 1, 個月: 1, 月: 1, 日: 1 / 30, 天: 1 / 30 };

/** Words that make a duration beside them a custodial term. */
const CUSTODY_WORDS = re(
  edge(
    [
      'prison',
      'imprisonment',
      'imprisoned',
      'jail',
      'jailed',
      'gaol',
      'custodial',
      'incarceration',
      'incarcerated',
      'behind bars',
      'sentenced? to',
      'sentence of',
      'sentence',
      "d'emprisonnement",
      'emprisonnement',
      'de prison',
      'prison ferme',
      'détention',
      'incarcération',
      'condamnée?s? à',
      'peine de',
      'peine',
      'prisión',
      'prision',
      'cárcel',
      'carcel',
      'reclusión',
      'reclusion',
      'privación de (?:la )?libertad',
      'condenad[oa]s? a',
      'pena de',
      'pena',
      'prisão',
      'prisao',
      'reclusão',
      'reclusao',
      'detenção',
      'detencao',
    ].join('|'),
  ),
);

/** Statuses, negations first and longer phrases before the words inside them. */
const STATUS_RULES: Array<[kind: StatusKind | null, rule: string, pattern: string]> = [
  [
    null,
    'negated',
    'no arrests?|not arrested|nobody (?:was )?arrested|no one (?:was ' +
      ')?arrested|no suspects?(?: (?:arrested|identified))?|sans arrestation|aucune ' +
      'arrestation|sin detenidos|sin detención|ningún detenido|sem prisão|sem ' +
      'detidos|no charges?(?: filed)?|not charged|not prosecuted|not convicted',
  ],
  [
    null,
    'nothing to report',
    'none|nil|n/a|no sanctions?|no action|néant|aucune?|ninguna?|nenhuma?|sin sanción|unknown|inconnu|desconocido|desconhecido',
  ],
  [
    'pending',
    'pending',
    'prosecution pending|pending prosecution|pending (?:trial|court|investigation|judgment|judgement|verdict|sentencing)|under ' +
      'investigation|investigation (?:is )?(?:ongoing|continuing|in ' +
      'progress)|awaiting (?:trial|court|sentencing|judgment|judgement|verdict|prosecution)|released ' +
      "on bail|on bail|ongoing|in progress|pending|en cours(?: d'instruction| " +
      "de jugement| d'enquête)?|enquête en cours|en attente(?: de jugement| " +
      'de procès)?|en instance|pendiente|proceso en curso|proceso judicial ' +
      'en curso|en curso|en proceso|en trámite|bajo investigación|en ' +
      'investigación|em andamento|em curso|pendente|sob investigação|em ' +
      'investigação|aguardando julgamento|审理中|審理中|待审|待審|侦查中|偵查中|审查起诉中',
  ],
  [
    'dismissed',
    'dismissed',
    'case closed|closed|case dismissed|dismissed|charges? dropped|dropped|no ' +
      'further action|nfa|released without charges?|withdrawn|classée? ' +
      'sans suite|classement sans suite|affaire classée|non-lieu|non ' +
      'lieu|archivée?|caso cerrado|causa cerrada|archivad[oa]|sobreseíd[oa]|sobreseimiento|sobreseido|arquivad[oa]|arquivamento|caso ' +
      'encerrado|不起诉|不起訴|撤销案件|撤銷案件|撤案|结案|結案',
  ],
  [
    'acquitted',
    'acquitted',
    'acquitted|acquittal|not guilty|found innocent|acquittée?s?|relaxée?s?|relaxe|' +
      'absuelt[oa]s?|absolución|absolucion|absolvid[oa]s?|absolvição|absolvicao|无罪|無罪',
  ],
  [
    'arrested',
    'arrested',
    'prisão em flagrante|preso em flagrante|taken into custody|arrested|arrests?|detained|apprehended|' +
      'arrêtée?s?|interpellée?s?|interpellation|garde ' +
      'à vue|arrestad[oa]s?|detenid[oa]s?|aprehendid[oa]s?|capturad[oa]s?|pres[oa]s?|detid[oa]s?|逮捕|刑事拘留|刑拘',
  ],
  [
    'convicted',
    'convicted',
    'convicted|conviction|found guilty|pleaded guilty|pled guilty|guilty|sentenced|condamnée?s?|condamnation|reconnue? ' +
      'coupable|condenad[oa]s?|condena|condenação|condenacao|sentenciad[oa]s?|declarad[oa] ' +
      'culpable|culpables?|判处|判處|判决有罪|判決有罪',
  ],
  [
    'charged',
    'charged',
    'charges? (?:filed|laid|brought)|charged|indicted|indictment|inculpée?s?|mise? ' +
      'en examen|imputad[oa]s?|acusad[oa]s?|denunciad[oa]s?|indiciad[oa]s?',
  ],
  [
    'prosecuted',
    'prosecuted',
    'referred to (?:the )?(?:court|prosecutor|prosecution|public ' +
      'prosecutor)|taken to court|brought (?:before|to) (?:the )?court|court ' +
      'case|on trial|prosecuted|prosecution|tried|poursuivie?s?|poursuites?|déférée?s? ' +
      'au parquet|déférée?s?|traduite? en justice|procesad[oa]s?|enjuiciad[oa]s?|juzgad[oa]s?|processad[oa]s?|julgad[oa]s?|ação ' +
      'penal|acción penal|提起公诉|提起公訴|起诉|起訴|公诉|公訴',
  ],
];
const STATUS_PATTERNS = STATUS_RULES.map(([kind, rule, pattern]) => ({ kind, rule, pattern: re(edge(pattern)) }));

const CONFISCATION = re(
  edge(
    'confiscated|confiscation|forfeited|forfeiture|forfeit|confisquée?s?|decomis(?:o|ad[oa]s?)|comiso|confiscad[oa]s?|confisco|perdimento',
  ) + '|没收|沒收',
);
const SUSPENSION = re(
  edge(
    `(?:with |on |under )?probation(?:\\s+(?:of|for)\\s+(?:${LATIN_NUM})\\s*-?\\s*(?:${LATIN_UNIT}))?` +
      `|(?:(?:${LATIN_NUM})\\s*-?\\s*(?:${LATIN_UNIT})\\s+(?:of\\s+)?probation)` +
      `|suspended(?:\\s+for\\s+(?:${LATIN_NUM})\\s*-?\\s*(?:${LATIN_UNIT}))?|(?:avec ` +
      `)?sursis|en suspenso|suspendid[oa]|condicional|suspens[oa]`,
  ) + `|(?:缓刑|緩刑)(?:${HAN_DURATION})?`,
);
const LIFE = re(
  edge(
    'life imprisonment|life sentence|imprisonment for life|life in ' +
      'prison|réclusion criminelle à perpétuité|perpétuité|cadena perpetua|prisión ' +
      'perpetua|prisão perpétua',
  ) + '|无期徒刑|無期徒刑',
);
const HAN_TERM = re(`(有期徒刑|徒刑|拘役)\\s*${HAN_DURATION}(?:\\s*(${HAN_NUMBER})\\s*(个月|個月|月))?`);

// Fines: the words, then an amount with its currency before or after.
const FINE_WORDS =
  "fined?|fine of|fines|monetary penalty|financial penalty|penalty of|penalty|amendes?|amendée?s?|d'amende|multas?|multad[oa]s?|de multa";
const AMOUNT = "\\d[\\d.,'\\u00a0 ]*\\d|\\d";
const MULTIPLIER = '(?:\\s*(?:k|thousand|million|millions|mil|mille|millones|milhões|milhoes))?';
const CURRENCY_BEFORE = '[A-Z]{3}|US\\$|R\\$|HK\\$|S\\$|NT\\$|Rs\\.?|Rp\\.?|KSh|TSh|[$€£¥₹₦₱฿₫]';
const CURRENCY_AFTER = '[\\p{L}$€£¥₹₦₱฿₫]+(?:\\s+[\\p{L}]+)?';
const LATIN_FINE = re(
  edge(`(?:${FINE_WORDS})`) +
    `\\s*(?:of|de|d'un montant de|:|to|por|no valor de)?\\s*` +
    `(?:(${CURRENCY_BEFORE})\\s*)?(${AMOUNT})(${MULTIPLIER})(?:\\s*(${CURRENCY_AFTER}))?`,
);
const MONEY_THEN_FINE = re(
  `(?:(${CURRENCY_BEFORE})\\s*)?(?<![\\p{L}\\p{N}])(${AMOUNT})(${MULTIPLIER})\\s*(${CURRENCY_AFTER})?\\s+` +
    edge(`fine|d'amende|de multa|en multa`),
);
const BARE_FINE = re(edge(FINE_WORDS));
/** A whole text that is an amount and its currency, nothing else: a penalty column ("50000 CNY", "USD 2,000"). */
const AMOUNT_ALONE = new RegExp(`^(?:(${CURRENCY_BEFORE})\\s*)?(${AMOUNT})(${MULTIPLIER})\\s*(${CURRENCY_AFTER})?$`, 'iu');
const HAN_FINE = re(
  `(罚金|罰金|罚款|罰款)\\s*(人民币|人民幣|新台币|新臺幣|新台幣|台币|臺幣|港币|港幣|澳门元|美元|美金)?\\s*(${HAN_NUMBER})\\s*(万|萬)?\\s*(元|圆|圓)?`,
);
const HAN_CURRENCIES: Record<string, string> = {
  人民币: 'CNY',
  人民幣: 'CNY',
  新台币: 'TWD',
  新臺幣: 'TWD',
  新台幣: 'TWD',
  台币: 'TWD',
  臺幣: 'TWD',
  港币: 'HKD',
  港幣: 'HKD',
  澳门元: 'MOP',
  美元: 'USD',
  美金: 'USD',
};
/** Currency words the shared list does not hold that sentences use (Spanish "reales" for Brazil's reais). */
const EXTRA_CURRENCIES: Record<string, string> = { reales: 'BRL', 'reales brasileños': 'BRL', reais: 'BRL' };

/** Words that join the parts of a sentence and say nothing by themselves, in the five languages. */
const FILLER = new Set([
  'and',
  'with',
  'of',
  'to',
  'the',
  'a',
  'an',
  'for',
  'in',
  'on',
  'by',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'been',
  'be',
  'his',
  'her',
  'their',
  'he',
  'she',
  'they',
  'suspect',
  'suspects',
  'offender',
  'offenders',
  'accused',
  'defendant',
  'defendants',
  'person',
  'persons',
  'all',
  'both',
  'each',
  'also',
  'plus',
  'total',
  'years',
  'year',
  'et',
  'de',
  'd',
  'du',
  'des',
  'le',
  'la',
  'les',
  'l',
  'à',
  'avec',
  'pour',
  'un',
  'une',
  'ferme',
  'au',
  'aux',
  'en',
  'est',
  'ont',
  'été',
  'il',
  'elle',
  'ils',
  'y',
  'con',
  'el',
  'los',
  'las',
  'del',
  'por',
  'para',
  'e',
  'com',
  'o',
  'os',
  'as',
  'do',
  'da',
  'dos',
  'das',
  'em',
  'foi',
  'fue',
  'fueron',
  'foram',
  'al',
  'se',
  'su',
  'sus',
  "years'",
  'prison',
  'imprisonment',
  'jail',
  'sentence',
  'pena',
  'peine',
  'prisión',
  'prisão',
  'emprisonnement',
  'reclusão',
  'reclusión',
  'cárcel',
]);
const HAN_FILLER = /[并並併科处處判和及、被告人其中各分别別为為共计計合執执行]/gu;

// ---------------------------------------------------------------- reading

interface Span {
  start: number;
  end: number;
}
type Body =
  | { type: 'status'; kind: StatusKind | null; rule: string }
  | { type: 'term'; months: number | null; rule: string; custody: boolean }
  | { type: 'suspension' }
  | { type: 'custody' }
  | { type: 'fine'; amount: number | null; currency: string | null; rule: string; length?: number }
  | { type: 'confiscation' };
type Token = Span & Body;

/** The outcomes a sanctions text states, each with its rule and words, and the words none of them read. */
export function parseOutcomes(given: string): ParsedText {
  // NFKC: full-width digits and punctuation ("１２", "：", "，") become ASCII; the length can change, so
  // every span is taken from this text, not from the one given.
  const text = given.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return { outcomes: [], unparsed: null };
  const alone = AMOUNT_ALONE.exec(text);
  if (alone && (alone[1] || alone[4])) {
    const fine = latinFine(alone[1], alone[2], alone[3], alone[4], 'amount and currency alone (a penalty column)', null);
    if (fine?.type === 'fine' && fine.currency !== null) {
      return {
        outcomes: [
          { kind: 'fine', months: null, suspended: null, fineAmount: fine.amount, fineCurrency: fine.currency, rule: fine.rule, text },
        ],
        unparsed: null,
      };
    }
  }
  let work = text;
  const tokens: Token[] = [];
  const take = (pattern: RegExp, make: (m: RegExpExecArray) => Body | null) => {
    pattern.lastIndex = 0;
    const found: Array<[RegExpExecArray, Body]> = [];
    for (let m = pattern.exec(work); m; m = pattern.exec(work)) {
      if (!m[0].trim()) {
        pattern.lastIndex++;
        continue;
      }
      const token = make(m);
      if (token) found.push([m, token]);
    }
    for (const [m, token] of found) {
      // A rule may read less than its pattern matched (a fine's amount without the words after it).
      const length = ('length' in token && token.length) || m[0].length;
      tokens.push({ ...token, start: m.index, end: m.index + length } as Token);
      work = work.slice(0, m.index) + ' '.repeat(length) + work.slice(m.index + length);
    }
  };

  take(HAN_FINE, (m) => {
    const n = parseHanNumber(m[3]);
    if (n === null) return null;
    const amount = n * (m[4] ? 1e4 : 1);
    const named = m[2] ? HAN_CURRENCIES[m[2]] : null;
    const traditional = /[罰款]/.test(m[1]) && m[1] !== '罚款';
    const currency = named ?? (m[5] && !traditional ? 'CNY' : null);
    const rule = named
      ? `${m[1]} in ${m[2]}`
      : m[5]
        ? traditional
          ? `${m[1]} in 元: CNY or TWD? not guessed`
          : `${m[1]} in 元 (CNY)`
        : `${m[1]}, no currency named`;
    return { type: 'fine', amount, currency, rule };
  });
  take(LATIN_FINE, (m) => latinFine(m[1], m[2], m[3], m[4], 'fine', m[0]));
  take(MONEY_THEN_FINE, (m) => latinFine(m[1], m[2], m[3], m[4], 'amount then fine', null));
  take(LIFE, () => ({ type: 'term', months: null, rule: 'life imprisonment', custody: true }));
  take(SUSPENSION, () => ({ type: 'suspension' }));
  take(HAN_TERM, (m) => {
    const first = parseHanNumber(m[2]);
    const extra = m[4] ? parseHanNumber(m[4]) : 0;
    if (first === null || extra === null) return null;
    return {
      type: 'term',
      months: first * HAN_UNIT_MONTHS[m[3]] + extra,
      rule: m[1] === '拘役' ? '拘役 (criminal detention)' : `${m[1]} (fixed-term imprisonment)`,
      custody: true,
    };
  });
  take(DURATION, (m) => {
    const n = latinNumber(m[1]);
    const per = unitMonths(m[2]);
    if (n === null || Number.isNaN(per)) return null;
    return { type: 'term', months: n * per, rule: 'duration', custody: false };
  });
  for (const { kind, rule, pattern } of STATUS_PATTERNS) take(pattern, () => ({ type: 'status', kind, rule }));
  take(CONFISCATION, () => ({ type: 'confiscation' }));
  take(BARE_FINE, () => ({ type: 'fine', amount: null, currency: null, rule: 'fine, no amount given' }));
  take(CUSTODY_WORDS, () => ({ type: 'custody' }));

  tokens.sort((a, b) => a.start - b.start);
  const { outcomes, unread } = assemble(text, work, tokens);
  // Durations read as no sentence go back into the text, so that they are reported as unparsed.
  for (const span of unread) work = work.slice(0, span.start) + text.slice(span.start, span.end) + work.slice(span.end);
  return { outcomes, unparsed: leftover(work) };
}

/** A fine's amount and currency; `matched` (words after the amount that may not be a currency) is cut back to what was read. */
function latinFine(
  before: string | undefined,
  amountText: string,
  multiplier: string,
  after: string | undefined,
  how: string,
  matched: string | null,
): Body | null {
  let digits = amountText.replace(/[\s\u00a0']+$/, '').trim();
  // A dot before groups of three digits in money is a thousands separator ("10.000 reales"): money has two decimals.
  const dottedThousands = /^\d{1,3}(\.\d{3})+$/.test(digits);
  if (dottedThousands) digits = digits.replace(/\./g, '');
  const amount = parseNumber(`${digits}${multiplier}`);
  if (amount === null) return null;
  const label = (before ?? '').trim();
  let currency: string | null = null;
  let rule = `${how}, no currency named`;
  const tryLabel = (l: string) => {
    const extra = EXTRA_CURRENCIES[l.toLowerCase()];
    if (extra) return { value: extra, rule: `currency name "${l}"` };
    const r = currencyCode(l.replace(/\.$/, ''));
    return r;
  };
  let used = '';
  if (label) {
    const r = tryLabel(label);
    currency = r.value;
    rule = `${how} in ${r.value ?? label} (${r.rule})`;
  } else if (after) {
    // Two words ("pounds sterling"), else one; a word that is no currency is left for other rules.
    const words = after.trim().split(/\s+/);
    for (const candidate of [words.join(' '), words[0]]) {
      const r = tryLabel(candidate);
      if (r.value || r.rule.startsWith('ambiguous')) {
        currency = r.value;
        rule = `${how} in ${r.value ?? candidate} (${r.rule})`;
        used = candidate;
        break;
      }
    }
  }
  if (dottedThousands) rule += '; dots read as thousands separators';
  let length: number | undefined;
  if (matched && after) {
    const cut = matched.length - after.length + used.length;
    length = used ? cut : matched.slice(0, matched.length - after.length).trimEnd().length;
  }
  return { type: 'fine', amount, currency, rule, length };
}

/** Clauses: terms and suspensions relate only within one (";", line, "。", ". "). */
function clauseOf(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) if (/[;。\n]/.test(text[i]) || (text[i] === '.' && text[i + 1] === ' ')) n++;
  return n;
}

function assemble(text: string, work: string, tokens: Token[]): { outcomes: Outcome[]; unread: Span[] } {
  const clause = tokens.map((t) => clauseOf(text, t.start));
  const outcomes: Array<Outcome & { at: number }> = [];
  const words = (t: Span) => text.slice(t.start, t.end).trim();
  // Durations next to each other, from larger to smaller units ("2 years and 6 months"), are one term.
  const terms: Array<{
    token: Extract<Token, { type: 'term' }>;
    index: number;
    suspended: boolean;
    start: number;
    end: number;
    months: number | null;
    last: number;
    read: boolean;
  }> = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'term') return;
    const prev = terms[terms.length - 1];
    const between = prev ? work.slice(prev.end, t.start) : '';
    const lastUnit = prev ? prev.last : 0;
    const thisUnit = t.months === null ? 0 : t.months / (latinNumberOf(text.slice(t.start, t.end)) || 1);
    if (
      prev &&
      !prev.token.custody === !t.custody &&
      clause[prev.index] === clause[i] &&
      /^[\s,]*(?:and|et|y|e|&|\+)?[\s,]*$/iu.test(between) &&
      t.rule === 'duration' &&
      prev.token.rule === 'duration' &&
      thisUnit < lastUnit &&
      prev.months !== null &&
      t.months !== null
    ) {
      prev.months += t.months;
      prev.end = t.end;
      prev.last = thisUnit;
      return;
    }
    terms.push({ token: t, index: i, suspended: false, start: t.start, end: t.end, months: t.months, last: thisUnit, read: false });
  });
  // A suspension marks the nearest term before it in its clause, else the nearest after.
  tokens.forEach((t, i) => {
    if (t.type !== 'suspension') return;
    const same = terms.filter((term) => clause[term.index] === clause[i]);
    const before = same.filter((term) => term.start < t.start).pop();
    const target = before ?? same.find((term) => term.start > t.start);
    if (target) target.suspended = true;
  });
  for (const term of terms) {
    const t = term.token;
    const custodyNearby =
      t.custody ||
      tokens.some((o, i) => (o.type === 'custody' || (o.type === 'status' && o.kind === 'convicted')) && clause[i] === clause[term.index]);
    // A duration alone in its clause ("1year and 6months", "13 years(prison)") is the sentence itself.
    const clauseText = clauseTextAt(work, text, term.start);
    const others = tokens.some((o, i) => ['status', 'fine', 'confiscation'].includes(o.type) && clause[i] === clause[term.index]);
    const alone =
      !others &&
      !/\p{L}{2,}/u.test(
        clauseText
          .replace(/\s+/g, ' ')
          .split(' ')
          .filter((w) => !FILLER.has(w.toLowerCase()))
          .join(' '),
      );
    if (!custodyNearby && !alone) continue; // left in the text, and so reported as unparsed
    term.read = true;
    const rule =
      t.rule === 'duration'
        ? custodyNearby
          ? 'custodial term beside a custody word'
          : 'custodial term: a duration alone in its clause'
        : t.rule;
    outcomes.push({
      at: term.start,
      kind: 'custodial',
      months: term.months === null ? null : Math.round(term.months * 100) / 100,
      suspended: term.suspended,
      fineAmount: null,
      fineCurrency: null,
      rule: term.suspended ? `${rule}; suspended` : rule,
      text: text.slice(term.start, term.end).trim(),
    });
  }
  for (const t of tokens) {
    if (t.type === 'status' && t.kind)
      outcomes.push({
        at: t.start,
        kind: t.kind,
        months: null,
        suspended: null,
        fineAmount: null,
        fineCurrency: null,
        rule: t.rule,
        text: words(t),
      });
    else if (t.type === 'fine')
      outcomes.push({
        at: t.start,
        kind: 'fine',
        months: null,
        suspended: null,
        fineAmount: t.amount,
        fineCurrency: t.currency,
        rule: t.rule,
        text: words(t),
      });
    else if (t.type === 'confiscation')
      outcomes.push({
        at: t.start,
        kind: 'confiscation',
        months: null,
        suspended: null,
        fineAmount: null,
        fineCurrency: null,
        rule: 'confiscation or forfeiture',
        text: words(t),
      });
  }
  return { outcomes: outcomes.sort((a, b) => a.at - b.at).map(({ at: _at, ...o }) => o), unread: terms.filter((t) => !t.read) };
}

function latinNumberOf(words: string): number {
  const m = new RegExp(`^(${LATIN_NUM})`, 'iu').exec(words.trim());
  return m ? (latinNumber(m[1]) ?? 1) : 1;
}

function clauseTextAt(work: string, text: string, at: number): string {
  let start = at;
  while (start > 0 && !/[;。\n]/.test(text[start - 1]) && !(text[start - 1] === ' ' && text[start - 2] === '.')) start--;
  let end = at;
  while (end < text.length && !/[;。\n]/.test(text[end]) && !(text[end] === '.' && text[end + 1] === ' ')) end++;
  // What the rules did not read in the clause, terms' own words aside.
  return work.slice(start, end).replace(DURATION_ANY, ' ');
}
const DURATION_ANY = re(edge(`(?:${LATIN_NUM})\\s*-?\\s*(?:${LATIN_UNIT})`));

/** The words no rule read, connecting words and punctuation aside; null when none is left. */
function leftover(work: string): string | null {
  const words = work
    .replace(HAN_FILLER, ' ')
    .split(/[\s,.;:()[\]{}"'’«»!?/\\\-–—。，；：（）、]+/u)
    .filter((w) => w && /\p{L}/u.test(w) && !FILLER.has(w.toLowerCase()));
  return words.length ? words.join(' ') : null;
}
