// Indexes that `npm run build` writes beside the compiled code so that a run reads them instead of
// building them from the libraries at every start (the country names, the gazetteer). Each file carries
// a key made of the text of the modules that build it and the versions of the libraries it is made
// from; a file whose key differs (other code, other data, not built, torn) is never read, and the
// caller builds the index itself, so a stale file can cost time but never change a result.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The key of an index built by the module at `moduleUrl` with the help of `siblings` (modules beside
 * it, named without their extension, e.g. './text') from `libraries` (npm package names).
 */
export function prebuiltKey(moduleUrl: string, siblings: string[], libraries: string[]): string {
  const ext = extname(fileURLToPath(moduleUrl));
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL(moduleUrl)));
  for (const sibling of siblings) hash.update(readFileSync(new URL(`${sibling}${ext}`, moduleUrl)));
  for (const library of libraries) hash.update(`${library}@${(require(`${library}/package.json`) as { version: string }).version}`);
  return hash.digest('hex');
}

/** The data of a file written by writePrebuilt with this key; undefined when missing, unreadable or of other code. */
export function readPrebuilt<T>(file: URL | string, key: string): T | undefined {
  let read: { key: string; data: T };
  try {
    read = JSON.parse(readFileSync(file, 'utf8')) as { key: string; data: T };
  } catch {
    return undefined; // not built (run from src/), or unreadable: the caller builds the index
  }
  return read.key === key ? read.data : undefined;
}

export function writePrebuilt(file: URL | string, key: string, data: unknown): void {
  writeFileSync(file, JSON.stringify({ key, data }));
}
