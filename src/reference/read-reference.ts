// Reads the small reference tables bundled in src/reference/. They are plain CSV (no quotes inside
// fields) so that a newcomer can read and extend them in any editor.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** src/reference/, found from the compiled dist/reference/ or from src/ under vitest. */
const REFERENCE_DIR = fileURLToPath(new URL('../../src/reference/', import.meta.url));

export function referencePath(name: string): string {
  return join(REFERENCE_DIR, name);
}

export function readReferenceCsv(name: string): Record<string, string>[] {
  const lines = readFileSync(referencePath(name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}
