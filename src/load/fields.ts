// The canonical fields a profile maps a file onto. Every profile (AITR, Ecomessage, generic mapping)
// produces rows of these fields; one normalisation stage then turns them into the database tables.

const SEIZURE_FIELDS = [
  'seizure_ref',
  'date',
  'time',
  'reporting_country',
  'seizure_country',
  'place',
  'city',
  'port',
  'latitude',
  'longitude',
  'agency',
  'detection_method',
  'reason',
  'transport_mode',
  'concealment',
  'purpose',
  'offence',
  'modus_operandi',
  'origin',
  'export',
  'transit',
  'destination',
  'value',
  'currency',
  'offender_nationality',
  'sanctions',
  'verdict_date',
  'notes',
] as const;

export const SPECIMEN_FIELDS = [
  'species',
  'common_name',
  'genus',
  'family',
  'order_name',
  'class_name',
  'term',
  'quantity',
  'unit',
  'item_value',
  'item_currency',
  'cites_source',
  'weight',
  // The file's own CITES appendix ("II", "App. I", "Anexo II"): it wins over the reference's, with a flag when they differ.
  'cites_appendix',
] as const;

export const ACTOR_FIELDS = [
  'kind',
  'name',
  'family_name',
  'given_names',
  'aliases',
  'nationality',
  'sex',
  'birth_date',
  'birth_place',
  'id_numbers',
  'passport_numbers',
  'address',
  'phones',
  'vehicles',
  'profession',
  'role',
  'arrest_date',
  'sanction',
] as const;

export const DOCUMENT_FIELDS = ['doc_type', 'number', 'issuing_country', 'fraudulent'] as const;

type SeizureField = (typeof SEIZURE_FIELDS)[number];
export type SpecimenField = (typeof SPECIMEN_FIELDS)[number];
export type RowField = SeizureField | SpecimenField;

export const ROW_FIELDS: readonly RowField[] = [...SEIZURE_FIELDS, ...SPECIMEN_FIELDS];

// Where each field's value comes from (FieldSource), filters and the whole Mapping:
// inferred from the schema that checks mapping files, so the type and the check cannot disagree.
export type { FieldSource, Mapping, RowFilter } from './mapping-schema.js';

export const COUNTRY_FIELDS = new Set<string>([
  'reporting_country',
  'seizure_country',
  'origin',
  'export',
  'transit',
  'destination',
  'offender_nationality',
  'nationality',
  'issuing_country',
]);
