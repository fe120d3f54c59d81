// Standard quantities (--standardise): ivory weighed from pieces by ETIS's model (worked out here by
// hand, least squares on kg^0.1 against ln(pieces + 1)), the raw-ivory equivalent, wood density and
// whole-organism factors, each with its rule. Hand-made Ecomessage records; every answer by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { InputError, UsageError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';

type Item = { scientific_name: string; description: string; quantity?: number; unit?: string; weight?: number };

// Twelve weighed and counted tusk seizures (pieces 1..12), enough to fit the raw-ivory model.
const WEIGHED = Array.from({ length: 12 }, (_, i) => ({
  pieces: i + 1,
  kg: Math.round(3 * (i + 1) ** 0.8 * (1 + 0.05 * (((i + 1) % 3) - 1)) * 1000) / 1000,
}));
const ITEMS: Item[] = [
  ...WEIGHED.map((w) => ({ scientific_name: 'Loxodonta africana', description: 'tusks', quantity: w.pieces, unit: 'pcs', weight: w.kg })),
  { scientific_name: 'Loxodonta africana', description: 'tusks', quantity: 20, unit: 'pcs' }, // counted only: the model weighs it
  // worked, weighed: 10 kg raw-ivory equivalent
  { scientific_name: 'Loxodonta africana', description: 'ivory carvings', quantity: 7, unit: 'kg' },
  // worked, counted: no model (no weighed and counted worked ivory)
  { scientific_name: 'Loxodonta africana', description: 'ivory carvings', quantity: 5, unit: 'pcs' },
  { scientific_name: 'Manis javanica', description: 'scales', quantity: 36.051, unit: 'kg' }, // 0.36051 kg a pangolin: 100
  // genus Manis: 100 (46.699 / 0.57347 to 46.699 / 0.36051)
  { scientific_name: 'Manis spp.', description: 'scales', quantity: 46.699, unit: 'kg' },
  { scientific_name: 'Rhinocerotidae', description: 'horns', quantity: 6, unit: 'pcs' }, // family: 2 a rhinoceros (1 to 2): 3 (3 to 6)
  { scientific_name: 'Diceros bicornis', description: 'horns', quantity: 4, unit: 'pcs' }, // genus Diceros: 2 horns, 2 animals
  { scientific_name: 'Dalbergia cochinchinensis', description: 'logs', quantity: 2, unit: 'm3' }, // 1035 kg/m³: 2070 kg
  { scientific_name: 'Astrochelys radiata', description: 'live', quantity: 5, unit: 'pcs' }, // any taxon, live: 5
];

let db: Database;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wen-standard-'));
  db = await Database.open(join(dir, 'standard.duckdb'));
  const records = ITEMS.map((item, i) =>
    JSON.stringify({ case_id: `S${i + 1}`, date: '2022-03-01', discovery: { country: 'TH' }, contraband: [item] }),
  );
  writeFileSync(join(dir, 'standard.ndjson'), records.join('\n') + '\n');
  await loadFile(db, join(dir, 'standard.ndjson'));
  return () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

async function standardised(extra: Record<string, unknown> = {}) {
  const result = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, { standardise: true, ...extra });
  return { bySpecies: new Map(result.rows.map((r) => [String(r.species), r])), notes: result.notes };
}

/** Least squares of y on x, by hand. */
function leastSquares(xs: number[], ys: number[]): { a: number; b: number } {
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { a: my - b * mx, b };
}

describe('standard quantities', () => {
  it('weighs counted ivory by the model fitted on the weighed and counted records, as ETIS does', async () => {
    const { a, b } = leastSquares(
      WEIGHED.map((w) => Math.log(w.pieces + 1)),
      WEIGHED.map((w) => w.kg ** 0.1),
    );
    const twentyTusks = (a + b * Math.log(21)) ** (1 / 0.1);
    const { bySpecies, notes } = await standardised();
    const ivory = bySpecies.get('Loxodonta africana')!;
    expect(Number(ivory.kg_estimated)).toBeCloseTo(twentyTusks, 2);
    // raw ivory as weighed, the twenty tusks as estimated, and 7 kg of carvings ÷ 0.7
    const weighed = WEIGHED.reduce((s, w) => s + w.kg, 0);
    expect(Number(ivory.raw_ivory_kg)).toBeCloseTo(weighed + twentyTusks + 10, 2);
    expect(Number(ivory.quantity_kg)).toBeCloseTo(weighed + 7, 3); // as weighed: estimates apart
    expect(String(ivory.standard_rules)).toContain('raw ivory model (ETIS)');
    expect(String(ivory.standard_rules)).toContain('worked ivory not weighed: 0 weighed and counted records, 10 needed');
    expect(
      notes.some(
        (n) => n.startsWith('raw ivory weighed from pieces as ETIS does') && n.includes('fitted on 12 weighed and counted records'),
      ),
    ).toBe(true);
    expect(notes.some((n) => n.startsWith('worked ivory counted but not weighed stays unweighed: 0 records'))).toBe(true);
    // 78 weighed tusks and 20 counted ones, a pair to an elephant (one each at the high end)
    expect(ivory).toMatchObject({ organisms: 49, organisms_low: 49, organisms_high: 98 });
  });

  it('turns kilograms of scales into pangolins by the most specific factor, with its range', async () => {
    const { bySpecies } = await standardised();
    expect(bySpecies.get('Manis javanica')).toMatchObject({ organisms: 100, organisms_low: 100, organisms_high: 100 });
    const manis = bySpecies.get('Manis spp.')!;
    expect(manis).toMatchObject({
      organisms: 100,
      organisms_low: Math.round((46.699 / 0.57347) * 10) / 10,
      organisms_high: Math.round((46.699 / 0.36051) * 10) / 10,
    });
    expect(String(manis.standard_rules)).toMatch(/^Manis SCA: 0\.46699 kg per organism, range 0\.36051–0\.57347 \(Zhou et al\. 2012/);
  });

  it('counts rhinoceroses from horns, two to an animal unless the genus has one', async () => {
    const { bySpecies } = await standardised();
    expect(bySpecies.get('Rhinocerotidae')).toMatchObject({ organisms: 3, organisms_low: 3, organisms_high: 6 });
    expect(bySpecies.get('Diceros bicornis')).toMatchObject({ organisms: 2, organisms_low: 2, organisms_high: 2 });
  });

  it('weighs timber by its wood density and counts live animals one each', async () => {
    const { bySpecies } = await standardised();
    const logs = bySpecies.get('Dalbergia cochinchinensis')!;
    expect(logs.kg_estimated).toBe(2070);
    expect(String(logs.standard_rules)).toMatch(/^wood density 1035 kg\/m³ \(Dalbergia cochinchinensis; The Wood Database/);
    expect(bySpecies.get('Astrochelys radiata')).toMatchObject({ organisms: 5, kg_estimated: null });
  });

  it('ranks by whole organisms, and refuses --by organisms without --standardise', async () => {
    const result = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, { standardise: true, by: 'organisms' });
    expect(result.rows.slice(0, 4).map((r) => r.species)).toEqual([
      'Manis javanica',
      'Manis spp.',
      'Loxodonta africana',
      'Astrochelys radiata',
    ]);
    await expect(runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, { by: 'organisms' })).rejects.toThrow(UsageError);
  });

  it('leaves every standard column empty without --standardise', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS);
    for (const row of rows)
      expect([row.kg_estimated, row.raw_ivory_kg, row.organisms, row.standard_rules]).toEqual([null, null, null, null]);
  });

  it("reads the user's factors instead of the bundled ones, and names the line of a bad one", async () => {
    const good = join(dir, 'factors.csv');
    writeFileSync(good, '# mine\ntaxon,rank,term,unit,low,mid,high,source\nManis javanica,species,SCA,kg,0.3,0.5,0.6,my survey\n');
    const { bySpecies } = await standardised({ factors: good });
    expect(bySpecies.get('Manis javanica')).toMatchObject({ organisms: 72.1, organisms_low: 60.1, organisms_high: 120.2 });
    expect(bySpecies.get('Astrochelys radiata')!.organisms).toBeNull(); // the bundled LIV rule is not in the user's file
    const bad = join(dir, 'bad-factors.csv');
    writeFileSync(
      bad,
      'taxon,rank,term,unit,low,mid,high,source\nManis javanica,species,SCA,kg,0.3,0.5,0.6,ok\nManis,genus,SCA,kg,0.6,0.5,0.4,reversed\n',
    );
    const error = await standardised({ factors: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${bad}: factor 3 (Manis): low, mid and high must be above 0 and in order`);
  });
});

describe('standard quantities in species-trends', () => {
  it('adds the estimated kilograms and the organisms of each taxon and period', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('species-trends'), NO_FILTERS, { standardise: true });
    const bySpecies = new Map(rows.map((r) => [String(r.species), r]));
    expect(bySpecies.get('Dalbergia cochinchinensis')).toMatchObject({ period: '2022', kg_estimated: 2070, organisms: null });
    expect(bySpecies.get('Manis javanica')).toMatchObject({ period: '2022', organisms: 100 });
    const plain = await runAnalysis(db, getAnalysis('species-trends'), NO_FILTERS);
    expect(plain.rows.every((r) => r.kg_estimated === null && r.organisms === null)).toBe(true);
  });
});
