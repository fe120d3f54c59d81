// On the bundled sample data, the most frequent repeat suspect (23 seizures under three spellings:
// "Samuel Nkemelu", "Samuel NKEMELU", "NKEMELU Samuel") is one identity, with one pseudonym, in
// repeat-suspects, target-criminals, networks and the bulletin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { runBulletin } from '../../src/bulletin/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile, loadPath } from '../../src/load/loader.js';
import { SAMPLE_DATA } from '../helpers.js';

let db: Database;
beforeAll(async () => {
  process.env.WEN_REDACTION_KEY = 'identity-test-only';
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-identity-')), 'sample.duckdb'));
  await loadPath(db, SAMPLE_DATA);
  return () => db.close();
}, 120_000);

const run = (name: string, options: Record<string, unknown>) => runAnalysis(db, getAnalysis(name), NO_FILTERS, options);

describe('one identity on the sample data', () => {
  it('gives the 23-seizure suspect one identity and one pseudonym in every output', async () => {
    const suspects = (await run('repeat-suspects', { minSeizures: 2 })).rows;
    expect(suspects[0]).toMatchObject({
      name: 'Samuel Nkemelu',
      seizures: 23,
      name_variants: ['NKEMELU Samuel', 'Samuel NKEMELU', 'Samuel Nkemelu'],
    });
    const identity = suspects[0].identity;
    const records = await db.all<{ identity_id: number }>(
      "SELECT DISTINCT i.identity_id FROM actors a JOIN identities i USING (actor_id) WHERE a.name_normalised = 'nkemelu samuel'",
    );
    expect(records.map((r) => r.identity_id)).toEqual([identity]);

    const redacted = (await run('repeat-suspects', { minSeizures: 2, redact: true })).rows[0];
    const pseudonym = redacted.name;
    expect(redacted.seizures).toBe(23);

    const targets = (await run('target-criminals', { top: 0, redact: true })).rows.filter((r) => r.identity === pseudonym);
    expect(targets.map((r) => r.seizures)).toEqual([23]);
    // Its rank is the position of its score, the same in the table and the chart (one bar per identity).
    expect(new Set((await run('target-criminals', { top: 0 })).rows.map((r) => r.identity)).size).toBe(
      (await run('target-criminals', { top: 0 })).rows.length,
    );

    // The chart draws one bar per row of the table, in its order, whatever names they share.
    const ranked = await run('target-criminals', { top: 25 });
    const spec = (await getAnalysis('target-criminals').chart!(ranked.rows, ranked.context)) as {
      data: { values: Array<{ name: string; score: number }> };
    };
    expect(spec.data.values.map((v) => v.score)).toEqual(ranked.rows.map((r) => r.score));
    expect(new Set(spec.data.values.map((v) => v.name)).size).toBe(ranked.rows.length);

    const nodes = (await run('networks', { redact: true, minSize: 1 })).rows.filter((r) => r.identity === pseudonym);
    expect(nodes.map((r) => r.seizures)).toEqual([23]);
  });

  it('finds the suspect again in the bulletin when a later file spells the name another way, with the same pseudonym', async () => {
    const before = (await run('repeat-suspects', { minSeizures: 2, redact: true })).rows[0];
    await db.run("UPDATE sources SET loaded_at = TIMESTAMP '2020-01-01'");
    const dir = mkdtempSync(join(tmpdir(), 'wen-identity-later-'));
    writeFileSync(
      join(dir, 'later.ndjson'),
      JSON.stringify({
        case_id: 'LATER-1',
        reporting_country: 'TH',
        date: '2025-01-15',
        discovery: { place: 'Suvarnabhumi airport', country: 'TH' },
        contraband: [{ scientific_name: 'Manis javanica', description: 'scales', quantity: 3, unit: 'kg' }],
        persons: [{ name: 'NKEMELU Samuel', nationality: 'TH' }],
      }) + '\n',
    );
    await loadFile(db, join(dir, 'later.ndjson'));
    const outcome = await runBulletin(db, {
      since: '2020-06-01',
      outDir: join(dir, 'out'),
      includeNames: false,
      largeKg: 500,
      largeUsd: 1e6,
    });
    if (outcome.status !== 'written') throw new Error('expected a bulletin');
    expect(outcome.bulletin.reappearing_suspects).toEqual([
      { suspect: before.name, kind: 'person', new_seizures: 1, earlier_seizures: 23, first_seen: before.first_seen },
    ]);
  });
});
