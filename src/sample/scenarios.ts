// The trafficking patterns the sample data is drawn from: species, products, typical quantities,
// routes and concealments, modelled on public seizure reporting (UNODC World Wildlife Crime Report,
// ETIS, TRAFFIC bulletins). Illustrative, not real cases.

export interface Item {
  species: string;
  common: string;
  term: string; // as an analyst would write it
  unit: 'kg' | 'pcs' | '' | 'm3';
  min: number;
  max: number;
  usdPerUnit: [number, number]; // value range at the destination market
}

export interface Scenario {
  name: string;
  weight: number; // relative frequency
  items: Item[];
  origin: string[];
  transit: string[];
  destination: string[];
  modes: string[];
  concealment: string[];
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'pangolin scales',
    weight: 22,
    items: [
      { species: 'Manis spp.', common: 'pangolins', term: 'scales', unit: 'kg', min: 5, max: 9000, usdPerUnit: [150, 700] },
      {
        species: 'Phataginus tricuspis',
        common: 'white-bellied pangolin',
        term: 'scales',
        unit: 'kg',
        min: 5,
        max: 4000,
        usdPerUnit: [150, 700],
      },
      { species: 'Smutsia gigantea', common: 'giant pangolin', term: 'scales', unit: 'kg', min: 5, max: 3000, usdPerUnit: [150, 700] },
      { species: 'Manis javanica', common: 'Sunda pangolin', term: 'bodies', unit: 'pcs', min: 1, max: 300, usdPerUnit: [80, 400] },
    ],
    origin: ['NG', 'CM', 'CD', 'CG', 'GA', 'CF', 'CI', 'GH', 'UG'],
    transit: ['ET', 'AE', 'TR', 'MY', 'SG', 'QA', 'KE'],
    destination: ['VN', 'CN', 'HK', 'LA'],
    modes: ['air cargo', 'sea container', 'air passenger luggage', 'Sea', 'AIR'],
    concealment: [
      'in sacks declared as cashew nuts',
      'hidden under frozen fish',
      'declared as ginger',
      'in suitcases wrapped in carbon paper',
      'mixed with timber logs',
      'false container wall',
    ],
  },
  {
    name: 'ivory',
    weight: 18,
    items: [
      { species: 'Loxodonta africana', common: 'African elephant', term: 'tusks', unit: 'kg', min: 2, max: 3500, usdPerUnit: [300, 1100] },
      {
        species: 'Loxodonta africana',
        common: 'African elephant',
        term: 'ivory carvings',
        unit: 'pcs',
        min: 1,
        max: 400,
        usdPerUnit: [40, 900],
      },
      {
        species: 'Loxodonta africana',
        common: 'African elephant',
        term: 'raw ivory pieces',
        unit: 'kg',
        min: 1,
        max: 300,
        usdPerUnit: [300, 900],
      },
      { species: 'Elephas maximus', common: 'Asian elephant', term: 'carvings', unit: 'pcs', min: 1, max: 50, usdPerUnit: [50, 800] },
    ],
    origin: ['MZ', 'TZ', 'KE', 'CD', 'CM', 'UG', 'ZM', 'NG', 'AO'],
    transit: ['KE', 'ET', 'AE', 'MY', 'TG', 'NG', 'SG'],
    destination: ['VN', 'CN', 'TH', 'HK', 'JP'],
    modes: ['sea container', 'air cargo', 'air passenger luggage', 'postal', 'road'],
    concealment: ['inside hollowed timber', 'under plastic waste', 'in tea boxes', 'coated with wax', 'declared as handicrafts'],
  },
  {
    name: 'rhino horn',
    weight: 8,
    items: [
      {
        species: 'Ceratotherium simum',
        common: 'white rhinoceros',
        term: 'horns',
        unit: 'kg',
        min: 0.5,
        max: 120,
        usdPerUnit: [15000, 60000],
      },
      {
        species: 'Diceros bicornis',
        common: 'black rhinoceros',
        term: 'rhino horn pieces',
        unit: 'kg',
        min: 0.2,
        max: 20,
        usdPerUnit: [15000, 60000],
      },
      { species: 'Rhinocerotidae', common: 'rhinoceros', term: 'horn', unit: 'pcs', min: 1, max: 20, usdPerUnit: [20000, 90000] },
    ],
    origin: ['ZA', 'MZ', 'NA', 'ZW', 'KE', 'BW'],
    transit: ['QA', 'AE', 'ET', 'KE', 'MY', 'TR'],
    destination: ['VN', 'CN', 'MY', 'TH'],
    modes: ['air passenger luggage', 'air cargo', 'AIR'],
    concealment: ['wrapped in foil in checked luggage', 'inside wine boxes', 'cut into discs in a courier parcel', "in children's toys"],
  },
  {
    name: 'tortoises and freshwater turtles',
    weight: 14,
    items: [
      { species: 'Astrochelys radiata', common: 'radiated tortoise', term: 'live', unit: '', min: 3, max: 1200, usdPerUnit: [200, 2000] },
      { species: 'Geochelone elegans', common: 'Indian star tortoise', term: 'live', unit: '', min: 5, max: 2000, usdPerUnit: [20, 300] },
      {
        species: 'Cuora amboinensis',
        common: 'Southeast Asian box turtle',
        term: 'live',
        unit: '',
        min: 20,
        max: 3000,
        usdPerUnit: [10, 60],
      },
      { species: 'Lissemys punctata', common: 'Indian flapshell turtle', term: 'live', unit: '', min: 10, max: 4000, usdPerUnit: [5, 40] },
      {
        species: 'Nilssonia gangetica',
        common: 'Indian softshell turtle',
        term: 'meat',
        unit: 'kg',
        min: 10,
        max: 900,
        usdPerUnit: [10, 50],
      },
    ],
    origin: ['MG', 'IN', 'LK', 'ID', 'BD', 'PK'],
    transit: ['MY', 'TH', 'SG', 'KE', 'AE'],
    destination: ['TH', 'MY', 'CN', 'HK', 'ID'],
    modes: ['air passenger luggage', 'road', 'postal', 'air cargo', 'rail'],
    concealment: [
      'taped inside socks in luggage',
      'in boxes declared as toys',
      'under vegetables in a truck',
      'in courier parcels declared as clothes',
    ],
  },
  {
    name: 'rosewood',
    weight: 8,
    items: [
      {
        species: 'Dalbergia cochinchinensis',
        common: 'Siamese rosewood',
        term: 'logs',
        unit: 'm3',
        min: 1,
        max: 300,
        usdPerUnit: [3000, 20000],
      },
      { species: 'Pterocarpus erinaceus', common: 'kosso', term: 'timber', unit: 'kg', min: 1000, max: 200000, usdPerUnit: [1, 4] },
      { species: 'Dalbergia spp.', common: 'rosewood', term: 'sawn wood', unit: 'kg', min: 500, max: 80000, usdPerUnit: [2, 10] },
    ],
    origin: ['LA', 'KH', 'MM', 'GM', 'SN', 'NG', 'MG'],
    transit: ['VN', 'TH', 'GM'],
    destination: ['CN', 'VN', 'HK'],
    modes: ['sea container', 'road', 'river'],
    concealment: ['declared as ordinary timber', 'under soybeans', 'no concealment', 'mis-declared species'],
  },
  {
    name: 'tiger parts',
    weight: 6,
    items: [
      { species: 'Panthera tigris', common: 'tiger', term: 'skins', unit: '', min: 1, max: 6, usdPerUnit: [5000, 35000] },
      { species: 'Panthera tigris', common: 'tiger', term: 'bones', unit: 'kg', min: 1, max: 150, usdPerUnit: [1000, 3000] },
      { species: 'Panthera tigris', common: 'tiger', term: 'teeth', unit: 'pcs', min: 2, max: 80, usdPerUnit: [100, 800] },
      { species: 'Panthera tigris', common: 'tiger', term: 'claws', unit: 'pcs', min: 4, max: 200, usdPerUnit: [50, 400] },
      { species: 'Panthera pardus', common: 'leopard', term: 'skins', unit: '', min: 1, max: 20, usdPerUnit: [1000, 8000] },
    ],
    origin: ['IN', 'NP', 'MM', 'TH', 'LA', 'BD'],
    transit: ['NP', 'MM', 'LA', 'TH'],
    destination: ['CN', 'VN', 'LA'],
    modes: ['road', 'postal', 'on foot', 'motorbike'],
    concealment: ['in a false floor of a truck', 'in rice sacks', 'carried by porters across the border', 'in a courier parcel'],
  },
  {
    name: 'songbirds',
    weight: 10,
    items: [
      { species: 'Copsychus malabaricus', common: 'white-rumped shama', term: 'live', unit: '', min: 5, max: 800, usdPerUnit: [30, 150] },
      { species: 'Garrulax canorus', common: 'Chinese hwamei', term: 'live birds', unit: '', min: 10, max: 1500, usdPerUnit: [10, 60] },
      { species: 'Leucopsar rothschildi', common: 'Bali myna', term: 'live', unit: '', min: 1, max: 40, usdPerUnit: [500, 3000] },
      { species: 'Psittacus erithacus', common: 'African grey parrot', term: 'live', unit: '', min: 5, max: 600, usdPerUnit: [300, 2000] },
    ],
    origin: ['ID', 'MY', 'CN', 'CM', 'CD', 'NG'],
    transit: ['SG', 'TR', 'AE', 'KW'],
    destination: ['ID', 'SG', 'MY', 'KW', 'TR', 'BH'],
    modes: ['sea', 'road', 'air cargo', 'ferry'],
    concealment: ['in plastic bottles', 'in drainpipes in a truck', 'in crates under chickens', 'sedated in hand luggage'],
  },
  {
    name: 'shark fin and marine products',
    weight: 10,
    items: [
      {
        species: 'Sphyrna lewini',
        common: 'scalloped hammerhead',
        term: 'dried shark fin',
        unit: 'kg',
        min: 10,
        max: 8000,
        usdPerUnit: [50, 400],
      },
      { species: 'Carcharhinus falciformis', common: 'silky shark', term: 'fins', unit: 'kg', min: 10, max: 12000, usdPerUnit: [30, 200] },
      { species: 'Totoaba macdonaldi', common: 'totoaba', term: 'swim bladders', unit: 'kg', min: 1, max: 400, usdPerUnit: [5000, 40000] },
      { species: 'Anguilla anguilla', common: 'European eel', term: 'live', unit: 'kg', min: 5, max: 1000, usdPerUnit: [600, 3000] },
      { species: 'Hippocampus kuda', common: 'spotted seahorse', term: 'bodies', unit: 'kg', min: 1, max: 800, usdPerUnit: [300, 1500] },
    ],
    origin: ['EC', 'PE', 'MX', 'BR', 'ZA', 'FR', 'ES', 'SN'],
    transit: ['US', 'PA', 'MA', 'SG', 'DE'],
    destination: ['HK', 'CN', 'VN', 'TW'],
    modes: ['sea container', 'air cargo', 'air passenger luggage', 'postal'],
    concealment: ['declared as dried fish', 'in suitcases with wet cloth', 'labelled as frozen seafood', 'hidden among legal fish maw'],
  },
  {
    name: 'hornbill and bear products',
    weight: 4,
    items: [
      { species: 'Rhinoplax vigil', common: 'helmeted hornbill', term: 'carvings', unit: 'pcs', min: 1, max: 200, usdPerUnit: [100, 1500] },
      {
        species: 'Ursus thibetanus',
        common: 'Asiatic black bear',
        term: 'gall bladders',
        unit: 'pcs',
        min: 1,
        max: 60,
        usdPerUnit: [200, 2000],
      },
    ],
    origin: ['ID', 'MY', 'LA', 'VN', 'MM'],
    transit: ['HK', 'TH'],
    destination: ['CN', 'HK', 'KR'],
    modes: ['postal', 'air passenger luggage', 'road'],
    concealment: ['in a courier parcel declared as souvenirs', 'in hand luggage'],
  },
];

/** How people write a country in the sample files: mostly codes or names, sometimes dirty variants. */
export const COUNTRY_SPELLINGS: Record<string, string[]> = {
  VN: ['Viet Nam', 'Vietnam', 'VN', 'Viet nam'],
  CN: ['China', 'CN', 'P.R. China'],
  HK: ['Hong Kong SAR', 'Hong kong', 'HK'],
  LA: ['Lao PDR', 'Laos', 'LA'],
  CD: ['Congo, Dem. Rep.', 'DRC', 'CD'],
  CG: ['Congo', 'Republic of Congo', 'CG'],
  CI: ["Côte d'Ivoire", 'Ivory Coast', 'CI'],
  NG: ['Nigeria', 'NG', 'Nigéria'],
  CM: ['Cameroon', 'CM', 'Cameroun'],
  AE: ['UAE', 'United Arab Emirates', 'AE'],
  US: ['USA', 'United States', 'US'],
  TZ: ['Tanzania', 'United Republic of Tanzania', 'TZ'],
  KR: ['Korea, Republic of', 'South Korea'],
  NA: ['NA', 'Namibia'],
  TR: ['Turkey', 'Türkiye', 'TR'],
};
