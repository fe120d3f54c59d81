// wen share: a copy of a database for partners without nominal data (as TWIX shares). A new file is
// made with wen's schema and filled from the original, attached read-only, table by table in DuckDB;
// names and numbers become keyed pseudonyms (the same ones --redact prints, so a partner can join the
// copy with redacted outputs), free text that can hold names is blanked, and the key stays home.
// Writing a new file rather than editing a copy matters: an UPDATE leaves old strings in free blocks.
// Pseudonyms are made once per distinct value in TypeScript (HMAC is not in DuckDB) and go back as
// one bound JSON parameter, as src/load/value-maps.ts does.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pseudonym, redactionKey } from '../analysis/pseudonyms.js';
import { Database, type OpenOptions } from '../db/database.js';
import { TABLES } from '../db/schema.js';
import { InputError } from '../errors.js';
import { makeOutputFolder } from '../output/out-dir.js';

const SHARED_FILE = 'shared.duckdb';

/** Who the sender watches is their own intelligence: watch lists and their hits stay behind (empty tables in the copy). */
const NOT_SHARED = new Set<string>(['watchlist', 'watch_hits']);

/** How a number is compared: the macros of src/identity/keys.ts, as every reader of numbers compares them. */
const PHONE_KEY = (x: string) => `phone_key(${x})`;
const NUMBER_KEY = (x: string) => `number_key(${x})`;
// A person or company is pseudonymised by its identity (the same pseudonym --redact prints in every
// analysis); a record without an identity (no name) by its name as given. A payment party whose name
// belongs to one identity is that identity (view name_identities), else it is keyed by its name.
const NAME_KEY = (table: string) =>
  `coalesce((SELECT i.identity_id::VARCHAR FROM src.identities ` +
  `i WHERE i.actor_id = ${table}.actor_id), ${table}.name_normalised, ` +
  `lower(trim(${table}.name_as_given)))`;
const ACTOR_KIND = "coalesce(a.kind, 'unknown')";
const PARTY_KEY = (normalised: string, given: string) =>
  `coalesce((SELECT n.identity_id::VARCHAR FROM src.name_identities ` +
  `n WHERE n.name_key = ${normalised}), ${normalised}, lower(trim(${given})))`;
const PARTY_KIND = (normalised: string) =>
  `coalesce((SELECT n.kind FROM src.name_identities n WHERE n.name_key = ${normalised}), 'person')`;

/** Every distinct value to pseudonymise, as (kind, key): the kind picks the pseudonym's letter. */
const DISTINCT_VALUES = `
SELECT DISTINCT kind, given FROM (
  SELECT ${ACTOR_KIND} AS kind, ${NAME_KEY('a')} AS given FROM src.actors a
  UNION ALL SELECT 'passport', number_key(x) FROM src.actors a, unnest(a.passport_numbers) t(x)
  UNION ALL SELECT 'id', number_key(x) FROM src.actors a, unnest(a.id_numbers) t(x)
  UNION ALL SELECT 'phone', phone_key(x) FROM src.actors a, unnest(a.phones) t(x)
  UNION ALL SELECT 'vehicle', number_key(x) FROM src.actors a, unnest(a.vehicles) t(x)
  UNION ALL SELECT 'document', number_key(number) FROM src.documents
  UNION ALL SELECT ${PARTY_KIND('p.payer_normalised')}, ${PARTY_KEY('p.payer_normalised', 'p.payer')} FROM src.payments p
  UNION ALL SELECT ${PARTY_KIND('p.payee_normalised')}, ${PARTY_KEY('p.payee_normalised', 'p.payee')} FROM src.payments p
  UNION ALL SELECT 'account', number_key(payer_account) FROM src.payments
  UNION ALL SELECT 'account', number_key(payee_account) FROM src.payments
) WHERE given IS NOT NULL AND given <> ''`;

const LOOKUP = (kind: string, key: string) => `pm.m[${kind} || ':' || ${key}]`;
const PARTY = (side: 'payer' | 'payee') => LOOKUP(PARTY_KIND(`p.${side}_normalised`), PARTY_KEY(`p.${side}_normalised`, `p.${side}`));
const LIST = (kind: string, column: string, key: (x: string) => string) =>
  `list_transform(a.${column}, x -> ${LOOKUP(`'${kind}'`, key('x'))})`;

/** What changes in each table: column → expression over the attached original (alias = the table's letter). */
const CHANGES: Record<string, { alias: string; columns: Record<string, string> }> = {
  actors: {
    alias: 'a',
    columns: {
      name_as_given: LOOKUP(ACTOR_KIND, NAME_KEY('a')),
      name_normalised: LOOKUP(ACTOR_KIND, NAME_KEY('a')),
      name_latin: LOOKUP(ACTOR_KIND, NAME_KEY('a')),
      family_name: 'NULL',
      given_names: 'NULL',
      aliases: 'NULL',
      birth_date: "date_trunc('year', a.birth_date)::DATE",
      birth_place: 'NULL',
      id_numbers: LIST('id', 'id_numbers', NUMBER_KEY),
      passport_numbers: LIST('passport', 'passport_numbers', NUMBER_KEY),
      address: 'NULL',
      phones: LIST('phone', 'phones', PHONE_KEY),
      vehicles: LIST('vehicle', 'vehicles', NUMBER_KEY),
      sanction: 'NULL',
    },
  },
  documents: { alias: 'd', columns: { number: LOOKUP("'document'", NUMBER_KEY('d.number')) } },
  payments: {
    alias: 'p',
    columns: {
      payer: PARTY('payer'),
      payer_normalised: PARTY('payer'),
      payee: PARTY('payee'),
      payee_normalised: PARTY('payee'),
      payer_account: LOOKUP("'account'", NUMBER_KEY('p.payer_account')),
      payee_account: LOOKUP("'account'", NUMBER_KEY('p.payee_account')),
      notes: 'NULL',
    },
  },
  seizures: { alias: 's', columns: { sanctions: 'NULL', notes: 'NULL', extras: 'NULL' } },
  forensic_results: { alias: 'f', columns: { notes: 'NULL' } },
  // The words an outcome was read from can hold a name (what no rule read most of all).
  outcomes: { alias: 'u', columns: { text: 'NULL' } },
  // A machine's folders say whose it is: the file name stays.
  sources: { alias: 'o', columns: { path: 'o.file_name' } },
  // The whole rows as read, and any value kept as given, can hold a name.
  rejects: { alias: 'r', columns: { value: 'NULL', raw_record: 'NULL' } },
  flags: { alias: 'g', columns: { value: 'NULL' } },
};

export interface ShareSummary {
  file: string;
  readme: string;
  rows: Record<string, number>;
  pseudonyms: Record<string, number>;
  left_out: string[];
}

/** Writes DIR/shared.duckdb and DIR/README.md from the database at `sourcePath`. */
export async function shareDatabase(sourcePath: string, outDir: string, open: OpenOptions = {}): Promise<ShareSummary> {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory())
      throw new InputError(`--out ${outDir} is a file`, { hint: 'give a new or empty folder for the shared copy' });
    if (readdirSync(outDir).length)
      throw new InputError(`--out ${outDir} is not empty: wen share writes only into a new or empty folder`, {
        hint: 'give a new folder, so that nothing of an earlier share is mixed in',
      });
  }
  if (!existsSync(sourcePath))
    throw new InputError(`${sourcePath}: no such database`, { hint: 'load files first (wen load FILE), or give --db PATH' });
  // Opening it once read-only checks its schema (and brings an older one up to date) before it is attached.
  (await Database.open(sourcePath, { readOnly: true, ...open })).close(); // waits (--wait) while a load holds it
  const key = await redactionKey();
  makeOutputFolder(outDir);
  const file = join(outDir, SHARED_FILE);
  const db = await Database.open(file);
  try {
    // ATTACH takes no parameters: the path is quoted as a literal.
    await db.run(`ATTACH '${resolve(sourcePath).replace(/'/g, "''")}' AS src (READ_ONLY)`);
    const present = new Set(
      (await db.all<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE database_name = 'src' AND schema_name = 'main'")).map(
        (r) => r.t,
      ),
    );
    const values = await db.all<{ kind: string; given: string }>(DISTINCT_VALUES);
    const entries = values.map((v) => ({ k: `${v.kind}:${v.given}`, p: pseudonym(key, v.kind, v.given) }));
    await db.run(
      'CREATE TEMP TABLE share_pseudonyms AS SELECT map_from_entries(list((e.k, ' +
        'e.p))) AS m FROM (SELECT unnest(from_json($entries, \'[{"k": ' +
        '"VARCHAR", "p": "VARCHAR"}]\'), recursive := true)) e',
      { entries: JSON.stringify(entries) },
    );
    const rows: Record<string, number> = {};
    for (const table of TABLES.filter((t) => !NOT_SHARED.has(t))) {
      const names = (
        await db.all<{ c: string }>(
          'SELECT column_name AS c FROM duckdb_columns() WHERE database_name ' +
            "= current_database() AND schema_name = 'main' AND table_name " +
            '= $table ORDER BY column_index',
          { table },
        )
      ).map((r) => r.c);
      const change = CHANGES[table] ?? { alias: 't', columns: {} };
      const select = names.map((c) => `${change.columns[c] ?? `${change.alias}.${c}`} AS ${c}`).join(', ');
      await db.run(
        `INSERT INTO main.${table} (${names.join(', ')}) SELECT ${select} FROM src.main.${table} ${change.alias}, share_pseudonyms pm`,
      );
      rows[table] = (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM main.${table}`))!.n;
    }
    await db.run('DROP TABLE share_pseudonyms');
    await db.run('DETACH src');
    const pseudonyms: Record<string, number> = {};
    for (const v of values) pseudonyms[v.kind] = (pseudonyms[v.kind] ?? 0) + 1;
    const known = new Set<string>([...TABLES, 'wen_meta'].filter((t) => !NOT_SHARED.has(t)));
    const summary: ShareSummary = {
      file,
      readme: join(outDir, 'README.md'),
      rows,
      pseudonyms,
      left_out: [...present].filter((t) => !known.has(t)).sort(),
    };
    writeFileSync(summary.readme, readme(sourcePath, summary));
    return summary;
  } finally {
    db.close();
  }
}

function readme(sourcePath: string, summary: ShareSummary): string {
  const table = Object.entries(summary.rows)
    .map(([t, n]) => `| ${t} | ${n.toLocaleString('en-US')} |`)
    .join('\n');
  const made =
    Object.entries(summary.pseudonyms)
      .map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`)
      .join(', ') || 'none';
  return `# A shared copy of a wen database, without nominal data

\`${SHARED_FILE}\` is a DuckDB file with wen's tables, made by\
 \`wen share\` from \`${sourcePath.split(/[\\/]/).pop()}\` on ${new Date().toISOString().slice(0, 10)}.
Any DuckDB client reads it; \`wen analyze … --db ${SHARED_FILE}\` runs every analysis on it.

## What it holds

| table | rows |
| --- | --- |
${table}

## What was changed

- **Pseudonymised** (a keyed pseudonym such as \`P-1A2B3C4D5E\`; the same value gets the same pseudonym everywhere,
  and the same one that \`--redact\` outputs of the sender show): actors' names (\`name_as_given\`, \`name_normalised\`, \`name_latin\`;
  P- persons, C- companies), passport numbers (D-), identity numbers (I-), phones (T-), vehicles (V-);
  documents' numbers (N-); payments' payer and payee (P-) and accounts (A-).
  Links still hold: two seizures that shared a phone share its pseudonym.
- **Year only**: actors' birth dates (1 January of the year).
- **Removed** (empty): actors' family and given names, aliases, address, birth place and sanction;
  seizures' sanctions, notes and unmapped columns (\`extras\`), which can hold names; payments' and
  forensic results' notes; the words outcomes were read from (the kinds, terms and fines stay);\
 rejected rows' values and raw records, and the values of flags (values kept as given);
  sources' paths (the file name stays).
- **Not copied** (empty tables): the sender's watch lists and their hits (\`watchlist\`, \`watch_hits\`).
- **Pseudonymised by identity**: a person or company is one pseudonym, whatever the spelling
  (table \`identities\`, copied as it is: it holds record numbers and rules, no names).
${summary.left_out.length ? `- **Not copied**: tables wen share does not know: ${summary.left_out.join(', ')}.\n` : ''}
Pseudonyms made: ${made}.

## What it does not hold

The key behind the pseudonyms. It stays with the sender (in their configuration folder, or
WEN_REDACTION_KEY), so a guessed name or number cannot be checked against this file.
Places, dates, species, quantities, values, nationalities, roles and document types are as in the original.
`;
}
