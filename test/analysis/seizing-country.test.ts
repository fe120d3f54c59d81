// The seizing country in the trade chain: where a file does not list it, wen places it where a
// person would (src/analysis/selection.ts). One hand-made seizure per case of the rule, its legs and
// its supply-chain stage worked out by hand in the comments.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';

const CASES: Array<{ id: string; seized?: string; locations: Record<string, unknown> }> = [
  { id: 'listed-destination', seized: 'CN', locations: { origin: ['VN'], destination: 'CN' } },
  { id: 'listed-transit', seized: 'HK', locations: { origin: ['VN'], transit: ['HK'], destination: 'CN' } },
  { id: 'listed-origin', seized: 'VN', locations: { origin: ['VN'], destination: 'CN' } },
  { id: 'before-destination', seized: 'TH', locations: { origin: ['NG'], provenance: 'NG', transit: ['ET'], destination: 'CN' } },
  { id: 'chain-ends-origin', seized: 'CN', locations: { origin: ['VN'] } },
  { id: 'chain-ends-transit', seized: 'CN', locations: { origin: ['MM'], transit: ['LA'] } },
  { id: 'destination-unknown', seized: 'TH', locations: { origin: ['NG'], destination: 'XX' } },
  { id: 'no-chain', seized: 'VN', locations: {} },
  { id: 'no-seizing-country', locations: { origin: ['NG'], destination: 'VN' } },
];

let db: Database;
let legs: Record<string, string>;
let listed: Record<string, string>;
let stages: Record<string, string>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wen-seizing-'));
  db = await Database.open(join(dir, 'cases.duckdb'));
  const lines = CASES.map((c, i) =>
    JSON.stringify({
      case_id: c.id,
      date: `2022-01-${String(i + 1).padStart(2, '0')}`,
      ...(c.seized ? { discovery: { country: c.seized } } : {}),
      locations: c.locations,
      contraband: [{ scientific_name: 'Manis javanica', description: 'scales', quantity: 10, unit: 'kg', value: 1000, currency: 'USD' }],
    }),
  );
  writeFileSync(join(dir, 'cases.ndjson'), lines.join('\n') + '\n');
  await loadFile(db, join(dir, 'cases.ndjson'));
  await runAnalysis(db, getAnalysis('routes'), NO_FILTERS);
  const read = async (view: string) =>
    Object.fromEntries(
      (
        await db.all<{ ref: string; legs: string }>(
          `SELECT s.seizure_ref AS ref, string_agg(l.from_country || '→' || l.to_country, ' ' ORDER BY l.step, l.from_country) AS legs
     FROM ${view} l JOIN seizures s USING (seizure_id) GROUP BY 1`,
        )
      ).map((r) => [r.ref, r.legs]),
    );
  legs = await read('f_legs');
  listed = await read('f_listed_legs');
  stages = Object.fromEntries(
    (await db.all<{ ref: string; stage: string }>('SELECT seizure_ref AS ref, seizing_stage AS stage FROM f_seizures')).map((r) => [
      r.ref,
      r.stage,
    ]),
  );
  return () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

describe('the seizing country in the trade chain', () => {
  it('leaves a chain that already lists the seizing country as it is, the stage where it is listed', () => {
    expect([legs['listed-destination'], stages['listed-destination']]).toEqual(['VN→CN', 'destination']);
    expect([legs['listed-transit'], stages['listed-transit']]).toEqual(['VN→HK HK→CN', 'transit']);
    expect([legs['listed-origin'], stages['listed-origin']]).toEqual(['VN→CN', 'origin']);
  });

  it('places a seizing country the chain does not list after the origin, export and transits and before the destination', () => {
    // NG (origin and export, collapsed) → ET → seized in TH → CN; as listed, NG→ET→CN.
    expect(legs['before-destination']).toBe('NG→ET ET→TH TH→CN');
    expect(listed['before-destination']).toBe('NG→ET ET→CN');
    expect(stages['before-destination']).toBe('transit');
  });

  it('places it as the destination when the chain ends before it: a China seizure of pangolins from Viet Nam is a VN→CN leg', () => {
    expect([legs['chain-ends-origin'], stages['chain-ends-origin']]).toEqual(['VN→CN', 'destination']);
    expect(listed['chain-ends-origin']).toBeUndefined();
    expect([legs['chain-ends-transit'], stages['chain-ends-transit']]).toEqual(['MM→LA LA→CN', 'destination']);
  });

  it('places it before a destination stated unknown, and draws no leg to the unknown', () => {
    expect([legs['destination-unknown'], stages['destination-unknown']]).toEqual(['NG→TH', 'transit']);
  });

  it('places nothing without a seizing country or without a chain, and calls the stage unknown', () => {
    expect([legs['no-seizing-country'], stages['no-seizing-country']]).toEqual(['NG→VN', 'unknown']);
    expect([legs['no-chain'], stages['no-chain']]).toEqual([undefined, 'unknown']);
  });

  it('gives prices the same stage: the pangolin scales seized in China from Viet Nam are priced at the destination', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('prices'), NO_FILTERS);
    const at = (country: string | null, stage: string) => rows.find((r) => r.country === country && r.stage === stage)?.n;
    // CN: listed-destination and both chain-ends cases, all destination; TH: two placed before the destination.
    expect(at('CN', 'destination')).toBe(3);
    expect(at('TH', 'transit')).toBe(2);
    expect(rows.some((r) => r.country === 'CN' && r.stage === 'unknown')).toBe(false);
  });
});
