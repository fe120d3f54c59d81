// ETIS's seizures in/out, ratios and Trade Chain Index on hand-made chains, worked out by hand from
// TRAFFIC's definitions (DataDefinitions.md and "Trade Route Calculation.R" of
// fmunderwood/ETIS_CITESReporting_RCode), and the figures on the sample data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { Database } from '../../src/db/database.js';
import { loadFile, loadPath } from '../../src/load/loader.js';
import { SAMPLE_DATA, tempDatabase, tempDir } from '../helpers.js';

// S1 is ETIS's own example: seized in SG, ivory from UG and KE, exported from KE, through AE and MY,
// bound for CN. S2 is seized at its destination CN; S3 is seized in KE, where it came from.
const CASES = [
  {
    case_id: 'S1',
    reporting_country: 'SG',
    date: '2021-05-01',
    discovery: { country: 'SG' },
    locations: { origin: ['UG', 'KE'], provenance: 'KE', transit: ['AE', 'MY'], destination: 'CN' },
  },
  {
    case_id: 'S2',
    reporting_country: 'CN',
    date: '2021-06-01',
    discovery: { country: 'CN' },
    locations: { origin: ['KE'], transit: ['AE'], destination: 'CN' },
  },
  {
    case_id: 'S3',
    reporting_country: 'KE',
    date: '2021-07-01',
    discovery: { country: 'KE' },
    locations: { origin: ['KE'], provenance: 'KE', destination: 'CN' },
  },
].map((c) => ({ ...c, contraband: [{ scientific_name: 'Loxodonta africana', description: 'tusks', quantity: 10, unit: 'kg' }] }));

async function countries(db: Database, filters = NO_FILTERS) {
  const { rows } = await runAnalysis(db, getAnalysis('routes'), filters, {}, { view: 'countries' });
  return Object.fromEntries(rows.map((r) => [r.country, r]));
}

describe('routes --view countries on hand-made chains', () => {
  let db: Database;
  beforeAll(async () => {
    // One database for the describe block (tempDatabase closes its own after each test).
    const dir = mkdtempSync(join(tmpdir(), 'wen-etis-'));
    db = await Database.open(join(dir, 'chains.duckdb'));
    writeFileSync(join(dir, 'chains.ndjson'), CASES.map((c) => JSON.stringify(c)).join('\n') + '\n');
    await loadFile(db, join(dir, 'chains.ndjson'));
    return () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });

  it(
    'counts a seizure "out" for the countries before the destination ' +
      'in the law-enforcement definition, and for the destination too ' +
      'in the trade-flow one',
    async () => {
      const by = await countries(db);
      // S1: out (law enforcement) for UG, KE, AE, MY; CN never had the consignment. MY counts because
      // wen's files do not say whether a transit was in the chain of custody (ETIS would leave it out if not).
      expect(by.SG).toMatchObject({
        seizures_in: 1,
        seizures_out_law_enforcement: 0,
        seizures_out_trade_flow: 0,
        law_enforcement_ratio: 1,
        trade_flow_ratio: 1,
      });
      expect(by.UG).toMatchObject({
        as_origin: 1,
        seizures_in: 0,
        seizures_out_law_enforcement: 1,
        seizures_out_trade_flow: 1,
        law_enforcement_ratio: 0,
      });
      expect(by.MY).toMatchObject({ as_transit: 1, seizures_out_law_enforcement: 1, seizures_out_trade_flow: 1 });
      // AE: transit of S1 and S2, both seized elsewhere.
      expect(by.AE).toMatchObject({ as_transit: 2, seizures_out_law_enforcement: 2, seizures_out_trade_flow: 2, law_enforcement_ratio: 0 });
      // CN: made S2 (in 1); destination of S1 and S3, seized elsewhere: out 0 by law enforcement, 2 by trade flow.
      // Law-enforcement ratio 1 / (1 + 0) = 1; trade-flow 1 / (1 + 2) = 0.333.
      expect(by.CN).toMatchObject({
        as_destination: 3,
        seizures_in: 1,
        seizures_out_law_enforcement: 0,
        seizures_out_trade_flow: 2,
        law_enforcement_ratio: 1,
        trade_flow_ratio: 0.333,
      });
      // KE: made S3 (not "out" for its own seizure); origin of S1 and S2 and export of S1: out 2 either way; 1 / 3.
      expect(by.KE).toMatchObject({
        as_origin: 3,
        as_export: 2,
        seizures_in: 1,
        seizures_out_law_enforcement: 2,
        seizures_out_trade_flow: 2,
        law_enforcement_ratio: 0.333,
        trade_flow_ratio: 0.333,
      });
    },
  );

  it('computes the Trade Chain Index as ETIS does: ln(dest + 1) − ln(oet + 1) on percentage scores', async () => {
    const by = await countries(db);
    // Seizures naming an origin 3, an export 2 (S1, S3), a transit 2 (S1, S2), a destination 3.
    // CN: dest 100·3/3 = 100, oet 0 → ln 101 = 4.615.
    expect(by.CN.trade_chain_index).toBe(4.615);
    // KE: origin 100·3/3, export 100·2/2, transit 0 → oet 200/3; −ln(1 + 200/3) = −4.215.
    expect(by.KE.trade_chain_index).toBe(-4.215);
    // AE: transit 100·2/2 → oet 100/3: −ln(1 + 100/3) = −3.536. UG: origin 100/3 → oet 100/9: −ln(1 + 100/9) = −2.494.
    expect(by.AE.trade_chain_index).toBe(-3.536);
    expect(by.UG.trade_chain_index).toBe(-2.494);
    // MY: transit 100·1/2 → oet 50/3: −ln(1 + 50/3) = −2.872. SG is in no chain: 0.
    expect(by.MY.trade_chain_index).toBe(-2.872);
    expect(by.SG.trade_chain_index).toBe(0);
  });

  it('leaves unknown countries (XX) out of every count', async () => {
    const own = await tempDatabase();
    const file = join(tempDir(), 'unknown.ndjson');
    writeFileSync(
      file,
      JSON.stringify({ ...CASES[1], case_id: 'U1', locations: { origin: ['XX'], transit: ['AE'], destination: 'CN' } }) + '\n',
    );
    await loadFile(own, file);
    const by = await countries(own);
    expect(Object.keys(by).sort()).toEqual(['AE', 'CN']);
    expect(by.AE).toMatchObject({ seizures_out_law_enforcement: 1, seizures_out_trade_flow: 1 });
  });
});

describe('routes --view countries on the sample data', () => {
  it("gives the issue's figures: China's law-enforcement ratio 0.901 and trade-flow ratio 0.534", async () => {
    const db = await tempDatabase();
    await loadPath(db, SAMPLE_DATA);
    const by = await countries(db, filtersFrom({}));
    expect(by.CN).toMatchObject({ law_enforcement_ratio: 0.901, trade_flow_ratio: 0.534 });
    expect(by.VN).toMatchObject({ law_enforcement_ratio: 0.856, trade_flow_ratio: 0.547 });
    expect(by.HK).toMatchObject({ law_enforcement_ratio: 0.925, trade_flow_ratio: 0.546 });
  }, 120_000);
});
