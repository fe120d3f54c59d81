// The CITES Annual Illegal Trade Report sheet: one row per seized item. Parties send it in English,
// French or Spanish, with their own variants of the headings; this table of synonyms maps any of
// them to wen's fields. Unknown headings are kept in `extras`, never dropped.
import { fold } from '../../normalise/text.js';
import { unitInfo } from '../../normalise/units.js';
import type { FieldSource, Mapping, RowField } from '../fields.js';
import { shareOf, type SeizureTableProfile } from './profile.js';

const HEADINGS: Partial<Record<RowField, string[]>> = {
  seizure_ref: [
    'numero do processo',
    'numero da ocorrencia',
    'reference',
    'seizure reference',
    'case number',
    'case reference',
    'case no',
    'case id',
    'seizure id',
    'seizure no',
    'ref',
    'no',
    'n',
    'reference number',
    'numero de reference',
    'reference de la saisie',
    'numero de referencia',
    'referencia',
    'numero de caso',
  ],
  date: [
    'data da apreensao',
    'data de apreensao',
    'data',
    'date of seizure',
    'date',
    'seizure date',
    'date of the seizure',
    'date de la saisie',
    'date de saisie',
    'fecha de decomiso',
    'fecha del decomiso',
    'fecha de incautacion',
    'fecha de la incautacion',
    'fecha',
  ],
  time: ['time', 'time of seizure', 'heure', 'heure de la saisie', 'hora', 'hora del decomiso'],
  reporting_country: [
    'pais informante',
    'reporting country',
    'reporting party',
    'party',
    'pays declarant',
    'partie',
    'parte',
    'pais informante',
    'parte informante',
  ],
  seizure_country: [
    'pais da apreensao',
    'pais de apreensao',
    'country of seizure',
    'seizure country',
    'seizing country',
    'country',
    'pays',
    'pais',
    'country seized',
    'pays de saisie',
    'pays de la saisie',
    'pais de decomiso',
    'pais del decomiso',
  ],
  place: [
    'local da apreensao',
    'local de apreensao',
    'local',
    'location of seizure',
    'location',
    'place of seizure',
    'place',
    'seizure location',
    'lieu de la saisie',
    'lieu de saisie',
    'lieu',
    'lugar del decomiso',
    'lugar de decomiso',
    'lugar de la incautacion',
    'lugar',
  ],
  city: ['cidade', 'municipio', 'city', 'ville', 'ciudad', 'town'],
  port: ['port', 'port of entry', 'point of entry', 'port d entree', 'puerto', 'puerto de entrada'],
  latitude: ['latitude', 'lat', 'latitud'],
  longitude: ['longitude', 'long', 'lon', 'longitud'],
  agency: ['agency', 'seizing agency', 'enforcement agency', 'agence', 'service', 'organisme', 'agencia', 'institucion', 'autoridad'],
  detection_method: [
    'detection method',
    'method of detection',
    'detection',
    'methode de detection',
    'mode de detection',
    'metodo de deteccion',
    'deteccion',
  ],
  reason: ['reason for seizure', 'reason', 'reason for the seizure', 'motif de la saisie', 'motif', 'motivo del decomiso', 'motivo'],
  transport_mode: [
    'meio de transporte',
    'modo de transporte',
    'mode of transport',
    'transport mode',
    'transport',
    'means of transport',
    'mode de transport',
    'moyen de transport',
    'medio de transporte',
    'modo de transporte',
  ],
  concealment: [
    'concealment',
    'method of concealment',
    'concealment method',
    'dissimulation',
    'methode de dissimulation',
    'ocultacion',
    'metodo de ocultamiento',
    'ocultamiento',
  ],
  purpose: ['purpose', 'but', 'objet', 'proposito', 'finalidad'],
  origin: [
    'pais de origem',
    'country of origin',
    'countries of origin',
    'origin',
    'country s of origin',
    'pays d origine',
    'origine',
    'pais de origen',
    'paises de origen',
    'origen',
  ],
  export: ['country of export', 'export country', 'country of export re export', 'pays d exportation', 'pais de exportacion'],
  transit: [
    'country of transit',
    'countries of transit',
    'transit country',
    'transit countries',
    'transit',
    'country ies of transit',
    'pays de transit',
    'pais de transito',
    'paises de transito',
    'transito',
  ],
  destination: [
    'pais de destino',
    'country of destination',
    'countries of destination',
    'destination',
    'final destination',
    'country of final destination',
    'pays de destination',
    'destination finale',
    'pais de destino',
    'destino',
  ],
  item_value: [
    'valor estimado',
    'estimated value',
    'value',
    'estimated value of specimens',
    'market value',
    'valeur estimee',
    'valeur',
    'valor estimado',
    'valor',
  ],
  item_currency: ['moeda', 'currency', 'devise', 'monnaie', 'moneda', 'divisa'],
  offender_nationality: [
    'nacionalidade dos infratores',
    'nacionalidade',
    'nationality of offenders',
    'nationality of offender',
    'nationality of offender s',
    'offender nationality',
    'nationality of suspects',
    'nationality',
    'nationalite des contrevenants',
    'nationalite des auteurs',
    'nationalite',
    'nacionalidad de los infractores',
    'nacionalidad',
  ],
  sanctions: [
    'sanctions',
    'sanction',
    'sanctions and legal follow up',
    'sanctions legal follow up',
    'legal follow up',
    'penalty',
    'penalties',
    'sanctions et suivi juridique',
    'suivi juridique',
    'sanciones',
    'seguimiento legal',
    'sanciones y seguimiento juridico',
  ],
  verdict_date: [
    'verdict date',
    'date of verdict',
    'judgment date',
    'judgement date',
    'date of judgment',
    'date of judgement',
    'sentence date',
    'date of sentence',
    'date du jugement',
    'date de jugement',
    'fecha de la sentencia',
    'fecha de sentencia',
    'data da sentenca',
    'data do julgamento',
  ],
  notes: [
    'observacoes',
    'notes',
    'note',
    'remarks',
    'comments',
    'additional information',
    'observations',
    'observaciones',
    'remarques',
    'commentaires',
    'comentarios',
    'informacion adicional',
  ],
  species: [
    'species',
    'species scientific name',
    'scientific name',
    'taxon',
    'species name',
    'espece',
    'especes',
    'nom scientifique',
    'espece nom scientifique',
    'especie',
    'especies',
    'nombre cientifico',
    'especie nombre cientifico',
  ],
  genus: ['genus', 'genre', 'genero'],
  family: ['family', 'famille', 'familia'],
  order_name: ['order', 'ordre', 'orden', 'ordem'],
  class_name: ['class', 'classe', 'clase', 'taxonomic class'],
  common_name: ['nome comum', 'nome popular', 'nome vulgar', 'common name', 'nom commun', 'nom vernaculaire', 'nombre comun'],
  term: [
    'descricao dos especimes',
    'tipo de especime',
    'description of specimens',
    'description',
    'specimen description',
    'description of specimen',
    'specimens',
    'term',
    'type of specimen',
    'commodity',
    'description des specimens',
    'type de specimen',
    'descripcion de los especimenes',
    'descripcion',
    'tipo de especimen',
  ],
  quantity: ['quantidade', 'qtd', 'qtde', 'quantity', 'qty', 'quantite', 'cantidad', 'amount', 'number weight', 'quantity number weight'],
  unit: [
    'unidade',
    'unidade de medida',
    'unit',
    'units',
    'unit of measure',
    'unit of measurement',
    'unite',
    'unite de mesure',
    'unidad',
    'unidad de medida',
  ],
  cites_source: ['source', 'cites source', 'source code'],
  cites_appendix: ['appendix', 'cites appendix', 'app', 'anexo', 'anexo cites', 'annexe', 'annexe cites', 'apendice', 'apendice cites'],
};

let index: Map<string, RowField> | undefined;

function headingIndex(): Map<string, RowField> {
  const map = new Map<string, RowField>();
  for (const [field, names] of Object.entries(HEADINGS) as Array<[RowField, string[]]>)
    for (const name of names) map.set(fold(name), field);
  return map;
}

const COUNTRY_FIELDS_OF_A_CHAIN = new Set<RowField>([
  'reporting_country',
  'seizure_country',
  'origin',
  'export',
  'transit',
  'destination',
  'offender_nationality',
]);
const PLACE_FIELDS = new Set<RowField>(['place', 'city', 'port', 'seizure_country']);

/**
 * A bracketed qualifier that says what kind of value a column holds: "Seizure Location (Country)" is
 * the seizing country, not the place; "Source (url)" is a link, not the CITES source code. Returns
 * the field, `null` when the qualifier rules every field out (the column goes to extras), or
 * undefined when the qualifier says nothing (the base heading decides).
 */
function qualifiedField(base: RowField | undefined, qualifier: string): RowField | null | undefined {
  const q = fold(qualifier);
  if (/^(country|countries|pays|pais|paises|nation)$/.test(q)) {
    if (base && COUNTRY_FIELDS_OF_A_CHAIN.has(base)) return base;
    return base && PLACE_FIELDS.has(base) ? 'seizure_country' : null;
  }
  if (/^(city|town|ville|ciudad|cidade)( location)?$|^location$/.test(q)) return base && PLACE_FIELDS.has(base) ? 'city' : null;
  if (/^(province|district|state|region|county|prefecture|municipality)( ?(district|province|state|region))?$/.test(q))
    return base && PLACE_FIELDS.has(base) ? 'place' : null;
  if (/^(port|airport|border post)$/.test(q)) return base && PLACE_FIELDS.has(base) ? 'port' : null;
  if (/^(url|link|website|web|hyperlink|doi)$/.test(q)) return base === 'notes' ? 'notes' : null;
  return undefined;
}

/** The field a heading means, tolerant of case, accents, line breaks, a qualifier in brackets and a trailing number. */
export function aitrFieldOf(heading: string): RowField | undefined {
  index ??= headingIndex();
  const key = fold(heading);
  const exact = index.get(key);
  if (exact) return exact;
  const bracket = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(heading.replace(/\s+/g, ' ').trim());
  const base = bracket ? index.get(fold(bracket[1])) : undefined;
  if (bracket) {
    const qualified = qualifiedField(base, bracket[2]);
    if (qualified !== undefined) return qualified ?? undefined;
  }
  return base ?? index.get(fold(heading.replace(/\(.*?\)/g, ''))) ?? index.get(key.replace(/\s*\d+$/, ''));
}

export function isAitrHeading(cell: string): boolean {
  return aitrFieldOf(cell) !== undefined || datePartOf(cell) !== undefined;
}

const DATE_PARTS: Record<'year' | 'month' | 'day', string[]> = {
  year: ['year', 'year of seizure', 'seizure year', 'annee', 'an', 'ano', 'anio', '年', '年份'],
  month: ['month', 'month of seizure', 'seizure month', 'mois', 'mes', '月', '月份'],
  day: ['day', 'day of seizure', 'seizure day', 'jour', 'dia', '日'],
};

/** "Year", "Année", "Año", "Ano", "年" → year; likewise month and day. */
function datePartOf(heading: string): 'year' | 'month' | 'day' | undefined {
  const key = fold(heading);
  return (Object.keys(DATE_PARTS) as Array<'year' | 'month' | 'day'>).find((part) => DATE_PARTS[part].includes(key));
}

/**
 * A mapping for this file's headings: the first heading that means a field wins; a date split over
 * Year / Month / Day columns is the date (its precision from the parts given). Rows group into one
 * seizure only on a reference column: without one, each row is a seizure (folding rows that merely
 * look alike merged distinct incidents in real files).
 */
export function aitrMapping(headings: string[]): { mapping: Mapping; matched: Array<[string, RowField]> } {
  const fields: Partial<Record<RowField, FieldSource>> = {};
  const matched: Array<[string, RowField]> = [];
  for (const heading of headings) {
    const field = aitrFieldOf(heading);
    if (field && !fields[field]) {
      fields[field] = { column: heading };
      matched.push([heading, field]);
    }
  }
  // "Weight (kg)", "Poids (kg)", "Quantity (kg)": the amount, in the unit the heading names when no column gives one.
  if (!fields.quantity) {
    const weight = headings.find((h) => WEIGHT.test(fold(h.replace(/\(.*?\)/g, ''))));
    if (weight) (fields.quantity = { column: weight }), matched.push([weight, 'quantity']);
  }
  const unitInHeading = fields.quantity?.column ? /\(([^()]+)\)\s*$/.exec(fields.quantity.column)?.[1] : undefined;
  if (!fields.unit && unitInHeading && unitInfo(unitInHeading).value) fields.unit = { value: unitInHeading.trim() };
  if (!fields.date) {
    const part = (name: 'year' | 'month' | 'day') => headings.find((h) => datePartOf(h) === name);
    const year = part('year');
    if (year) {
      const month = part('month');
      const day = month ? part('day') : undefined;
      fields.date = { parts: { year, ...(month ? { month } : {}), ...(day ? { day } : {}) } };
      matched.push([[year, month, day].filter(Boolean).join(' / '), 'date']);
    }
  }
  // Court-judgment tables name the defendants in the sanctions cell ("张某某:13 years(prison)\n李某：1year"):
  // one person each, read only when at least half of the column's cells have that shape (decided in staging, on every cell).
  const actors: Mapping['actors'] = fields.sanctions?.column
    ? [{ kind: 'person', role: 'offender', fields: { name: { column: fields.sanctions.column, names_in_text: 'auto' } } }]
    : undefined;
  return { mapping: { fields, ...(actors ? { actors } : {}), group_rows: fields.seizure_ref ? 'reference' : 'none' }, matched };
}

const WEIGHT = /^(weight|net weight|gross weight|poids|poids net|peso|peso neto|peso liquido|mass)( kg| kgs| kilograms?| kilos?)?$/;

const LATIN_NAME = /^[A-Z][a-z]+(\s+[a-z]+){0,2}\b/;
const HAS_DIGIT = /\d/;

/**
 * The AITR sheet (and any seizure table with AITR-like headings): it must name what was seized
 * (species or description) and how much or when (quantity or date), and the sampled values of those
 * columns must look like it (names in the species column, digits in the quantity and date columns).
 */
export const aitrProfile: SeizureTableProfile = {
  name: 'aitr',
  kind: 'seizure-table',
  description: 'CITES Annual Illegal Trade Report sheets and seizure tables with AITR-like headings (English, French, Spanish)',
  writes: ['seizures', 'specimens', 'actors'],
  knownHeading: isAitrHeading,
  recognises: {
    ...HEADINGS,
    'date (its year)': DATE_PARTS.year,
    'date (its month)': DATE_PARTS.month,
    'date (its day)': DATE_PARTS.day,
  },
  mappingFor: aitrMapping,
  detect(sample) {
    const { matched } = aitrMapping(sample.headings);
    const fields = new Set(matched.map(([, f]) => f));
    const describes = fields.has('species') || fields.has('term') || fields.has('common_name');
    const countsOrDates = fields.has('quantity') || fields.has('date');
    const shown =
      matched
        .slice(0, 4)
        .map(([h]) => `"${h}"`)
        .join(', ') + (matched.length > 4 ? ', …' : '');
    const headline = `${matched.length} of ${sample.headings.length} headings are AITR headings${matched.length ? ` (${shown})` : ''}`;
    if (!describes || !countsOrDates || matched.length < 3) {
      const missing = !describes
        ? 'none names a species or a description'
        : !countsOrDates
          ? 'none names a quantity or a date'
          : 'too few to be sure';
      return { score: Math.min(0.3, matched.length * 0.05), reason: `${headline}; ${missing}` };
    }
    const column = (field: string) => sample.headings.indexOf(matched.find(([, f]) => f === field)?.[0] ?? '\u0000');
    const doubts: string[] = [];
    const check = (field: string, test: (v: string) => boolean, what: string) => {
      const i = column(field);
      if (i < 0) return;
      const { share, values } = shareOf(sample, i, test);
      if (values >= 5 && share < 0.5) doubts.push(`only ${Math.round(share * 100)}% of "${sample.headings[i]}" values ${what}`);
    };
    check('species', (v) => LATIN_NAME.test(v) || !HAS_DIGIT.test(v), 'look like names');
    check('quantity', (v) => HAS_DIGIT.test(v), 'hold a number');
    check('date', (v) => HAS_DIGIT.test(v), 'hold a date');
    // An importer and an exporter are the CITES Trade Database's (and LEMIS's) shape: legal trade, of
    // which only some lines (source I, disposition S) are seizures. A mapping must say which.
    const folded = sample.headings.map((h) => fold(h));
    const trade = folded.some((h) => /^importer\b/.test(h)) && folded.some((h) => /^exporter\b/.test(h));
    if (trade) {
      doubts.push(
        'headings "Importer" and "Exporter" look like CITES trade records, ' +
          'of which only some lines are seizures (a mapping with a filter says which)',
      );
    }
    const score = Math.min(trade ? 0.4 : 1, Math.max(0.2, 0.55 + 0.45 * Math.min(1, fields.size / 8) - 0.25 * doubts.length));
    return { score, reason: doubts.length ? `${headline}; but ${doubts.join('; ')}` : headline };
  },
};
