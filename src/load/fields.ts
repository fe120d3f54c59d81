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

type ActorField = (typeof ACTOR_FIELDS)[number];
type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/**
 * What each field reads, in a line for docs/mappings.md (the columns it fills are described in
 * docs/database.md). A Record over every field, so that a field added above without its meaning does
 * not compile.
 */
export const FIELD_MEANINGS: {
  row: Record<RowField, string>;
  actor: Record<ActorField, string>;
  document: Record<DocumentField, string>;
} = {
  row: {
    seizure_ref: 'the case or reference number; rows with the same one are one seizure',
    date: 'the day of the seizure (a day, a month, a year or a range); `parts` for Year / Month / Day columns',
    time: 'the time of day of the seizure',
    reporting_country: 'the country that reports the seizure (any spelling or ISO code)',
    seizure_country: 'the country where it was seized',
    place: 'the place of seizure, as written',
    city: 'the city of seizure',
    port: 'the airport, seaport or border post',
    latitude: 'decimal degrees (WGS 84)',
    longitude: 'decimal degrees (WGS 84)',
    agency: 'the seizing agency',
    detection_method: 'how it was found (x-ray, sniffer dog, inspection, intelligence…)',
    reason: 'why it was seized',
    transport_mode: 'air, sea, road, rail, postal, on foot… in any wording',
    concealment: 'how the goods were hidden',
    purpose: 'the purpose of the trade (a CITES purpose code or words)',
    offence: 'the offence',
    modus_operandi: 'how the trafficking was done',
    origin: 'the countries of origin',
    export: 'the exporting country',
    transit: 'the countries of transit, in route order',
    destination: 'the countries of destination',
    value: 'the estimated value of the whole seizure',
    currency: 'the currency of value (ISO 4217 or a name or symbol)',
    offender_nationality: "the offenders' nationalities, as the seizure gives them",
    sanctions: 'the sanctions or court outcome (read into outcomes; persons named in it can be actors)',
    verdict_date: "the day of the court's verdict or judgment, a date like date (`parts` allowed): the outcomes' days to verdict",
    notes: 'free text of the record',
    species: 'the taxon at any rank, a synonym or a common name; cleaned and matched to the reference',
    common_name: 'a common name of the taxon',
    genus: 'the genus, when the file gives it apart',
    family: 'the family, when the file gives it apart',
    order_name: 'the order, when the file gives it apart',
    class_name: 'the class, when the file gives it apart',
    term: 'what kind of specimen (a CITES term code or name: SCA, tusks, live…)',
    quantity: 'how many or how much, in unit (ranges such as 60-120 read as their midpoint)',
    unit: 'the unit of quantity (a CITES unit code or any spelling wen reads); none means a count of specimens',
    item_value: 'the estimated value of this item',
    item_currency: 'the currency of item_value',
    cites_source: 'the CITES source code (W, C, I…)',
    weight:
      "what the specimens weighed, beside a count (ROUTES' Number and Weight (kg)): kilograms unless the cell names a mass " +
      'unit; it fills quantity_kg, and is the quantity, in kg, when the row has none; a cell that is not a weight, ' +
      '"400g each", is flagged',
    cites_appendix: "the file's own CITES appendix (I, II, App. I, Anexo II, NC…): it wins over the reference's, flagged when they differ",
  },
  actor: {
    kind: 'person, company or unknown (also given per actor with `kind:`)',
    name: 'the full name (`names_in_text` for a cell naming several persons)',
    family_name: 'the family name, when given apart',
    given_names: 'the given names, when given apart',
    aliases: 'other names the person or company goes by (a list: split on ; or |)',
    nationality: 'the nationality (any spelling or ISO code)',
    sex: 'M or F in any wording',
    birth_date: 'the date of birth',
    birth_place: 'the place of birth',
    id_numbers: 'identity card or registration numbers (a list)',
    passport_numbers: 'passport numbers (a list)',
    address: 'the address',
    phones: 'phone numbers (a list)',
    vehicles: 'vehicle plates or registrations (a list)',
    profession: 'the profession',
    role: 'courier, dealer, exporter, importer… (also given per actor with `role:`)',
    arrest_date: 'the date of arrest',
    sanction: 'the sanction or court outcome for this person (read into outcomes)',
  },
  document: {
    doc_type: 'the kind of document (CITES export permit, passport, bill of lading…)',
    number: 'the document number',
    issuing_country: 'the country that issued it',
    fraudulent: 'altered or fraudulent when the source says so (true, yes, altered…)',
  },
};

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
