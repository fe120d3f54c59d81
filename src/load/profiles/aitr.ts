// The CITES Annual Illegal Trade Report sheet: one row per seized item. Parties send it in English,
// French or Spanish, with their own variants of the headings; this table of synonyms maps any of
// them to wen's fields. Unknown headings are kept in `extras`, never dropped.
import { fold } from '../../normalise/text.js';
import type { FieldSource, Mapping, RowField } from '../fields.js';

const HEADINGS: Partial<Record<RowField, string[]>> = {
  seizure_ref: ['reference', 'seizure reference', 'case number', 'case reference', 'case no', 'case id', 'seizure id', 'seizure no', 'ref', 'no', 'n', 'reference number', 'numero de reference', 'reference de la saisie', 'numero de referencia', 'referencia', 'numero de caso'],
  date: ['date of seizure', 'date', 'seizure date', 'date of the seizure', 'date de la saisie', 'date de saisie', 'fecha de decomiso', 'fecha del decomiso', 'fecha de incautacion', 'fecha de la incautacion', 'fecha'],
  time: ['time', 'time of seizure', 'heure', 'heure de la saisie', 'hora', 'hora del decomiso'],
  reporting_country: ['reporting country', 'reporting party', 'party', 'pays declarant', 'partie', 'parte', 'pais informante', 'parte informante'],
  seizure_country: ['country of seizure', 'seizure country', 'seizing country', 'pays de saisie', 'pays de la saisie', 'pais de decomiso', 'pais del decomiso'],
  place: ['location of seizure', 'location', 'place of seizure', 'place', 'seizure location', 'lieu de la saisie', 'lieu de saisie', 'lieu', 'lugar del decomiso', 'lugar de decomiso', 'lugar de la incautacion', 'lugar'],
  city: ['city', 'ville', 'ciudad', 'town'],
  port: ['port', 'port of entry', 'point of entry', 'port d entree', 'puerto', 'puerto de entrada'],
  latitude: ['latitude', 'lat', 'latitud'],
  longitude: ['longitude', 'long', 'lon', 'longitud'],
  agency: ['agency', 'seizing agency', 'enforcement agency', 'agence', 'service', 'organisme', 'agencia', 'institucion', 'autoridad'],
  detection_method: ['detection method', 'method of detection', 'detection', 'methode de detection', 'mode de detection', 'metodo de deteccion', 'deteccion'],
  reason: ['reason for seizure', 'reason', 'reason for the seizure', 'motif de la saisie', 'motif', 'motivo del decomiso', 'motivo'],
  transport_mode: ['mode of transport', 'transport mode', 'transport', 'means of transport', 'mode de transport', 'moyen de transport', 'medio de transporte', 'modo de transporte'],
  concealment: ['concealment', 'method of concealment', 'concealment method', 'dissimulation', 'methode de dissimulation', 'ocultacion', 'metodo de ocultamiento', 'ocultamiento'],
  purpose: ['purpose', 'but', 'objet', 'proposito', 'finalidad'],
  origin: ['country of origin', 'countries of origin', 'origin', 'country s of origin', 'pays d origine', 'origine', 'pais de origen', 'paises de origen', 'origen'],
  export: ['country of export', 'export country', 'country of export re export', 'pays d exportation', 'pais de exportacion'],
  transit: ['country of transit', 'countries of transit', 'transit country', 'transit countries', 'transit', 'country ies of transit', 'pays de transit', 'pais de transito', 'paises de transito', 'transito'],
  destination: ['country of destination', 'countries of destination', 'destination', 'final destination', 'country of final destination', 'pays de destination', 'destination finale', 'pais de destino', 'destino'],
  item_value: ['estimated value', 'value', 'estimated value of specimens', 'market value', 'valeur estimee', 'valeur', 'valor estimado', 'valor'],
  item_currency: ['currency', 'devise', 'monnaie', 'moneda', 'divisa'],
  offender_nationality: ['nationality of offenders', 'nationality of offender', 'nationality of offender s', 'offender nationality', 'nationality of suspects', 'nationality', 'nationalite des contrevenants', 'nationalite des auteurs', 'nationalite', 'nacionalidad de los infractores', 'nacionalidad'],
  sanctions: ['sanctions', 'sanction', 'sanctions and legal follow up', 'sanctions legal follow up', 'legal follow up', 'penalty', 'penalties', 'sanctions et suivi juridique', 'suivi juridique', 'sanciones', 'seguimiento legal', 'sanciones y seguimiento juridico'],
  notes: ['notes', 'note', 'remarks', 'comments', 'additional information', 'observations', 'observaciones', 'remarques', 'commentaires', 'comentarios', 'informacion adicional'],
  species: ['species', 'species scientific name', 'scientific name', 'taxon', 'species name', 'espece', 'especes', 'nom scientifique', 'espece nom scientifique', 'especie', 'especies', 'nombre cientifico', 'especie nombre cientifico'],
  common_name: ['common name', 'nom commun', 'nom vernaculaire', 'nombre comun'],
  term: ['description of specimens', 'description', 'specimen description', 'description of specimen', 'specimens', 'term', 'type of specimen', 'commodity', 'description des specimens', 'type de specimen', 'descripcion de los especimenes', 'descripcion', 'tipo de especimen'],
  quantity: ['quantity', 'qty', 'quantite', 'cantidad', 'amount', 'number weight', 'quantity number weight'],
  unit: ['unit', 'units', 'unit of measure', 'unit of measurement', 'unite', 'unite de mesure', 'unidad', 'unidad de medida'],
  cites_source: ['source', 'cites source', 'source code'],
};

let index: Map<string, RowField> | undefined;

function headingIndex(): Map<string, RowField> {
  const map = new Map<string, RowField>();
  for (const [field, names] of Object.entries(HEADINGS) as Array<[RowField, string[]]>) for (const name of names) map.set(fold(name), field);
  return map;
}

/** The field a heading means, tolerant of case, accents, parentheses and line breaks. */
export function aitrFieldOf(heading: string): RowField | undefined {
  index ??= headingIndex();
  const key = fold(heading);
  return index.get(key) ?? index.get(fold(heading.replace(/\(.*?\)/g, ''))) ?? index.get(key.replace(/\s*\d+$/, ''));
}

export function isAitrHeading(cell: string): boolean {
  return aitrFieldOf(cell) !== undefined;
}

/** A mapping for this file's headings: the first heading that means a field wins. */
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
  return { mapping: { fields, group_rows: fields.seizure_ref ? 'reference' : 'same-details' }, matched };
}
