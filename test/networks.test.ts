// networks on two hand-made databases whose answers are worked out in the comments: a five-person
// graph loaded first (seizure ids 1–5) with betweenness and closeness counted by hand from
// networkx's definitions, and one link of each kind beside values too short or too vague to link.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../src/analysis/filters.js';
import { getAnalysis } from '../src/analysis/registry.js';
import { runAnalysis } from '../src/analysis/run.js';
import type { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { compileChart, renderSvg } from '../src/charts/render.js';
import { FIXTURES, tempDatabase } from './helpers.js';

async function databaseWith(...files: string[]): Promise<Database> {
  const db = await tempDatabase();
  for (const file of files) await loadFile(db, join(FIXTURES, file));
  return db;
}

// Nodes are identities (numbers given at load); each fixture person has one passport, so rows are
// keyed here by it to keep the worked answers readable.
// biome-ignore lint/suspicious/noExplicitAny: rows of many shapes whose columns the assertions read by name
async function byIdentity(db: Database, options: Record<string, unknown> = {}): Promise<Record<string, Record<string, any>>> {
  const passports = new Map(
    (
      await db.all<{ identity_id: number; passport: string }>(
        'SELECT i.identity_id, min(a.passport_numbers[1]) AS passport FROM identities i JOIN actors a USING (actor_id) GROUP BY 1',
      )
    ).map((r) => [String(r.identity_id), `passport:${r.passport}`]),
  );
  const { rows } = await runAnalysis(db, getAnalysis('networks'), NO_FILTERS, options);
  return Object.fromEntries(rows.map((r) => [passports.get(String(r.identity)) ?? String(r.identity), r]));
}

describe('networks on a graph worked out by hand', () => {
  // N1 {A, B}, N2 {A, B}, N3 {B, C}, N4 {C, D}, N5 {E}; A and D share a phone (written two ways),
  // C and E a plate (written two ways). The graph is the square A–B–C–D–A with E hanging from C;
  // the tie A–B is two shared seizures (weight 2), every other tie weight 1.
  it('keeps the co-offender links of seizures 1 to 5, the first ids of a new database', async () => {
    const db = await databaseWith('network-graph.ndjson');
    expect(await db.one('SELECT min(seizure_id)::INTEGER AS lo, max(seizure_id)::INTEGER AS hi FROM seizures')).toEqual({ lo: 1, hi: 5 });
    const rows = await byIdentity(db);
    expect(Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, [r.degree, r.links]]))).toEqual({
      'passport:PA1': [2, ['same seizure', 'shared phone']],
      'passport:PB1': [2, ['same seizure']],
      'passport:PC1': [3, ['same seizure', 'shared vehicle']],
      'passport:PD1': [2, ['same seizure', 'shared phone']],
      'passport:PE1': [1, ['shared vehicle']],
    });
  });

  it('lists the roles each person had, in every seizure', async () => {
    const rows = await byIdentity(await databaseWith('network-graph.ndjson'));
    // A: courier in N1, financier in N2; B: dealer and "trader" (a dealer); C, D, E: none given.
    expect([rows['passport:PA1'].roles, rows['passport:PB1'].roles, rows['passport:PC1'].roles]).toEqual([
      ['courier', 'financier'],
      ['dealer'],
      [],
    ]);
  });

  it('measures betweenness and closeness on the unweighted graph, normalised as networkx', async () => {
    const rows = await byIdentity(await databaseWith('network-graph.ndjson'));
    // Shortest paths (n = 5): A–C two (via B, via D), A–E two (A–B–C–E, A–D–C–E), B–D two (via A, via C),
    // B–E and D–E through C. Raw betweenness (each pair's share of its shortest paths through the node):
    // A ½ (B–D); B ½ + ½ (A–C, A–E); C 1 + ½ + 1 + 1 = 3.5 (A–E, B–D, B–E, D–E); D ½ + ½ (A–C, A–E); E 0.
    // Normalised by the (n−1)(n−2)/2 = 6 pairs that do not include the node: 1/12, 1/6, 7/12, 1/6, 0.
    // Closeness = (n−1) / Σ distances: A 4/7 (1+2+1+3), B 4/6, C 4/5, D 4/6, E 4/8 (everyone is reached, so
    // the Wasserman–Faust factor r/(n−1) is 1).
    expect(Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, [r.betweenness, r.closeness]]))).toEqual({
      'passport:PA1': [0.0833, 0.5714],
      'passport:PB1': [0.1667, 0.6667],
      'passport:PC1': [0.5833, 0.8],
      'passport:PD1': [0.1667, 0.6667],
      'passport:PE1': [0, 0.5],
    });
  });

  it('reads a strong tie as a short step in the weighted betweenness (distance = 1 / weight)', async () => {
    const rows = await byIdentity(await databaseWith('network-graph.ndjson'));
    // A–B is ½ long, every other tie 1: A–C goes A–B–C (1.5 < 2), A–E goes A–B–C–E (2.5 < 3), B–D goes
    // B–A–D (1.5 < 2). Raw: A 1 (B–D), B 2 (A–C, A–E), C 3 (A–E, B–E, D–E), D 0, E 0; over 6 pairs.
    // (Reading the weight as a distance, as wen did before, sends these paths the other way: D 2/6, A 0.)
    expect(Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, r.betweenness_weighted]))).toEqual({
      'passport:PA1': 0.1667,
      'passport:PB1': 0.3333,
      'passport:PC1': 0.5,
      'passport:PD1': 0,
      'passport:PE1': 0,
    });
  });

  it('measures the whole selection, so --focus shows a neighbourhood without changing its numbers', async () => {
    const db = await databaseWith('network-graph.ndjson');
    const focused = await byIdentity(db, { focus: 'Eshe Wanjiru', depth: 1 });
    // E's neighbourhood at depth 1 is E and C; C keeps its 3 links and 7/12 betweenness from the whole graph.
    expect(Object.fromEntries(Object.entries(focused).map(([id, r]) => [id, [r.degree, r.betweenness]]))).toEqual({
      'passport:PC1': [3, 0.5833],
      'passport:PE1': [1, 0],
    });
  });
});

describe('the networks chart', () => {
  it('names the nodes of a --focus neighbourhood, with pseudonyms under --redact', async () => {
    const db = await databaseWith('network-graph.ndjson');
    const definition = getAnalysis('networks');
    const plain = await runAnalysis(db, definition, NO_FILTERS, { focus: 'Chiku Njoroge', depth: 1 });
    const spec = (await definition.chart!(plain.rows, plain.context)) as {
      layer: Array<{ mark: { type: string }; data: { values: Array<{ name: string }> } }>;
    };
    expect(compileChart(spec).warnings).toEqual([]);
    const text = spec.layer.find((l) => l.mark.type === 'text');
    // C's neighbours at depth 1: B (N3), D (N4) and E (the plate)
    expect(text?.data.values.map((v) => v.name).sort()).toEqual(['Baraka Mwangi', 'Chiku Njoroge', 'Daudi Kiprop', 'Eshe Wanjiru']);
    expect(await renderSvg(spec)).toContain('Daudi Kiprop');
    const redacted = await runAnalysis(db, definition, NO_FILTERS, { focus: 'Chiku Njoroge', depth: 1, redact: true });
    const svg = await renderSvg((await definition.chart!(redacted.rows, redacted.context))!);
    expect(svg).not.toContain('Daudi Kiprop');
    expect(svg).toContain(String(redacted.rows.find((r) => r.degree === 3)!.name));
  });
});

describe('networks: one link of each kind, and values that link nobody', () => {
  // L1 G and L2 H: the same air waybill and the same address, each written two ways; both also carry
  // the placeholder document "NA", the phone "12" and the town "Lagos", which K (L4) and L (L5) share.
  // L3 I and J: one seizure with one bill of lading, two forensic samples of one match group and the
  // phone "00000000" each. L5 L and L6 M: samples of match group F1. L7 and L8: two Ade Bellos with
  // different passports. Payments: G pays M, and G pays "Ade Bello".
  const files = ['network-links.ndjson', 'network-forensic.csv', 'network-payments.csv'];

  it('links by shared document, address, forensic match and payment, each across seizures', async () => {
    const rows = await byIdentity(await databaseWith(...files), { minSize: 1 });
    expect(Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, r.links]))).toEqual({
      'passport:PG1': ['payment', 'shared address', 'shared document'],
      'passport:PH1': ['shared address', 'shared document'],
      // their seizure's document and match group say nothing the seizure does not: no second link
      'passport:PI1': ['same seizure'],
      'passport:PJ1': ['same seizure'],
      'passport:PL1': ['forensic match'],
      'passport:PM1': ['forensic match', 'payment'],
      // "12", "NA", "Lagos", "NONE" are too short or too vague to identify anything
      'passport:PK1': [],
      // a payment to a name two passport holders share joins neither
      'passport:PN1': [],
      'passport:PN2': [],
    });
  });

  it('gives the isolated actors zero centrality and leaves them out by default', async () => {
    const db = await databaseWith(...files);
    const all = await byIdentity(db, { minSize: 1 });
    expect([all['passport:PK1'].betweenness, all['passport:PK1'].closeness, all['passport:PK1'].degree]).toEqual([0, 0, 0]);
    // G–H, G–M, M–L: a path H–G–M–L of 4 in n = 9 actors; G lies on H–M and H–L, M on G–L and H–L:
    // raw 2 each, over (n−1)(n−2)/2 = 28 pairs = 0.0714. Closeness of G: reaches r = 3 at distances 1, 1, 2:
    // (3/4)·(3/8) = 0.2813 (networkx's Wasserman–Faust correction for a graph in pieces).
    expect([all['passport:PG1'].betweenness, all['passport:PM1'].betweenness, all['passport:PG1'].closeness]).toEqual([
      0.0714, 0.0714, 0.2813,
    ]);
    expect(Object.keys(await byIdentity(db)).sort()).toEqual([
      'passport:PG1',
      'passport:PH1',
      'passport:PI1',
      'passport:PJ1',
      'passport:PL1',
      'passport:PM1',
    ]);
  });
});
