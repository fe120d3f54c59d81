// The normalised schema. Plain tables and documented columns so that any DuckDB client can query
// the file without wen. The DDL's own comments are the one source of what each table and column
// means: parsed here, written into the database as COMMENT ON (duckdb_tables()/duckdb_columns()
// show them) and into docs/database.md. Bump SCHEMA_VERSION on any change of tables or columns.
import { createHash } from 'node:crypto';
import { retireDatabaseKey } from '../analysis/pseudonyms.js';
import type { Database } from './database.js';
import { DatabaseError } from '../errors.js';
import { mapNameKeys } from '../identity/name-key.js';
import { resolveIdentities } from '../identity/resolve.js';
import { writeOutcomes } from '../outcomes/store.js';
import { writeChainPlaces, writePlaces } from '../places/store.js';

// What each schema version added: 2: forensic_results; 3: payments; 4: bulletins; 5:
// specimens.quantity_min/max, item_index; 6: reference_* tables; 7: identities, actors.name_latin,
// Unicode name keys, watchlist, watch_hits; 8: outcomes, seizure_links; 9: seizures.verdict_date; 10:
// places, chain_places, seizure_points, chain_stops; 11: the wen_schema view; 12: sources.received_on
export const SCHEMA_VERSION = 12;

export const TABLES = [
  'sources',
  'seizures',
  'specimens',
  'actors',
  'identities',
  'documents',
  'forensic_results',
  'payments',
  'bulletins',
  'outcomes',
  'rejects',
  'flags',
  'normalisation_rules',
  'reference_taxa',
  'reference_synonyms',
  'reference_common_names',
  'reference_sources',
  'watchlist',
  'watch_hits',
  'seizure_links',
  'places',
  'chain_places',
] as const;

const DDL = `
-- Facts about the database itself, key by key (schema_version, comments).
CREATE TABLE IF NOT EXISTS wen_meta (
  key VARCHAR PRIMARY KEY,          -- schema_version, or comments (which text the COMMENT ON statements last wrote)
  value VARCHAR                     -- the key's value
);

-- One row per file (or sheet) loaded: where it came from, how it was read, and where every one of its rows
-- went.
CREATE TABLE IF NOT EXISTS sources (
  source_id INTEGER PRIMARY KEY,    -- assigned by the loader, one per file (or sheet) loaded
  path VARCHAR NOT NULL,            -- as given on the command line, made absolute
  file_name VARCHAR NOT NULL,       -- the file name without its folder
  sha256 VARCHAR NOT NULL,          -- of the file's bytes: the same content is never loaded twice
  size_bytes BIGINT,                -- size of the file in bytes
  format VARCHAR,                   -- csv, xlsx, parquet, json, ndjson
  encoding VARCHAR,                 -- as detected (utf-8, utf-8-bom, windows-1252, utf-16le…)
  sheet VARCHAR,                    -- xlsx sheet name
  header_row INTEGER,               -- row of the headings (1 = first line)
  profile VARCHAR NOT NULL,         -- aitr, ecomessage, generic
  profile_reason VARCHAR,           -- why auto chose it
  mapping JSON,                     -- the column → field mapping used
  options JSON,                     -- load options that change results (reporting country, date order)
  loaded_at TIMESTAMP NOT NULL,     -- when wen loaded it (UTC)
  wen_version VARCHAR,              -- the version of wen that loaded it
  rows_in_file INTEGER,             -- = rows_blank + rows_totals + rows_filtered + rows_read
  rows_blank INTEGER,               -- rows with no value in any mapped column
  rows_totals INTEGER,              -- total and subtotal rows left out
  rows_filtered INTEGER,            -- left out by the mapping's filter (e.g. not seized)
  rows_read INTEGER,                -- = rows_loaded + rows_rejected
  rows_loaded INTEGER,              -- rows written to the tables
  rows_rejected INTEGER,            -- rows refused (see rejects)
  rows_flagged INTEGER,             -- loaded rows with at least one value kept as given
  received_on DATE                  -- the day the Party's report arrived, when given (wen load --received, wen sources set)
);

-- One row per seizure: when, where, how it was found, the trade chain and its value. Values are normalised,
-- each beside the cell as given.
CREATE TABLE IF NOT EXISTS seizures (
  seizure_id BIGINT NOT NULL,     -- key: unique, increasing in file order (not dense): assigned by the loader
  source_id INTEGER NOT NULL,       -- the file it came from (sources.source_id)
  source_row INTEGER NOT NULL,      -- first row of the seizure in its file
  seizure_ref VARCHAR,              -- case or reference number as given
  date DATE,                        -- first day the date can mean
  date_end DATE,                    -- last day (= date for day precision)
  date_precision VARCHAR,           -- day, month, year, range
  date_as_given VARCHAR,            -- the date cell as given
  time TIME,                        -- time of the seizure when given
  reporting_country VARCHAR,        -- ISO 3166-1 alpha-2 (or CITES XX)
  seizure_country VARCHAR,          -- ISO alpha-2 of the country where it was seized
  place VARCHAR,                    -- place of seizure as given
  city VARCHAR,                     -- city of seizure
  port VARCHAR,                     -- airport, seaport or border post
  latitude DOUBLE,                  -- decimal degrees (WGS 84)
  longitude DOUBLE,                 -- decimal degrees (WGS 84)
  agency VARCHAR,                   -- the seizing agency
  detection_method VARCHAR,         -- normalised: x-ray, sniffer dog, inspection, intelligence, …
  detection_method_as_given VARCHAR, -- the detection method cell as given
  reason VARCHAR,                   -- reason for the seizure as given
  transport_mode VARCHAR,           -- normalised: air, sea, road, rail, postal, on foot, …
  transport_mode_as_given VARCHAR,  -- the transport mode cell as given
  concealment VARCHAR,              -- how the goods were hidden, as given
  purpose VARCHAR,                  -- CITES purpose code when recognised
  purpose_as_given VARCHAR,         -- the purpose cell as given
  offence VARCHAR,                  -- the offence as given
  modus_operandi VARCHAR,           -- how the trafficking was done, as given
  origin_countries VARCHAR[],       -- ISO alpha-2 of the countries of origin
  export_country VARCHAR,           -- ISO alpha-2 of the exporting country
  transit_countries VARCHAR[],      -- in route order
  destination_countries VARCHAR[],  -- ISO alpha-2 of the countries of destination
  countries_as_given VARCHAR,       -- origin | export | transit | destination cells as given
  value DOUBLE,                     -- estimated value of the whole seizure
  currency VARCHAR,                 -- ISO 4217
  value_as_given VARCHAR,           -- the value cell as given
  offender_nationalities VARCHAR[], -- ISO alpha-2 of the offenders’ nationalities, as the seizure gives them
  sanctions VARCHAR,                -- sanctions or court outcome as given (read into outcomes)
  verdict_date DATE,                -- day of the court's verdict or judgment when a file gives it (outcomes: days to verdict)
  notes VARCHAR,                    -- free text of the record
  extras JSON                       -- columns of the file that map to no field, kept verbatim
);

-- One row per item seized (a taxon, a term, a quantity) of a seizure.
CREATE TABLE IF NOT EXISTS specimens (
  specimen_id BIGINT NOT NULL,     -- key: unique, increasing in file order (not dense: rejected rows leave gaps)
  seizure_id BIGINT NOT NULL,       -- the seizure it belongs to (seizures.seizure_id)
  source_id INTEGER NOT NULL,       -- the file it came from (sources.source_id)
  source_row INTEGER NOT NULL,      -- row of the file it came from
  species_as_given VARCHAR,         -- the species cell as given
  taxon VARCHAR,                    -- cleaned scientific name (accepted name when a synonym is known)
  taxon_rank VARCHAR,               -- species, genus, family, order, class
  genus VARCHAR,                    -- genus of taxon
  family VARCHAR,                   -- family of taxon
  order_name VARCHAR,               -- order of taxon
  class_name VARCHAR,               -- class of taxon
  cites_appendix VARCHAR,           -- I, II, III when known from the bundled reference
  common_name VARCHAR,              -- a common name of the taxon (English when known)
  term VARCHAR,                     -- CITES term code (SCA, TUS, LIV …)
  term_as_given VARCHAR,            -- the term cell as given
  quantity DOUBLE,                  -- quantity in unit
  unit VARCHAR,                     -- CITES unit code, NULL meaning number of specimens
  quantity_as_given VARCHAR,        -- the quantity cell as given
  unit_as_given VARCHAR,            -- the unit cell as given
  quantity_kg DOUBLE,               -- where the unit converts to mass
  quantity_count DOUBLE,            -- where the unit converts to a count
  item_value DOUBLE,                -- estimated value of this item
  item_currency VARCHAR,            -- ISO 4217 currency of item_value
  item_value_as_given VARCHAR,      -- the item value cell as given
  cites_source VARCHAR,             -- CITES source code (W, C, I …) when given
  quantity_min DOUBLE,              -- a range as given ("60-120"), in the unit of quantity (then the midpoint)
  quantity_max DOUBLE,              -- the upper end of that range
  item_index INTEGER,               -- the part of source_row (1, 2 …) when one row gave several specimens, else NULL
  weight_as_given VARCHAR           -- a weight given beside the quantity (a "Weight (kg)" column), which quantity_kg holds in kg
);

-- One row per person or company named in a seizure, as that record gives them (identities links the records
-- of one).
CREATE TABLE IF NOT EXISTS actors (
  actor_id BIGINT NOT NULL,     -- key: unique: assigned by the loader
  seizure_id BIGINT NOT NULL,       -- the seizure it is named in (seizures.seizure_id)
  source_id INTEGER NOT NULL,       -- the file it came from (sources.source_id)
  source_row INTEGER NOT NULL,      -- row of the file it came from
  kind VARCHAR,                     -- person, company, unknown
  name_as_given VARCHAR,            -- the name cell as given
  name_normalised VARCHAR,          -- the name key: NFKC, lower case, accents of Latin letters folded, every script's letters kept, no
                                    -- punctuation, words sorted
  family_name VARCHAR,              -- family name, when given apart or recognised
  given_names VARCHAR,              -- given names, when given apart or recognised
  aliases VARCHAR[],                -- other names the person or company goes by
  nationality VARCHAR,              -- ISO alpha-2
  nationality_as_given VARCHAR,     -- the nationality cell as given
  sex VARCHAR,                      -- M, F or NULL
  birth_date DATE,                  -- date of birth
  birth_place VARCHAR,              -- place of birth as given
  id_numbers VARCHAR[],             -- identity cards, registration numbers
  passport_numbers VARCHAR[],       -- passport numbers as given
  address VARCHAR,                  -- address as given
  phones VARCHAR[],                 -- phone numbers as given
  vehicles VARCHAR[],               -- vehicle plates or registrations as given
  profession VARCHAR,               -- profession as given
  role VARCHAR,                     -- courier, dealer, exporter, importer, …
  arrest_date DATE,                 -- date of arrest
  sanction VARCHAR,                 -- sanction or court outcome for this person as given (read into outcomes)
  name_latin VARCHAR                -- the name key in Latin letters (Han as pinyin, other scripts transliterated), to meet a spelling in
                                    -- another script
);

-- Which records of actors are one person or company, and the link that says so.
CREATE TABLE IF NOT EXISTS identities (
  actor_id BIGINT NOT NULL,         -- one row per person or company of actors that has a name
  identity_id BIGINT NOT NULL,      -- the same for every record of one person or company: given at load, kept by later loads
  rule VARCHAR NOT NULL,            -- the link that brought the record in (same passport number, same name …), first record, or split
  evidence VARCHAR,                 -- the record it was linked to, and every link cut because two records of the cluster conflict
  linked_to BIGINT                  -- the actor_id of that record (NULL for a first record)
);

-- Watch lists (wen watch add): one row per person, company or number to hear about. Names are keyed as actors
-- are (name_key, latin_key), numbers as the resolver compares them (letters and digits).
CREATE TABLE IF NOT EXISTS watchlist (
  entry_id INTEGER NOT NULL,        -- one per entry, assigned when the list is added
  list VARCHAR NOT NULL,            -- the list's name (--list, default the file's name)
  file_name VARCHAR,                -- the file the list was read from
  file_row INTEGER,                 -- row of that file
  kind VARCHAR,                     -- person, company, or identifier (numbers without a name)
  name VARCHAR,                     -- the name as the entry gives it
  name_key VARCHAR,                 -- the name key, as actors.name_normalised
  latin_key VARCHAR,                -- the name key in Latin letters, as actors.name_latin
  passports VARCHAR[],              -- passport numbers (letters and digits only)
  ids VARCHAR[],                    -- identity card or registration numbers (letters and digits only)
  phones VARCHAR[],                 -- phone numbers (digits only)
  plates VARCHAR[],                 -- vehicle plates (letters and digits only)
  documents VARCHAR[],              -- permit or transport document numbers (letters and digits only)
  note VARCHAR,                     -- the entry’s note as given
  added_at TIMESTAMP                -- when the list was added (UTC)
);

-- A watch-list entry found in a record: matched at the load that brought the record, or when the list was
-- added.
CREATE TABLE IF NOT EXISTS watch_hits (
  entry_id INTEGER NOT NULL,        -- the entry found (watchlist.entry_id)
  source_id INTEGER NOT NULL,       -- the file of the record (sources.source_id)
  seizure_id BIGINT,                -- the seizure of the record
  actor_id BIGINT,                  -- NULL for a document number
  identity_id BIGINT,               -- the identity of the actor found (identities.identity_id)
  matched_on VARCHAR NOT NULL,      -- passport number, ID number, phone, plate, document number, same name, same name in another script,
                                    -- similar name
  value VARCHAR                     -- what matched, as the entry gives it
);

-- Two records of one seizure from different sources (src/load/same-seizure.ts): the pair, its score
-- and what agreed. Analyses count the pair once, the record of the better-graded source speaking for it.
CREATE TABLE IF NOT EXISTS seizure_links (
  seizure_a BIGINT NOT NULL,        -- the lower seizure_id of the pair
  seizure_b BIGINT NOT NULL,        -- the higher seizure_id of the pair
  score DOUBLE NOT NULL,            -- the sum of what agreed: same reference 2, a document 2, same day 1 (0.5 within 3 days), a taxon 1,
                                    -- quantities within 10% 1
  evidence VARCHAR                  -- what agreed, in words: same reference, a document in common, same day, a taxon in common, quantities
                                    -- within 10%
);

-- Each place, city or port cell of the seizures, with its seizure country, and the point the bundled gazetteer
-- (OurAirports airports, GeoNames cities) placed it at: matched once per distinct value (src/places/).
CREATE TABLE IF NOT EXISTS places (
  as_given VARCHAR NOT NULL,        -- the cell as given (seizures.place, city or port)
  country VARCHAR,                  -- the seizure country it was matched within (ISO alpha-2), NULL when the seizure has none
  kind VARCHAR,                     -- airport, city or port, NULL when not placed
  name VARCHAR,                     -- the gazetteer's name of the match
  code VARCHAR,                     -- IATA code of an airport (ICAO when it has none), GeoNames id of a city or a port's city
  place_country VARCHAR,            -- the match's country, ISO alpha-2 (HK for a Hong Kong place filed under CN)
  latitude DOUBLE,                  -- decimal degrees (WGS 84) of the match
  longitude DOUBLE,                 -- decimal degrees (WGS 84) of the match
  rule VARCHAR NOT NULL,            -- how it matched (IATA code, airport name, city name …) or why it was not placed (ambiguous, not found)
  confidence DOUBLE,                -- 0 to 1: 0.95 a code, 0.9 an airport name, 0.85 a city name, 0.6 a port named by its city, 0 not
                                    -- placed
  airport VARCHAR                   -- the airport the place stands for on airport routes: itself, or for a city or port the one large
                                    -- airport within 50 km (of several, the one named after the city alone)
);

-- Each item of the origin, export, transit and destination cells of the seizures ("Dubai, UAE", "China"), placed as
-- places are but within the country the item names: matched once per distinct cell.
CREATE TABLE IF NOT EXISTS chain_places (
  cell VARCHAR NOT NULL,            -- the chain cell as given (a part of seizures.countries_as_given)
  item INTEGER NOT NULL,            -- position of the item in the cell, split on semicolons (1 = first)
  as_given VARCHAR NOT NULL,        -- the item as given
  country VARCHAR,                  -- ISO alpha-2 of the country the item names
  kind VARCHAR,                     -- airport, city or port, NULL for a country alone or a place not found
  name VARCHAR,                     -- the gazetteer's name of the match
  code VARCHAR,                     -- IATA code of an airport (ICAO when it has none), GeoNames id of a city or a port's city
  place_country VARCHAR,            -- the match's country (ISO alpha-2)
  latitude DOUBLE,                  -- decimal degrees (WGS 84) of the match
  longitude DOUBLE,                 -- decimal degrees (WGS 84) of the match
  rule VARCHAR NOT NULL,            -- how it matched, or why it was not placed (a country, no place)
  confidence DOUBLE,                -- 0 to 1, as places.confidence
  airport VARCHAR                   -- the airport the item stands for on airport routes, as places.airport
);

-- The trade chain of each seizure stop by stop, as its cells name places: the stage, the order of the stop
-- (transits in route order) and the place of chain_places.
CREATE OR REPLACE VIEW chain_stops AS
  SELECT
    c.seizure_id AS seizure_id,                                                    -- the seizure (seizures.seizure_id)
    c.stage AS stage,                                                              -- origin, export, transit or destination
    CASE c.stage WHEN 'origin' THEN 1 WHEN 'export' THEN 2 WHEN 'transit' THEN 2 + cp.item ELSE 1000 END
      AS stop,                                                                      -- order along the chain: each transit item its own
                                                                                    -- stop, the items of another stage one stop
    cp.as_given AS as_given,                                                       -- the item as given
    cp.country AS country,                                                         -- ISO alpha-2 of its country
    cp.kind AS kind,                                                               -- airport, city or port, NULL when not placed
    cp.name AS name,                                                               -- the gazetteer's name of the place
    cp.airport AS airport,                                                         -- the airport it stands for on airport routes
    cp.latitude AS latitude,                                                       -- decimal degrees (WGS 84)
    cp.longitude AS longitude                                                      -- decimal degrees (WGS 84)
  FROM (SELECT seizure_id, regexp_extract(part, '^(origin|export|transit|destination): ', 1) AS stage,
    regexp_replace(part, '^(origin|export|transit|destination): ', '') AS cell
        FROM (SELECT seizure_id, unnest(string_split(countries_as_given,
          ' | ')) AS part FROM seizures WHERE countries_as_given IS NOT NULL)) c
  JOIN chain_places cp ON cp.cell = c.cell
  WHERE c.stage <> '';

-- Each seizure's point on the map: the file's own latitude and longitude when it gives them (0, 0 counts as
-- not given), else the gazetteer's point of its port, place or city, the first of them placed.
CREATE OR REPLACE VIEW seizure_points AS
  SELECT
    s.seizure_id AS seizure_id,                                                    -- the seizure (seizures.seizure_id)
    CASE WHEN s.given THEN 'given' WHEN pp.kind IS NOT NULL THEN 'port' WHEN pl.kind IS NOT NULL THEN 'place'
      WHEN pc.kind IS NOT NULL THEN 'city' END
      AS placed_from,                                                               -- given (the file's coordinates), or the cell placed:
                                                                                    -- port, place or city
    CASE WHEN s.given THEN s.latitude ELSE coalesce(pp.latitude, pl.latitude, pc.latitude) END AS latitude, -- decimal degrees (WGS 84)
    CASE WHEN s.given THEN s.longitude ELSE coalesce(pp.longitude, pl.longitude, pc.longitude) END AS longitude, -- decimal degrees (WGS 84)
    CASE WHEN s.given THEN NULL ELSE coalesce(pp.kind, pl.kind, pc.kind) END AS kind, -- airport, city or port (NULL for the file's
                                                                                      -- coordinates)
    CASE WHEN s.given THEN NULL WHEN pp.kind IS NOT NULL THEN pp.name WHEN pl.kind IS NOT NULL THEN pl.name ELSE pc.name END
      AS name,                                                                      -- the gazetteer's name of the place
    CASE WHEN s.given THEN NULL WHEN pp.kind IS NOT NULL THEN pp.code WHEN pl.kind IS NOT NULL THEN pl.code ELSE pc.code END
      AS code,                                                                      -- IATA code of an airport, GeoNames id of a city
    CASE WHEN s.given THEN NULL ELSE coalesce(pp.place_country, pl.place_country, pc.place_country) END
      AS place_country,                                                             -- the place's country (ISO alpha-2)
    CASE WHEN s.given THEN 'coordinates given' WHEN pp.kind IS NOT NULL THEN pp.rule WHEN pl.kind IS NOT NULL THEN pl.rule ELSE pc.rule END
      AS rule,                                                                      -- how the point was found
    CASE WHEN s.given THEN 1 ELSE coalesce(pp.confidence, pl.confidence, pc.confidence) END
      AS confidence,                                                                -- 0 to 1 (1 for the file's coordinates)
    CASE WHEN s.given THEN NULL WHEN pp.kind IS NOT NULL THEN pp.airport WHEN pl.kind IS NOT NULL THEN pl.airport ELSE pc.airport END
      AS airport                                                                    -- the airport it stands for on airport routes
                                                                                    -- (places.airport)
  FROM (SELECT *, latitude IS NOT NULL AND longitude IS NOT NULL AND NOT (latitude = 0 AND longitude = 0) AS given FROM seizures) s
  LEFT JOIN places pp ON pp.as_given = s.port AND pp.country IS NOT DISTINCT FROM s.seizure_country AND pp.kind IS NOT NULL
  LEFT JOIN places pl ON pl.as_given = s.place AND pl.country IS NOT DISTINCT FROM s.seizure_country AND pl.kind IS NOT NULL
  LEFT JOIN places pc ON pc.as_given = s.city AND pc.country IS NOT DISTINCT FROM s.seizure_country AND pc.kind IS NOT NULL
  WHERE s.given OR coalesce(pp.kind, pl.kind, pc.kind) IS NOT NULL;

-- Payment records name their parties by name only: a name key that one identity carries is that identity, a
-- name key several identities carry belongs to namesakes and is nobody’s (identity NULL).
CREATE OR REPLACE VIEW name_identities AS
  SELECT
    a.name_normalised AS name_key,                                                 -- a name key of actors (actors.name_normalised)
    CASE WHEN count(DISTINCT i.identity_id) = 1 THEN min(i.identity_id) END
      AS identity_id,                                                               -- the one identity that carries it, NULL for namesakes
    CASE WHEN count(DISTINCT i.identity_id) = 1 THEN min(a.kind) END AS kind       -- person or company: that identity's kind
  FROM actors a JOIN identities i USING (actor_id)
  WHERE a.name_normalised IS NOT NULL
  GROUP BY 1;

-- The database describing itself: every column of every table and view of this database, with its type and
-- the meaning its table's DDL gives it (the text of docs/database.md), for any DuckDB client: select * from
-- wen_schema. It reads the database a client opened (current_database()), so for an attached one use duckdb_columns().
CREATE OR REPLACE VIEW wen_schema AS
  SELECT
    c.table_name AS table_name,                                                   -- the table or view
    coalesce(t.comment, v.comment) AS table_comment,                             -- what one of its rows is
    c.column_index AS column_index,                                               -- the column's place in its table, from 1
    c.column_name AS column_name,                                                 -- the column
    c.data_type AS data_type,                                                     -- its DuckDB type
    c.is_nullable AS is_nullable,                                                 -- false when the column is NOT NULL
    c.comment AS comment                                                          -- what the column means
  FROM duckdb_columns() c
  LEFT JOIN duckdb_tables() t ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
  LEFT JOIN duckdb_views() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
  WHERE c.database_name = current_database() AND c.schema_name = 'main'
  ORDER BY c.table_name, c.column_index;

-- One row per document named in a seizure (permits, certificates, transport documents).
CREATE TABLE IF NOT EXISTS documents (
  document_id BIGINT NOT NULL,     -- key: unique: assigned by the loader
  seizure_id BIGINT NOT NULL,       -- the seizure it is named in (seizures.seizure_id)
  source_id INTEGER NOT NULL,       -- the file it came from (sources.source_id)
  source_row INTEGER NOT NULL,      -- row of the file it came from
  doc_type VARCHAR,                 -- cites permit, certificate, airway bill, bill of lading, invoice, …
  type_as_given VARCHAR,            -- the document type cell as given
  number VARCHAR,                   -- document number as given
  issuing_country VARCHAR,          -- ISO alpha-2 of the issuing country
  fraudulent BOOLEAN                -- altered or fraudulent when the source says so
);

-- One row per laboratory result on a sample (DNA, isotopes …), tied to seizures by seizure_ref.
CREATE TABLE IF NOT EXISTS forensic_results (
  source_id INTEGER NOT NULL,       -- the file it came from (sources.source_id)
  source_row INTEGER NOT NULL,      -- row of the file it came from
  sample_id VARCHAR NOT NULL,       -- the laboratory’s sample identifier
  seizure_ref VARCHAR,              -- the seizure the sample came from (matched to seizures.seizure_ref when analysed)
  method VARCHAR,                   -- DNA, stable isotopes, ballistics, fingerprints, handwriting…
  match_group VARCHAR,              -- samples the laboratory matched to one source (same individual, population, weapon)
  assigned_origin VARCHAR,          -- ISO alpha-2 of the origin the laboratory assigned
  assigned_origin_as_given VARCHAR, -- the origin cell as given
  laboratory VARCHAR,               -- the laboratory that tested the sample
  result_date DATE,                 -- date of the result
  notes VARCHAR                     -- free text of the record
);

-- One row per payment record (financial investigations), its parties keyed by name as actors are.
CREATE TABLE IF NOT EXISTS payments (
  source_id INTEGER NOT NULL,       -- the file it came from (sources.source_id)
  source_row INTEGER NOT NULL,      -- row of the file it came from
  payment_ref VARCHAR,              -- the payment’s reference as given
  seizure_ref VARCHAR,              -- the seizure the payment is tied to, when the record says
  date DATE,                        -- date of the payment
  payer VARCHAR,                    -- the payer’s name as given
  payer_normalised VARCHAR,         -- as actors.name_normalised, to find the payer among the actors
  payee VARCHAR,                    -- the payee’s name as given
  payee_normalised VARCHAR,         -- as actors.name_normalised, to find the payee among the actors
  amount DOUBLE,                    -- amount paid, in currency
  currency VARCHAR,                 -- ISO 4217
  amount_as_given VARCHAR,          -- the amount cell as given
  method VARCHAR,                   -- bank transfer, mobile money, hawala, cash…
  payer_account VARCHAR,            -- account or phone number paid from
  payee_account VARCHAR,            -- account or phone number paid to
  notes VARCHAR                     -- free text of the record
);

-- The two parties of each payment, keyed: a party whose name key belongs to one identity is that identity
-- (view name_identities), else its name key. One home for the rule that financing and the timeline read.
CREATE OR REPLACE VIEW payment_parties AS
  SELECT
    p.source_id AS source_id,                                                      -- the payment's file (payments.source_id)
    p.source_row AS source_row,                                                    -- the payment's row (payments.source_row)
    coalesce(x.identity_id::VARCHAR, p.payer_normalised) AS payer_key,             -- the payer's identity, else its name key
    coalesce(x.kind, 'person') AS payer_kind,                                      -- person or company (a name alone counts as a person)
    x.identity_id AS payer_identity,                                               -- the payer's identity, NULL when its name is nobody's
                                                                                   -- or a namesake's
    coalesce(y.identity_id::VARCHAR, p.payee_normalised) AS payee_key,             -- the payee's identity, else its name key
    coalesce(y.kind, 'person') AS payee_kind,                                      -- person or company
    y.identity_id AS payee_identity                                                -- the payee's identity, or NULL
  FROM payments p
  LEFT JOIN name_identities x ON x.name_key = p.payer_normalised
  LEFT JOIN name_identities y ON y.name_key = p.payee_normalised;

-- One row per bulletin made (wen bulletin): which loads it covered.
CREATE TABLE IF NOT EXISTS bulletins (
  bulletin_id INTEGER NOT NULL,     -- one per bulletin, in the order they were made
  created_at TIMESTAMP NOT NULL,    -- when the bulletin was made (UTC)
  since_loaded TIMESTAMP,           -- sources loaded after this…
  until_loaded TIMESTAMP NOT NULL,  -- …and up to this are what the bulletin covers
  new_sources INTEGER,              -- files it covers
  new_seizures INTEGER,             -- seizures of those files
  files VARCHAR[]                   -- the names of those files
);

-- Enforcement outcomes read from the sanctions text of seizures and actors (src/outcomes/), one row per
-- outcome.
CREATE TABLE IF NOT EXISTS outcomes (
  source_id INTEGER NOT NULL,       -- the file of the seizure (sources.source_id)
  seizure_id BIGINT NOT NULL,       -- the seizure (seizures.seizure_id)
  actor_id BIGINT,                  -- NULL when the text is the seizure's, else the person's (actors.sanction, actors.arrest_date)
  kind VARCHAR NOT NULL,            -- arrested, charged, prosecuted, convicted, acquitted, pending, dismissed, custodial, fine,
                                    -- confiscation, unparsed
  months DOUBLE,                    -- custodial term in months (NULL for life), one row per term
  suspended BOOLEAN,                -- custodial term suspended (sursis, 缓刑, probation)
  fine_amount DOUBLE,               -- fine in fine_currency
  fine_currency VARCHAR,            -- ISO 4217, NULL when none is named or it is ambiguous (the rule says)
  fine_usd DOUBLE,                  -- at the bundled rates of the seizure's year
  rule VARCHAR NOT NULL,            -- which rule read it
  text VARCHAR                      -- the words it read (for unparsed: the words no rule read)
);

-- One row per row of a file refused at load, and why: nothing read is lost.
CREATE TABLE IF NOT EXISTS rejects (
  source_id INTEGER NOT NULL,       -- the file (sources.source_id)
  row_number INTEGER,               -- row of the file (1 = first line)
  column_name VARCHAR,              -- the column that made the row fail, when one did
  value VARCHAR,                    -- the value that made it fail
  reason VARCHAR NOT NULL,          -- why the row was refused
  raw_record VARCHAR                -- the whole row as read, so nothing is lost
);

-- One row per value kept as given because it could not be normalised, and why.
CREATE TABLE IF NOT EXISTS flags (
  source_id INTEGER NOT NULL,       -- the file (sources.source_id)
  row_number INTEGER NOT NULL,      -- row of the file (1 = first line)
  column_name VARCHAR NOT NULL,     -- the column of the value
  value VARCHAR,                    -- the value as given
  flag VARCHAR NOT NULL             -- why the value was kept as given
);

-- Every value as given that a load normalised, what it became and by which rule.
CREATE TABLE IF NOT EXISTS normalisation_rules (
  kind VARCHAR NOT NULL,            -- country, unit, term, species, date, currency, …
  as_given VARCHAR NOT NULL,        -- a value as a file gave it
  normalised VARCHAR,               -- NULL when the value could not be normalised
  rule VARCHAR NOT NULL,            -- which rule turned one into the other
  PRIMARY KEY (kind, as_given)
);

-- The reference files imported by wen reference import, one row each (none: the bundled taxa are used).
CREATE TABLE IF NOT EXISTS reference_sources (
  file_name VARCHAR NOT NULL,       -- one row per imported file
  path VARCHAR,                     -- where it was read from
  format VARCHAR NOT NULL,          -- cites-index (Index of CITES Species export), speciesplus-common-names
  dated DATE,                       -- the date the reference stands for
  dated_from VARCHAR,               -- file name (the Index carries its download date) or file modified time
  size_bytes BIGINT,                -- size of the file in bytes
  rows_in_file INTEGER,             -- data rows of the file
  rows_imported INTEGER,            -- taxa of the Index, or names that join a taxon of it
  mode VARCHAR,                     -- replace (the Checklist alone) or extend (bundled taxa it lacks kept), for the Index
  imported_at TIMESTAMP NOT NULL    -- when it was imported (UTC)
);

-- The taxa of an imported Index of CITES Species (empty: the bundled src/reference/taxa.csv is used).
CREATE TABLE IF NOT EXISTS reference_taxa (
  taxon_id INTEGER,                 -- TaxonId of the Index (Species+ taxon concept), NULL for a higher taxon named only in its columns
  name VARCHAR NOT NULL,            -- FullName
  rank VARCHAR,                     -- species, subspecies, variety, genus, subfamily, family, order, class
  kingdom VARCHAR,                  -- Kingdom
  phylum VARCHAR,                   -- Phylum
  class_name VARCHAR,               -- empty for plants in the Index
  order_name VARCHAR,               -- Order
  family VARCHAR,                   -- Family
  genus VARCHAR,                    -- Genus
  author VARCHAR,                   -- author of the name (AuthorYear)
  listing VARCHAR,                  -- CurrentListing as given: I, II, III, I/II, NC (not listed: an exception of a higher listing) …
  appendix VARCHAR,                 -- the listing that applies: its own, else the nearest listed higher taxon's, NULL for NC
  appendix_from VARCHAR             -- the taxon whose listing appendix is
);

-- Synonyms of the imported Index, each with its accepted name.
CREATE TABLE IF NOT EXISTS reference_synonyms (
  name VARCHAR NOT NULL,            -- without its author, as in SynonymsWithAuthors
  accepted VARCHAR NOT NULL,        -- the accepted FullName
  taxon_id INTEGER                  -- TaxonId of the accepted taxon
);

-- Common names of the imported taxa, from the Index or a Species+ common-names file.
CREATE TABLE IF NOT EXISTS reference_common_names (
  taxon_id INTEGER NOT NULL,        -- the taxon (reference_taxa.taxon_id)
  name VARCHAR NOT NULL,            -- the common name
  language VARCHAR,                 -- eng, spa, fra (the Index) or the LangShort of a Species+ file (zho, bul …)
  file_name VARCHAR                 -- the file it came from
);
`;

/** A table or view of the DDL with what it and each of its columns mean (type: as declared, '' for a view's). */
export interface TableDescription {
  name: string;
  kind: 'table' | 'view';
  comment: string;
  columns: Array<{ name: string; type: string; comment: string }>;
}

/**
 * The tables of the DDL, each with the `--` lines just above its CREATE as its comment and the
 * `--` text after each column as that column's (empty when missing: the schema test says which).
 * A view's columns are the names its SELECT gives (type left to DuckDB).
 */
export function describeSchema(ddl: string = DDL): TableDescription[] {
  const tables: TableDescription[] = [];
  let above: string[] = [];
  let open: TableDescription | null = null;
  for (const line of ddl.split('\n')) {
    const created = /^CREATE (?:TABLE IF NOT EXISTS|OR REPLACE VIEW) ([a-z_]+)/.exec(line);
    if (created) {
      const kind = line.includes(' VIEW ') ? 'view' : 'table';
      const table: TableDescription = { name: created[1], kind, comment: above.join(' '), columns: [] };
      tables.push(table);
      open = table;
    } else if (open && /^\s+--/.test(line) && open.columns.length) {
      // An indented line that is only a comment goes on with the meaning of the column above it.
      const last = open.columns[open.columns.length - 1];
      last.comment = `${last.comment} ${line.replace(/^\s+--\s?/, '').trim()}`.trim();
      continue;
    } else if (open?.kind === 'view') {
      // A view's columns are its SELECT's: "expression AS name, -- meaning", one a line; its statement ends at ';'.
      const column = /\bAS ([a-z_][a-z0-9_]*),?\s*--\s?(.*)$/.exec(line);
      if (column) open.columns.push({ name: column[1], type: '', comment: column[2].trim() });
      if (line.trim().endsWith(';')) open = null;
    } else if (line.startsWith('--')) {
      above.push(line.replace(/^--\s?/, ''));
      continue;
    } else if (open && /^\);?$/.test(line.trim())) {
      open = null;
    } else if (open) {
      // "  name TYPE [constraints],   -- meaning"; table constraints (PRIMARY KEY (…)) are not columns.
      const column = /^\s+([a-z_][a-z0-9_]*) ([A-Z][A-Z0-9_[\]]*)[^-]*?(?:--\s?(.*))?$/.exec(line);
      if (column && !/^\s+PRIMARY KEY/.test(line)) {
        open.columns.push({ name: column[1], type: column[2], comment: (column[3] ?? '').trim() });
      }
    }
    above = [];
  }
  return tables;
}

/**
 * COMMENT ON for every table, view and column (the text is wen's own, quoted as a SQL string literal;
 * names are the DDL's, [a-z_] only). `exists` leaves out a column an old database lacks, which would
 * make the statement fail.
 */
function commentStatements(exists: (table: string, column: string) => boolean = () => true): string[] {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return describeSchema().flatMap((table) => [
    `COMMENT ON ${table.kind === 'view' ? 'VIEW' : 'TABLE'} ${table.name} IS ${quote(table.comment)}`,
    ...table.columns
      .filter((column) => exists(table.name, column.name))
      .map((column) => `COMMENT ON COLUMN ${table.name}.${column.name} IS ${quote(column.comment)}`),
  ]);
}

/**
 * Writes the comments when the database does not have this text yet (a new database, an upgrade, or a
 * wen whose comments changed), so that an open for writing costs one lookup, not 300 statements.
 */
async function writeComments(db: Database, always: boolean): Promise<void> {
  const key = createHash('sha256').update(commentStatements().join('\n')).digest('hex').slice(0, 16);
  const written = await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'comments'");
  if (written?.value === key && !always) return;
  const present = new Set(
    (
      await db.all<{ name: string }>("SELECT table_name || '.' || column_name AS name FROM duckdb_columns() WHERE schema_name = 'main'")
    ).map((c) => c.name),
  );
  const statements = commentStatements((table, column) => present.has(`${table}.${column}`));
  await db.transaction(async () => {
    // One multi-statement run: the text is wen's own DDL comments, never a user's value.
    await db.run(statements.join(';\n'));
    await db.run("INSERT OR REPLACE INTO wen_meta VALUES ('comments', $key)", { key });
  });
}

/** Columns added after a table first shipped, in the order they were added (5: quantity ranges, item_index). */
const ADDED_COLUMNS: Array<[table: string, column: string, type: string]> = [
  ['specimens', 'quantity_min', 'DOUBLE'],
  ['specimens', 'quantity_max', 'DOUBLE'],
  ['specimens', 'item_index', 'INTEGER'],
  ['specimens', 'weight_as_given', 'VARCHAR'],
  ['seizures', 'verdict_date', 'DATE'],
  ['actors', 'name_latin', 'VARCHAR'],
  ['sources', 'received_on', 'DATE'],
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
  if (version !== SCHEMA_VERSION) await upgrade(db, version);
  // An upgrade made the view again (CREATE OR REPLACE drops its comments): it is described again.
  await writeComments(db, version !== SCHEMA_VERSION);
}

/** Creates what is missing, from nothing (version null) or from an older wen's schema. */
async function upgrade(db: Database, version: number | null): Promise<void> {
  for (const statement of DDL.split(';')
    .map((s) => s.trim())
    .filter(Boolean))
    await db.run(statement);
  // Columns added to existing tables (CREATE TABLE IF NOT EXISTS leaves an older table as it was).
  for (const [table, column, type] of ADDED_COLUMNS) await db.run(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
  // Before 7, name keys dropped every letter outside a-z: they are made again from the names as given,
  // and every person and company is resolved into identities.
  if (version !== null && version < 7) await rekeyNames(db);
  // 8: the outcomes of what an older wen loaded, read from the sanctions text it kept.
  if (version !== null && version < 8) await writeOutcomes(db, null);
  // 9: the places of what an older wen loaded.
  if (version !== null && version < 10) {
    await writePlaces(db, null);
    await writeChainPlaces(db, null);
  }
  await db.run("INSERT OR REPLACE INTO wen_meta VALUES ('schema_version', $v)", { v: String(SCHEMA_VERSION) });
}

async function rekeyNames(db: Database): Promise<void> {
  await mapNameKeys(
    db,
    'upgrade_name_keys',
    'SELECT name_as_given FROM actors UNION ALL SELECT payer FROM payments UNION ALL SELECT payee FROM payments',
  );
  await db.run(
    'UPDATE actors SET name_normalised = m.name_key, name_latin = ' +
      'm.latin_key FROM upgrade_name_keys m WHERE m.given = actors.name_as_given',
  );
  await db.run('UPDATE payments SET payer_normalised = m.name_key FROM upgrade_name_keys m WHERE m.given = payments.payer');
  await db.run('UPDATE payments SET payee_normalised = m.name_key FROM upgrade_name_keys m WHERE m.given = payments.payee');
  await db.run('DROP TABLE upgrade_name_keys');
  await resolveIdentities(db);
}
