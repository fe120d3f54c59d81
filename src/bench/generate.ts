// AITR-shaped benchmark data of any size, generated inside DuckDB from hashes of the row number:
// deterministic, fast at 100M rows, with realistic numbers of distinct values per column.
import type { Database } from '../db/database.js';

const list = (values: string[]) => `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
const pick = (values: string[], seed: string) => `${list(values)}[(hash(${seed}) % ${values.length})::INTEGER + 1]`;

const COUNTRIES = [
  'Viet Nam',
  'China',
  'Hong Kong SAR',
  'Kenya',
  'Nigeria',
  'Cameroon',
  'Malaysia',
  'Thailand',
  'Singapore',
  'South Africa',
  'Mozambique',
  'United Arab Emirates',
  'Ethiopia',
  'Lao PDR',
  'Indonesia',
  'India',
  'Uganda',
  'Congo, Dem. Rep.',
  'Türkiye',
  'Madagascar',
];
const SPECIES = [
  'Manis spp.',
  'Phataginus tricuspis',
  'Smutsia gigantea',
  'Loxodonta africana',
  'Ceratotherium simum',
  'Diceros bicornis',
  'Panthera tigris',
  'Geochelone elegans',
  'Astrochelys radiata',
  'Cuora amboinensis',
  'Dalbergia cochinchinensis',
  'Pterocarpus erinaceus',
  'Sphyrna lewini',
  'Totoaba macdonaldi',
  'Psittacus erithacus',
  'Copsychus malabaricus',
];
const TERMS = ['scales', 'tusks', 'ivory carvings', 'horns', 'live', 'skins', 'bones', 'timber', 'fins', 'swim bladders', 'meat'];
const UNITS = ['kg', 'kg', 'kg', 'pcs', '', 'g', 'KGM'];
const MODES = ['air cargo', 'sea container', 'air passenger luggage', 'road', 'postal'];
const DETECTION = ['x-ray', 'sniffer dog', 'intelligence', 'risk profiling', 'document check', 'physical inspection'];
const CURRENCIES = ['USD', 'USD', 'EUR', 'CNY', 'VND', 'KES', 'THB'];

/** Writes `rows` specimen rows (about 1.6 per seizure) to a CSV and a Parquet file. */
export async function generateBenchData(db: Database, rows: number, csvPath: string, parquetPath: string): Promise<void> {
  const seizure = '(i // 8 * 5 + (i % 8) // 2)'; // runs of 1–2 items share a seizure
  const select = `
    SELECT 'B-' || ${seizure} AS "Reference",
      ${pick(COUNTRIES, `${seizure} * 7`)} AS "Reporting country",
      strftime(DATE '2014-01-01' + (hash(${seizure} * 11) % 4018)::INTEGER, '%d/%m/%Y') AS "Date of seizure",
      CASE WHEN hash(${seizure} * 13) % 3 = 0 THEN lpad(((hash(${seizure}) % 24))::VARCHAR, 2, '0') || ':' ||
        lpad(((hash(${seizure} * 17) % 60))::VARCHAR, 2, '0') END AS "Time",
      ${pick(SPECIES, 'i * 19')} AS "Species",
      ${pick(TERMS, 'i * 23')} AS "Description of specimens",
      round(1 + (hash(i * 29) % 500000) / 100.0, 2)::VARCHAR AS "Quantity",
      ${pick(UNITS, 'i * 31')} AS "Unit",
      'Port ' || (hash(${seizure} * 37) % 400) AS "Location of seizure",
      ${pick(DETECTION, `${seizure} * 41`)} AS "Detection method",
      ${pick(MODES, `${seizure} * 43`)} AS "Mode of transport",
      ${pick(COUNTRIES, `${seizure} * 47`)} AS "Country of origin",
      CASE WHEN hash(${seizure} * 53) % 2 = 0 THEN ${pick(COUNTRIES, `${seizure} * 59`)} END AS "Country of transit",
      ${pick(COUNTRIES, `${seizure} * 61`)} AS "Country of destination",
      (hash(i * 67) % 2000000)::VARCHAR AS "Estimated value",
      ${pick(CURRENCIES, `${seizure} * 71`)} AS "Currency",
      CASE WHEN hash(${seizure} * 73) % 2 = 0 THEN ${pick(COUNTRIES, `${seizure} * 79`)} END AS "Nationality of offenders",
      NULL::VARCHAR AS "Notes"
    FROM range(${Math.floor(rows)}) t(i)`;
  await db.run(`COPY (${select}) TO '${csvPath.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  await db.run(
    `COPY (SELECT * FROM read_csv('${csvPath.replace(/'/g, "''")}', ` +
      `all_varchar = true)) TO '${parquetPath.replace(/'/g, "''")}' ` +
      `(FORMAT parquet)`,
  );
}
