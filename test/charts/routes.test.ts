// The routes charts on hand-made rows: the flow map fitted to its legs' region, legs as arcs with arrow heads at the
// destination end and labels that do not overlap; the countries choropleth; the hotspot bars.
import { describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../src/analysis/definition.js';
import { routes } from '../../src/analysis/definitions/routes.js';
import { compileChart, renderSvg } from '../../src/charts/render.js';
import { fitToPlaces, labelsWithoutOverlap, worldMap } from '../../src/charts/world.js';

const context = (view: string) => ({ view, options: { top: 25 } }) as unknown as AnalysisContext;
/** Three legs into China from South-East Asia: a map of that region, not of the world. */
const LEGS = [
  { from: 'TH', to: 'CN', seizures: 9, quantity_kg: 120 },
  { from: 'VN', to: 'CN', seizures: 5, quantity_kg: 40 },
  { from: 'MY', to: 'TH', seizures: 2, quantity_kg: 8 },
];
type Layer = { data: { values: Array<Record<string, number | string>> }; mark: { type: string } };
type FlowSpec = { vconcat: [{ projection: { scale: number; translate: [number, number] }; layer: Layer[] }, unknown] };

describe('the routes flow map', () => {
  it('is fitted to the legs: zoomed in well past the whole world, with every place inside the frame', async () => {
    const spec = (await routes.chart!(LEGS, context('default'))) as FlowSpec;
    const world = fitToPlaces([], 720, 380);
    const { projection } = spec.vconcat[0];
    expect(projection.scale).toBeGreaterThan(3 * world.projection.scale);
    const map = fitToPlaces(
      ['TH', 'VN', 'MY', 'CN'].map((c) => worldMap().centroids.get(c)!),
      720,
      380,
    );
    expect(map.projection).toEqual(projection);
    for (const code of ['TH', 'VN', 'MY', 'CN']) {
      const [x, y] = map.project(worldMap().centroids.get(code)!);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(720);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(380);
    }
  });

  it('draws one arrow head per leg, at the destination end and pointing at it', async () => {
    const spec = (await routes.chart!(LEGS, context('default'))) as FlowSpec;
    const arrows = spec.vconcat[0].layer.find((l) => l.mark.type === 'point')!.data.values;
    expect(arrows.map((a) => a.leg)).toEqual(['TH → CN', 'VN → CN', 'MY → TH']);
    const map = fitToPlaces(
      ['TH', 'VN', 'MY', 'CN'].map((c) => worldMap().centroids.get(c)!),
      720,
      380,
    );
    for (const [i, leg] of LEGS.entries()) {
      const from = map.project(worldMap().centroids.get(leg.from)!);
      const to = map.project(worldMap().centroids.get(leg.to)!);
      const head = map.project([Number(arrows[i]!.lon), Number(arrows[i]!.lat)]);
      // 7 px short of the destination, far from the origin.
      expect(Math.hypot(head[0] - to[0], head[1] - to[1])).toBeCloseTo(7, 3);
      expect(Math.hypot(head[0] - from[0], head[1] - from[1])).toBeGreaterThan(20);
      // The angle turns an upward triangle to point at the destination, along the arc's last tangent (0° = up, clockwise).
      const angle = (Number(arrows[i]!.angle) * Math.PI) / 180;
      const direction = [Math.sin(angle), -Math.cos(angle)];
      expect(direction[0]!).toBeCloseTo((to[0] - head[0]) / 7, 3);
      expect(direction[1]!).toBeCloseTo((to[1] - head[1]) / 7, 3);
    }
  });

  it('compiles without warnings and renders', async () => {
    const spec = (await routes.chart!(LEGS, context('default')))!;
    expect(compileChart(spec).warnings).toEqual([]);
    expect(await renderSvg(spec)).toContain('<svg');
  });

  it('labels the busiest places first and drops a label that would overlap one already kept', () => {
    const places = [
      { label: 'CN', x: 100, y: 100 }, // kept
      { label: 'HK', x: 105, y: 102 }, // overlaps CN: dropped
      { label: 'TH', x: 200, y: 100 }, // kept
      { label: 'VN', x: 300, y: 100 }, // kept, but the limit is 2
    ];
    expect(labelsWithoutOverlap(places, 3).map((p) => p.label)).toEqual(['CN', 'TH', 'VN']);
    expect(labelsWithoutOverlap(places, 2).map((p) => p.label)).toEqual(['CN', 'TH']);
  });
});

describe('the routes countries and hotspots charts', () => {
  it('draws the countries view as a choropleth of the law-enforcement ratio on viridis over 0–1', async () => {
    const rows = [
      { country: 'TH', law_enforcement_ratio: 0.75, trade_chain_index: -0.4, seizures_in: 3, seizures_out_law_enforcement: 1 },
      { country: 'CN', law_enforcement_ratio: 1, trade_chain_index: 1.2, seizures_in: 8, seizures_out_law_enforcement: 0 },
    ];
    const spec = (await routes.chart!(rows, context('countries'))) as {
      layer: Array<{
        encoding?: { color: { scale: unknown } };
        transform?: Array<{ from?: { data: { values: Array<{ id: string; ratio: number }> } } }>;
      }>;
    };
    const choropleth = spec.layer[1]!;
    expect(choropleth.encoding!.color.scale).toEqual({ scheme: 'viridis', domain: [0, 1] });
    expect(choropleth.transform![0]!.from!.data.values.map((v) => [v.id, v.ratio])).toEqual([
      ['764', 0.75],
      ['156', 1],
    ]);
    expect(compileChart(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    // China (ratio 1) takes the top of viridis, Thailand (0.75) its three-quarter colour, the rest grey.
    expect(svg).toMatch(/aria-label="law-enforcement ratio: 1; country: China[^>]+fill="rgb\(253, 231, 37\)"/);
    expect(svg).toMatch(/aria-label="law-enforcement ratio: 0.75; country: Thailand[^>]+fill="rgb\(93, 201, 99\)"/);
    expect(svg).toContain('fill="#e0e0e0"');
  });

  it('draws hotspots as ranked bars, one per place or transit country, and nothing for no rows', async () => {
    const rows = [
      { kind: 'seizure place', hotspot: 'Suvarnabhumi Airport', country: 'TH', seizures: 7 },
      { kind: 'transit hub', hotspot: null, country: 'MY', seizures: 4 },
    ];
    const spec = (await routes.chart!(rows, context('hotspots'))) as { data: { values: Array<{ hotspot: string }> } };
    expect(spec.data.values.map((v) => v.hotspot)).toEqual(['Suvarnabhumi Airport (TH)', 'MY · transit hub']);
    expect(compileChart(spec).warnings).toEqual([]);
    expect((await renderSvg(spec)).match(/aria-roledescription="bar"/g)).toHaveLength(2);
    expect(await routes.chart!([], context('hotspots'))).toBeNull();
  });
});
