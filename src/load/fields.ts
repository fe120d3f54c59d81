// The canonical fields a profile maps a file onto. Every profile (AITR, Ecomessage, generic mapping)
// produces rows of these fields; one normalisation stage then turns them into the database tables.

export const SEIZURE_FIELDS = [
  'seizure_ref', 'date', 'time', 'reporting_country', 'seizure_country', 'place', 'city', 'port', 'latitude', 'longitude',
  'agency', 'detection_method', 'reason', 'transport_mode', 'concealment', 'purpose', 'offence', 'modus_operandi',
  'origin', 'export', 'transit', 'destination', 'value', 'currency', 'offender_nationality', 'sanctions', 'notes',
] as const;

export const SPECIMEN_FIELDS = [
  'species', 'common_name', 'genus', 'family', 'order_name', 'class_name', 'term', 'quantity', 'unit',
  'item_value', 'item_currency', 'cites_source',
] as const;

export const ACTOR_FIELDS = [
  'kind', 'name', 'family_name', 'given_names', 'aliases', 'nationality', 'sex', 'birth_date', 'birth_place',
  'id_numbers', 'passport_numbers', 'address', 'phones', 'vehicles', 'profession', 'role', 'arrest_date', 'sanction',
] as const;

export const DOCUMENT_FIELDS = ['doc_type', 'number', 'issuing_country', 'fraudulent'] as const;

export type SeizureField = (typeof SEIZURE_FIELDS)[number];
export type SpecimenField = (typeof SPECIMEN_FIELDS)[number];
export type RowField = SeizureField | SpecimenField;
export type ActorField = (typeof ACTOR_FIELDS)[number];
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export const ROW_FIELDS: readonly RowField[] = [...SEIZURE_FIELDS, ...SPECIMEN_FIELDS];

/** Fields whose cells may hold several values (split on ; / , "and" …). */
export const ACTOR_LIST_FIELDS = new Set<ActorField>(['aliases', 'id_numbers', 'passport_numbers', 'phones', 'vehicles']);

/** Where one field's value comes from in a tabular file. */
export interface FieldSource {
  column?: string; // a heading of the file
  columns?: string[]; // several headings, joined with `join`
  join?: string;
  first_of?: string[]; // the first of these headings that is not empty
  value?: string; // a constant for every row
  map?: Record<string, string>; // replace whole cell values (e.g. disposition codes)
  /** Only for `date`: dmy (default), mdy or ymd for ambiguous slashed dates. */
  date_order?: 'dmy' | 'mdy' | 'ymd';
  /** Keep only the part before this separator ("Cuniculus paca / Paca" → "Cuniculus paca"). */
  take_before?: string;
  /** Several values in one cell: a regular expression to split on, true for the usual separators, false never. */
  split?: string | boolean;
}

export interface ActorSource {
  kind?: 'person' | 'company' | 'unknown';
  role?: string;
  fields: Partial<Record<ActorField, FieldSource>>;
}

export interface DocumentSource {
  fields: Partial<Record<DocumentField, FieldSource>>;
}

export interface RowFilter {
  column: string;
  equals?: string;
  in?: string[];
  not_in?: string[];
}

/** A complete description of how a tabular file becomes canonical rows. */
export interface Mapping {
  fields: Partial<Record<RowField, FieldSource>>;
  actors?: ActorSource[];
  documents?: DocumentSource[];
  filter?: RowFilter | RowFilter[];
  /** Cell values meaning "missing" (never applied to country fields: "NA" there is Namibia). */
  null_values?: string[];
  /** Quantity cells meaning "seized, amount not given" besides the usual ones (Y, ?, unknown…). */
  unknown_values?: string[];
  /** How rows form seizures: by seizure_ref, by identical seizure details, or one seizure per row. */
  group_rows?: 'reference' | 'same-details' | 'none';
  /** Name of the sheet to read in a workbook. */
  sheet?: string;
}

export const COUNTRY_FIELDS = new Set<string>(['reporting_country', 'seizure_country', 'origin', 'export', 'transit', 'destination', 'offender_nationality', 'nationality', 'issuing_country']);
