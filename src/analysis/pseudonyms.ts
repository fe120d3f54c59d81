// Stable keyed pseudonyms for names and identifiers in outputs meant for sharing: HMAC-SHA256 of an
// identity key under a secret that lives outside the database (WEN_REDACTION_KEY, else a key file in
// the user's configuration folder, made with mode 0600 on first use). A database file handed to
// someone else therefore does not let them recompute a pseudonym from a guessed name; the same key
// gives the same pseudonym in every database of this user, so redacted outputs can be joined.
// The caller says what the identity key is (today each analysis passes its own: a normalised name or
// "passport:NUMBER"; a stored identity id later): pseudonym(key, kind, identityKey).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database.js';
import { InputError } from '../errors.js';

/** Where the key file is: $XDG_CONFIG_HOME/wen/redaction-key, else ~/.config/wen/redaction-key. */
export function keyFilePath(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'wen', 'redaction-key');
}

/**
 * The pseudonym key: WEN_REDACTION_KEY, else the key file, made on first use with a random key
 * (or, once, with the key an older wen kept in a database: `legacy`, so earlier pseudonyms stay).
 */
export function readRedactionKey(legacy?: string): string {
  if (process.env.WEN_REDACTION_KEY) return process.env.WEN_REDACTION_KEY;
  const path = keyFilePath();
  try {
    if (existsSync(path)) {
      const key = readFileSync(path, 'utf8').trim();
      if (key) return key;
      throw new InputError(`${path} is empty: it should hold wen's redaction key`, {
        hint: 'delete it to make a new key (pseudonyms made before will change), or set WEN_REDACTION_KEY',
      });
    }
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const key = legacy ?? randomBytes(32).toString('hex');
    // 'wx': never overwrite a key another wen process wrote a moment ago.
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return key;
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readRedactionKey();
    throw new InputError(`cannot read or create the redaction key file ${path}: ${(error as Error).message}`, {
      hint: 'set WEN_REDACTION_KEY, or XDG_CONFIG_HOME to a folder you can write',
    });
  }
}

/** The key for a command working on `db` (the database is not consulted: the key is not in it). */
export async function redactionKey(_db?: Database): Promise<string> {
  return readRedactionKey();
}

/**
 * An older wen kept the key in wen_meta. On a database opened for writing: the key moves to the key
 * file when there is none yet (so pseudonyms already shared stay the same), and leaves the database.
 */
export async function retireDatabaseKey(db: Database): Promise<void> {
  const stored = await db.one<{ value: string }>("SELECT value FROM wen_meta WHERE key = 'redaction_key'");
  if (!stored) return;
  if (!process.env.WEN_REDACTION_KEY && !existsSync(keyFilePath())) readRedactionKey(stored.value);
  await db.run("DELETE FROM wen_meta WHERE key = 'redaction_key'");
}

/** The letter before a pseudonym: what kind of thing it stands for. */
const PREFIX: Record<string, string> = {
  company: 'C',
  passport: 'D',
  id: 'I',
  phone: 'T',
  vehicle: 'V',
  document: 'N',
  account: 'A',
  address: 'H',
};

/** A pseudonym of `identityKey` (whatever identifies the person, company or number), for its kind. */
export function pseudonym(key: string, kind: string, identityKey: string): string {
  const digest = createHmac('sha256', key).update(`${kind}:${identityKey}`).digest('hex').slice(0, 10).toUpperCase();
  return `${PREFIX[kind] ?? 'P'}-${digest}`;
}
