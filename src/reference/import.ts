// `wen reference import`: the CITES Checklist's "Index of CITES Species" CSV export and Species+
// common-name files into the database's reference tables, and the taxa the loader reads from them.
// DuckDB reads, splits and resolves the 38k rows in a few set-based statements (listings inherited
// down the hierarchy, synonyms cut from their authors, names split per language); JavaScript only
// detects the format from the header and moves whole tables. The tables are described in schema.ts.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { InputError } from '../errors.js';
import { useTaxonRows, type TaxonRow } from '../normalise/species.js';
import { fold } from '../normalise/text.js';
import { readReferenceCsv } from './read-reference.js';

/** The columns of the Index export wen reads (the export has 33; the others are left in the file). */
const INDEX_COLUMNS = [
  'TaxonId',
  'Kingdom',
  'Phylum',
  'Class',
  'Order',
  'Family',
  'Genus',
  'Species',
  'Subspecies',
  'FullName',
  'AuthorYear',
  'RankName',
  'CurrentListing',
  'SynonymsWithAuthors',
  'EnglishNames',
  'SpanishNames',
  'FrenchNames',
] as const;
/** The columns of a Species+ common-names file (chinese_common_names.csv, new_common_names_20220824.csv…). */
const COMMON_NAME_COLUMNS = ['ComName', 'LangShort', 'RecId'] as const;

type ReferenceFormat = 'cites-index' | 'speciesplus-common-names';

export interface ImportOptions {
  /** Keep the bundled taxa the Checklist does not name (extra common names, newer synonyms) beside it. */
  extend?: boolean;
}

export interface ImportedFile {
  file: string;
  format: ReferenceFormat;
  dated: string | null;
  dated_from: string;
  rows_in_file: number;
  rows_imported: number;
  rows_not_imported: number;
  note: string;
}

/** What `wen info` says of the taxa: the bundled list, or the imported files with their dates. */
export interface ReferenceInUse {
  taxa: 'bundled' | 'imported';
  mode: 'replace' | 'extend' | null;
  name: string;
  files: Array<{ file_name: string; format: string; dated: string | null; dated_from: string; rows_imported: number; imported_at: string }>;
  counts: { taxa: number; synonyms: number; common_names: number };
}

/** Words of an author that are not epithets, and markers such as "auct." that may end a synonym's name. */
const NOT_EPITHETS = [
  'de',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'di',
  'del',
  'della',
  'den',
  'der',
  'von',
  'van',
  'la',
  'le',
  'ex',
  'in',
  'et',
  'y',
  'auct',
  'sensu',
  'non',
  'nec',
  'emend',
  'hort',
];

/**
 * Imports `files` in one transaction. An Index replaces the whole imported reference (taxa, synonyms
 * and every common name); Species+ name files alone are added to the Index already imported (a file
 * of the same name imported again replaces its names). The Index is read first whatever the order given.
 */
export async function importReference(db: Database, files: string[], options: ImportOptions = {}): Promise<ImportedFile[]> {
  const detected = [];
  for (const file of files) detected.push({ file, format: await detectFormat(db, file) });
  const indexes = detected.filter((d) => d.format === 'cites-index');
  if (indexes.length > 1)
    throw new InputError(
      `${indexes[1].file}: only one Index of CITES Species can be imported at a time (${indexes[0].file} is the other)`,
      { hint: 'import one Index, with any Species+ common-name files beside it' },
    );
  const ordered = [...indexes, ...detected.filter((d) => d.format !== 'cites-index')];
  return db.transaction(
    async () => {
      const done: ImportedFile[] = [];
      for (const { file, format } of ordered)
        done.push(format === 'cites-index' ? await importIndex(db, file, options) : await importCommonNames(db, file));
      return done;
      // A whole Index is more rows than a row group: its COMMIT checkpoints (Database.checkpointingCommits).
    },
    { checkpoint: true },
  );
}

/** Which of the two formats a file is, from its header; anything else is refused naming the columns expected. */
async function detectFormat(db: Database, file: string): Promise<ReferenceFormat> {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new InputError(`${file}: no such file`, {
      hint: 'give the path of an Index of CITES Species CSV export (.csv or .csv.gz) or a Species+ common-names CSV',
    });
  }
  let columns: string[] = [];
  try {
    columns = (
      await db.table(`SELECT * FROM read_csv($path, all_varchar = true, header = true, sample_size = 2048) LIMIT 0`, { path: file })
    ).columns.map(cleanHeading);
  } catch {
    // Not readable as CSV at all (binary, empty): refused below with the columns expected.
  }
  const has = (wanted: readonly string[]) => wanted.every((c) => columns.includes(c));
  if (has(INDEX_COLUMNS)) return 'cites-index';
  if (has(COMMON_NAME_COLUMNS)) return 'speciesplus-common-names';
  const missing = INDEX_COLUMNS.filter((c) => !columns.includes(c));
  throw new InputError(
    `${file}: not an Index of CITES Species export (columns ${INDEX_COLUMNS.slice(0, 4).join(', ')} ` +
      `… ${INDEX_COLUMNS.slice(-4).join(', ')}; missing ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}) ` +
      `nor a Species+ common-names file (columns ${COMMON_NAME_COLUMNS.join(', ')})`,
    { hint: 'download the Index from checklist.cites.org (Index of CITES Species, CSV) and give that file unchanged' },
  );
}

/** A heading as read, without a byte-order mark or surrounding spaces. */
function cleanHeading(heading: string): string {
  return heading.replace(/^\ufeff/, '').trim();
}

/** The date a reference file stands for: the download date its name carries ("…2017-04-21 17-27.csv.gz"), else its modification time. */
export function referenceDate(file: string): { dated: string; dated_from: string } {
  const named = /(\d{4})-(\d{2})-(\d{2})/.exec(basename(file));
  if (named && Number(named[2]) >= 1 && Number(named[2]) <= 12 && Number(named[3]) >= 1 && Number(named[3]) <= 31)
    return { dated: named[0], dated_from: 'file name' };
  return { dated: statSync(file).mtime.toISOString().slice(0, 10), dated_from: 'file modified time' };
}

/** read_csv of a reference file into temp table `table`, every column as text, headings as given (a BOM dropped). */
async function readInto(db: Database, table: 'ref_raw', file: string): Promise<string[]> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv($path, all_varchar = true, header = true)`, { path: file });
  const { columns } = await db.table(`SELECT * FROM ${table} LIMIT 0`);
  for (const column of columns) {
    const clean = cleanHeading(column);
    // Renamed only from the fixed column lists above (checked by detectFormat), never from free input.
    if (clean !== column && (INDEX_COLUMNS as readonly string[]).concat(COMMON_NAME_COLUMNS).includes(clean))
      await db.run(`ALTER TABLE ${table} RENAME COLUMN "${column.replace(/"/g, '""')}" TO ${clean}`);
  }
  return columns.map(cleanHeading);
}

async function recordFile(
  db: Database,
  file: string,
  format: ReferenceFormat,
  counts: { rows_in_file: number; rows_imported: number },
  mode: string | null,
): Promise<ImportedFile> {
  const { dated, dated_from } = referenceDate(file);
  await db.run('DELETE FROM reference_sources WHERE file_name = $name', { name: basename(file) });
  await db.run(
    `INSERT INTO reference_sources (file_name, path, format, dated, dated_from, size_bytes, rows_in_file, rows_imported, mode, imported_at)
     VALUES ($name, $path, $format, $dated::DATE, $from, $size, $rows, $imported, $mode, now()::TIMESTAMP)`,
    {
      name: basename(file),
      path: resolve(file),
      format,
      dated,
      from: dated_from,
      size: statSync(file).size,
      rows: counts.rows_in_file,
      imported: counts.rows_imported,
      mode,
    },
  );
  return { file, format, dated, dated_from, ...counts, rows_not_imported: counts.rows_in_file - counts.rows_imported, note: '' };
}

async function importIndex(db: Database, file: string, options: ImportOptions): Promise<ImportedFile> {
  await readInto(db, 'ref_raw', file);
  for (const table of ['reference_taxa', 'reference_synonyms', 'reference_common_names', 'reference_sources'])
    await db.run(`DELETE FROM ${table}`);
  // Each taxon with the listing it has, or (none given) the listing of its nearest listed higher
  // taxon: species of a subspecies, genus, family, order. "NC" is kept: the Index writes it for the
  // exceptions of a higher listing (Melopsittacus undulatus in Psittaciformes), which are not listed.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE ref_index AS
    SELECT TRY_CAST(TaxonId AS INTEGER) AS taxon_id, trim(FullName) AS name, lower(trim(RankName)) AS rank,
      nullif(trim(Kingdom), '') AS kingdom, nullif(trim(Phylum), '') AS phylum, nullif(trim(Class), '') AS class_name,
      nullif(trim("Order"), '') AS order_name, nullif(trim(Family), '') AS family, nullif(trim(Genus), '') AS genus,
      nullif(trim(Genus || ' ' || Species), '') AS species_name, nullif(trim(AuthorYear), '') AS author,
      nullif(trim(CurrentListing), '') AS listing, SynonymsWithAuthors AS synonyms, EnglishNames, SpanishNames, FrenchNames
    FROM ref_raw WHERE nullif(trim(FullName), '') IS NOT NULL`);
  await db.run(`
    INSERT INTO reference_taxa
    SELECT t.taxon_id, t.name, t.rank, t.kingdom, t.phylum, t.class_name, t.order_name, t.family, t.genus, t.author, t.listing,
      CASE WHEN t.listing IS NOT NULL THEN nullif(t.listing, 'NC') ELSE
        coalesce(nullif(s.listing, 'NC'), nullif(g.listing, 'NC'), nullif(f.listing, 'NC'), nullif(o.listing, 'NC')) END,
      CASE WHEN t.listing IS NOT NULL THEN CASE WHEN t.listing <> 'NC' THEN t.name END
           ELSE CASE WHEN nullif(s.listing, 'NC') IS NOT NULL THEN s.name WHEN nullif(g.listing, 'NC') IS NOT NULL THEN g.name
                     WHEN nullif(f.listing, 'NC') IS NOT NULL THEN f.name WHEN nullif(o.listing, 'NC') IS NOT NULL THEN o.name END END
    FROM ref_index t
    -- Equality joins only (hash joins): the rank conditions choose the key, NULL when it does not apply.
    LEFT JOIN (FROM ref_index WHERE rank = 'species') s ON s.name = CASE WHEN t.rank IN ('subspecies', 'variety') THEN t.species_name END
    LEFT JOIN (FROM ref_index WHERE rank = 'genus') g ON g.name = CASE WHEN t.rank IN ('species', 'subspecies', 'variety') THEN t.genus END
    LEFT JOIN (FROM ref_index WHERE rank = 'family') f ON f.name = CASE WHEN t.rank IN ('species', 'subspecies', 'variety', 'genus') THEN
      t.family END
    LEFT JOIN (FROM ref_index WHERE rank = 'order') o ON o.name = CASE WHEN t.rank <> 'order' THEN t.order_name END`);
  // Higher taxa the Index names only in its columns (most families, orders and classes): their
  // place in the hierarchy, so that "Testudinidae spp." gets its order and class. They are not
  // listed as a whole, so they get no appendix.
  await db.run(`
    INSERT INTO reference_taxa (name, rank, kingdom, phylum, class_name, order_name, family, genus)
    SELECT name, rank, any_value(kingdom), any_value(phylum), any_value(class_name), any_value(order_name), any_value(family),
      any_value(genus) FROM (
      SELECT genus AS name, 'genus' AS rank, kingdom, phylum, class_name, order_name, family, genus FROM ref_index WHERE genus IS NOT NULL
      UNION ALL SELECT family, 'family', kingdom, phylum, class_name, order_name, family, NULL FROM ref_index WHERE family IS NOT NULL
      UNION ALL SELECT order_name, 'order', kingdom, phylum, class_name, order_name, NULL, NULL FROM ref_index WHERE order_name IS NOT NULL
      UNION ALL SELECT class_name, 'class', kingdom, phylum, class_name, NULL, NULL, NULL FROM ref_index WHERE class_name IS NOT NULL
    ) WHERE name NOT IN (SELECT name FROM ref_index) GROUP BY name, rank`);
  // Synonyms: "Geochelone carbonaria (Spix, 1824), Testudo hercules truncata Gray, 1830" → each name
  // without its author (a name starts after ", " with a capitalised genus and a lower-case epithet;
  // author particles such as "de" or "van" and "auct." are cut off the end). A name that is also an
  // accepted name, or that the Index gives to two taxa, is left out: it cannot say which taxon.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE ref_synonym_names AS
    SELECT DISTINCT taxon_id, accepted, regexp_replace(synonym, '( (${NOT_EPITHETS.join('|')}))+$', '') AS name FROM (
      SELECT taxon_id, name AS accepted,
        unnest(regexp_extract_all(synonyms, '(?:^|, )([A-Z][a-z]+(?: (?:(?:var|subsp|ssp|f)\\. )?[a-z][a-z-]+){1,3})', 1)) AS synonym
      FROM ref_index WHERE taxon_id IS NOT NULL AND synonyms IS NOT NULL)`);
  await db.run(`
    INSERT INTO reference_synonyms
    SELECT name, any_value(accepted), any_value(taxon_id) FROM ref_synonym_names
    WHERE name LIKE '% %' AND name NOT IN (SELECT name FROM reference_taxa)
    GROUP BY name HAVING count(DISTINCT taxon_id) = 1`);
  // English, Spanish and French names, comma-separated in the Index.
  await db.run(
    `
    INSERT INTO reference_common_names
    SELECT DISTINCT taxon_id, name, language, $file FROM (
      SELECT taxon_id, trim(unnest(string_split(names, ','))) AS name, language FROM (
        SELECT taxon_id, EnglishNames AS names, 'eng' AS language FROM ref_index
        UNION ALL SELECT taxon_id, SpanishNames, 'spa' FROM ref_index
        UNION ALL SELECT taxon_id, FrenchNames, 'fra' FROM ref_index) WHERE names IS NOT NULL AND taxon_id IS NOT NULL)
    WHERE name <> ''`,
    { file: basename(file) },
  );
  const rows = (await db.one<{ file: number; taxa: number }>(
    'SELECT (SELECT count(*) FROM ref_raw)::INTEGER AS file, (SELECT count(*) FROM ref_index)::INTEGER AS taxa',
  ))!;
  const recorded = await recordFile(
    db,
    file,
    'cites-index',
    { rows_in_file: rows.file, rows_imported: rows.taxa },
    options.extend ? 'extend' : 'replace',
  );
  const counts = await referenceCounts(db);
  recorded.note =
    `${counts.taxa} taxa (${rows.taxa} from the Index, the others ` +
    `higher taxa it names), ${counts.synonyms} synonyms, ${counts.common_names} common names`;
  await dropTemp(db);
  return recorded;
}

async function importCommonNames(db: Database, file: string): Promise<ImportedFile> {
  const index = await db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM reference_sources WHERE format = 'cites-index'");
  if (!index?.n) {
    throw new InputError(
      `${file}: a Species+ common-names file needs an Index of CITES ` +
        `Species to join to (its RecId is the Index's TaxonId), and none is imported`,
      {
        hint: 'import both at once: wen reference import INDEX.csv.gz NAMES.csv',
      },
    );
  }
  await readInto(db, 'ref_raw', file);
  await db.run('DELETE FROM reference_common_names WHERE file_name = $file', { file: basename(file) });
  // A name joins its taxon by RecId = TaxonId; names of ids the Index does not have are counted, not kept.
  await db.run(
    `
    INSERT INTO reference_common_names
    SELECT DISTINCT t.taxon_id, trim(r.ComName), lower(trim(r.LangShort)), $file
    FROM ref_raw r JOIN reference_taxa t ON t.taxon_id = TRY_CAST(r.RecId AS INTEGER)
    WHERE nullif(trim(r.ComName), '') IS NOT NULL`,
    { file: basename(file) },
  );
  const rows = (await db.one<{ file: number; joined: number }>(
    `SELECT count(*)::INTEGER AS file, count(*) FILTER (nullif(trim(ComName), ` +
      `'') IS NOT NULL AND TRY_CAST(RecId AS INTEGER) IN (SELECT taxon_id ` +
      `FROM reference_taxa))::INTEGER AS joined FROM ref_raw`,
  ))!;
  const recorded = await recordFile(db, file, 'speciesplus-common-names', { rows_in_file: rows.file, rows_imported: rows.joined }, null);
  recorded.note = `${rows.joined} of ${rows.file} names join a taxon of the Index (RecId = TaxonId)`;
  await dropTemp(db);
  return recorded;
}

async function dropTemp(db: Database): Promise<void> {
  for (const table of ['ref_raw', 'ref_index', 'ref_synonym_names']) await db.run(`DROP TABLE IF EXISTS ${table}`);
}

async function referenceCounts(db: Database): Promise<ReferenceInUse['counts']> {
  return (await db.one<ReferenceInUse['counts']>(
    `SELECT (SELECT count(*) FROM reference_taxa)::INTEGER AS taxa, (SELECT count(*) FROM reference_synonyms)::INTEGER AS synonyms,
            (SELECT count(*) FROM reference_common_names)::INTEGER AS common_names`,
  ))!;
}

/** The reference the loader uses for taxa in this database; "bundled" when nothing is imported (or the tables are not there yet). */
export async function referenceInUse(db: Database): Promise<ReferenceInUse> {
  const present = await db.one<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'reference_sources'",
  );
  const files = present?.n
    ? await db.all<ReferenceInUse['files'][number] & { mode: string | null }>(
        `SELECT file_name, format, dated::VARCHAR AS dated, dated_from,
          rows_imported, strftime(imported_at, '%Y-%m-%d %H:%M:%S') AS imported_at, mode
         FROM reference_sources ORDER BY format, file_name`,
      )
    : [];
  const index = files.find((f) => f.format === 'cites-index');
  if (!index) return { taxa: 'bundled', mode: null, name: 'bundled', files: [], counts: { taxa: 0, synonyms: 0, common_names: 0 } };
  const mode = index.mode === 'extend' ? 'extend' : 'replace';
  return {
    taxa: 'imported',
    mode,
    name: `CITES Checklist ${index.dated ?? ''} (${index.file_name})${mode === 'extend' ? ' + bundled' : ''}`.replace('  ', ' '),
    files: files.map(({ mode: _mode, ...f }) => f),
    counts: await referenceCounts(db),
  };
}

/**
 * The imported reference as TaxonRows, read in one query: each taxon with its common names, then
 * the synonyms, which come
 * first so that an accepted name always wins a clash of spellings. With --extend, the bundled rows
 * whose name the Checklist does not have follow (the bundled common names win a clash: they are
 * the ones written for seizure files).
 */
async function importedTaxonRows(db: Database): Promise<{ rows: TaxonRow[]; name: string } | null> {
  const use = await referenceInUse(db);
  if (use.taxa === 'bundled') return null;
  const synthesised = new Set(
    (await db.all<{ name: string }>('SELECT name FROM reference_taxa WHERE taxon_id IS NULL')).map((r) => r.name),
  );
  // One JSON text for the 70k rows: parsed at once, much faster than row objects column by column.
  const json = await db.one<{ rows: string | null }>(`
    WITH given AS (
      SELECT c.name, lower(c.name) AS key, c.language, t.name AS taxon, t.genus, t.family, t.order_name, t.class_name
      FROM reference_common_names c JOIN reference_taxa t USING (taxon_id)),
    -- Seizure files name animals in the plural ("Nile Crocodiles", "Radiated Tortoises"): each English
    -- name also in its plural (a name ending in "s" is taken as plural already), unless that spelling is a name the files give.
    plurals AS (
      SELECT * REPLACE (lower(name) AS key) FROM (
        SELECT * REPLACE (CASE WHEN regexp_matches(name, '[^aeiouAEIOU]y$') THEN name[:-2] || 'ies' WHEN regexp_matches(name,
          '(x|z|ch|sh)$') THEN name || 'es'
                               WHEN regexp_matches(name, '[a-rt-z]$') THEN name || 's' END AS name)
        FROM given WHERE language = 'eng')
      WHERE name IS NOT NULL AND lower(name) NOT IN (SELECT key FROM given)),
    names AS (SELECT * FROM given UNION ALL SELECT * FROM plurals),
    -- A name given to several taxa names the smallest group holding them all ("Falcons": Falconidae
    -- and Falconiformes → Falconiformes, "Asian Leaf Turtle": two Cyclemys → Cyclemys), up to a
    -- class, and is left out when they are in different classes.
    resolved AS (
      SELECT any_value(name) AS name, CASE
        WHEN count(DISTINCT taxon) = 1 THEN any_value(taxon)
        WHEN count(genus) = count(*) AND count(DISTINCT genus) = 1 THEN any_value(genus)
        WHEN count(family) = count(*) AND count(DISTINCT family) = 1 THEN any_value(family)
        WHEN count(order_name) = count(*) AND count(DISTINCT order_name) = 1 THEN any_value(order_name)
        WHEN count(class_name) = count(*) AND count(DISTINCT class_name) = 1 THEN any_value(class_name) END AS taxon
      FROM (SELECT DISTINCT replace(name, ';', ',') AS name, key, taxon, genus, family, order_name, class_name FROM names) GROUP BY key),
    per_taxon AS (SELECT taxon AS name, string_agg(DISTINCT name,
      ';' ORDER BY name) AS common_names FROM resolved WHERE taxon IS NOT NULL GROUP BY taxon)
    SELECT to_json(list(struct_pack(name := name, rank := rank, genus := genus, family := family, "order" := "order", class := class,
      appendix := appendix, accepted := accepted, common_names := common_names) ORDER BY part, name))::VARCHAR AS rows FROM (
      SELECT 0 AS part, s.name, CASE WHEN s.name LIKE '% % %' THEN 'subspecies' ELSE 'species' END AS rank, '' AS genus, '' AS family,
        '' AS "order", '' AS class,
             '' AS appendix, s.accepted, '' AS common_names
      FROM reference_synonyms s
      UNION ALL
      SELECT 1, t.name, t.rank, coalesce(t.genus, ''), coalesce(t.family, ''), coalesce(t.order_name, ''), coalesce(t.class_name, ''),
        coalesce(t.appendix, ''), '',
             coalesce(p.common_names, '')
      FROM reference_taxa t LEFT JOIN per_taxon p USING (name)
    )`);
  const rows = JSON.parse(json?.rows ?? '[]') as TaxonRow[];
  if (use.mode === 'extend') {
    // The higher taxa wen added from the Index's columns (no row of their own, no appendix) give way
    // to a bundled row of the same name ("Manidae": Appendix I in the bundled list).
    const own = new Set(rows.filter((r) => r.accepted || !synthesised.has(r.name)).map((r) => fold(r.name)));
    const bundled = (readReferenceCsv('taxa.csv') as unknown as TaxonRow[]).filter((r) => !own.has(fold(r.name)));
    const replaced = new Set(bundled.map((r) => fold(r.name)));
    return { rows: [...rows.filter((r) => !replaced.has(fold(r.name))), ...bundled], name: use.name };
  }
  return { rows, name: use.name };
}

/** Runs `work` (the value maps of a load) with the imported taxa in use, then goes back to the bundled ones. */
export async function withImportedTaxa<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const imported = await importedTaxonRows(db);
  if (!imported) return work();
  useTaxonRows(imported.rows, imported.name);
  try {
    return await work();
  } finally {
    useTaxonRows(null);
  }
}
