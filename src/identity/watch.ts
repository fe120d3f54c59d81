// Watch lists: the persons, companies, passports, ID numbers, phones, plates and permit numbers an
// analyst wants to hear about whenever they turn up. Entries are keyed as the resolver keys records
// (src/identity/name-key.ts for names; identifiers without spaces, dashes or case) and matched,
// set-based, against the records of every load (and of the whole database when a list is added),
// so a hit is found under any spelling or script the resolver would join. A name alone does not hit
// a record whose passport or ID number differs from the entry's (a namesake, as in the resolver).
// Hits are stored (watch_hits) for `wen watch hits`, the load summary and the bulletin.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../db/database.js';
import { InputError } from '../errors.js';
import { latinKey, nameKey } from './name-key.js';
import { SIMILAR_NAME } from './resolve.js';

/** Headings a watch-list file may use, lower case, in English, French, Spanish and Portuguese. */
const HEADINGS: Record<string, string[]> = {
  name: ['name', 'full name', 'person', 'nom', 'nombre', 'nome', 'suspect', 'alias'],
  company: ['company', 'business', 'entreprise', 'société', 'societe', 'empresa', 'firm'],
  passport: ['passport', 'passport number', 'passport numbers', 'passeport', 'pasaporte', 'passaporte'],
  id_number: ['id', 'id number', 'id numbers', 'national id', 'identity number', 'cni', 'dni', 'cédula', 'cedula'],
  phone: ['phone', 'phones', 'telephone', 'téléphone', 'telefono', 'teléfono', 'mobile', 'msisdn'],
  plate: ['plate', 'plates', 'vehicle', 'registration', 'number plate', 'immatriculation', 'matrícula', 'matricula', 'placa'],
  document: [
    'permit',
    'permit number',
    'document',
    'document number',
    'certificate',
    'cites permit',
    'permis',
    'permiso',
    'licence',
    'license',
  ],
  note: ['note', 'notes', 'reason', 'comment', 'remarks', 'source'],
};

export interface WatchEntry {
  kind: 'person' | 'company' | 'identifier';
  name: string | null;
  passports: string[];
  ids: string[];
  phones: string[];
  plates: string[];
  documents: string[];
  note: string | null;
  row: number;
}

const splitCell = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;|\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
/** A number as written; the database keys it as every reader does (number_key, phone_key: src/identity/keys.ts). */
const written = (values: string[]) => values.filter((v) => /[\p{L}\p{N}]/u.test(v));

/** Parses a watch-list CSV (a heading row; `,` `;` or tab between cells), or a text file of one name per line. */
export function parseWatchFile(file: string): WatchEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${file}: cannot read the watch list`, {
      hint: 'give the path of a CSV file with a heading row (name, passport, phone, plate, permit…)',
    });
  }
  const lines = text.split(/\r\n|\n|\r/);
  const delimiter = [',', ';', '\t']
    .map((d) => [d, (lines[0].match(new RegExp(d === '\t' ? '\t' : d, 'g')) ?? []).length] as const)
    .sort((a, b) => b[1] - a[1])[0];
  const headings =
    delimiter[1] > 0 ? splitRecord(lines[0], delimiter[0]).map((h) => h.trim().toLowerCase()) : [lines[0].trim().toLowerCase()];
  const field = (h: string) => Object.entries(HEADINGS).find(([, names]) => names.includes(h))?.[0];
  const fields = headings.map(field);
  // one column and no known heading: a list of names, the first line included
  const namesOnly = fields.every((f) => f === undefined) && headings.length === 1;
  if (!namesOnly && fields.every((f) => f === undefined)) {
    throw new InputError(`${file}: row 1: no column of the watch list is known (${headings.join(', ')})`, {
      hint: `name the columns: ${Object.keys(HEADINGS).join(', ')}`,
    });
  }
  const entries: WatchEntry[] = [];
  lines.forEach((line, i) => {
    if ((!namesOnly && i === 0) || line.trim() === '') return;
    const cells = namesOnly ? [line.trim()] : splitRecord(line, delimiter[0]);
    const get = (f: string) => cells.flatMap((c, j) => ((namesOnly ? 'name' : fields[j]) === f ? splitCell(c) : []));
    const company = get('company')[0] ?? null;
    const name = get('name')[0] ?? company;
    const entry: WatchEntry = {
      kind: company && !get('name').length ? 'company' : name ? 'person' : 'identifier',
      name,
      passports: written(get('passport')),
      ids: written(get('id_number')),
      phones: written(get('phone')),
      plates: written(get('plate')),
      documents: written(get('document')),
      note: get('note').join('; ') || null,
      row: i + 1,
    };
    const things = [entry.name, ...entry.passports, ...entry.ids, ...entry.phones, ...entry.plates, ...entry.documents].filter(Boolean);
    if (things.length) entries.push(entry);
  });
  return entries;
}

/** One CSV record's cells (double quotes as RFC 4180 writes them). */
function splitRecord(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Adds a file's entries to list `list` (replacing what that list held), then matches the whole database. */
export async function addWatchList(db: Database, file: string, list: string): Promise<{ list: string; entries: number; hits: number }> {
  const entries = parseWatchFile(file);
  if (!entries.length)
    throw new InputError(`${file}: the watch list has no entry`, { hint: 'one person, company or number per row, under a heading row' });
  const rows = entries.map((e) => ({ ...e, list, file: basename(file), name_key: nameKey(e.name), latin_key: latinKey(e.name) }));
  await db.transaction(async () => {
    await db.run('DELETE FROM watch_hits WHERE entry_id IN (SELECT entry_id FROM watchlist WHERE list = $list)', { list });
    await db.run('DELETE FROM watchlist WHERE list = $list', { list });
    await db.run(
      `INSERT INTO watchlist (entry_id, list, file_name, file_row, kind, name, name_key, latin_key,
        passports, ids, phones, plates, documents, note, added_at)
       SELECT (SELECT coalesce(max(entry_id), 0) FROM watchlist) + row_number() OVER (ORDER BY e.row), $list, e.file, e.row, e.kind, e.name,
         e.name_key, e.latin_key,
         list_filter(list_transform(e.passports, x -> number_key(x)), x -> x <> ''),
           list_filter(list_transform(e.ids, x -> number_key(x)), x -> x <> ''),
         list_filter(list_transform(e.phones, x -> phone_key(x)), x -> x <> ''),
           list_filter(list_transform(e.plates, x -> number_key(x)), x -> x <> ''),
         list_filter(list_transform(e.documents, x -> number_key(x)), x -> x <> ''), e.note, now()
       FROM (SELECT unnest(from_json($rows,
         '[{"file":"VARCHAR","row":"INTEGER","kind":"VARCHAR","name":"VARCHAR","name_key":"VARCHAR","latin_key":"VARCHAR",' ||
         '"passports":["VARCHAR"],"ids":["VARCHAR"],"phones":["VARCHAR"],"plates":["VARCHAR"],"documents":["VARCHAR"],"note":"VARCHAR"}]'),
         recursive := true)) e`,
      { list, rows: JSON.stringify(rows) },
    );
    await matchWatchList(db, null);
  });
  const hits = (await db.one<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM watch_hits h JOIN watchlist w USING (entry_id) WHERE w.list = $list',
    { list },
  ))!.n;
  return { list, entries: entries.length, hits };
}

/**
 * Matches the watch list against the records of one source (null: every source) and stores the hits
 * not stored yet. Returns the hits of that source. Runs inside the load's transaction.
 */
export async function matchWatchList(db: Database, sourceId: number | null): Promise<number> {
  const watched = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM watchlist'))!.n;
  if (!watched) return 0;
  const p = { source: sourceId };
  await db.run(
    `INSERT INTO watch_hits (entry_id, source_id, seizure_id, actor_id, identity_id, matched_on, value)
     WITH rec AS (
       SELECT a.actor_id, a.seizure_id, a.source_id, a.kind, a.name_normalised AS nk, a.name_latin AS lk, i.identity_id,
         coalesce(list_transform(a.passport_numbers, p -> number_key(p)), []) AS passports,
         coalesce(list_transform(a.id_numbers, p -> number_key(p)), []) AS ids,
         coalesce(list_transform(a.phones, p -> phone_key(p)), []) AS phones,
         coalesce(list_transform(a.vehicles, p -> number_key(p)), []) AS plates
       FROM actors a LEFT JOIN identities i USING (actor_id) WHERE $source IS NULL OR a.source_id = $source
     ),
     by_number AS (
       SELECT w.entry_id, r.source_id, r.seizure_id, r.actor_id, r.identity_id, 'passport number' AS matched_on,
         x AS value FROM watchlist w, unnest(w.passports) t(x) JOIN rec r ON list_contains(r.passports, x)
       UNION ALL SELECT w.entry_id, r.source_id, r.seizure_id, r.actor_id, r.identity_id, 'ID number', x FROM watchlist w,
         unnest(w.ids) t(x) JOIN rec r ON list_contains(r.ids, x)
       UNION ALL SELECT w.entry_id, r.source_id, r.seizure_id, r.actor_id, r.identity_id, 'phone', x FROM watchlist w,
         unnest(w.phones) t(x) JOIN rec r ON list_contains(r.phones, x) WHERE length(x) >= 6
       UNION ALL SELECT w.entry_id, r.source_id, r.seizure_id, r.actor_id, r.identity_id, 'plate', x FROM watchlist w,
         unnest(w.plates) t(x) JOIN rec r ON list_contains(r.plates, x) WHERE length(x) >= 3
       UNION ALL SELECT w.entry_id, d.source_id, d.seizure_id, NULL, NULL, 'document number', x FROM watchlist w, unnest(w.documents) t(x)
         JOIN documents d ON number_key(d.number) = x WHERE ($source IS NULL OR d.source_id = $source) AND length(x) >= 4
     ),
     -- names as the resolver links them: the same key, the same name in another script, or a similar
     -- name (Jaro-Winkler) among the records sharing a word with the entry (a join, not a cross product)
     tokens AS (SELECT actor_id, unnest(string_split(nk, ' ')) AS token FROM rec WHERE nk IS NOT NULL),
     name_pairs AS (
       SELECT w.entry_id, r.actor_id, 'same name' AS matched_on FROM watchlist w JOIN rec r ON r.nk = w.name_key
       UNION ALL SELECT w.entry_id, r.actor_id,
         'same name in another script' FROM watchlist w JOIN rec r ON r.lk = w.latin_key AND r.nk <> w.name_key
         WHERE length(w.latin_key) > 3
       UNION ALL SELECT c.entry_id, c.actor_id, 'similar name' FROM (
           SELECT DISTINCT w.entry_id, t.actor_id FROM watchlist w,
             unnest(string_split(w.name_key, ' ')) x(token) JOIN tokens t ON t.token = x.token WHERE length(x.token) > 2
         ) c JOIN watchlist w USING (entry_id) JOIN rec r USING (actor_id)
         WHERE r.nk <> w.name_key AND r.lk IS DISTINCT FROM w.latin_key AND jaro_winkler_similarity(r.nk, w.name_key) >= ${SIMILAR_NAME}
     ),
     by_name AS (
       SELECT w.entry_id, r.source_id, r.seizure_id, r.actor_id, r.identity_id, n.matched_on, w.name AS value
       FROM name_pairs n JOIN watchlist w USING (entry_id) JOIN rec r USING (actor_id)
       WHERE (w.kind = 'identifier' OR r.kind = w.kind)
         -- a name alone does not hit a record whose passport or ID number differs from the entry's: a namesake
         AND NOT (len(w.passports) > 0 AND len(r.passports) > 0 AND NOT list_has_any(w.passports, r.passports))
         AND NOT (len(w.ids) > 0 AND len(r.ids) > 0 AND NOT list_has_any(w.ids, r.ids))
     )
     SELECT DISTINCT h.* FROM (FROM by_number UNION ALL FROM by_name) h
     WHERE NOT EXISTS (SELECT 1 FROM watch_hits o WHERE o.entry_id = h.entry_id AND o.seizure_id IS NOT DISTINCT FROM h.seizure_id
                         AND o.actor_id IS NOT DISTINCT FROM h.actor_id AND o.matched_on = h.matched_on)`,
    p,
  );
  if (sourceId === null) return (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM watch_hits'))!.n;
  return (await db.one<{ n: number }>(
    'SELECT count(DISTINCT (entry_id, seizure_id))::INTEGER AS n FROM watch_hits WHERE source_id = $source',
    p,
  ))!.n;
}

export const HIT_COLUMNS = [
  'entry_id',
  'list',
  'watched',
  'matched_on',
  'value',
  'identity',
  'kind',
  'name',
  'seizure_ref',
  'date',
  'seizure_country',
  'source_id',
  'file',
  'note',
] as const;

/** The stored hits, newest source first, with the record they hit (name as written, seizure, file). */
export async function watchHits(db: Database, filter: { source?: number; list?: string }): Promise<Array<Record<string, unknown>>> {
  return db.all(
    `SELECT h.entry_id, w.list,
      coalesce(w.name, array_to_string(w.passports || w.ids || w.phones || w.plates || w.documents, ', ')) AS watched,
       h.matched_on, h.value, h.identity_id AS identity, coalesce(a.kind, w.kind) AS kind, a.name_as_given AS name,
       s.seizure_ref, s.date::VARCHAR AS date, s.seizure_country, h.source_id, o.file_name AS file, w.note
     FROM watch_hits h JOIN watchlist w USING (entry_id) JOIN sources o ON o.source_id = h.source_id
       LEFT JOIN actors a ON a.actor_id = h.actor_id LEFT JOIN seizures s ON s.seizure_id = h.seizure_id
     WHERE ($source IS NULL OR h.source_id = $source) AND ($list IS NULL OR w.list = $list)
     ORDER BY h.source_id DESC, h.entry_id, s.date, h.seizure_id, h.matched_on`,
    { source: filter.source ?? null, list: filter.list ?? null },
  );
}

/** The lists held, with their entries and hits. */
export async function watchLists(db: Database): Promise<Array<Record<string, unknown>>> {
  return db.all(
    `SELECT w.list, min(w.file_name) AS file, count(*)::INTEGER AS entries, strftime(min(w.added_at), '%Y-%m-%dT%H:%M:%SZ') AS added_at,
       (SELECT count(DISTINCT (h.entry_id, h.seizure_id)) FROM watch_hits h JOIN watchlist x USING (entry_id) WHERE x.list =
         w.list)::INTEGER AS hits
     FROM watchlist w GROUP BY 1 ORDER BY 1`,
  );
}

/** Removes a list and its hits; returns the entries removed. */
export async function removeWatchList(db: Database, list: string): Promise<number> {
  return db.transaction(async () => {
    const n = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM watchlist WHERE list = $list', { list }))!.n;
    await db.run('DELETE FROM watch_hits WHERE entry_id IN (SELECT entry_id FROM watchlist WHERE list = $list)', { list });
    await db.run('DELETE FROM watchlist WHERE list = $list', { list });
    return n;
  });
}

/** Hits as --redact shows them: the identity's pseudonym for names, a pseudonym per number, the entry by its id. */
export async function redactHits(hits: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
  const { pseudonym, redactionKey } = await import('../analysis/pseudonyms.js');
  const key = await redactionKey();
  const NUMBER_KIND: Record<string, string> = {
    'passport number': 'passport',
    'ID number': 'id',
    phone: 'phone',
    plate: 'vehicle',
    'document number': 'document',
  };
  return hits.map((h) => {
    const person = h.identity === null ? null : pseudonym(key, String(h.kind), String(h.identity));
    const numberKind = NUMBER_KIND[String(h.matched_on)];
    return {
      ...h,
      watched: `entry ${h.entry_id}`,
      name: person,
      identity: person,
      note: null,
      value: numberKind ? pseudonym(key, numberKind, String(h.value)) : person,
    };
  });
}
