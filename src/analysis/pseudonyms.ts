// Stable keyed pseudonyms for names in outputs meant for sharing: HMAC-SHA256 of the normalised name
// under a key kept in the database (wen_meta.redaction_key, made when the database is created), so
// the same person gets the same pseudonym in every run on that database, and nobody without the key
// can confirm a guessed name. WEN_REDACTION_KEY overrides it, to share pseudonyms across databases.
import { createHmac } from 'node:crypto';
import type { Database } from '../db/database.js';
import { DatabaseError } from '../errors.js';

export async function redactionKey(db: Database): Promise<string> {
  if (process.env.WEN_REDACTION_KEY) return process.env.WEN_REDACTION_KEY;
  const stored = await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'redaction_key'");
  if (!stored) throw new DatabaseError(`${db.path} has no redaction key`, { hint: 'set WEN_REDACTION_KEY, or load a file with this wen first' });
  return stored.value;
}

export function pseudonym(key: string, kind: string, normalisedName: string): string {
  const digest = createHmac('sha256', key).update(`${kind}:${normalisedName}`).digest('hex').slice(0, 10).toUpperCase();
  return `${kind === 'company' ? 'C' : 'P'}-${digest}`;
}
