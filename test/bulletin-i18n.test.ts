// Bulletins in French and Spanish (--lang): headings, column names, countries named beside their codes
// and numbers in the language's format; the JSON keeps the data as it is. The fixture's first file
// brings 6 seizures; the second, one seizure of 800 kg (C7) on a route never seen before, MZ → JP.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBulletin } from '../src/bulletin/run.js';
import { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { FIXTURES } from './helpers.js';

async function bulletinIn(lang: 'en' | 'fr' | 'es'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wen-bulletin-i18n-'));
  const db = await Database.open(join(dir, 'b.duckdb'));
  try {
    await loadFile(db, join(FIXTURES, 'analysis-cases.ndjson'));
    await runBulletin(db, { since: 'last', outDir: join(dir, 'first'), includeNames: false, largeKg: 500, largeUsd: 1_000_000, lang });
    await loadFile(db, join(FIXTURES, 'analysis-cases-later.ndjson'));
    const outcome = await runBulletin(db, {
      since: 'last',
      outDir: join(dir, 'out'),
      includeNames: false,
      largeKg: 500,
      largeUsd: 1_000_000,
      lang,
    });
    if (outcome.status !== 'written') throw new Error('expected a bulletin');
    return readFileSync(join(dir, 'out', outcome.files[0]), 'utf8');
  } finally {
    db.close();
  }
}

describe('bulletins in French and Spanish', () => {
  it('writes French with --lang fr', async () => {
    const md = await bulletinIn('fr');
    expect(md.split('\n')[0]).toMatch(/^# Bulletin des saisies : fichiers chargés après le .+ jusqu'au .+$/);
    expect(md).toContain('1 nouvelle saisie (');
    expect(md).toContain('## Itinéraires jamais vus (origine → destination)');
    expect(md).toContain('| de | vers | saisies |');
    expect(md).toContain('| Mozambique (MZ) | Japon (JP) | 1 |');
    expect(md).toContain('## Saisies importantes');
  });

  it('writes Spanish with --lang es', async () => {
    const md = await bulletinIn('es');
    expect(md.split('\n')[0]).toMatch(/^# Boletín de incautaciones: archivos cargados después del .+ hasta el .+$/);
    expect(md).toContain('## Rutas no vistas antes (origen → destino)');
    expect(md).toContain('| Mozambique (MZ) | Japón (JP) | 1 |');
    expect(md).toContain('## Incautaciones grandes');
  });

  it('keeps English by default, countries named beside their codes', async () => {
    const md = await bulletinIn('en');
    expect(md).toContain('## Routes not seen before (origin → destination)');
    expect(md).toContain('| Mozambique (MZ) | Japan (JP) | 1 |');
  });
});
