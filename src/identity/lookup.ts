// Finding identities from what a user types (--focus NAME|PASSPORT|ID): the same keys as the
// resolver, so any spelling that the resolver joined finds the whole identity.
import type { Database } from '../db/database.js';
import { latinKey, nameKey } from './name-key.js';

/** The identity ids (as text, like graph nodes) whose records carry this name, passport or ID number, or that have this id. */
export async function identitiesMatching(db: Database, text: string): Promise<Set<string>> {
  const rows = await db.all<{ identity_id: number }>(
    `SELECT DISTINCT i.identity_id FROM actors a JOIN identities i USING (actor_id)
     WHERE a.name_normalised = $key OR a.name_latin = $latin OR i.identity_id::VARCHAR = $text
        OR list_contains(list_transform(coalesce(a.passport_numbers, []) || coalesce(a.id_numbers, []), p -> number_key(p)), $number)`,
    { key: nameKey(text), latin: latinKey(text), text: text.trim(), number: text.toUpperCase().replace(/[^A-Z0-9]/g, '') },
  );
  return new Set(rows.map((r) => String(r.identity_id)));
}
