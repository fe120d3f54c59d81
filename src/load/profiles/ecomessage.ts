// INTERPOL Ecomessage cases (the form in Annex 1 of CITES Res. Conf. 11.3) as NDJSON: one case per
// line with nested contraband, persons, companies and documents. DuckDB splits the lines and
// unnests the JSON, so a file of any size is staged set-based; bad lines become rejects.
import type { Database } from '../../db/database.js';
import type { StagedCounts, Staged } from '../stage-tabular.js';
import type { MalformedRow } from '../readers/raw-table.js';
import type { RecordFileProfile } from './profile.js';
import { checkJsonDepth } from '../readers/json-depth.js';

/** Top-level keys that identify an Ecomessage case. */
const ECOMESSAGE_KEYS = ['contraband', 'persons', 'companies', 'discovery', 'locations', 'offence'];

/** Ecomessage cases: NDJSON whose records have at least two of the form's sections. */
export const ecomessageProfile: RecordFileProfile = {
  name: 'ecomessage',
  kind: 'record-file',
  description: 'INTERPOL Ecomessage cases as NDJSON: one case per line with contraband, persons, companies and documents',
  writes: ['seizures', 'specimens', 'actors', 'documents'],
  recognises: { 'top-level keys (at least two)': ECOMESSAGE_KEYS },
  detectKeys(keys, format) {
    const hits = keys.filter((k) => ECOMESSAGE_KEYS.includes(k));
    if (hits.length < 2)
      return { score: 0, reason: hits.length ? `records have one Ecomessage section (${hits[0]})` : 'records have no Ecomessage section' };
    if (format !== 'ndjson')
      return {
        score: 0.3,
        reason: `records have Ecomessage sections (${hits.join(', ')}), but wen reads Ecomessage cases as NDJSON (one per line)`,
      };
    return { score: 0.95, reason: `records have Ecomessage sections (${hits.join(', ')})` };
  },
};

const text = (path: string) => `nullif(trim(j->>'${path}'), '')`;
/** A JSON array of strings (or a single string) as "a; b; c". */
const joined = (json: string, path: string) =>
  `nullif(CASE json_type(${json}->'${path}') WHEN 'ARRAY' THEN ` +
  `array_to_string(from_json(${json}->'${path}', '["VARCHAR"]'), ` +
  `'; ') ELSE ${json}->>'${path}' END, '')`;

export async function stageEcomessage(db: Database, path: string): Promise<Staged & { malformed: MalformedRow[]; rowsInFile: number }> {
  checkJsonDepth(path, 'ndjson'); // before DuckDB parses a line: deep nesting crashes it
  await db.run(
    `CREATE OR REPLACE TEMP TABLE eco_lines AS
     SELECT i::INTEGER AS row_number, rtrim(lines[i], chr(13)) AS line
     FROM (SELECT string_split(content, chr(10)) AS lines FROM read_text($path)) , range(1, len(lines) + 1) r(i)`,
    { path },
  );
  // A trailing newline leaves one empty last line, which is not a row of the file.
  await db.run(`DELETE FROM eco_lines WHERE row_number = (SELECT max(row_number) FROM eco_lines) AND line = ''`);
  const malformed = await db.all<{ row: number; reason: string; raw: string }>(
    `SELECT row_number AS row,
      CASE WHEN NOT json_valid(line) THEN 'not valid JSON' ELSE 'not a JSON object (one case per line expected)' END AS reason,
      left(line, 2000) AS raw
     FROM eco_lines WHERE trim(line) <> '' AND (NOT json_valid(line) OR json_type(line::JSON) <> 'OBJECT') ORDER BY row_number`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE eco AS SELECT row_number, line::JSON AS j FROM eco_lines
     WHERE trim(line) <> '' AND json_valid(line) AND json_type(line::JSON) = 'OBJECT'`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE staged AS
     SELECT e.row_number AS ordinal, e.row_number, item_index,
       ${text('$.case_id')} AS seizure_ref,
       coalesce(${text('$.date_time.date')}, ${text('$.date')}) AS date,
       coalesce(${text('$.date_time.time')}, ${text('$.time')}) AS time,
       ${text('$.reporting_country')} AS reporting_country,
       coalesce(${text('$.discovery.country')}, ${text('$.reporting_country')}) AS seizure_country,
       ${text('$.discovery.place')} AS place, ${text('$.discovery.city')} AS city, ${text('$.discovery.port')} AS port,
       ${text('$.discovery.latitude')} AS latitude, ${text('$.discovery.longitude')} AS longitude,
       ${text('$.agency')} AS agency, ${text('$.discovery.method')} AS detection_method,
       ${text('$.offence.legal_description')} AS reason, ${text('$.transport.mode')} AS transport_mode,
       ${text('$.modus_operandi.concealment')} AS concealment, ${text('$.purpose')} AS purpose,
       concat_ws(' — ', ${text('$.offence.description')}, ${text('$.offence.code_name')}) AS offence,
       nullif(concat_ws('; ', ${text('$.modus_operandi.concealment')}, ${text('$.modus_operandi.packaging')},
         ${text('$.modus_operandi.falsification')}), '') AS modus_operandi,
       ${joined('j', '$.locations.origin')} AS origin, ${text('$.locations.provenance')} AS export,
       ${joined('j', '$.locations.transit')} AS transit, ${joined('j', '$.locations.destination')} AS destination,
       ${text('$.value.amount')} AS value, ${text('$.value.currency')} AS currency,
       NULL::VARCHAR AS offender_nationality, ${text('$.sanctions')} AS sanctions, NULL::VARCHAR AS verdict_date,
       nullif(concat_ws(' | ', ${text('$.additional_information')},
         CASE WHEN ${text('$.information_requested')} IS NOT NULL THEN 'information requested: ' || (j->>'$.information_requested') END),
         '') AS notes,
       nullif(trim(item->>'$.scientific_name'), '') AS species, nullif(trim(item->>'$.common_name'), '') AS common_name,
       NULL::VARCHAR AS genus, NULL::VARCHAR AS family, NULL::VARCHAR AS order_name, NULL::VARCHAR AS class_name,
       nullif(trim(item->>'$.description'), '') AS term, nullif(trim(item->>'$.quantity'), '') AS quantity,
         nullif(trim(item->>'$.unit'), '') AS unit,
       nullif(trim(item->>'$.value'), '') AS item_value, nullif(trim(item->>'$.currency'), '') AS item_currency,
         nullif(trim(item->>'$.source'), '') AS cites_source, nullif(trim(item->>'$.weight'), '') AS weight,
       nullif(trim(item->>'$.appendix'), '') AS cites_appendix,
       json_object('transport', j->'$.transport', 'declared_destination', j->'$.locations.declared_destination') AS extras
     FROM eco e, LATERAL (
       SELECT unnest(items) AS item, generate_subscripts(items, 1) AS item_index
       FROM (SELECT CASE WHEN json_array_length(coalesce(j->'$.contraband', '[]')) > 0 THEN from_json(j->'$.contraband', '["JSON"]') ELSE
         [NULL::JSON] END AS items)
     )`,
  );
  const person = (field: string) => `nullif(trim(p->>'$.${field}'), '')`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE staged_actors AS
     SELECT row_number, 'person' AS kind,
       coalesce(${person('name')}, nullif(concat_ws(' ', ${person('first_names')}, ${person('family_name')}), '')) AS name,
       ${person('family_name')} AS family_name, ${person('first_names')} AS given_names, ${joined('p', '$.aliases')} AS aliases,
       ${person('nationality')} AS nationality, ${person('sex')} AS sex, ${person('birth_date')} AS birth_date,
         ${person('birth_place')} AS birth_place,
       ${joined('p', '$.id_numbers')} AS id_numbers, ${joined('p', '$.passport_numbers')} AS passport_numbers,
         ${person('address')} AS address,
       ${joined('p', '$.phones')} AS phones, ${joined('p', '$.vehicles')} AS vehicles,
       nullif(concat_ws('; ', ${person('profession')}, ${person('company_function')}), '') AS profession,
       ${person('role')} AS role, ${person('arrest_date')} AS arrest_date, ${person('sanction')} AS sanction
     FROM eco, LATERAL (SELECT unnest(from_json(coalesce(j->'$.persons', '[]'), '["JSON"]')) AS p)
     UNION ALL
     SELECT row_number, 'company' AS kind, ${person('name')} AS name, NULL, NULL, ${joined('p', '$.trade_names')} AS aliases,
       ${person('country')} AS nationality, NULL, NULL, NULL, ${person('registration_number')} AS id_numbers, NULL,
         ${person('address')} AS address,
       ${joined('p', '$.phones')} AS phones, ${joined('p', '$.vehicles')} AS vehicles,
       nullif(concat_ws('; ', ${person('legal_type')}, ${person('activities')}), '') AS profession,
       ${person('role')} AS role, NULL, ${person('sanction')} AS sanction
     FROM eco, LATERAL (SELECT unnest(from_json(coalesce(j->'$.companies', '[]'), '["JSON"]')) AS p)`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE staged_documents AS
     SELECT row_number, nullif(trim(d->>'$.type'), '') AS doc_type, nullif(trim(d->>'$.number'), '') AS number,
       nullif(trim(d->>'$.issuing_country'), '') AS issuing_country, nullif(trim(d->>'$.altered'), '') AS fraudulent
     FROM eco, LATERAL (SELECT unnest(from_json(coalesce(j->'$.documents', '[]'), '["JSON"]')) AS d)`,
  );
  const counts = await db.one<{ lines: number; blank: number; staged: number }>(
    `SELECT (SELECT count(*) FROM eco_lines)::INTEGER AS lines, (SELECT count(*) FROM eco_lines WHERE trim(line) = '')::INTEGER AS blank,
            (SELECT count(*) FROM eco)::INTEGER AS staged`,
  );
  const stagedCounts: StagedCounts = { blank: counts!.blank, totals: 0, filtered: 0, staged: counts!.staged };
  return {
    counts: stagedCounts,
    origins: ECOMESSAGE_ORIGINS,
    malformed: malformed.map((m) => ({ row: m.row, reason: m.reason, raw: m.raw })),
    rowsInFile: counts!.lines,
    keepRawRecords: async (database: Database) => {
      await database.run(
        `CREATE OR REPLACE TEMP TABLE raw_text AS SELECT row_number, ` +
          `line AS raw_record FROM eco_lines WHERE row_number IN (SELECT ` +
          `row_number FROM rejected_rows)`,
      );
    },
  };
}

/** JSON paths named in rejects and flags. */
const ECOMESSAGE_ORIGINS: Record<string, string> = {
  seizure_ref: 'case_id',
  date: 'date',
  time: 'time',
  reporting_country: 'reporting_country',
  seizure_country: 'discovery.country',
  place: 'discovery.place',
  city: 'discovery.city',
  port: 'discovery.port',
  latitude: 'discovery.latitude',
  longitude: 'discovery.longitude',
  agency: 'agency',
  detection_method: 'discovery.method',
  reason: 'offence.legal_description',
  transport_mode: 'transport.mode',
  concealment: 'modus_operandi.concealment',
  purpose: 'purpose',
  origin: 'locations.origin',
  export: 'locations.provenance',
  transit: 'locations.transit',
  destination: 'locations.destination',
  value: 'value.amount',
  currency: 'value.currency',
  species: 'contraband[].scientific_name',
  term: 'contraband[].description',
  quantity: 'contraband[].quantity',
  unit: 'contraband[].unit',
  item_value: 'contraband[].value',
  item_currency: 'contraband[].currency',
  nationality: 'persons[].nationality',
  sex: 'persons[].sex',
  birth_date: 'persons[].birth_date',
  arrest_date: 'persons[].arrest_date',
  role: 'persons[].role',
  doc_type: 'documents[].type',
  issuing_country: 'documents[].issuing_country',
};
