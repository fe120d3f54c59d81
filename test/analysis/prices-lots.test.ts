// Prices of lots: a value with no quantity (an online ad, a court case) is the price of its lot,
// shown beside per-kg and per-item prices in prices and markets; a quantity in another unit is priced
// per that unit; and target-species ranks by items (individuals and pieces). Hand-made records, answers by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile } from '../../src/load/loader.js';

// All seized in TH on the way from NG to CN (TH placed before the destination: stage transit).
const LINES: Array<{ id: string; name: string; description: string; quantity?: number; unit?: string; value: number }> = [
  { id: 'AD1', name: 'Manis javanica', description: 'scales', value: 1200 }, // an ad: a price, no quantity
  { id: 'AD2', name: 'Manis javanica', description: 'scales', value: 800 },
  { id: 'K1', name: 'Manis javanica', description: 'scales', quantity: 10, unit: 'kg', value: 3000 },
  { id: 'L1', name: 'Astrochelys radiata', description: 'live', quantity: 5, value: 2500 },
  { id: 'T1', name: 'Dalbergia cochinchinensis', description: 'logs', quantity: 2, unit: 'm3', value: 1000 }, // neither kg nor a count
];

let db: Database;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wen-lots-'));
  db = await Database.open(join(dir, 'lots.duckdb'));
  const records = LINES.map((l) =>
    JSON.stringify({
      case_id: l.id,
      date: '2022-03-01',
      discovery: { country: 'TH' },
      locations: { origin: ['NG'], destination: 'CN' },
      contraband: [
        {
          scientific_name: l.name,
          description: l.description,
          ...(l.quantity ? { quantity: l.quantity } : {}),
          ...(l.unit ? { unit: l.unit } : {}),
          value: l.value,
          currency: 'USD',
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'lots.ndjson'), records.join('\n') + '\n');
  await loadFile(db, join(dir, 'lots.ndjson'));
  return () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

describe('prices of lots', () => {
  it('prices a value with no quantity per lot, beside the per-kg and per-item prices', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('prices'), NO_FILTERS);
    expect(rows.map((r) => [r.species, r.term, r.stage, r.country, r.unit, r.n, r.median_usd_per_unit])).toEqual([
      ['Astrochelys radiata', 'LIV', 'transit', 'TH', 'USD/item', 1, 500], // 2500 for 5 live animals
      ['Dalbergia cochinchinensis', 'LOG', 'transit', 'TH', 'USD/CUM', 1, 500], // 1000 for 2 m³, per m³ as given
      ['Manis javanica', 'SCA', 'transit', 'TH', 'USD/kg', 1, 300], // 3000 for 10 kg
      ['Manis javanica', 'SCA', 'transit', 'TH', 'USD/lot', 2, 1000], // the two ads, 800 and 1200: median 1000
    ]);
  });

  it('gives markets a median per kg, per item and per lot (the m³ of logs in none of them)', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('markets'), NO_FILTERS);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      market: 'CN',
      seizures: 5,
      median_usd_per_kg: 300,
      median_usd_per_item: 500,
      median_usd_per_lot: 1000,
      value_usd: 8500,
    });
  });
});

describe('target-species by items', () => {
  it('ranks taxa by the individuals and pieces seized: the 5 live tortoises first, though the scales outweigh them', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, { by: 'items' });
    // Astrochelys radiata 5 items; Manis javanica 10 kg and no items; Dalbergia 2 m³ and no items.
    expect(rows.map((r) => [r.rank, r.species, r.items])).toEqual([
      [1, 'Astrochelys radiata', 5],
      [2, 'Dalbergia cochinchinensis', null],
      [3, 'Manis javanica', null],
    ]);
    const byKg = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, { by: 'kg' });
    expect(byKg.rows[0].species).toBe('Manis javanica');
  });
});
