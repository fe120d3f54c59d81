// Writes the bundled sample data: about 5,300 illustrative seizures 2014–2024 as an AITR CSV (English),
// an AITR workbook (Spanish headings below title rows), a small French AITR file in Latin-1, and
// Ecomessage cases with persons, companies and documents. A fixed seed makes every run identical.
// Usage: node dist/sample/generate.js [folder]   (default: sample-data)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { countryName } from '../normalise/countries.js';
import { COUNTRY_SPELLINGS, SCENARIOS, type Item, type Scenario } from './scenarios.js';
import { Random } from './random.js';

interface SampleItem {
  species: string;
  common: string;
  term: string;
  quantity: number;
  unit: string;
  valueUsd: number;
}

interface SampleSeizure {
  ref: string;
  date: Date;
  time: string | null;
  seizureCountry: string;
  place: string;
  agency: string;
  detection: string;
  mode: string;
  concealment: string;
  origin: string[];
  transit: string[];
  destination: string;
  items: SampleItem[];
  nationalities: string[];
  sanctions: string;
  scenario: string;
}

const CURRENCY: Record<string, [code: string, perUsd: number]> = {
  VN: ['VND', 24000],
  CN: ['CNY', 7],
  HK: ['HKD', 7.8],
  TH: ['THB', 34],
  MY: ['MYR', 4.4],
  ID: ['IDR', 15000],
  KE: ['KES', 130],
  NG: ['NGN', 750],
  CM: ['XAF', 600],
  GA: ['XAF', 600],
  ZA: ['ZAR', 17],
  AE: ['AED', 3.67],
  FR: ['EUR', 0.9],
  ES: ['EUR', 0.9],
  DE: ['EUR', 0.9],
  IN: ['INR', 80],
  SG: ['SGD', 1.35],
};

const PLACES: Record<string, string[]> = {
  VN: ['Noi Bai International Airport', 'Hai Phong port', 'Tan Son Nhat International Airport', 'Cat Lai port', 'Da Nang port'],
  CN: ['Shenzhen Yantian port', 'Guangzhou Baiyun Airport', 'Dongxing border crossing', 'Kunming Changshui Airport'],
  HK: ['Kwai Chung Container Terminal', 'Hong Kong International Airport', 'Lok Ma Chau control point'],
  NG: ['Apapa port, Lagos', 'Murtala Muhammed Airport, Lagos', 'Tin Can Island port'],
  CM: ['Douala port', 'Douala International Airport', 'Yaoundé'],
  MY: ['Port Klang', 'Kuala Lumpur International Airport', 'Bukit Kayu Hitam checkpoint'],
  TH: ['Suvarnabhumi Airport', 'Laem Chabang port', 'Mukdahan checkpoint'],
  KE: ['Jomo Kenyatta International Airport', 'Mombasa port'],
  ET: ['Bole International Airport'],
  AE: ['Dubai International Airport', 'Jebel Ali port'],
  ZA: ['O.R. Tambo International Airport', 'Durban port', 'Kruger National Park'],
  ID: ['Tanjung Priok port', 'Bakauheni port', 'Soekarno-Hatta Airport'],
  SG: ['Pasir Panjang terminal', 'Changi Airport'],
  IN: ['Chennai airport', 'Kolkata', 'Siliguri'],
  LA: ['Thakhek', 'Vientiane'],
  MZ: ['Maputo port', 'Pemba'],
};
const DETECTION = [
  'x-ray',
  'X-ray scanner',
  'sniffer dog',
  'intelligence',
  'risk profiling',
  'document check',
  'physical inspection',
  'routine patrol',
  'tip-off',
];
const AGENCIES = ['Customs', 'Police', 'Wildlife authority', 'Border police', 'Forest department', 'Coast guard'];
const SANCTIONS = [
  'under investigation',
  'prosecution pending',
  'fined',
  'sentenced to 2 years imprisonment',
  'sentenced to 5 years imprisonment',
  'case closed',
  '',
];
const FIRST_YEAR = 2014;

export async function generate(folder: string): Promise<Record<string, number>> {
  const random = new Random(20241122);
  mkdirSync(folder, { recursive: true });
  const english = makeSeizures(random, 2650, 2014, 2019, 'AITR-A');
  const spanish = makeSeizures(random, 1900, 2020, 2024, 'AITR-B');
  const french = makeSeizures(random, 280, 2018, 2018, 'AITR-C');
  const cases = makeSeizures(random, 520, 2016, 2024, 'ECO');
  writeFileSync(join(folder, 'aitr-2014-2019.csv'), englishCsv(random, english));
  await spanishWorkbook(random, spanish, join(folder, 'aitr-2020-2024.xlsx'));
  writeFileSync(join(folder, 'aitr-2018-fr-latin1.csv'), iconv.encode(frenchCsv(random, french), 'latin1'));
  const eco = ecomessage(random, cases);
  writeFileSync(join(folder, 'ecomessage-cases.ndjson'), eco.text);
  writeFileSync(join(folder, 'forensic-results.csv'), forensicResults(random, [...english, ...spanish, ...cases]));
  writeFileSync(join(folder, 'payments.csv'), payments(random, eco.people, eco.companies, cases));
  return { english: english.length, spanish: spanish.length, french: french.length, ecomessage: cases.length };
}

function makeSeizures(random: Random, count: number, from: number, to: number, prefix: string): SampleSeizure[] {
  const seizures: SampleSeizure[] = [];
  for (let i = 0; i < count; i++) {
    const scenario = random.weighted(SCENARIOS.map((s) => [s, s.weight] as [Scenario, number]));
    const origin = random.chance(0.15) ? random.sample(scenario.origin, 2) : [random.pick(scenario.origin)];
    const transit = random.chance(0.55)
      ? random.sample(
          scenario.transit.filter((t) => !origin.includes(t)),
          random.chance(0.2) ? 2 : 1,
        )
      : [];
    const destination =
      random.pick(scenario.destination.filter((d) => !origin.includes(d) && !transit.includes(d))) ?? scenario.destination[0];
    const chain = [...origin, ...transit, destination];
    const where = random.next();
    const seizureCountry = where < 0.4 ? destination : where < 0.8 && transit.length ? random.pick(transit) : random.pick(chain);
    const itemCount = random.chance(0.25) ? random.int(2, 3) : 1;
    const items = random.sample(scenario.items, Math.min(itemCount, scenario.items.length)).map((item) => makeItem(random, item, from));
    const mode = random.pick(scenario.modes);
    const air = /air/i.test(mode);
    seizures.push({
      ref: `${prefix}-${String(i + 1).padStart(5, '0')}`,
      date: randomDate(random, from, to),
      time: random.chance(0.4)
        ? `${String(
            air
              ? random.int(5, 23)
              : random.weighted([
                  [random.int(6, 11), 3],
                  [random.int(12, 18), 4],
                  [random.int(19, 23), 2],
                  [random.int(0, 5), 1],
                ]),
          ).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`
        : null,
      seizureCountry,
      place: random.pick(PLACES[seizureCountry] ?? [`${countryName(seizureCountry) ?? seizureCountry} border post`]),
      agency: random.pick(AGENCIES),
      detection: random.pick(DETECTION),
      mode,
      concealment: random.pick(scenario.concealment),
      origin,
      transit,
      destination,
      items,
      nationalities: random.chance(0.6) ? random.sample([seizureCountry, ...chain], random.chance(0.2) ? 2 : 1) : [],
      sanctions: random.pick(SANCTIONS),
      scenario: scenario.name,
    });
  }
  return seizures.sort((a, b) => a.date.getTime() - b.date.getTime());
}

function makeItem(random: Random, item: Item, year: number): SampleItem {
  // Log-uniform quantities: many small seizures, a few very large ones.
  const quantity = round(Math.exp(random.between(Math.log(item.min), Math.log(item.max))), item.unit === 'kg' ? 1 : 0) || 1;
  const inflation = 1 + (year - FIRST_YEAR) * 0.03;
  return {
    species: item.species,
    common: item.common,
    term: item.term,
    quantity,
    unit: item.unit,
    valueUsd: round(quantity * random.between(...item.usdPerUnit) * inflation, 0),
  };
}

function randomDate(random: Random, from: number, to: number): Date {
  for (;;) {
    const start = Date.UTC(from, 0, 1);
    const end = Date.UTC(to, 11, 31);
    const date = new Date(start + Math.floor(random.next() * ((end - start) / 86400000 + 1)) * 86400000);
    // Fewer seizures on Sundays and in the northern summer, as reported enforcement effort varies.
    if (date.getUTCDay() === 0 && random.chance(0.6)) continue;
    if ([6, 7].includes(date.getUTCMonth()) && random.chance(0.3)) continue;
    return date;
  }
}

/** A country as an analyst might type it: usually the English name, sometimes a code or a variant. */
function spell(random: Random, code: string): string {
  if (random.chance(0.15) && COUNTRY_SPELLINGS[code]) return random.pick(COUNTRY_SPELLINGS[code]);
  if (random.chance(0.1)) return code;
  return countryName(code) ?? code;
}

function localValue(random: Random, s: SampleSeizure, usd: number): [string, string] {
  const [code, rate] = CURRENCY[s.seizureCountry] ?? ['USD', 1];
  if (random.chance(0.5) || code === 'USD') return [String(usd), 'USD'];
  const local = round(usd * rate, 0);
  return [String(local), code === 'XAF' && random.chance(0.5) ? 'FCFA BEAC' : code];
}

const ENGLISH_HEADINGS = [
  'Reference',
  'Reporting country',
  'Date of seizure',
  'Time',
  'Species (scientific name)',
  'Common name',
  'Description of specimens',
  'Quantity',
  'Unit',
  'Location of seizure',
  'Country of seizure',
  'Seizing agency',
  'Detection method',
  'Reason for seizure',
  'Mode of transport',
  'Concealment',
  'Country of origin',
  'Country(ies) of transit',
  'Country of destination',
  'Estimated value',
  'Currency',
  'Nationality of offenders',
  'Sanctions',
  'Notes',
];

function englishCsv(random: Random, seizures: SampleSeizure[]): string {
  const lines = [ENGLISH_HEADINGS.map(csv).join(',')];
  seizures.forEach((s, index) => {
    s.items.forEach((item) => {
      let quantity = String(item.quantity);
      let unit = item.unit;
      // Mixed units, as real reports have them.
      if (unit === 'kg' && random.chance(0.08))
        [quantity, unit] = random.pick([
          [String(round(item.quantity * 1000, 0)), 'g'],
          [String(round(item.quantity / 0.45359237, 1)), 'lbs'],
          [quantity, 'KGM'],
          [quantity, 'kilograms'],
        ]);
      if (unit === 'pcs' && random.chance(0.2)) unit = random.pick(['pieces', 'PCS', 'Nos']);
      if (unit === '' && random.chance(0.1)) unit = random.pick(['specimens', 'heads', 'No']);
      if (unit === 'm3' && random.chance(0.3)) unit = 'cubic metres';
      let date = `${pad(s.date.getUTCDate())}/${pad(s.date.getUTCMonth() + 1)}/${s.date.getUTCFullYear()}`;
      if (random.chance(0.05)) date = s.date.toISOString().slice(0, 10);
      else if (random.chance(0.02))
        date = `${s.date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${s.date.getUTCFullYear()}`;
      const [value, currency] = localValue(random, s, item.valueUsd);
      const valueCell = random.chance(0.05) ? `US$ ${item.valueUsd.toLocaleString('en-US')}` : value;
      const row = [
        s.ref,
        spell(random, s.seizureCountry),
        date,
        s.time ?? '',
        item.species,
        item.common,
        item.term,
        quantity,
        unit,
        s.place,
        spell(random, s.seizureCountry),
        s.agency,
        s.detection,
        'illegal import without CITES permit',
        s.mode,
        s.concealment,
        s.origin.map((c) => spell(random, c)).join(' / '),
        s.transit.map((c) => spell(random, c)).join('; '),
        spell(random, s.destination),
        valueCell.startsWith('US$') ? valueCell : value,
        valueCell.startsWith('US$') ? '' : currency,
        s.nationalities.map((c) => spell(random, c)).join(', '),
        s.sanctions,
        '',
      ];
      lines.push(row.map(csv).join(','));
    });
    // Deliberate dirt, at fixed places so tests can rely on it.
    if (index % 200 === 100) lines.push(',,,,,,,,,,,,,,,,,,,,,,,');
    if (index === 500 || index === 1500) {
      lines.push(
        [
          `${s.ref}-X`,
          'Kenya',
          '12/05/2016',
          '',
          'Loxodonta africana',
          'African elephant',
          'tusks',
          '-12',
          'kg',
          'Mombasa port',
          'Kenya',
          'Customs',
          'x-ray',
          '',
          'sea',
          '',
          'Uganda',
          '',
          'Viet Nam',
          '',
          '',
          '',
          '',
          'negative quantity: a typing error',
        ]
          .map(csv)
          .join(','),
      );
    }
    if (index === 900)
      lines.push(
        [
          `${s.ref}-Y`,
          'Nigeria',
          '03/02/2017',
          '',
          'Manis spp.',
          'pangolins',
          'scales',
          'about ten bags',
          '',
          'Apapa port, Lagos',
          'Nigeria',
          'Customs',
          '',
          '',
          'sea',
          '',
          'Zanzibar',
          '',
          'China',
          '',
          '',
          '',
          '',
          '',
        ]
          .map(csv)
          .join(','),
      );
    if (index === 700)
      lines.push(
        [
          `${s.ref}-Z`,
          'Tanzania',
          '14/06/2016',
          '',
          'Loxodonta africana',
          'African elephant',
          'tusks',
          '14',
          'bundles',
          'Dar es Salaam port',
          'Tanzania',
          'Customs',
          'dog',
          '',
          'dhow',
          '',
          'Zanzibar',
          '',
          'Oman',
          '900000',
          'CFA',
          '',
          '',
          'units, origin and currency as written by the officer',
        ]
          .map(csv)
          .join(','),
      );
    if (index === 1200)
      lines.push('AITR-A-BROKEN,Kenya,01/01/2017,,Panthera pardus,leopard,skins,2,,Nairobi,Kenya,KWS,,,,,,,,,,,,,extra,cells');
  });
  lines.push(
    [
      'Total',
      '',
      '',
      '',
      '',
      '',
      '',
      String(
        round(
          seizures.flatMap((s) => s.items).reduce((n, i) => n + i.quantity, 0),
          0,
        ),
      ),
      '',
    ]
      .map(csv)
      .join(',') + ','.repeat(ENGLISH_HEADINGS.length - 9),
  );
  return lines.join('\r\n') + '\r\n';
}

const SPANISH_HEADINGS = [
  'Referencia',
  'País\ninformante',
  'Fecha del\ndecomiso',
  'Especie\n(nombre científico)',
  'Descripción de\nlos especímenes',
  'Cantidad',
  'Unidad',
  'Lugar del\ndecomiso',
  'Método de\ndetección',
  'Motivo del\ndecomiso',
  'Medio de\ntransporte',
  'País de\norigen',
  'Países de\ntránsito',
  'País de\ndestino',
  'Valor\nestimado',
  'Moneda',
  'Nacionalidad de\nlos infractores',
  'Sanciones',
  'Observaciones',
];

async function spanishWorkbook(random: Random, seizures: SampleSeizure[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 31));
  workbook.creator = 'wen sample data';
  const sheet = workbook.addWorksheet('Decomisos');
  sheet.addRow(['Informe anual sobre el comercio ilegal (CITES) — 2020-2024']);
  sheet.addRow(['Datos ilustrativos generados por wen; no son casos reales']);
  sheet.addRow([]);
  sheet.addRow(SPANISH_HEADINGS);
  seizures.forEach((s, index) => {
    for (const item of s.items) {
      // Most dates are date cells; some arrive as bare Excel serial numbers, a few as the year alone.
      const serial = Math.round(s.date.getTime() / 86400000 + 25569);
      const date: ExcelJS.CellValue = random.chance(0.85) ? s.date : random.chance(0.8) ? serial : String(s.date.getUTCFullYear());
      const [value, currency] = localValue(random, s, item.valueUsd);
      sheet.addRow([
        s.ref,
        spell(random, s.seizureCountry),
        date,
        item.species,
        item.term,
        item.quantity,
        item.unit,
        s.place,
        s.detection,
        'importación ilegal',
        s.mode,
        s.origin.map((c) => spell(random, c)).join(', '),
        s.transit.map((c) => spell(random, c)).join(', '),
        spell(random, s.destination),
        Number(value),
        currency,
        s.nationalities.map((c) => spell(random, c)).join(', '),
        s.sanctions,
        '',
      ]);
    }
    if (index % 300 === 150) sheet.addRow([]);
  });
  sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
  await workbook.xlsx.writeFile(path);
}

const FRENCH_HEADINGS = [
  'Référence',
  'Pays déclarant',
  'Date de la saisie',
  'Espèce',
  'Description des spécimens',
  'Quantité',
  'Unité',
  'Lieu de la saisie',
  'Méthode de détection',
  'Motif de la saisie',
  'Mode de transport',
  "Pays d'origine",
  'Pays de transit',
  'Pays de destination',
  'Valeur estimée',
  'Devise',
  'Nationalité des contrevenants',
  'Sanctions',
  'Remarques',
];
const FRENCH_TERMS: Record<string, string> = {
  scales: 'écailles',
  tusks: 'défenses',
  live: 'vivants',
  'live birds': 'vivants',
  horns: 'cornes',
  skins: 'peaux',
  bones: 'os',
  meat: 'viande',
  carvings: 'objets sculptés',
  'dried shark fin': 'ailerons de requin',
  fins: 'ailerons',
  logs: 'grumes',
  timber: 'bois',
};

function frenchCsv(random: Random, seizures: SampleSeizure[]): string {
  const lines = [FRENCH_HEADINGS.join(';')];
  const fr = (code: string) => (countryName(code) === undefined ? code : frenchName(code));
  for (const s of seizures) {
    for (const item of s.items) {
      const date = `${pad(s.date.getUTCDate())}.${pad(s.date.getUTCMonth() + 1)}.${s.date.getUTCFullYear()}`;
      const [value, currency] = localValue(random, s, item.valueUsd);
      lines.push(
        [
          s.ref,
          fr(s.seizureCountry),
          date,
          item.species,
          FRENCH_TERMS[item.term] ?? item.term,
          String(item.quantity).replace('.', ','),
          item.unit,
          s.place,
          s.detection,
          'importation illégale',
          s.mode,
          s.origin.map(fr).join(', '),
          s.transit.map(fr).join(', '),
          fr(s.destination),
          value,
          currency,
          s.nationalities.map(fr).join(', '),
          s.sanctions,
          '',
        ]
          .map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(';'),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}

const FRENCH_COUNTRY: Record<string, string> = {
  VN: 'Viêt Nam',
  CN: 'Chine',
  CM: 'Cameroun',
  NG: 'Nigéria',
  ET: 'Éthiopie',
  AE: 'Émirats arabes unis',
  CD: 'République démocratique du Congo',
  CG: 'Congo',
  GA: 'Gabon',
  CI: "Côte d'Ivoire",
  TR: 'Turquie',
  MY: 'Malaisie',
  SG: 'Singapour',
  HK: 'Hong Kong',
  TH: 'Thaïlande',
  KE: 'Kenya',
  TZ: 'Tanzanie',
  MZ: 'Mozambique',
  ZA: 'Afrique du Sud',
  BE: 'Belgique',
  FR: 'France',
  ES: 'Espagne',
  US: 'États-Unis',
  LA: 'Laos',
  IN: 'Inde',
  ID: 'Indonésie',
  QA: 'Qatar',
  UG: 'Ouganda',
  MG: 'Madagascar',
};
function frenchName(code: string): string {
  return FRENCH_COUNTRY[code] ?? code;
}

// ---- Ecomessage cases: persons who reappear under variants, shared companies and forged permits.

interface Person {
  family: string;
  given: string;
  sex: 'M' | 'F';
  nationality: string;
  birth: string;
  passport: string;
  phone: string;
  vehicle: string;
  aliases: string[];
}

const FAMILY = [
  'Nguyen',
  'Tran',
  'Le',
  'Pham',
  'Hoang',
  'Vu',
  'Wang',
  'Li',
  'Zhang',
  'Chen',
  'Liu',
  'Huang',
  'Okafor',
  'Adeyemi',
  'Mbarga',
  'Nkemelu',
  'Eze',
  'Bello',
  'Mwangi',
  'Otieno',
  'Kamau',
  'Dlamini',
  'Ndlovu',
  'Nkosi',
  'Silva',
  'Santos',
  'Sharma',
  'Singh',
  'Patel',
  'Tan',
  'Lim',
  'Wong',
  'Ali',
  'Hassan',
  'Diallo',
  'Traoré',
  'Keita',
  'Mukendi',
  'Kabila',
  'Ilunga',
  'Sithole',
  'Moyo',
];
const GIVEN_M = [
  'Van An',
  'Minh Tuan',
  'Duc Anh',
  'Quang Huy',
  'Wei',
  'Jun',
  'Hao',
  'Lei',
  'Chinedu',
  'Emeka',
  'Obinna',
  'Tunde',
  'Jean-Paul',
  'Patrice',
  'Samuel',
  'Joseph',
  'Peter',
  'Thabo',
  'Sipho',
  'Rajesh',
  'Arjun',
  'Ahmed',
  'Omar',
  'Moussa',
  'Ibrahim',
  'Joao',
  'Carlos',
  'Kevin',
  'Brian',
  'Daniel',
];
const GIVEN_F = [
  'Thi Lan',
  'Thu Ha',
  'Mei',
  'Xiu Ying',
  'Li Na',
  'Ngozi',
  'Chiamaka',
  'Amina',
  'Grace',
  'Mary',
  'Wanjiru',
  'Priya',
  'Fatima',
  'Ana',
  'Linh',
  'Aisha',
  'Mariam',
  'Esther',
];

function ecomessage(
  random: Random,
  cases: SampleSeizure[],
): { text: string; people: Person[]; companies: Array<{ name: string; registration: string }> } {
  const people: Person[] = Array.from({ length: 260 }, (_, i) => {
    const sex = random.chance(0.8) ? 'M' : 'F';
    return {
      family: random.pick(FAMILY),
      given: random.pick(sex === 'M' ? GIVEN_M : GIVEN_F),
      sex,
      nationality: random.pick(['VN', 'CN', 'NG', 'CM', 'CD', 'KE', 'ZA', 'MZ', 'MY', 'TH', 'IN', 'GN', 'ML']),
      birth: `${random.int(1955, 2002)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      passport: `${random.pick(['B', 'C', 'E', 'P', 'A'])}${String(1000000 + i * 7919 + random.int(0, 7000)).slice(0, 7)}`,
      phone: `+${random.pick(['84', '86', '234', '237', '254', '27', '60'])}${random.int(100000000, 999999999)}`,
      // Members of a ring share a few vehicles: plates are drawn from a small pool for repeat offenders.
      vehicle:
        i < 40
          ? `${random.pick(['29A', '51F', 'KCA', 'LND', 'GP'])}-${random.int(100, 140)}`
          : `${random.pick(['30B', 'KDA', 'ABJ'])}-${random.int(1000, 9999)}`,
      aliases: random.chance(0.2)
        ? [`${random.pick(['Big', 'Mr', 'Boss', 'Uncle'])} ${random.pick(['Tony', 'Chen', 'Ali', 'Sam', 'Joe'])}`]
        : [],
    };
  });
  // A quarter of the people are repeat offenders: most cases draw from them.
  const repeaters = people.slice(0, 40);
  const companies = Array.from({ length: 45 }, (_, i) => ({
    name:
      `${random.pick(['Golden', 'Sun', 'Pacific', 'Africa', 'Lucky', 'Green', 'Star', 'Ocean'])} ` +
      `${random.pick(['Trading', 'Import Export', 'Logistics', 'Seafood', 'Timber', 'Handicrafts'])} ` +
      `${random.pick(['Co. Ltd', 'SARL', 'Ltd', 'LLC', 'Company Limited'])}`,
    registration: `REG-${10000 + i * 37}`,
    country: random.pick(['VN', 'CN', 'HK', 'NG', 'CM', 'MY', 'AE', 'KE']),
    phone: `+${random.pick(['84', '86', '852', '234'])}${random.int(100000000, 999999999)}`,
  }));
  const forgedPermits = Array.from({ length: 15 }, (_, i) => ({
    number: `${random.pick(['NG', 'CM', 'CD', 'MZ'])}/CITES/${2016 + (i % 8)}/${String(random.int(100, 9999)).padStart(4, '0')}`,
    country: random.pick(['NG', 'CM', 'CD', 'MZ']),
  }));
  const lines: string[] = [];
  cases.forEach((s, index) => {
    const cast = random.sample(random.chance(0.5) ? repeaters : people, random.int(1, 3));
    const persons = cast.map((p) => personRecord(random, p, s));
    const company = random.chance(0.35) ? random.pick(companies) : null;
    const documents: Array<Record<string, unknown>> = [
      {
        type: /sea/i.test(s.mode) ? 'bill of lading' : /air/i.test(s.mode) ? 'air waybill' : 'invoice',
        number: `${/sea/i.test(s.mode) ? 'BL' : 'AWB'}-${100000 + index}`,
        issuing_country: s.origin[0],
        altered: false,
      },
    ];
    if (random.chance(0.25)) {
      const permit = random.pick(forgedPermits);
      documents.push({ type: 'CITES export permit', number: permit.number, issuing_country: permit.country, altered: true });
    }
    const value = s.items.reduce((n, i) => n + i.valueUsd, 0);
    const record = {
      case_id: s.ref,
      reporting_country: s.seizureCountry,
      agency: s.agency,
      offence: {
        description: `illegal trade in ${s.scenario}`,
        code_name: random.chance(0.1) ? `Operation ${random.pick(['Thunder', 'Cobra', 'Blizzard', 'Lira', 'Wildcat'])}` : undefined,
        legal_description: 'import without a valid CITES permit',
      },
      discovery: { place: s.place, country: s.seizureCountry, method: s.detection },
      date: s.date.toISOString().slice(0, 10),
      time: s.time ?? undefined,
      contraband: s.items.map((i) => ({
        scientific_name: i.species,
        common_name: i.common,
        description: i.term,
        quantity: i.quantity,
        unit: i.unit || undefined,
        value: i.valueUsd,
        currency: 'USD',
      })),
      persons,
      companies: company
        ? [
            {
              name: company.name,
              registration_number: company.registration,
              country: company.country,
              role: random.pick(['exporter', 'importer', 'consignee']),
              phones: [company.phone],
            },
          ]
        : [],
      transport: { mode: s.mode, route: [...s.origin, ...s.transit, s.destination] },
      locations: {
        origin: s.origin,
        provenance: s.transit.length ? s.transit[0] : s.origin[0],
        transit: s.transit,
        destination: s.destination,
      },
      documents,
      modus_operandi: { concealment: s.concealment, falsification: documents.some((d) => d.altered) ? 'forged CITES permit' : undefined },
      value: { amount: value, currency: 'USD' },
      additional_information: random.chance(0.1) ? 'part of a wider investigation' : undefined,
    };
    lines.push(JSON.stringify(record));
    if (index === 200) lines.push('{"case_id": "ECO-BROKEN", "date": "2019-03-01", "contraband": [ {"scientific_name": "Manis spp."');
    if (index === 300) lines.push('');
  });
  return { text: lines.join('\n') + '\n', people, companies };
}

/** Payments from financiers and companies to couriers and dealers, some tied to cases; a few bad rows. */
function payments(
  random: Random,
  people: Person[],
  companies: Array<{ name: string; registration: string }>,
  cases: SampleSeizure[],
): string {
  const lines = ['Payment ID,Date,Payer,Payee,Amount,Currency,Method,Seizure reference,Notes'];
  const financiers = people.slice(0, 12);
  const runners = people.slice(12, 40);
  const name = (p: Person) => (random.chance(0.5) ? `${p.given} ${p.family}` : `${p.family.toUpperCase()} ${p.given}`);
  for (let i = 1; i <= 180; i++) {
    const fromCompany = random.chance(0.3);
    const payer = fromCompany ? random.pick(companies).name : name(random.pick(financiers));
    const payee = name(random.pick(runners));
    const c = random.chance(0.4) ? random.pick(cases) : null;
    const date = c
      ? new Date(c.date.getTime() - random.int(1, 60) * 86400000)
      : new Date(Date.UTC(random.int(2016, 2024), random.int(0, 11), random.int(1, 28)));
    const [currency, rate] = random.pick([
      ['USD', 1],
      ['CNY', 7],
      ['VND', 24000],
      ['NGN', 400],
      ['KES', 110],
    ] as Array<[string, number]>);
    const amount = round(random.between(500, 60000) * rate, 0);
    lines.push(
      [
        `PAY-${String(i).padStart(4, '0')}`,
        date.toISOString().slice(0, 10),
        payer,
        payee,
        String(amount),
        currency,
        random.pick(['bank transfer', 'mobile money', 'hawala', 'cash courier']),
        c?.ref ?? '',
        '',
      ]
        .map(csv)
        .join(','),
    );
  }
  lines.push(['PAY-9999', '2020-02-30', 'Unknown payer', '', '1500', 'USD', 'cash courier', '', 'payee not recorded'].map(csv).join(','));
  lines.push(['PAY-9998', '2021-05-04', 'Lucky Trading Ltd', 'Ahmed Ali', 'about 2000', 'USD', 'hawala', '', ''].map(csv).join(','));
  return lines.join('\n') + '\n';
}

/** The same person written as different officers write them: case, order, accents, aliases. */
function personRecord(random: Random, p: Person, s: SampleSeizure): Record<string, unknown> {
  const variant = random.int(0, 5);
  const family =
    variant === 1 ? p.family.toUpperCase() : variant === 2 ? p.family.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : p.family;
  const given = variant === 3 ? p.given.replace(' ', '') : p.given;
  const record: Record<string, unknown> = {
    family_name: family,
    first_names: given,
    sex: random.chance(0.9) ? p.sex : undefined,
    nationality: random.chance(0.9) ? p.nationality : countryName(p.nationality),
    birth_date: random.chance(0.8) ? p.birth : undefined,
    passport_numbers: random.chance(0.7) ? [p.passport] : [],
    aliases: p.aliases,
    phones: random.chance(0.6) ? [p.phone] : [],
    vehicles: /road|truck|motorbike/i.test(s.mode) || random.chance(0.15) ? [p.vehicle] : [],
    role: random.pick(['courier', 'courier', 'dealer', 'driver', 'buyer', 'exporter', 'financier']),
    arrest_date: s.date.toISOString().slice(0, 10),
  };
  if (variant === 4) record.name = `${p.family.toUpperCase()} ${p.given}`;
  return record;
}

/** DNA and isotope results for ivory, rhino horn and pangolin seizures: groups of samples matched across seizures. */
function forensicResults(random: Random, seizures: SampleSeizure[]): string {
  const eligible = seizures.filter((s) => ['ivory', 'rhino horn', 'pangolin scales'].includes(s.scenario));
  const lines = ['Sample ID,Seizure reference,Method,Match group,Assigned origin,Laboratory,Result date,Notes'];
  let sample = 1;
  for (let group = 1; group <= 40; group++) {
    const anchor = random.pick(eligible);
    const members = [
      anchor,
      ...random.sample(
        eligible.filter((s) => s.scenario === anchor.scenario && s !== anchor),
        random.int(1, 4),
      ),
    ];
    const method =
      anchor.scenario === 'ivory'
        ? 'DNA (microsatellite genotyping)'
        : anchor.scenario === 'rhino horn'
          ? 'DNA (RhODIS profile)'
          : random.pick(['DNA (species and population)', 'stable isotopes']);
    // The assigned origin usually confirms the first seizure's declared origin, sometimes not.
    const scenario = SCENARIOS.find((s) => s.name === anchor.scenario)!;
    const origin = random.chance(0.6) ? anchor.origin[0] : random.pick(scenario.origin);
    for (const member of members) {
      const resultDate = new Date(member.date.getTime() + random.int(60, 400) * 86400000).toISOString().slice(0, 10);
      lines.push(
        [
          `S-${String(sample++).padStart(5, '0')}`,
          member.ref,
          method,
          `MG-${String(group).padStart(3, '0')}`,
          countryName(origin) ?? origin,
          random.pick(['Laboratory A', 'Laboratory B', 'Laboratory C']),
          resultDate,
          '',
        ]
          .map(csv)
          .join(','),
      );
    }
  }
  for (let i = 0; i < 25; i++) {
    const s = random.pick(eligible);
    lines.push(
      [
        `S-${String(sample++).padStart(5, '0')}`,
        s.ref,
        'DNA (species identification)',
        '',
        '',
        'Laboratory A',
        s.date.toISOString().slice(0, 10),
        'species confirmed, no match',
      ]
        .map(csv)
        .join(','),
    );
  }
  lines.push(['', 'ECO-00001', 'DNA (species identification)', '', '', 'Laboratory B', '', 'sample label lost'].map(csv).join(','));
  return lines.join('\n') + '\n';
}

function csv(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const folder = process.argv[2] ?? 'sample-data';
  generate(folder).then((counts) => process.stderr.write(`wrote sample data to ${folder}: ${JSON.stringify(counts)}\n`));
}
