// From the staging view to the database tables, set-based: decide which rows are rejected (and why)
// and group rows into seizures from the few columns that decide it, then insert specimens, seizures,
// actors, documents, flags and rules. The wide rows are never stored in between: each insert streams
// from the file's rows through joins with narrow tables (value maps, row → seizure, seizure heads),
// which keeps a load close to the cost of reading the file. Runs inside the loader's transaction.
import type { Database, Params } from '../db/database.js';
import type { Mapping } from './fields.js';
import type { MalformedRow } from './readers/raw-table.js';
import type { FieldOrigins } from './stage-tabular.js';
import { RULES_SQL } from './value-maps.js';
import { mapNameKeys } from '../identity/name-key.js';
import { resolveIdentities } from '../identity/resolve.js';

export interface WriteResult {
  loaded: number; // rows (file rows) loaded
  rejected: number; // rows rejected, malformed ones included
  flagged: number;
  seizures: number;
  specimens: number;
  actors: number;
  documents: number;
}

/**
 * The inserts that join every row with a per-row or per-seizure table run over one slice of rows at a
 * time: at 100M rows those tables outgrew the memory limit and DuckDB's spilling hash join ran out of
 * memory; a slice's join stays in memory. The slice is the size that loaded within a 1GB limit.
 * Slices are ranges of `ordinal` (a row's position in storage), which DuckDB reads without scanning
 * the other rows; the per-row tables are cut to the slice's range of row numbers.
 */
const ROWS_PER_SLICE = 10_000_000;

const AS_NUMBER = (column: string) => `CASE WHEN regexp_full_match(${column}, '-?[0-9]+(\\.[0-9]+)?') THEN ${column}::DOUBLE END`;

export async function writeStaged(
  db: Database,
  sourceId: number,
  options: {
    grouping: NonNullable<Mapping['group_rows']>;
    origins: FieldOrigins;
    malformed: MalformedRow[];
    keepRawRecords: (db: Database) => Promise<void>;
    defaultReportingCountry?: string;
    rowsPerSlice?: number;
  },
): Promise<WriteResult> {
  const origin = (field: string) => options.origins[field] ?? field;
  const quantityAmount = `coalesce(${AS_NUMBER('s.quantity')}, mq.amount)`;

  // 1. Rejected rows, from the few columns that decide it: the first reason found for any item of the row.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE rejected_rows AS
     SELECT row_number, arg_min(column_name, coalesce(item_index, 0)) AS column_name, arg_min(value, coalesce(item_index, 0)) AS value,
            arg_min(reason, coalesce(item_index, 0)) AS reason
     FROM (
       SELECT row_number, item_index,
         CASE WHEN no_specimen THEN $species ELSE $quantity END AS column_name,
         CASE WHEN NOT no_specimen THEN quantity END AS value,
         CASE WHEN no_specimen THEN 'no specimen described: species, description and quantity are all empty'
              WHEN q_amount IS NULL THEN 'quantity is not a number'
              ELSE 'quantity is negative; quantities must be ≥ 0' END AS reason
       FROM (SELECT *,
         species IS NULL AND term IS NULL AND common_name IS NULL AND (quantity IS NULL OR q_amount IS NULL AND q_flag IS NOT NULL) AS
         no_specimen
             FROM (SELECT s.row_number, s.item_index, s.quantity, s.species, s.term, s.common_name, ${quantityAmount} AS q_amount,
               mq.flag AS q_flag
                   FROM staged s LEFT JOIN map_quantity mq ON mq.given = s.quantity))
       -- A quantity read as not given (a flag says why) loads; one that is no number at all rejects the row.
       WHERE no_specimen OR (quantity IS NOT NULL AND q_amount IS NULL AND q_flag IS NULL) OR q_amount < 0
     ) GROUP BY row_number`,
    { quantity: origin('quantity'), species: origin('species') },
  );
  await options.keepRawRecords(db);
  await db.run(
    `INSERT INTO rejects SELECT $source, r.row_number, r.column_name, r.value, r.reason, t.raw_record
     FROM rejected_rows r LEFT JOIN raw_text t USING (row_number)`,
    { source: sourceId },
  );
  await insertMalformed(db, sourceId, options.malformed);

  // 2. Rows → seizures, from the grouping columns only. Same details means the same event reported
  // item by item. A seizure's id is its first row's number past the ids already used: unique and in
  // file order without numbering the seizures (a sort of every seizure, with its rows, took most of a
  // 100M-row load).
  const key =
    options.grouping === 'none'
      ? 'row_number'
      : options.grouping === 'reference'
        ? "coalesce('ref:' || seizure_ref, 'row:' || row_number)"
        : // A row without a date is never folded with another: rows that only look alike are not one event.
          'CASE WHEN date IS NULL THEN row_number END, seizure_ref, date, ' +
          'time, place, city, port, seizure_country, reporting_country, ' +
          'transport_mode, detection_method, origin, export, transit, destination, ' +
          'offender_nationality, agency, concealment';
  await db.run(`
    CREATE OR REPLACE TEMP TABLE row_seizure AS
    SELECT unnest(rows) AS row_number, (SELECT coalesce(max(seizure_id), 0) FROM seizures) + first_row AS seizure_id
    FROM (
      SELECT min(row_number) AS first_row, list(row_number) AS rows
      FROM staged
      WHERE coalesce(item_index, 1) = 1 AND row_number NOT IN (SELECT row_number FROM rejected_rows)
      GROUP BY ${key}
    )`);

  // 3. Specimens: every kept row (every item of it) with its seizure and its normalised values beside
  // the values as given. Ids follow the file: unique and increasing, from row and item positions.
  const ids = (await db.one<{ base: number; first_row: number; items: number; first_ordinal: number; last_ordinal: number }>(
    `SELECT (SELECT coalesce(max(specimen_id), 0) FROM specimens)::BIGINT AS base,
      (SELECT coalesce(min(row_number), 0) FROM row_seizure)::BIGINT AS first_row,
            (SELECT coalesce(max(item_index), 1) FROM staged WHERE row_number NOT IN (SELECT row_number FROM rejected_rows))::BIGINT AS
              items,
            (SELECT coalesce(min(ordinal), 0) FROM staged)::BIGINT AS first_ordinal,
              (SELECT coalesce(max(ordinal), -1) FROM staged)::BIGINT AS last_ordinal`,
  ))!;
  const slices: Slice[] = [];
  for (const range of rowSlices(ids.first_ordinal, ids.last_ordinal, options.rowsPerSlice ?? ROWS_PER_SLICE)) {
    const rows = (await db.one<{ first: number; last: number }>(
      'SELECT coalesce(min(row_number), 0)::BIGINT AS first, coalesce(max(row_number), ' +
        '-1)::BIGINT AS last FROM staged WHERE ordinal BETWEEN $lo AND $hi',
      range,
    ))!;
    slices.push({ ...range, ...rows });
  }
  for (const slice of slices)
    await db.run(
      `INSERT INTO specimens (specimen_id, seizure_id, source_id, source_row,
        species_as_given, taxon, taxon_rank, genus, family, order_name, class_name,
       cites_appendix, common_name, term, term_as_given, quantity, unit, quantity_as_given, unit_as_given, quantity_kg, quantity_count,
       item_value, item_currency, item_value_as_given, cites_source, quantity_min, quantity_max, item_index, weight_as_given)
     SELECT $base::BIGINT + (k.row_number - $first_row::BIGINT) * $items::BIGINT + coalesce(k.item_index, 1),
       k.seizure_id, $source, k.row_number, k.species, sp.taxon, sp.taxon_rank, coalesce(sp.genus, k.genus), coalesce(sp.family, k.family),
       coalesce(sp.order_name, k.order_name), coalesce(sp.class_name, k.class_name),
       -- The file's own appendix wins over the reference's (a flag below says when they differ).
       CASE WHEN ma.known THEN ma.appendix ELSE sp.cites_appendix END,
       k.common_name, tm.code, k.term,
       -- A weight given beside no quantity is the quantity, in kilograms.
       CASE WHEN k.q_amount IS NULL AND k.weight_kg IS NOT NULL THEN k.weight_kg ELSE k.q_amount * u.to_code END,
       CASE WHEN k.q_amount IS NULL AND k.weight_kg IS NOT NULL THEN 'KIL' ELSE u.code END,
       k.quantity, k.unit_given,
       -- A weight column says what the specimens weighed, whatever the quantity counts.
       coalesce(k.weight_kg, k.q_amount * u.kg_per), k.q_amount * u.count_per,
       k.item_amount, k.item_currency_code, k.item_value, k.cites_source, k.amount_min * u.to_code, k.amount_max * u.to_code, k.item_index,
         k.weight
     FROM (
       SELECT s.*, rs.seizure_id, ${quantityAmount} AS q_amount, mq.amount_min, mq.amount_max,
         coalesce(s.unit, mq.embedded_unit) AS unit_given, mw.kg AS weight_kg,
         coalesce(${AS_NUMBER('s.item_value')}, miv.amount) AS item_amount, coalesce(miv.currency, icur.code) AS item_currency_code
       FROM staged s
       JOIN (FROM row_seizure WHERE row_number BETWEEN $first AND $last) rs ON rs.row_number = s.row_number
       LEFT JOIN map_quantity mq ON mq.given = s.quantity
       LEFT JOIN map_weight mw ON mw.given = s.weight
       LEFT JOIN map_money miv ON miv.given = s.item_value
       LEFT JOIN map_currency icur ON icur.given = s.item_currency
     ) k
     LEFT JOIN map_unit u ON u.given = coalesce(k.unit_given, '')
     LEFT JOIN map_species sp ON sp.given = k.species
     LEFT JOIN map_appendix ma ON ma.given = k.cites_appendix
     LEFT JOIN map_term tm ON tm.given = k.term
     WHERE k.ordinal BETWEEN $lo AND $hi`,
      { source: sourceId, base: ids.base, first_row: ids.first_row, items: ids.items, ...slice },
    );

  // 4. Seizures: details come from the seizure's first row; only the value is summed over its items.
  // Both come from the specimens just written (a seizure's first row is its specimens' smallest row),
  // so the insert below joins the rows with one narrow table, not two (two big hash joins in one
  // statement ran out of memory at 100M rows under a 4GB limit).
  await db.run(
    `CREATE OR REPLACE TEMP TABLE seizure_heads AS
     SELECT seizure_id, min(source_row) AS first_row,
            CASE WHEN min(item_currency) FILTER (item_value IS NOT NULL) IS NOT DISTINCT FROM max(item_currency) FILTER
              (item_value IS NOT NULL)
                 THEN exact_sum(item_value) END AS item_total,
            min(item_currency) FILTER (item_value IS NOT NULL) AS item_currency
     FROM specimens WHERE source_id = $source GROUP BY seizure_id`,
    { source: sourceId },
  );
  // A seizure-country cell such as "Hanoi, Vietnam" gives the country and, when the row has no city
  // of its own, the city (map_country's rule says so: '"Hanoi" kept as the place').
  for (const slice of slices)
    await db.run(
      `INSERT INTO seizures (
      seizure_id, source_id, source_row, seizure_ref, date, date_end, date_precision, date_as_given, time, reporting_country,
      seizure_country, place, city, port, latitude, longitude, agency, detection_method, detection_method_as_given, reason,
      transport_mode, transport_mode_as_given, concealment, purpose, purpose_as_given, offence, modus_operandi, origin_countries,
      export_country, transit_countries, destination_countries, countries_as_given, value, currency, value_as_given,
      offender_nationalities, sanctions, verdict_date, notes, extras)
     SELECT h.seizure_id, $source, k.row_number, k.seizure_ref, d.start_date, d.end_date, d.precision, k.date,
       coalesce(t.time_of_day, d.time_of_day),
       coalesce(rc.codes[1], $reporting), coalesce(sc.codes[1], rc.codes[1], $reporting),
       k.place, coalesce(k.city, sc.places[1]), k.port, TRY_CAST(k.latitude AS DOUBLE), TRY_CAST(k.longitude AS DOUBLE), k.agency, dm.value,
         k.detection_method, k.reason,
       tm.value, k.transport_mode, k.concealment, pu.value, k.purpose, k.offence, k.modus_operandi, oc.codes, ec.codes[1], tc.codes,
         dc.codes,
       nullif(concat_ws(' | ', 'origin: ' || k.origin, 'export: ' || k.export, 'transit: ' || k.transit, 'destination: ' || k.destination),
         ''),
       coalesce(${AS_NUMBER('k.value')}, mv.amount, h.item_total),
       CASE WHEN coalesce(${AS_NUMBER('k.value')}, mv.amount) IS NOT NULL THEN coalesce(mv.currency, cur.code) ELSE h.item_currency END,
       k.value, nc.codes, k.sanctions, vd.start_date, k.notes, k.extras
     FROM staged k
     JOIN (FROM seizure_heads WHERE first_row BETWEEN $first AND $last) h ON h.first_row = k.row_number AND coalesce(k.item_index, 1) = 1
     LEFT JOIN map_money mv ON mv.given = k.value
     LEFT JOIN map_currency cur ON cur.given = k.currency
     LEFT JOIN map_date d ON d.given = k.date
     LEFT JOIN map_date vd ON vd.given = k.verdict_date
     LEFT JOIN map_time t ON t.given = k.time
     LEFT JOIN map_country rc ON rc.given = k.reporting_country
     LEFT JOIN map_country sc ON sc.given = k.seizure_country
     LEFT JOIN map_country oc ON oc.given = k.origin
     LEFT JOIN map_country ec ON ec.given = k.export
     LEFT JOIN map_country tc ON tc.given = k.transit
     LEFT JOIN map_country dc ON dc.given = k.destination
     LEFT JOIN map_country nc ON nc.given = k.offender_nationality
     LEFT JOIN map_vocabulary dm ON dm.kind = 'detection_method' AND dm.given = k.detection_method
     LEFT JOIN map_vocabulary tm ON tm.kind = 'transport_mode' AND tm.given = k.transport_mode
     LEFT JOIN map_vocabulary pu ON pu.kind = 'purpose' AND pu.given = k.purpose
     WHERE k.ordinal BETWEEN $lo AND $hi`,
      { source: sourceId, reporting: options.defaultReportingCountry ?? null, ...slice },
    );

  // 5. Actors: persons and companies named in the file, numbered in seizure and row order…
  const named = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM staged_actors'))!.n > 0;
  // The name keys are made once per distinct name (src/identity/name-key.ts owns them).
  if (named) await mapNameKeys(db, 'map_name_keys', 'SELECT name FROM staged_actors');
  if (named)
    await db.run(
      `INSERT INTO actors (
      actor_id, seizure_id, source_id, source_row, kind, name_as_given, name_normalised, family_name, given_names, aliases,
      nationality, nationality_as_given, sex, birth_date, birth_place, id_numbers, passport_numbers, address, phones, vehicles,
      profession, role, arrest_date, sanction, name_latin)
     SELECT (SELECT coalesce(max(actor_id), 0) FROM actors) + row_number() OVER
       (ORDER BY a.seizure_id, a.row_number, a.name, a.nationality_cc),
       a.seizure_id, $source, a.row_number, a.kind, a.name, nk.name_key,
       a.family_name, a.given_names, a.aliases, a.nationality_cc, a.nationality, a.sex_n, a.birth, a.birth_place, a.id_numbers,
         a.passport_numbers,
       a.address, a.phones, a.vehicles, a.profession, a.role_n, a.arrest, a.sanction, nk.latin_key
     FROM (
       SELECT DISTINCT ON (rs.seizure_id, sa.kind, sa.name, sa.role, sa.nationality, sa.passport_numbers, sa.birth_date)
         rs.seizure_id, sa.row_number, sa.kind, sa.name, sa.family_name, sa.given_names,
         ${splitList('sa.aliases')} AS aliases, nat.codes[1] AS nationality_cc, sa.nationality, sex.value AS sex_n,
         CASE WHEN birth.precision = 'day' THEN birth.start_date END AS birth, sa.birth_place,
         ${splitList('sa.id_numbers')} AS id_numbers, ${splitList('sa.passport_numbers')} AS passport_numbers, sa.address,
         ${splitList('sa.phones')} AS phones, ${splitList('sa.vehicles')} AS vehicles, sa.profession,
         coalesce(role.value, sa.role) AS role_n, CASE WHEN arrest.precision = 'day' THEN arrest.start_date END AS arrest, sa.sanction
       FROM row_seizure rs JOIN staged_actors sa ON sa.row_number = rs.row_number -- the smaller side last: it is the one held in memory
       LEFT JOIN map_country nat ON nat.given = sa.nationality
       LEFT JOIN map_vocabulary sex ON sex.kind = 'sex' AND sex.given = sa.sex
       LEFT JOIN map_vocabulary role ON role.kind = 'role' AND role.given = sa.role
       LEFT JOIN map_date birth ON birth.given = sa.birth_date
       LEFT JOIN map_date arrest ON arrest.given = sa.arrest_date
       -- a person named on several rows of one seizure is kept once, from the first of those rows (the same every load)
       ORDER BY rs.seizure_id, sa.kind, sa.name, sa.role, sa.nationality, sa.passport_numbers, sa.birth_date, sa.row_number
     ) a LEFT JOIN map_name_keys nk ON nk.given = a.name`,
      { source: sourceId },
    );
  // …then offenders known only by nationality, one per nationality of a seizure. They are numbered
  // from the seizure's first row and the nationality's place, like specimens: numbering them with a
  // window sorted every one of them (9 s of a 10M-row load, and a risk of running out of memory).
  const offenders = (await db.one<{ base: number; first_row: number; width: number }>(
    `SELECT (SELECT coalesce(max(actor_id), 0) FROM actors)::BIGINT AS base, coalesce(min(source_row), 0)::BIGINT AS first_row,
            coalesce(max(len(offender_nationalities)), 0)::BIGINT AS width
     FROM seizures WHERE source_id = $source`,
    { source: sourceId },
  ))!;
  if (offenders.width > 0)
    await db.run(
      `INSERT INTO actors (
      actor_id, seizure_id, source_id, source_row, kind, name_as_given, name_normalised, family_name, given_names, aliases,
      nationality, nationality_as_given, sex, birth_date, birth_place, id_numbers, passport_numbers, address, phones, vehicles,
      profession, role, arrest_date, sanction)
     SELECT $base::BIGINT + (o.source_row - $first_row::BIGINT) * $width::BIGINT + o.place,
       o.seizure_id, $source, o.source_row, 'unknown', NULL, NULL, NULL, NULL, NULL, o.nationality_cc, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, 'offender', NULL, NULL
     FROM (
       SELECT seizure_id, source_row, unnest(nationalities) AS nationality_cc, generate_subscripts(nationalities, 1) AS place
       FROM (
         -- list_distinct is slow, and most seizures name one nationality
         SELECT seizure_id, source_row,
           CASE WHEN len(offender_nationalities) = 1 THEN offender_nationalities ELSE list_sort(list_distinct(offender_nationalities)) END
             AS nationalities
         FROM seizures WHERE source_id = $source AND len(offender_nationalities) > 0
           -- the nationalities of a seizure that names its persons are theirs, not extra offenders
           AND seizure_id NOT IN (SELECT seizure_id FROM actors WHERE source_id = $source AND kind = 'person'))
     ) o`,
      { source: sourceId, ...offenders },
    );

  // Who is who: the new persons and companies resolved against each other and the stored identities.
  await resolveIdentities(db);

  // Documents are rare: without any, the join would still build its table of every row.
  const documents = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM staged_documents'))!.n > 0;
  if (documents)
    await db.run(
      `INSERT INTO documents (document_id, seizure_id, source_id, source_row, doc_type, type_as_given, number, issuing_country, fraudulent)
     SELECT (SELECT coalesce(max(document_id), 0) FROM documents) + row_number() OVER (ORDER BY rs.seizure_id, d.row_number, d.number),
       rs.seizure_id, $source, d.row_number,
       coalesce(dt.value, d.doc_type), d.doc_type, d.number, ic.codes[1],
       CASE WHEN lower(d.fraudulent) IN ('true', 'yes', 'y', '1', 'altered', 'fraudulent', 'forged', 'oui', 'si', 'sí') THEN true
            WHEN lower(d.fraudulent) IN ('false', 'no', 'n', '0', 'non', 'genuine') THEN false END
     FROM row_seizure rs JOIN staged_documents d ON d.row_number = rs.row_number
     LEFT JOIN map_vocabulary dt ON dt.kind = 'doc_type' AND dt.given = d.doc_type
     LEFT JOIN map_country ic ON ic.given = d.issuing_country`,
      { source: sourceId },
    );

  // 6. Values kept as given: one flag per cell that no rule could normalise.
  await insertFlags(db, sourceId, origin);
  await db.run(`INSERT OR IGNORE INTO normalisation_rules SELECT kind, given, normalised, rule FROM (${RULES_SQL}) WHERE given <> ''`);

  const counts = await db.one<WriteResult>(
    `SELECT (SELECT count(*) FROM row_seizure)::INTEGER AS loaded,
            ((SELECT count(*) FROM rejected_rows) + $malformed)::INTEGER AS rejected,
            (SELECT count(DISTINCT row_number) FROM flags WHERE source_id = $source)::INTEGER AS flagged,
            (SELECT count(*) FROM seizures WHERE source_id = $source)::INTEGER AS seizures,
            (SELECT count(*) FROM specimens WHERE source_id = $source)::INTEGER AS specimens,
            (SELECT count(*) FROM actors WHERE source_id = $source)::INTEGER AS actors,
            (SELECT count(*) FROM documents WHERE source_id = $source)::INTEGER AS documents`,
    { source: sourceId, malformed: options.malformed.length },
  );
  return counts!;
}

/** Lines a reader could not split into cells, as rejects with their text (any profile). */
export async function insertMalformed(db: Database, sourceId: number, malformed: MalformedRow[]): Promise<void> {
  if (!malformed.length) return;
  await db.run(
    `INSERT INTO rejects (source_id, row_number, column_name, value, reason, raw_record)
     SELECT $source, m.row, NULL, NULL, m.reason, m.raw FROM (SELECT unnest(from_json($rows,
       '[{"row":"INTEGER","reason":"VARCHAR","raw":"VARCHAR"}]'), recursive := true)) m`,
    { source: sourceId, rows: JSON.stringify(malformed) },
  );
}

/** A slice of rows: positions lo..hi in storage, whose row numbers lie within first..last. */
interface Slice {
  lo: number;
  hi: number;
  first: number;
  last: number;
}

/** Ranges [lo, hi] of at most `size` positions covering first..last (one range for most files). */
export function rowSlices(first: number, last: number, size: number): { lo: number; hi: number }[] {
  const slices: { lo: number; hi: number }[] = [];
  for (let lo = first; lo <= last; lo += size) slices.push({ lo, hi: Math.min(lo + size - 1, last) });
  return slices.length ? slices : [{ lo: first, hi: last }];
}

/** "a; b | c" → ['a', 'b', 'c'] (NULL when empty). */
function splitList(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE list_filter(string_split_regex(${column}, '\\s*[;|]\\s*'), x -> x <> '') END`;
}

/**
 * One flag per cell that no rule could normalise. Each check reads one column of the staging view
 * joined to its value map, so it costs a scan of that column, not of the whole row.
 */
async function insertFlags(db: Database, sourceId: number, origin: (field: string) => string): Promise<void> {
  const checks: Array<[field: string, sql: string]> = [
    ['date', `SELECT row_number, s.date, m.rule FROM staged s JOIN map_date m ON m.given = s.date WHERE m.start_date IS NULL`],
    [
      'verdict_date',
      `SELECT row_number, s.verdict_date, m.rule FROM staged s JOIN map_date m ON m.given = s.verdict_date WHERE m.start_date IS NULL`,
    ],
    [
      'time',
      `SELECT row_number, s.time, t.rule FROM staged s JOIN map_time ` +
        `t ON t.given = s.time LEFT JOIN map_date d ON d.given = s.date ` +
        `WHERE t.time_of_day IS NULL AND d.time_of_day IS NULL`,
    ],
    // A name matched to a close known one ("close to Manis pentadactyla") loads, flagged so a person can check it.
    [
      'species',
      `SELECT row_number, s.species, m.rule FROM staged s JOIN map_species ` +
        `m ON m.given = s.species WHERE m.taxon IS NULL OR starts_with(m.rule, 'close to ')`,
    ],
    [
      'cites_appendix',
      `SELECT row_number, s.cites_appendix, a.rule FROM staged s JOIN map_appendix a ON a.given = s.cites_appendix WHERE NOT a.known`,
    ],
    [
      'cites_appendix',
      `SELECT row_number, s.cites_appendix,
        'the file says ' || coalesce(a.appendix, 'not listed') || ', the reference says ' || m.cites_appendix
       FROM staged s JOIN map_appendix a ON a.given = s.cites_appendix JOIN map_species m ON m.given = s.species
       WHERE a.known AND m.cites_appendix IS NOT NULL AND a.appendix IS DISTINCT FROM m.cites_appendix`,
    ],
    ['term', `SELECT row_number, s.term, 'unknown term' FROM staged s JOIN map_term m ON m.given = s.term WHERE m.code IS NULL`],
    [
      'quantity',
      `SELECT row_number, s.quantity, m.flag FROM staged s JOIN map_quantity m ON m.given = s.quantity WHERE m.flag IS NOT NULL`,
    ],
    [
      'unit',
      `SELECT row_number, u.given, 'unknown unit' FROM staged s LEFT ` +
        `JOIN map_quantity mq ON mq.given = s.quantity JOIN map_unit u ` +
        `ON u.given = coalesce(s.unit, mq.embedded_unit) WHERE NOT u.known`,
    ],
    // Plain numbers are not in map_money: only the values it holds can fail.
    ['value', `SELECT row_number, s.value, m.rule FROM staged s JOIN map_money m ON m.given = s.value WHERE m.amount IS NULL`],
    [
      'item_value',
      `SELECT row_number, s.item_value, m.rule FROM staged s JOIN map_money m ON m.given = s.item_value WHERE m.amount IS NULL`,
    ],
    ['weight', `SELECT row_number, s.weight, m.rule FROM staged s JOIN map_weight m ON m.given = s.weight WHERE m.kg IS NULL`],
    // The reference's taxonomy wins for a known taxon; a file that says otherwise keeps its word here.
    ...(['genus', 'family', 'order_name', 'class_name'] as const).map((rank): [string, string] => [
      rank,
      `SELECT row_number, s.${rank}, 'the reference says ' || m.${rank} FROM staged s JOIN map_species m ON m.given = s.species
       WHERE s.${rank} IS NOT NULL AND m.${rank} IS NOT NULL AND lower(s.${rank}) <> lower(m.${rank})`,
    ]),
    [
      'item_value',
      `SELECT row_number, s.item_value, 'negative value' FROM staged ` +
        `s LEFT JOIN map_money m ON m.given = s.item_value WHERE coalesce(${AS_NUMBER('s.item_value')}, m.amount) < 0`,
    ],
    [
      'currency',
      `SELECT row_number, s.currency, c.rule FROM staged s JOIN map_currency ` +
        `c ON c.given = s.currency LEFT JOIN map_money m ON m.given = ` +
        `s.value WHERE c.code IS NULL AND m.currency IS NULL`,
    ],
    [
      'item_currency',
      `SELECT row_number, s.item_currency, c.rule FROM staged s JOIN ` +
        `map_currency c ON c.given = s.item_currency LEFT JOIN map_money ` +
        `m ON m.given = s.item_value WHERE c.code IS NULL AND m.currency IS NULL`,
    ],
    [
      'latitude',
      `SELECT row_number, latitude, 'not a number' FROM staged WHERE ` +
        `latitude IS NOT NULL AND coalesce(abs(TRY_CAST(latitude AS DOUBLE)) > 90, true)`,
    ],
    [
      'longitude',
      `SELECT row_number, longitude, 'not a number' FROM staged WHERE ` +
        `longitude IS NOT NULL AND coalesce(abs(TRY_CAST(longitude AS ` +
        `DOUBLE)) > 180, true)`,
    ],
    [
      'date',
      `SELECT row_number, s.date, 'date is in the future' FROM staged ` +
        `s JOIN map_date m ON m.given = s.date WHERE m.start_date > current_date`,
    ],
  ];
  for (const field of ['reporting_country', 'seizure_country', 'origin', 'export', 'transit', 'destination', 'offender_nationality']) {
    checks.push([
      field,
      `SELECT row_number, s.${field}, m.rule FROM staged s JOIN map_country ` +
        `m ON m.given = s.${field} WHERE m.codes IS NULL OR starts_with(m.rule, ` +
        `'partly recognised:')`,
    ]);
  }
  for (const [kind, column] of [
    ['transport_mode', 'transport_mode'],
    ['detection_method', 'detection_method'],
    ['purpose', 'purpose'],
  ]) {
    checks.push([
      column,
      `SELECT row_number, s.${column}, m.rule FROM staged s JOIN map_vocabulary ` +
        `m ON m.kind = '${kind}' AND m.given = s.${column} WHERE m.value IS NULL`,
    ]);
  }
  checks.push(
    [
      'nationality',
      `SELECT row_number, nationality, m.rule FROM staged_actors a ` +
        `JOIN map_country m ON m.given = a.nationality WHERE m.codes IS ` +
        `NULL OR starts_with(m.rule, 'partly recognised:')`,
    ],
    [
      'birth_date',
      `SELECT row_number, birth_date, m.rule FROM staged_actors a JOIN map_date m ON m.given = a.birth_date WHERE m.start_date IS NULL`,
    ],
    [
      'sex',
      `SELECT row_number, sex, m.rule FROM staged_actors a JOIN map_vocabulary ` +
        `m ON m.kind = 'sex' AND m.given = a.sex WHERE m.value IS NULL`,
    ],
  );
  // Cells of several values, split or kept whole (from staging; the Ecomessage profile has none).
  await db.run('CREATE TEMP TABLE IF NOT EXISTS split_flags (row_number INTEGER, field VARCHAR, value VARCHAR, flag VARCHAR)');
  const splitFields = await db.all<{ field: string }>('SELECT DISTINCT field FROM split_flags ORDER BY field');
  for (const { field } of splitFields)
    if (/^[a-z_]+$/.test(field)) checks.push([field, `SELECT row_number, value, flag FROM split_flags WHERE field = '${field}'`]);
  // One statement: DuckDB runs the checks side by side. Column names are bound like every value.
  const params: Params = { source: sourceId };
  const union = checks.map(([field, sql], i) => {
    params[`column${i}`] = origin(field);
    return `SELECT row_number, $column${i} AS column_name, value, flag FROM (${sql}) AS f(row_number, value, flag)`;
  });
  await db.run(
    `INSERT INTO flags SELECT DISTINCT $source, row_number, column_name, value, flag FROM (${union.join('\n UNION ALL ')})
     WHERE row_number NOT IN (SELECT row_number FROM rejected_rows)`,
    params,
  );
}
