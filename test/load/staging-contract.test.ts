// Every profile that writes seizures stages the same relations with the same columns (the contract
// in src/load/staging-contract.ts): checked on a small file of each, just before the load commits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadFile, type LoadOptions } from '../../src/load/loader.js';
import { PROFILE_DEFINITIONS } from '../../src/load/profiles/registry.js';
import { STAGED_RELATIONS } from '../../src/load/staging-contract.js';
import { FIXTURES, tempDatabase } from '../helpers.js';

const FILES: Record<string, [file: string, options: LoadOptions]> = {
  aitr: ['aitr-small.csv', { profile: 'aitr' }],
  ecomessage: ['ecomessage-small.ndjson', { profile: 'ecomessage' }],
  generic: ['generic-small.csv', { mappingPath: join(FIXTURES, 'generic-small.yaml') }],
};

async function columnsOf(db: Database, relation: string): Promise<string[]> {
  const rows = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${relation})`);
  return rows.map((r) => r.column_name);
}

describe('the staging contract', () => {
  const seizureProfiles = PROFILE_DEFINITIONS.filter((p) => p.writes.includes('seizures')).map((p) => p.name);

  it('has a test file for every profile that writes seizures', () => {
    expect(Object.keys(FILES).sort()).toEqual([...seizureProfiles].sort());
  });

  it.each(Object.entries(FILES))('holds for the %s profile', async (profile, [file, options]) => {
    const db = await tempDatabase();
    const seen: Record<string, string[]> = {};
    const [report] = await loadFile(db, join(FIXTURES, file), {
      ...options,
      beforeCommit: async () => {
        for (const relation of Object.keys(STAGED_RELATIONS)) seen[relation] = await columnsOf(db, relation);
      },
    });
    expect(report.profile).toBe(profile);
    // Writing reads the columns by name: the same names, in any order.
    for (const [relation, columns] of Object.entries(STAGED_RELATIONS))
      expect([...seen[relation]].sort(), relation).toEqual([...columns].sort());
  });
});
