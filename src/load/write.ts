// From the staging tables to the database tables, set-based: join the value maps, decide which rows
// are rejected (and why), group rows into seizures, then insert seizures, specimens, actors,
// documents, flags and rules. Runs inside the loader's transaction.
import type { Database } from '../db/database.js';
import type { Mapping } from './fields.js';
import type { MalformedRow } from './readers/raw-table.js';
import type { FieldOrigins } from './stage-tabular.js';
import { RULES_SQL } from './value-maps.js';

export interface WriteResult {
  loaded: number; // rows (file rows) loaded
  rejected: number; // rows rejected, malformed ones included
  flagged: number;
  seizures: number;
  specimens: number;
  actors: number;
  documents: number;
}

const AS_NUMBER = (column: string) => `CASE WHEN regexp_full_match(${column}, '-?[0-9]+(\\.[0-9]+)?') THEN ${column}::DOUBLE END`;

export async function writeStaged(
  db: Database,
  sourceId: number,
  options: { grouping: NonNullable<Mapping['group_rows']>; origins: FieldOrigins; malformed: MalformedRow[]; keepRawRecords: (db: Database) => Promise<void>; defaultReportingCountry?: string },
): Promise<WriteResult> {
  // 1. Every staged row with its normalised values beside the values as given.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE evaluated AS
    SELECT e.*, u.code AS unit_code, coalesce(u.known, false) AS unit_known, e.q_amount * u.to_code AS q_in_code,
      e.q_amount * u.kg_per AS q_kg, e.q_amount * u.count_per AS q_count
    FROM (
      SELECT s.*,
        coalesce(${AS_NUMBER('s.quantity')}, mq.amount) AS q_amount,
        coalesce(s.unit, mq.embedded_unit) AS unit_given,
        d.start_date, d.end_date, d.precision AS date_precision, coalesce(t.time_of_day, d.time_of_day) AS time_of_day,
        sp.taxon, sp.taxon_rank, coalesce(sp.genus, s.genus) AS n_genus, coalesce(sp.family, s.family) AS n_family,
        coalesce(sp.order_name, s.order_name) AS n_order, coalesce(sp.class_name, s.class_name) AS n_class, sp.cites_appendix,
        tm.code AS term_code,
        coalesce(${AS_NUMBER('s.value')}, mv.amount) AS value_amount, coalesce(mv.currency, cur.code) AS value_currency,
        coalesce(${AS_NUMBER('s.item_value')}, miv.amount) AS item_amount, coalesce(miv.currency, icur.code) AS item_currency_code,
        TRY_CAST(s.latitude AS DOUBLE) AS lat, TRY_CAST(s.longitude AS DOUBLE) AS lon
      FROM staged s
      LEFT JOIN map_quantity mq ON mq.given = s.quantity
      LEFT JOIN map_date d ON d.given = s.date
      LEFT JOIN map_time t ON t.given = s.time
      LEFT JOIN map_species sp ON sp.given = s.species
      LEFT JOIN map_term tm ON tm.given = s.term
      LEFT JOIN map_money mv ON mv.given = s.value
      LEFT JOIN map_currency cur ON cur.given = s.currency
      LEFT JOIN map_money miv ON miv.given = s.item_value
      LEFT JOIN map_currency icur ON icur.given = s.item_currency
    ) e LEFT JOIN map_unit u ON u.given = coalesce(e.unit_given, '')`);

  // 2. Rejected rows: the first reason found for any item of the row.
  const origin = (field: string) => options.origins[field] ?? field;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE rejected_rows AS
     SELECT row_number, arg_min(column_name, coalesce(item_index, 0)) AS column_name, arg_min(value, coalesce(item_index, 0)) AS value,
            arg_min(reason, coalesce(item_index, 0)) AS reason
     FROM (
       SELECT row_number, item_index,
         CASE WHEN quantity IS NOT NULL AND q_amount IS NULL THEN $quantity
              WHEN q_amount < 0 THEN $quantity
              ELSE $species END AS column_name,
         CASE WHEN quantity IS NOT NULL AND (q_amount IS NULL OR q_amount < 0) THEN quantity END AS value,
         CASE WHEN quantity IS NOT NULL AND q_amount IS NULL THEN 'quantity is not a number'
              WHEN q_amount < 0 THEN 'quantity is negative; quantities must be ≥ 0'
              ELSE 'no specimen described: species, description and quantity are all empty' END AS reason
       FROM evaluated
       WHERE (quantity IS NOT NULL AND q_amount IS NULL) OR q_amount < 0 OR (species IS NULL AND term IS NULL AND quantity IS NULL AND common_name IS NULL)
     ) GROUP BY row_number`,
    { quantity: origin('quantity'), species: origin('species') },
  );
  await options.keepRawRecords(db);
  await db.run(
    `INSERT INTO rejects SELECT $source, r.row_number, r.column_name, r.value, r.reason, t.raw_record
     FROM rejected_rows r LEFT JOIN raw_text t USING (row_number)`,
    { source: sourceId },
  );
  if (options.malformed.length) {
    await db.run(
      `INSERT INTO rejects SELECT $source, m.row, NULL, NULL, m.reason, m.raw FROM (SELECT unnest(from_json($rows, '[{"row":"INTEGER","reason":"VARCHAR","raw":"VARCHAR"}]'), recursive := true)) m`,
      { source: sourceId, rows: JSON.stringify(options.malformed) },
    );
  }
  // The few rejected rows leave `evaluated`; every step below reads only the columns it needs of it.
  await db.run('DELETE FROM evaluated WHERE row_number IN (SELECT row_number FROM rejected_rows)');
  await db.run('CREATE OR REPLACE TEMP VIEW kept AS SELECT * FROM evaluated');

  // 3. Rows → seizures. Same details means the same event reported item by item.
  const key =
    options.grouping === 'none' ? 'row_number::VARCHAR'
    : options.grouping === 'reference' ? "coalesce('ref:' || seizure_ref, 'row:' || row_number)"
    : "md5(concat_ws('|', seizure_ref, date, time, place, city, port, seizure_country, reporting_country, transport_mode, detection_method, origin, export, transit, destination, offender_nationality, agency, concealment))";
  await db.run(`
    CREATE OR REPLACE TEMP TABLE seizure_keys AS
    SELECT row_number, ${key} AS seizure_key FROM kept WHERE coalesce(item_index, 1) = 1`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE first_rows AS
    SELECT seizure_key, first_row, (SELECT coalesce(max(seizure_id), 0) FROM seizures) + row_number() OVER (ORDER BY first_row) AS seizure_id
    FROM (SELECT seizure_key, min(row_number) AS first_row FROM seizure_keys GROUP BY seizure_key)`);
  await db.run('CREATE OR REPLACE TEMP TABLE row_seizure AS SELECT k.row_number, f.seizure_id, k.row_number = f.first_row AS is_first FROM seizure_keys k JOIN first_rows f USING (seizure_key)');
  await db.run('DROP TABLE seizure_keys');

  // Seizure details come from the seizure's first row; only the value is summed over its items.
  await db.run(
    `INSERT INTO seizures
     SELECT rs.seizure_id, $source, k.row_number, k.seizure_ref, k.start_date, k.end_date, k.date_precision, k.date, k.time_of_day,
       coalesce(rc.codes[1], $reporting), coalesce(sc.codes[1], rc.codes[1], $reporting),
       k.place, k.city, k.port, k.lat, k.lon, k.agency, dm.value, k.detection_method, k.reason, tm.value, k.transport_mode, k.concealment,
       pu.value, k.purpose, k.offence, k.modus_operandi, oc.codes, ec.codes[1], tc.codes, dc.codes,
       nullif(concat_ws(' | ', 'origin: ' || k.origin, 'export: ' || k.export, 'transit: ' || k.transit, 'destination: ' || k.destination), ''),
       coalesce(k.value_amount, tot.item_total), CASE WHEN k.value_amount IS NOT NULL THEN k.value_currency ELSE tot.item_currency END,
       k.value, nc.codes, k.sanctions, k.notes, k.extras
     FROM kept k
     JOIN row_seizure rs ON rs.row_number = k.row_number AND rs.is_first AND coalesce(k.item_index, 1) = 1
     LEFT JOIN (
       SELECT r.seizure_id, CASE WHEN min(e.item_currency_code) IS NOT DISTINCT FROM max(e.item_currency_code) THEN sum(e.item_amount) END AS item_total,
              min(e.item_currency_code) AS item_currency
       FROM kept e JOIN row_seizure r USING (row_number) WHERE e.item_amount IS NOT NULL GROUP BY r.seizure_id
     ) tot ON tot.seizure_id = rs.seizure_id
     LEFT JOIN map_country rc ON rc.given = k.reporting_country
     LEFT JOIN map_country sc ON sc.given = k.seizure_country
     LEFT JOIN map_country oc ON oc.given = k.origin
     LEFT JOIN map_country ec ON ec.given = k.export
     LEFT JOIN map_country tc ON tc.given = k.transit
     LEFT JOIN map_country dc ON dc.given = k.destination
     LEFT JOIN map_country nc ON nc.given = k.offender_nationality
     LEFT JOIN map_vocabulary dm ON dm.kind = 'detection_method' AND dm.given = k.detection_method
     LEFT JOIN map_vocabulary tm ON tm.kind = 'transport_mode' AND tm.given = k.transport_mode
     LEFT JOIN map_vocabulary pu ON pu.kind = 'purpose' AND pu.given = k.purpose`,
    { source: sourceId, reporting: options.defaultReportingCountry ?? null },
  );

  await db.run(
    `INSERT INTO specimens
     -- Ids follow the file: unique and increasing, from row and item positions (no sort of every row).
     SELECT (SELECT coalesce(max(specimen_id), 0) FROM specimens) + (k.row_number - b.first_row) * b.items + coalesce(k.item_index, 1),
       rs.seizure_id, $source, k.row_number, k.species, k.taxon, k.taxon_rank, k.n_genus, k.n_family, k.n_order, k.n_class, k.cites_appendix,
       k.common_name, k.term_code, k.term, k.q_in_code, k.unit_code, k.quantity, k.unit_given, k.q_kg, k.q_count,
       k.item_amount, k.item_currency_code, k.item_value, k.cites_source
     FROM kept k JOIN row_seizure rs USING (row_number),
          (SELECT min(row_number) AS first_row, coalesce(max(item_index), 1) AS items FROM kept) b`,
    { source: sourceId },
  );

  // 4. Actors: persons and companies named in the file, and offenders known only by nationality.
  await db.run(
    `INSERT INTO actors
     SELECT (SELECT coalesce(max(actor_id), 0) FROM actors) + row_number() OVER (ORDER BY a.seizure_id, a.row_number, a.name),
       a.seizure_id, $source, a.row_number, a.kind, a.name,
       nullif(array_to_string(list_sort(list_filter(string_split_regex(trim(regexp_replace(lower(strip_accents(a.name)), '[^a-z0-9]+', ' ', 'g')), '\\s+'), x -> x <> '')), ' '), ''),
       a.family_name, a.given_names, a.aliases, a.nationality_cc, a.nationality, a.sex_n, a.birth, a.birth_place, a.id_numbers, a.passport_numbers,
       a.address, a.phones, a.vehicles, a.profession, a.role_n, a.arrest, a.sanction
     FROM (
       SELECT DISTINCT ON (rs.seizure_id, sa.kind, sa.name, sa.role, sa.nationality, sa.passport_numbers, sa.birth_date)
         rs.seizure_id, sa.row_number, sa.kind, sa.name, sa.family_name, sa.given_names,
         ${splitList('sa.aliases')} AS aliases, nat.codes[1] AS nationality_cc, sa.nationality, sex.value AS sex_n,
         CASE WHEN birth.precision = 'day' THEN birth.start_date END AS birth, sa.birth_place,
         ${splitList('sa.id_numbers')} AS id_numbers, ${splitList('sa.passport_numbers')} AS passport_numbers, sa.address,
         ${splitList('sa.phones')} AS phones, ${splitList('sa.vehicles')} AS vehicles, sa.profession,
         coalesce(role.value, sa.role) AS role_n, CASE WHEN arrest.precision = 'day' THEN arrest.start_date END AS arrest, sa.sanction
       FROM staged_actors sa JOIN row_seizure rs ON rs.row_number = sa.row_number
       LEFT JOIN map_country nat ON nat.given = sa.nationality
       LEFT JOIN map_vocabulary sex ON sex.kind = 'sex' AND sex.given = sa.sex
       LEFT JOIN map_vocabulary role ON role.kind = 'role' AND role.given = sa.role
       LEFT JOIN map_date birth ON birth.given = sa.birth_date
       LEFT JOIN map_date arrest ON arrest.given = sa.arrest_date
       UNION ALL
       SELECT DISTINCT s.seizure_id, s.source_row, 'unknown', NULL, NULL, NULL, NULL, unnest(s.offender_nationalities), NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, 'offender', NULL, NULL
       FROM seizures s WHERE s.source_id = $source AND len(s.offender_nationalities) > 0
     ) a`,
    { source: sourceId },
  );

  await db.run(
    `INSERT INTO documents
     SELECT (SELECT coalesce(max(document_id), 0) FROM documents) + row_number() OVER (ORDER BY rs.seizure_id, d.row_number, d.number),
       rs.seizure_id, $source, d.row_number,
       coalesce(dt.value, d.doc_type), d.doc_type, d.number, ic.codes[1],
       CASE WHEN lower(d.fraudulent) IN ('true', 'yes', 'y', '1', 'altered', 'fraudulent', 'forged', 'oui', 'si', 'sí') THEN true
            WHEN lower(d.fraudulent) IN ('false', 'no', 'n', '0', 'non', 'genuine') THEN false END
     FROM staged_documents d JOIN row_seizure rs ON rs.row_number = d.row_number
     LEFT JOIN map_vocabulary dt ON dt.kind = 'doc_type' AND dt.given = d.doc_type
     LEFT JOIN map_country ic ON ic.given = d.issuing_country`,
    { source: sourceId },
  );

  // 5. Values kept as given: one flag per cell that no rule could normalise.
  await insertFlags(db, sourceId, origin);
  await db.run(`INSERT OR IGNORE INTO normalisation_rules SELECT kind, given, normalised, rule FROM (${RULES_SQL}) WHERE given <> ''`);

  const counts = await db.one<WriteResult>(
    `SELECT (SELECT count(DISTINCT row_number) FROM kept)::INTEGER AS loaded,
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

/** "a; b | c" → ['a', 'b', 'c'] (NULL when empty). */
function splitList(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE list_filter(string_split_regex(${column}, '\\s*[;|]\\s*'), x -> x <> '') END`;
}

async function insertFlags(db: Database, sourceId: number, origin: (field: string) => string): Promise<void> {
  const checks: Array<[field: string, sql: string]> = [
    ['date', `SELECT row_number, date AS value, (SELECT rule FROM map_date WHERE given = k.date) AS flag FROM kept k WHERE date IS NOT NULL AND start_date IS NULL`],
    ['time', `SELECT row_number, time, (SELECT rule FROM map_time WHERE given = k.time) FROM kept k WHERE time IS NOT NULL AND time_of_day IS NULL`],
    ['species', `SELECT row_number, species, (SELECT rule FROM map_species WHERE given = k.species) FROM kept k WHERE species IS NOT NULL AND taxon IS NULL`],
    ['term', `SELECT row_number, term, 'unknown term' FROM kept k WHERE term IS NOT NULL AND term_code IS NULL`],
    ['unit', `SELECT row_number, unit_given, 'unknown unit' FROM kept k WHERE unit_given IS NOT NULL AND NOT unit_known`],
    ['value', `SELECT row_number, value, (SELECT rule FROM map_money WHERE given = k.value) FROM kept k WHERE value IS NOT NULL AND value_amount IS NULL`],
    ['item_value', `SELECT row_number, item_value, (SELECT rule FROM map_money WHERE given = k.item_value) FROM kept k WHERE item_value IS NOT NULL AND item_amount IS NULL`],
    ['item_value', `SELECT row_number, item_value, 'negative value' FROM kept k WHERE item_amount < 0`],
    ['currency', `SELECT row_number, currency, (SELECT rule FROM map_currency WHERE given = k.currency) FROM kept k WHERE currency IS NOT NULL AND value_currency IS NULL`],
    ['item_currency', `SELECT row_number, item_currency, (SELECT rule FROM map_currency WHERE given = k.item_currency) FROM kept k WHERE item_currency IS NOT NULL AND item_currency_code IS NULL`],
    ['latitude', `SELECT row_number, latitude, 'not a number' FROM kept k WHERE latitude IS NOT NULL AND (lat IS NULL OR abs(lat) > 90)`],
    ['longitude', `SELECT row_number, longitude, 'not a number' FROM kept k WHERE longitude IS NOT NULL AND (lon IS NULL OR abs(lon) > 180)`],
    ['date', `SELECT row_number, date, 'date is in the future' FROM kept k WHERE start_date > current_date`],
  ];
  for (const field of ['reporting_country', 'seizure_country', 'origin', 'export', 'transit', 'destination', 'offender_nationality']) {
    checks.push([field, `SELECT row_number, ${field}, m.rule FROM kept k JOIN map_country m ON m.given = k.${field} WHERE m.codes IS NULL`]);
  }
  for (const [kind, column] of [['transport_mode', 'transport_mode'], ['detection_method', 'detection_method'], ['purpose', 'purpose']]) {
    checks.push([column, `SELECT row_number, ${column}, m.rule FROM kept k JOIN map_vocabulary m ON m.kind = '${kind}' AND m.given = k.${column} WHERE m.value IS NULL`]);
  }
  for (const [field, sql] of checks) {
    await db.run(`INSERT INTO flags SELECT DISTINCT $source, row_number, $column, value, flag FROM (${sql}) AS f(row_number, value, flag)`, { source: sourceId, column: origin(field) });
  }
  const actorChecks: Array<[field: string, sql: string]> = [
    ['nationality', `SELECT row_number, nationality, m.rule FROM staged_actors a JOIN map_country m ON m.given = a.nationality WHERE m.codes IS NULL`],
    ['birth_date', `SELECT row_number, birth_date, m.rule FROM staged_actors a JOIN map_date m ON m.given = a.birth_date WHERE m.start_date IS NULL`],
    ['sex', `SELECT row_number, sex, m.rule FROM staged_actors a JOIN map_vocabulary m ON m.kind = 'sex' AND m.given = a.sex WHERE m.value IS NULL`],
  ];
  for (const [field, sql] of actorChecks) {
    await db.run(
      `INSERT INTO flags SELECT DISTINCT $source, row_number, $column, value, flag FROM (${sql}) AS f(row_number, value, flag) WHERE row_number IN (SELECT row_number FROM kept)`,
      { source: sourceId, column: origin(field) },
    );
  }
}
