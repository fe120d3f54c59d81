// Small controlled vocabularies for free-text fields that analyses group by: mode of transport,
// detection method, purpose, sex, document type, actor role. Each maps keywords (English, French,
// Spanish, Portuguese) to one label; text that matches none is kept as given and flagged.
import { fold, type Normalised } from './text.js';

type Vocabulary = Array<[label: string, keywords: string[]]>;

export const TRANSPORT_MODES: Vocabulary = [
  [
    'postal',
    ['post', 'postal', 'mail', 'parcel', 'courier', 'express mail', 'ems', 'colis', 'correo', 'paquete', 'correios', 'dhl', 'fedex', 'ups'],
  ],
  [
    'air',
    [
      'air',
      'airport',
      'flight',
      'plane',
      'aircraft',
      'air cargo',
      'air passenger',
      'aerien',
      'aerienne',
      'avion',
      'aeropuerto',
      'aereo',
      'aerea',
      'aeroporto',
      'airway',
    ],
  ],
  [
    'sea',
    [
      'sea',
      'ship',
      'vessel',
      'maritime',
      'container',
      'seaport',
      'boat',
      'ferry',
      'shipping',
      'mer',
      'bateau',
      'navire',
      'maritimo',
      'barco',
      'buque',
      'contenedor',
      'navio',
    ],
  ],
  ['rail', ['rail', 'train', 'railway', 'ferroviaire', 'tren', 'ferrocarril', 'trem']],
  [
    'road',
    [
      'road',
      'truck',
      'lorry',
      'car',
      'vehicle',
      'bus',
      'van',
      'motorcycle',
      'motorbike',
      'highway',
      'land',
      'routier',
      'route',
      'camion',
      'voiture',
      'vehicule',
      'terrestre',
      'carretera',
      'coche',
      'vehiculo',
      'rodovia',
      'carro',
      'caminhao',
      'onibus',
      'moto',
      'taxi',
    ],
  ],
  ['river', ['river', 'canoe', 'pirogue', 'fluvial', 'lake', 'rio']],
  ['on foot', ['foot', 'on foot', 'pedestrian', 'walking', 'a pied', 'a pie', 'porter']],
];

export const DETECTION_METHODS: Vocabulary = [
  ['x-ray', ['x ray', 'xray', 'scanner', 'scan', 'scanning', 'rayons x', 'rayos x', 'raio x', 'radiography']],
  ['sniffer dog', ['dog', 'canine', 'k9', 'sniffer', 'chien', 'perro', 'cao', 'can']],
  [
    'intelligence',
    [
      'intelligence',
      'tip off',
      'tip',
      'informant',
      'information',
      'renseignement',
      'inteligencia',
      'denuncia',
      'denonciation',
      'investigation',
      'controlled delivery',
    ],
  ],
  ['risk profiling', ['profiling', 'risk', 'targeting', 'risk profile', 'risk assessment', 'selectivity', 'ciblage', 'perfil']],
  ['document check', ['document', 'documents', 'permit check', 'paperwork', 'controle documentaire', 'documental']],
  ['patrol', ['patrol', 'checkpoint', 'roadblock', 'road block', 'patrouille', 'patrulla', 'barrage', 'fiscalizacao', 'blitz', 'ronda']],
  [
    'physical inspection',
    [
      'inspection',
      'physical',
      'search',
      'examination',
      'random',
      'routine',
      'visual',
      'fouille',
      'controle',
      'inspeccion',
      'revision',
      'inspecao',
      'vistoria',
      'manual',
    ],
  ],
];

/** CITES purpose codes. */
export const PURPOSES: Vocabulary = [
  ['T', ['t', 'commercial', 'trade', 'sale', 'commerce', 'comercial', 'venta', 'vente']],
  ['P', ['p', 'personal', 'personnel', 'personal use', 'souvenir', 'uso personal']],
  ['M', ['m', 'medical', 'medicine', 'medicinal', 'traditional medicine', 'medecine', 'medicina']],
  ['S', ['s', 'scientific', 'science', 'research', 'scientifique', 'cientifico']],
  ['Z', ['z', 'zoo', 'zoos']],
  ['B', ['b', 'breeding', 'elevage', 'cria']],
  ['E', ['e', 'educational', 'education']],
  ['G', ['g', 'botanical garden', 'gardens']],
  ['H', ['h', 'hunting trophy', 'trophy', 'trophee', 'trofeo']],
  ['L', ['l', 'law enforcement', 'forensic', 'judicial']],
  ['N', ['n', 'reintroduction']],
  ['Q', ['q', 'circus', 'travelling exhibition']],
];

export const DOCUMENT_TYPES: Vocabulary = [
  [
    'cites permit',
    [
      'cites permit',
      'permit',
      'export permit',
      'import permit',
      'cites',
      're export certificate',
      'permis',
      'permiso',
      'licence',
      'license',
    ],
  ],
  [
    'certificate',
    ['certificate', 'certificate of origin', 'health certificate', 'veterinary certificate', 'phytosanitary', 'certificat', 'certificado'],
  ],
  ['airway bill', ['airway bill', 'air waybill', 'awb', 'lta', 'lettre de transport aerien', 'guia aerea']],
  ['bill of lading', ['bill of lading', 'b l', 'bl', 'connaissement', 'conocimiento de embarque']],
  ['invoice', ['invoice', 'commercial invoice', 'facture', 'factura', 'packing list']],
  ['customs declaration', ['customs declaration', 'declaration', 'declaration en douane', 'declaracion', 'manifest']],
  ['passport', ['passport', 'passeport', 'pasaporte']],
];

export const ACTOR_ROLES: Vocabulary = [
  ['courier', ['courier', 'mule', 'carrier', 'passeur', 'transporter', 'passenger']],
  ['driver', ['driver', 'chauffeur', 'conductor', 'motorista']],
  ['dealer', ['dealer', 'trader', 'seller', 'vendor', 'middleman', 'broker', 'trafficker', 'trafiquant', 'traficante', 'comerciante']],
  ['buyer', ['buyer', 'customer', 'acheteur', 'comprador']],
  ['exporter', ['exporter', 'shipper', 'consignor', 'exportateur', 'exportador', 'sender']],
  ['importer', ['importer', 'consignee', 'importateur', 'importador', 'receiver', 'recipient']],
  ['poacher', ['poacher', 'hunter', 'braconnier', 'cazador', 'cacador']],
  ['financier', ['financier', 'sponsor', 'funder', 'boss', 'kingpin', 'organiser', 'organizer']],
  ['forwarder', ['forwarder', 'freight forwarder', 'clearing agent', 'agent', 'transitaire']],
  ['official', ['official', 'officer', 'customs officer', 'ranger', 'police officer']],
  ['offender', ['offender', 'suspect', 'accused', 'defendant', 'prevenu', 'sospechoso', 'suspeito']],
];

export function fromVocabulary(vocabulary: Vocabulary, given: string, what: string): Normalised {
  const key = fold(given);
  if (!key) return { value: null, rule: 'empty' };
  for (const [label, keywords] of vocabulary)
    if (keywords.includes(key) || fold(label) === key) return { value: label, rule: `${what} "${key}"` };
  // Longer text: the first vocabulary entry one of whose keywords appears as whole words.
  const padded = ` ${key} `;
  for (const [label, keywords] of vocabulary) {
    const hit = keywords.find((k) => k.length > 1 && padded.includes(` ${k} `));
    if (hit) return { value: label, rule: `contains "${hit}"` };
  }
  return { value: null, rule: `unknown ${what}` };
}

export function normaliseSex(given: string): Normalised {
  const key = fold(given);
  if (['m', 'male', 'man', 'masculin', 'masculino', 'homme', 'hombre', 'h'].includes(key)) return { value: 'M', rule: 'sex' };
  if (['f', 'female', 'woman', 'feminin', 'femenino', 'feminino', 'femme', 'mujer'].includes(key)) return { value: 'F', rule: 'sex' };
  return { value: null, rule: 'unknown sex' };
}
