// The analyses on the bundled sample data: golden files (UPDATE_GOLDEN=1 rewrites them after a
// deliberate change; review the diff), and the contract between definitions, SQL files and charts.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS, type FilterFlags } from '../src/analysis/filters.js';
import { ANALYSES, getAnalysis } from '../src/analysis/registry.js';
import { QUERIES_DIR, runAnalysis, sqlFileFor } from '../src/analysis/run.js';
import { compileChart, renderSvg } from '../src/charts/render.js';
import { Database } from '../src/db/database.js';
import { loadPath } from '../src/load/loader.js';
import { MAPPINGS, REPO, SAMPLE_DATA } from './helpers.js';

const GOLDEN = join(REPO, 'test', 'golden');
let db: Database;

beforeAll(async () => {
  // Pseudonyms in the golden files need a fixed key (each new database makes a random one).
  process.env.WEN_REDACTION_KEY = 'golden-files-only';
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-sample-')), 'sample.duckdb'));
  await loadPath(db, SAMPLE_DATA);
  // data-quality shows the day each report was received (its load day): pinned, so that the golden
  // file does not change with the day the tests run.
  await db.run("UPDATE sources SET loaded_at = TIMESTAMP '2026-11-22 12:00:00'");
  return () => db.close();
}, 120_000);

const CASES: Array<[file: string, analysis: string, options: Record<string, unknown>, filters: FilterFlags, view?: string]> = [
  ['patterns.weekday', 'patterns', { by: 'weekday' }, {}],
  ['patterns.month-of-year', 'patterns', { by: 'month-of-year' }, { from: '2020', to: '2024' }],
  ['routes.manidae', 'routes', {}, { species: 'Manidae' }],
  ['routes.countries', 'routes', {}, { from: '2023' }, 'countries'],
  ['routes.hotspots', 'routes', {}, { term: 'HOR' }, 'hotspots'],
  ['repeat-suspects', 'repeat-suspects', { minSeizures: 8 }, {}],
  ['prices.scales', 'prices', {}, { species: 'Manidae', term: 'scales' }],
  ['species-trends.family', 'species-trends', { rank: 'family' }, {}],
  ['target-species', 'target-species', { by: 'kg' }, {}],
  ['target-species.standardised', 'target-species', { by: 'organisms', standardise: true }, { from: '2023' }],
  ['adjusted-trends.pangolins', 'adjusted-trends', {}, { species: 'Manidae' }],
  ['modus-operandi', 'modus-operandi', { minSeizures: 8 }, {}],
  ['evidence', 'evidence', {}, {}],
  ['evidence.fraud', 'evidence', {}, {}, 'fraud'],
  ['suspect-profiling.pangolins', 'suspect-profiling', {}, { species: 'Manidae' }],
  ['motives', 'motives', {}, { from: '2024' }],
  ['markets', 'markets', {}, {}],
  ['financing', 'financing', { redact: true }, {}],
  ['target-criminals', 'target-criminals', { top: 20, redact: true }, {}],
  ['data-quality', 'data-quality', {}, {}],
  ['networks', 'networks', { redact: true }, { from: '2023' }],
  ['forensics', 'forensics', {}, {}],
  ['forensics.origins', 'forensics', {}, {}, 'origins'],
  ['financing.flows', 'financing', { redact: true }, {}, 'flows'],
  ['repeat-suspects.timeline', 'repeat-suspects', { focus: 'Samuel Nkemelu', redact: true }, {}, 'timeline'],
  ['outcomes.2024', 'outcomes', {}, { from: '2024' }],
  ['interception.sample', 'interception', { interceptionRates: join(MAPPINGS, 'interception-rates.csv'), draws: 2000 }, { from: '2023' }],
];

/** Options an analysis cannot run without (interception needs a rates file), for the contract tests below. */
const REQUIRED_OPTIONS: Record<string, Record<string, unknown>> = {
  interception: { interceptionRates: join(MAPPINGS, 'interception-rates.csv'), draws: 1000 },
};

describe('golden outputs on the sample data', () => {
  it.each(CASES)('%s', async (file, name, options, flags, view) => {
    const { rows } = await runAnalysis(db, getAnalysis(name), filtersFrom(flags), options, { view });
    const actual = JSON.stringify(rows, null, 1) + '\n';
    const path = join(GOLDEN, `${file}.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('has a golden case for every analysis', () => {
    expect(new Set(CASES.map((c) => c[1]))).toEqual(new Set(ANALYSES.map((a) => a.name)));
  });

  it('annual report 2024 (every section but those that show the load date)', async () => {
    const { buildAnnualReport } = await import('../src/report/annual.js');
    const report = await buildAnnualReport(db, { year: 2024, top: 20 });
    const sections = report.sections
      .filter((s) => !['reports-received', 'sources'].includes(s.id))
      .map((s) => ({ id: s.id, rows: s.rows }));
    const actual = JSON.stringify(sections, null, 1) + '\n';
    const path = join(GOLDEN, 'annual-report-2024.json');
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
    // Every seizure of 2024 is in the value table's total.
    const direct = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM seizures WHERE year(date) = 2024');
    expect(report.sections.find((s) => s.id === 'values')!.rows.at(-1)).toMatchObject({
      taxonomic_group: 'all groups',
      seizures: direct!.n,
    });
  });
});

describe('cross-checks against plain SQL on the sample data', () => {
  it('species-trends counts the same seizures per family and year as a direct query', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('species-trends'), NO_FILTERS, { rank: 'family' });
    const direct = await db.all<{ family: string; year: string; n: number }>(
      `SELECT sp.family, year(s.date)::VARCHAR AS year, count(DISTINCT s.seizure_id)::INTEGER AS n
       FROM specimens sp JOIN seizures s USING (seizure_id) WHERE sp.family IS NOT NULL AND s.date_precision IN ('day', 'month', 'year')
         GROUP BY 1, 2`,
    );
    const seen = rows
      .filter((r) => Number(r.seizures) > 0)
      .map((r) => `${r.species} ${r.period} ${r.seizures}`)
      .sort();
    expect(seen).toEqual(direct.map((d) => `${d.family} ${d.year} ${d.n}`).sort());
  });

  it('patterns by year counts every seizure with a known year once', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'year' });
    const direct = await db.one<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM seizures WHERE date_precision IN ('day', 'month', 'year')",
    );
    expect(rows.reduce((n, r) => n + Number(r.seizures), 0)).toBe(direct!.n);
  });

  it('routes counts each leg of a chain once per seizure, as the chain rule written out in JavaScript does', async () => {
    const { rows } = await runAnalysis(db, getAnalysis('routes'), filtersFrom({ country: 'NG', role: 'origin' }), {});
    type Chain = {
      origin_countries: string[] | null;
      export_country: string | null;
      transit_countries: string[] | null;
      destination_countries: string[] | null;
      seizure_country: string | null;
    };
    const chains = await db.all<Chain>(
      'SELECT origin_countries, export_country, transit_countries, ' +
        "destination_countries, seizure_country FROM seizures WHERE list_contains(origin_countries, 'NG')",
    );
    // The rule of docs/analyses.md (routes), independently of the SQL: origin(s) → export → transit(s) → destination(s); the seizing
    // country, when listed nowhere, just before the destination (or at the end); a stage of only XX breaks the chain,
    // XX beside known countries is dropped; a stage equal to the one before is collapsed; each country of a stage
    // joins each of the next.
    const legs = (s: Chain): Set<string> => {
      const listed = [...(s.origin_countries ?? []), s.export_country, ...(s.transit_countries ?? []), ...(s.destination_countries ?? [])];
      const placed = s.seizure_country && s.seizure_country !== 'XX' && !listed.includes(s.seizure_country) ? [[s.seizure_country]] : [];
      const given = [
        s.origin_countries ?? [],
        s.export_country ? [s.export_country] : [],
        ...(s.transit_countries ?? []).map((c) => [c]),
        ...placed,
        s.destination_countries ?? [],
      ]
        .map((stage) => (stage.length && stage.every((c) => c === 'XX') ? ['?'] : stage.filter((c) => c !== 'XX')))
        .filter((stage) => stage.length);
      const stages = given.filter((stage, i) => i === 0 || [...stage].sort().join() !== [...given[i - 1]].sort().join());
      const out = new Set<string>();
      for (let i = 0; i + 1 < stages.length; i++)
        for (const from of stages[i])
          for (const to of stages[i + 1]) if (from !== to && from !== '?' && to !== '?') out.add(`${from}→${to}`);
      return out;
    };
    const expected = new Map<string, number>();
    for (const chain of chains) for (const leg of legs(chain)) expected.set(leg, (expected.get(leg) ?? 0) + 1);
    expect(chains.length).toBeGreaterThan(100);
    expect(rows.find((r) => r.from === 'NG' && r.to === 'VN')!.seizures).toBe(expected.get('NG→VN'));
    expect(new Map(rows.map((r) => [`${r.from}→${r.to}`, Number(r.seizures)]))).toEqual(expected);
  });
});

describe('the contract between definitions, SQL files and charts', () => {
  it('has one SQL file per analysis and view, and no SQL file without one', () => {
    const expected = ANALYSES.flatMap((a) => ['default', ...Object.keys(a.views ?? {})].map((v) => sqlFileFor(a, v))).sort();
    expect(
      readdirSync(QUERIES_DIR)
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    ).toEqual(expected);
  });

  it.each(ANALYSES.flatMap((a) => ['default', ...Object.keys(a.views ?? {})].map((v) => [a.name, v] as const)))(
    '%s (%s view) returns exactly its documented columns',
    async (name, view) => {
      const definition = getAnalysis(name);
      // a view that shows one identity needs one (identity 1 of the sample); interception needs its rates file
      const result = await runAnalysis(db, definition, NO_FILTERS, view === 'timeline' ? { focus: '1' } : (REQUIRED_OPTIONS[name] ?? {}), {
        view,
      });
      expect(result.rows.length).toBeGreaterThan(0);
      expect(Object.keys(result.rows[0])).toEqual(result.columns);
    },
  );

  it.each(ANALYSES.map((a) => a.name))('%s draws a chart that compiles without warnings and renders', async (name) => {
    const definition = getAnalysis(name);
    const result = await runAnalysis(db, definition, NO_FILTERS, REQUIRED_OPTIONS[name] ?? {});
    const spec = (await definition.chart!(result.rows, result.context))!;
    expect(compileChart(spec).warnings).toEqual([]);
    expect(await renderSvg(spec)).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('draws the weekday × hour heatmap without warnings', async () => {
    const definition = getAnalysis('patterns');
    const result = await runAnalysis(db, definition, NO_FILTERS, { by: 'weekday-hour' });
    expect(compileChart((await definition.chart!(result.rows, result.context))!).warnings).toEqual([]);
  });
});
