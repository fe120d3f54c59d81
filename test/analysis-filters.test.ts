// The filters read names as the loader reads a file's cells, and a name filter that matches nothing
// in the database is a question back (exit 2, the closest names it holds), not an empty answer.
// The database is test/fixtures/aitr-chains.csv: pangolins on rows 2, 4, 6, 7 and 8 (Manis gigantea
// twice and Manis tricuspis twice — stored as their accepted names Smutsia gigantea and Phataginus
// tricuspis — and "Pangolin" once), elephant tusks and carvings on rows 3 and 5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { UsageError } from '../src/errors.js';
import { filtersFrom, type FilterFlags } from '../src/analysis/filters.js';
import { getAnalysis } from '../src/analysis/registry.js';
import { runAnalysis } from '../src/analysis/run.js';
import { loadFile } from '../src/load/loader.js';
import { FIXTURES } from './helpers.js';

// One database for the whole file (tempDatabase closes its database after each test).
const dir = mkdtempSync(join(tmpdir(), 'wen-filters-'));
let db: Database;
beforeAll(async () => {
  db = await Database.open(join(dir, 'filters.duckdb'));
  await loadFile(db, join(FIXTURES, 'aitr-chains.csv'), { reportingCountry: 'VN' });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function seizures(flags: FilterFlags): Promise<number> {
  const { context } = await runAnalysis(db, getAnalysis('target-species'), filtersFrom(flags));
  return context.selection.seizures;
}

async function refusal(flags: FilterFlags): Promise<UsageError> {
  const error = await seizures(flags).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('filters read as the loader reads', () => {
  it('selects every pangolin with --species pangolin, a common name, and says what it was read as', async () => {
    expect(await seizures({ species: 'pangolin' })).toBe(5);
    const { notes } = await runAnalysis(db, getAnalysis('target-species'), filtersFrom({ species: 'pangolin' }));
    expect(notes).toContain('--species "pangolin" read as Manidae');
  });

  it('selects the seizures stored under the accepted name when given the synonym the file used', async () => {
    expect(await seizures({ species: 'Manis tricuspis' })).toBe(2);
    expect(await seizures({ species: 'PHATAGINUS TRICUSPIS' })).toBe(2);
  });

  it('selects by genus and family, in any case', async () => {
    expect(await seizures({ species: 'smutsia' })).toBe(2);
    expect(await seizures({ species: 'Manidae' })).toBe(5);
  });

  it('answers an empty selection when the name is there but the other filters exclude it', async () => {
    expect(await seizures({ species: 'Manidae', from: '2030' })).toBe(0);
  });
});

describe('a name filter that matches nothing', () => {
  it('reads a misspelled family as the loader would, a close match', async () => {
    expect(await seizures({ species: 'Manidea' })).toBe(5);
  });

  it('offers the closest names the database holds for a species it does not hold', async () => {
    const error = await refusal({ species: 'Smutsia temminckii' });
    expect(error.message).toBe('--species "Smutsia temminckii" matches no specimen in this database');
    expect(error.hint).toMatch(/^did you mean Smutsia/);
    // with no name close to it, the hint says where the names are
    expect((await refusal({ species: 'Manis javanica' })).hint).toBe('wen analyze target-species lists the species it holds');
  });

  it('says a kind of specimen given as a species is a term', () => {
    expect(() => filtersFrom({ species: 'tusks' })).toThrow('--species "tusks" is a kind of specimen (CITES term TUS), not a species');
  });

  it('lists the terms the database holds for a term it does not', async () => {
    const error = await refusal({ term: 'bodies' });
    expect(error.message).toBe('--term BOD matches no specimen in this database');
    expect(error.hint).toMatch(/^its terms are SCA, /);
  });

  it('offers a country name for a misspelled country, and refuses a country no seizure names', async () => {
    expect(() => filtersFrom({ country: 'Vietnma' })).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/^did you mean "Vietnam"/) }),
    );
    const error = await refusal({ country: 'FR' });
    expect(error.message).toBe('--country FR (France) is named by no seizure in this database');
  });
});
