// The normalised schema. Plain tables and documented columns so that any DuckDB client can query
// the file without wen; the README lists the same tables. Bump SCHEMA_VERSION on any change.
import { retireDatabaseKey } from '../analysis/pseudonyms.js';
import type { Database } from './database.js';
import { DatabaseError } from '../errors.js';
import { mapNameKeys } from '../identity/name-key.js';
import { resolveIdentities } from '../identity/resolve.js';
import { writeOutcomes } from '../outcomes/store.js';

export const SCHEMA_VERSION = 8; // 2: forensic_results; 3: payments; 4: bulletins; 5: specimens.quantity_min/max, item_index; 6: reference_* tables; 7: identities, actors.name_latin, Unicode name keys, watchlist, watch_hits; 8: outcomes, seizure_links

export const TABLES = ['sources', 'seizures', 'specimens', 'actors', 'identities', 'documents', 'forensic_results', 'payments', 'bulletins', 'outcomes', 'rejects', 'flags', 'normalisation_rules', 'reference_taxa', 'reference_synonyms', 'reference_common_names', 'reference_sources', 'watchlist', 'watch_hits', 'seizure_links'] as const;


const DDL = `
CREATE TABLE IF NOT EXISTS wen_meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS sources (
  source_id INTEGER PRIMARY KEY,
  path VARCHAR NOT NULL,            -- as given on the command line, made absolute
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,          -- of the file's bytes: the same content is never loaded twice
  size_bytes BIGINT,
  format VARCHAR,                   -- csv, xlsx, parquet, json, ndjson
  encoding VARCHAR,                 -- as detected (utf-8, utf-8-bom, windows-1252, utf-16le…)
  sheet VARCHAR,                    -- xlsx sheet name
  header_row INTEGER,               -- row of the headings (1 = first line)
  profile VARCHAR NOT NULL,         -- aitr, ecomessage, generic
  profile_reason VARCHAR,           -- why auto chose it
  mapping JSON,                     -- the column → field mapping used
  options JSON,                     -- load options that change results (reporting country, date order)
  loaded_at TIMESTAMP NOT NULL,
  wen_version VARCHAR,
  rows_in_file INTEGER,             -- = rows_blank + rows_totals + rows_filtered + rows_read
  rows_blank INTEGER,
  rows_totals INTEGER,
  rows_filtered INTEGER,            -- left out by the mapping's filter (e.g. not seized)
  rows_read INTEGER,                -- = rows_loaded + rows_rejected
  rows_loaded INTEGER,
  rows_rejected INTEGER,
  rows_flagged INTEGER              -- loaded rows with at least one value kept as given
);

CREATE TABLE IF NOT EXISTS seizures (
  seizure_id BIGINT NOT NULL,     -- unique, increasing in file order (not dense): assigned by the loader
  source_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL,      -- first row of the seizure in its file
  seizure_ref VARCHAR,              -- case or reference number as given
  date DATE,                        -- first day the date can mean
  date_end DATE,                    -- last day (= date for day precision)
  date_precision VARCHAR,           -- day, month, year, range
  date_as_given VARCHAR,
  time TIME,
  reporting_country VARCHAR,        -- ISO 3166-1 alpha-2 (or CITES XX)
  seizure_country VARCHAR,
  place VARCHAR,
  city VARCHAR,
  port VARCHAR,
  latitude DOUBLE,
  longitude DOUBLE,
  agency VARCHAR,
  detection_method VARCHAR,         -- normalised: x-ray, sniffer dog, inspection, intelligence, …
  detection_method_as_given VARCHAR,
  reason VARCHAR,
  transport_mode VARCHAR,           -- normalised: air, sea, road, rail, postal, on foot, …
  transport_mode_as_given VARCHAR,
  concealment VARCHAR,
  purpose VARCHAR,                  -- CITES purpose code when recognised
  purpose_as_given VARCHAR,
  offence VARCHAR,
  modus_operandi VARCHAR,
  origin_countries VARCHAR[],
  export_country VARCHAR,
  transit_countries VARCHAR[],      -- in route order
  destination_countries VARCHAR[],
  countries_as_given VARCHAR,       -- origin | export | transit | destination cells as given
  value DOUBLE,                     -- estimated value of the whole seizure
  currency VARCHAR,                 -- ISO 4217
  value_as_given VARCHAR,
  offender_nationalities VARCHAR[],
  sanctions VARCHAR,
  notes VARCHAR,
  extras JSON                       -- columns of the file that map to no field, kept verbatim
);

CREATE TABLE IF NOT EXISTS specimens (
  specimen_id BIGINT NOT NULL,     -- unique, increasing in file order (not dense: rejected rows leave gaps)
  seizure_id BIGINT NOT NULL,
  source_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL,
  species_as_given VARCHAR,
  taxon VARCHAR,                    -- cleaned scientific name (accepted name when a synonym is known)
  taxon_rank VARCHAR,               -- species, genus, family, order, class
  genus VARCHAR,
  family VARCHAR,
  order_name VARCHAR,
  class_name VARCHAR,
  cites_appendix VARCHAR,           -- I, II, III when known from the bundled reference
  common_name VARCHAR,
  term VARCHAR,                     -- CITES term code (SCA, TUS, LIV …)
  term_as_given VARCHAR,
  quantity DOUBLE,
  unit VARCHAR,                     -- CITES unit code, NULL meaning number of specimens
  quantity_as_given VARCHAR,
  unit_as_given VARCHAR,
  quantity_kg DOUBLE,               -- where the unit converts to mass
  quantity_count DOUBLE,            -- where the unit converts to a count
  item_value DOUBLE,
  item_currency VARCHAR,
  item_value_as_given VARCHAR,
  cites_source VARCHAR,             -- CITES source code (W, C, I …) when given
  quantity_min DOUBLE,              -- a range as given ("60-120"), in the unit of quantity (then the midpoint)
  quantity_max DOUBLE,
  item_index INTEGER,               -- the part of source_row (1, 2 …) when one row gave several specimens, else NULL
  weight_as_given VARCHAR           -- a weight given beside the quantity (a "Weight (kg)" column), which quantity_kg holds in kg
);

CREATE TABLE IF NOT EXISTS actors (
  actor_id BIGINT NOT NULL,     -- unique: assigned by the loader
  seizure_id BIGINT NOT NULL,
  source_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL,
  kind VARCHAR,                     -- person, company, unknown
  name_as_given VARCHAR,
  name_normalised VARCHAR,          -- the name key: NFKC, lower case, accents of Latin letters folded, every script's letters kept, no punctuation, words sorted
  family_name VARCHAR,
  given_names VARCHAR,
  aliases VARCHAR[],
  nationality VARCHAR,              -- ISO alpha-2
  nationality_as_given VARCHAR,
  sex VARCHAR,                      -- M, F or NULL
  birth_date DATE,
  birth_place VARCHAR,
  id_numbers VARCHAR[],             -- identity cards, registration numbers
  passport_numbers VARCHAR[],
  address VARCHAR,
  phones VARCHAR[],
  vehicles VARCHAR[],
  profession VARCHAR,
  role VARCHAR,                     -- courier, dealer, exporter, importer, …
  arrest_date DATE,
  sanction VARCHAR,
  name_latin VARCHAR                -- the name key in Latin letters (Han as pinyin, other scripts transliterated), to meet a spelling in another script
);

CREATE TABLE IF NOT EXISTS identities (
  actor_id BIGINT NOT NULL,         -- one row per person or company of actors that has a name
  identity_id BIGINT NOT NULL,      -- the same for every record of one person or company: given at load, kept by later loads
  rule VARCHAR NOT NULL,            -- the link that brought the record in (same passport number, same name …), first record, or split
  evidence VARCHAR,                 -- the record it was linked to, and every link cut because two records of the cluster conflict
  linked_to BIGINT                  -- the actor_id of that record (NULL for a first record)
);

-- Watch lists (wen watch add): one row per person, company or number to hear about. Names are keyed
-- as actors are (name_key, latin_key), numbers as the resolver compares them (letters and digits).
CREATE TABLE IF NOT EXISTS watchlist (
  entry_id INTEGER NOT NULL,
  list VARCHAR NOT NULL,            -- the list's name (--list, default the file's name)
  file_name VARCHAR,
  file_row INTEGER,
  kind VARCHAR,                     -- person, company, or identifier (numbers without a name)
  name VARCHAR,
  name_key VARCHAR,
  latin_key VARCHAR,
  passports VARCHAR[],
  ids VARCHAR[],
  phones VARCHAR[],
  plates VARCHAR[],
  documents VARCHAR[],
  note VARCHAR,
  added_at TIMESTAMP
);

-- A watch-list entry found in a record: matched at the load that brought the record, or when the list was added.
CREATE TABLE IF NOT EXISTS watch_hits (
  entry_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  seizure_id BIGINT,
  actor_id BIGINT,                  -- NULL for a document number
  identity_id BIGINT,
  matched_on VARCHAR NOT NULL,      -- passport number, ID number, phone, plate, document number, same name, same name in another script, similar name
  value VARCHAR                     -- what matched, as the entry gives it
);

-- Two records of one seizure from different sources (src/load/same-seizure.ts): the pair, its score
-- and what agreed. Analyses count the pair once, the record of the better-graded source speaking for it.
CREATE TABLE IF NOT EXISTS seizure_links (
  seizure_a BIGINT NOT NULL,        -- the lower seizure_id of the pair
  seizure_b BIGINT NOT NULL,
  score DOUBLE NOT NULL,
  evidence VARCHAR                  -- same reference, a document in common, same day, a taxon in common, quantities within 10%
);

-- Payment records name their parties by name only: a name key that one identity carries is that
-- identity, a name key several identities carry belongs to namesakes and is nobody's (identity NULL).
CREATE OR REPLACE VIEW name_identities AS
  SELECT a.name_normalised AS name_key, CASE WHEN count(DISTINCT i.identity_id) = 1 THEN min(i.identity_id) END AS identity_id,
    CASE WHEN count(DISTINCT i.identity_id) = 1 THEN min(a.kind) END AS kind
  FROM actors a JOIN identities i USING (actor_id)
  WHERE a.name_normalised IS NOT NULL
  GROUP BY 1;

CREATE TABLE IF NOT EXISTS documents (
  document_id BIGINT NOT NULL,     -- unique: assigned by the loader
  seizure_id BIGINT NOT NULL,
  source_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL,
  doc_type VARCHAR,                 -- cites permit, certificate, airway bill, bill of lading, invoice, …
  type_as_given VARCHAR,
  number VARCHAR,
  issuing_country VARCHAR,
  fraudulent BOOLEAN                -- altered or fraudulent when the source says so
);

CREATE TABLE IF NOT EXISTS forensic_results (
  source_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL,
  sample_id VARCHAR NOT NULL,
  seizure_ref VARCHAR,              -- the seizure the sample came from (matched to seizures.seizure_ref when analysed)
  method VARCHAR,                   -- DNA, stable isotopes, ballistics, fingerprints, handwriting…
  match_group VARCHAR,              -- samples the laboratory matched to one source (same individual, population, weapon)
  assigned_origin VARCHAR,          -- ISO alpha-2 of the origin the laboratory assigned
  assigned_origin_as_given VARCHAR,
  laboratory VARCHAR,
  result_date DATE,
  notes VARCHAR
);

CREATE TABLE IF NOT EXISTS payments (
  source_id INTEGER NOT NULL,
  source_row INTEGER NOT NULL,
  payment_ref VARCHAR,
  seizure_ref VARCHAR,              -- the seizure the payment is tied to, when the record says
  date DATE,
  payer VARCHAR,
  payer_normalised VARCHAR,         -- as actors.name_normalised, to find the payer among the actors
  payee VARCHAR,
  payee_normalised VARCHAR,
  amount DOUBLE,
  currency VARCHAR,                 -- ISO 4217
  amount_as_given VARCHAR,
  method VARCHAR,                   -- bank transfer, mobile money, hawala, cash…
  payer_account VARCHAR,
  payee_account VARCHAR,
  notes VARCHAR
);

CREATE TABLE IF NOT EXISTS bulletins (
  bulletin_id INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL,
  since_loaded TIMESTAMP,           -- sources loaded after this…
  until_loaded TIMESTAMP NOT NULL,  -- …and up to this are what the bulletin covers
  new_sources INTEGER,
  new_seizures INTEGER,
  files VARCHAR[]
);

-- Schema 8: enforcement outcomes read from sanctions text (src/outcomes/), one row per outcome.
CREATE TABLE IF NOT EXISTS outcomes (
  source_id INTEGER NOT NULL,
  seizure_id BIGINT NOT NULL,
  actor_id BIGINT,                  -- NULL when the text is the seizure's, else the person's (actors.sanction, actors.arrest_date)
  kind VARCHAR NOT NULL,            -- arrested, charged, prosecuted, convicted, acquitted, pending, dismissed, custodial, fine, confiscation, unparsed
  months DOUBLE,                    -- custodial term in months (NULL for life), one row per term
  suspended BOOLEAN,                -- custodial term suspended (sursis, 缓刑, probation)
  fine_amount DOUBLE,
  fine_currency VARCHAR,            -- ISO 4217, NULL when none is named or it is ambiguous (the rule says)
  fine_usd DOUBLE,                  -- at the bundled rates of the seizure's year
  rule VARCHAR NOT NULL,            -- which rule read it
  text VARCHAR                      -- the words it read (for unparsed: the words no rule read)
);

CREATE TABLE IF NOT EXISTS rejects (
  source_id INTEGER NOT NULL,
  row_number INTEGER,
  column_name VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL,
  raw_record VARCHAR                -- the whole row as read, so nothing is lost
);

CREATE TABLE IF NOT EXISTS flags (
  source_id INTEGER NOT NULL,
  row_number INTEGER NOT NULL,
  column_name VARCHAR NOT NULL,
  value VARCHAR,
  flag VARCHAR NOT NULL             -- why the value was kept as given
);

CREATE TABLE IF NOT EXISTS normalisation_rules (
  kind VARCHAR NOT NULL,            -- country, unit, term, species, date, currency, …
  as_given VARCHAR NOT NULL,
  normalised VARCHAR,               -- NULL when the value could not be normalised
  rule VARCHAR NOT NULL,            -- which rule turned one into the other
  PRIMARY KEY (kind, as_given)
);
-- The reference imported by wen reference import (empty: the bundled src/reference/taxa.csv is used).
CREATE TABLE IF NOT EXISTS reference_sources (
  file_name VARCHAR NOT NULL,       -- one row per imported file
  path VARCHAR,
  format VARCHAR NOT NULL,          -- cites-index (Index of CITES Species export), speciesplus-common-names
  dated DATE,                       -- the date the reference stands for
  dated_from VARCHAR,               -- file name (the Index carries its download date) or file modified time
  size_bytes BIGINT,
  rows_in_file INTEGER,
  rows_imported INTEGER,            -- taxa of the Index, or names that join a taxon of it
  mode VARCHAR,                     -- replace (the Checklist alone) or extend (bundled taxa it lacks kept), for the Index
  imported_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS reference_taxa (
  taxon_id INTEGER,                 -- TaxonId of the Index (Species+ taxon concept), NULL for a higher taxon named only in its columns
  name VARCHAR NOT NULL,            -- FullName
  rank VARCHAR,                     -- species, subspecies, variety, genus, subfamily, family, order, class
  kingdom VARCHAR,
  phylum VARCHAR,
  class_name VARCHAR,               -- empty for plants in the Index
  order_name VARCHAR,
  family VARCHAR,
  genus VARCHAR,
  author VARCHAR,
  listing VARCHAR,                  -- CurrentListing as given: I, II, III, I/II, NC (not listed: an exception of a higher listing) …
  appendix VARCHAR,                 -- the listing that applies: its own, else the nearest listed higher taxon's, NULL for NC
  appendix_from VARCHAR             -- the taxon whose listing appendix is
);

CREATE TABLE IF NOT EXISTS reference_synonyms (
  name VARCHAR NOT NULL,            -- without its author, as in SynonymsWithAuthors
  accepted VARCHAR NOT NULL,        -- the accepted FullName
  taxon_id INTEGER
);

CREATE TABLE IF NOT EXISTS reference_common_names (
  taxon_id INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  language VARCHAR,                 -- eng, spa, fra (the Index) or the LangShort of a Species+ file (zho, bul …)
  file_name VARCHAR                 -- the file it came from
);
`;

/** Columns added after a table first shipped, in the order they were added (5: quantity ranges, item_index). */
const ADDED_COLUMNS: Array<[table: string, column: string, type: string]> = [
  ['specimens', 'quantity_min', 'DOUBLE'],
  ['specimens', 'quantity_max', 'DOUBLE'],
  ['specimens', 'item_index', 'INTEGER'],
  ['specimens', 'weight_as_given', 'VARCHAR'],
  ['actors', 'name_latin', 'VARCHAR'],
];

/** The schema version a database was written with; null when wen has not written to it yet. */
export async function schemaVersion(db: Database): Promise<number | null> {
  const hasMeta = await db.one<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'wen_meta' AND schema_name = 'main'",
  );
  if (!hasMeta?.n) return null;
  const version = await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'schema_version'");
  return version ? Number(version.value) : null;
}

export function refuseNewerSchema(db: Database, version: number | null): void {
  if (version !== null && version > SCHEMA_VERSION) {
    throw new DatabaseError(`${db.path} was written by a newer wen (schema ${version}, this wen knows ${SCHEMA_VERSION})`, {
      hint: 'upgrade wen, or use another --db',
    });
  }
}

/** Creates the tables, or adds the tables and columns an older wen did not have. */
export async function ensureSchema(db: Database): Promise<void> {
  const version = await schemaVersion(db);
  refuseNewerSchema(db, version);
  // The redaction key lives outside the database now (src/analysis/pseudonyms.ts): an older one leaves it.
  if (version !== null) await retireDatabaseKey(db);
  if (version === SCHEMA_VERSION) return;
  for (const statement of DDL.split(';').map((s) => s.trim()).filter(Boolean)) await db.run(statement);
  // Columns added to existing tables (CREATE TABLE IF NOT EXISTS leaves an older table as it was).
  for (const [table, column, type] of ADDED_COLUMNS) await db.run(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
  // Before 7, name keys dropped every letter outside a-z: they are made again from the names as given,
  // and every person and company is resolved into identities.
  if (version !== null && version < 7) await rekeyNames(db);
  // 8: the outcomes of what an older wen loaded, read from the sanctions text it kept.
  if (version !== null && version < 8) await writeOutcomes(db, null);
  await db.run("INSERT OR REPLACE INTO wen_meta VALUES ('schema_version', $v)", { v: String(SCHEMA_VERSION) });
}

async function rekeyNames(db: Database): Promise<void> {
  await mapNameKeys(db, 'upgrade_name_keys', 'SELECT name_as_given FROM actors UNION ALL SELECT payer FROM payments UNION ALL SELECT payee FROM payments');
  await db.run('UPDATE actors SET name_normalised = m.name_key, name_latin = m.latin_key FROM upgrade_name_keys m WHERE m.given = actors.name_as_given');
  await db.run('UPDATE payments SET payer_normalised = m.name_key FROM upgrade_name_keys m WHERE m.given = payments.payer');
  await db.run('UPDATE payments SET payee_normalised = m.name_key FROM upgrade_name_keys m WHERE m.given = payments.payee');
  await db.run('DROP TABLE upgrade_name_keys');
  await resolveIdentities(db);
}
