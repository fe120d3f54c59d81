// The place maps on hand-made rows: points sized by seizures on a basemap fitted to their extent, for
// routes --view hotspots (above its bars) and patterns --by place; bars only when nothing has a point.
import { describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../src/analysis/definition.js';
import { patterns } from '../../src/analysis/definitions/patterns.js';
import { routes } from '../../src/analysis/definitions/routes.js';
import { compileChart, renderSvg } from '../../src/charts/render.js';
import { fitToPlaces, pointMap } from '../../src/charts/world.js';

type Layer = { data: { values: Array<Record<string, unknown>> }; mark: { type: string } };
type MapSpec = { projection: { scale: number }; layer: Layer[] };

/** Three East African airports: a regional map, not the world. */
const AIRPORTS = [
  { label: 'NBO', lat: -1.31924, lon: 36.9278, seizures: 56 },
  { label: 'EBB', lat: 0.04239, lon: 32.4435, seizures: 34 },
  { label: 'LLW', lat: -13.7894, lon: 33.781, seizures: 44 },
];

describe('pointMap', () => {
  it('fits the basemap to the points, zoomed well past the whole world, one circle per point sized by seizures', async () => {
    const spec = pointMap('Seizures by place', AIRPORTS) as MapSpec;
    expect(spec.projection.scale).toBeGreaterThan(3 * fitToPlaces([], 720, 380).projection.scale);
    const circles = spec.layer.find((l) => l.mark.type === 'circle')!;
    expect(circles.data.values.map((v) => [v.label, v.seizures])).toEqual([['NBO', 56], ['EBB', 34], ['LLW', 44]]);
    for (const v of circles.data.values) {
      expect(Number(v.x)).toBeGreaterThan(0); expect(Number(v.x)).toBeLessThan(720);
      expect(Number(v.y)).toBeGreaterThan(0); expect(Number(v.y)).toBeLessThan(380);
    }
    expect(compileChart(spec).warnings).toEqual([]);
    expect((await renderSvg(spec)).match(/aria-roledescription="circle"/g)).toHaveLength(3);
  });

  it('draws nothing when no place has a point', () => {
    expect(pointMap('none', [])).toBeNull();
  });
});

describe('the hotspot and place charts', () => {
  it('puts the hotspot map of the placed seizure places above the bars of every hotspot', async () => {
    const rows = [
      { kind: 'seizure place', hotspot: 'Jomo Kenyatta Airport', country: 'KE', seizures: 56, place_kind: 'airport', airport_code: 'NBO', latitude: -1.31924, longitude: 36.9278 },
      { kind: 'seizure place', hotspot: 'Nowhere Special', country: 'KE', seizures: 5, place_kind: null, airport_code: null, latitude: null, longitude: null },
      { kind: 'transit hub', hotspot: null, country: 'AE', seizures: 30, place_kind: null, airport_code: null, latitude: null, longitude: null },
    ];
    const context = { view: 'hotspots', options: { top: 25 } } as unknown as AnalysisContext;
    const spec = (await routes.chart!(rows, context)) as { vconcat: [MapSpec, { data: { values: Array<{ hotspot: string }> } }] };
    const circles = spec.vconcat[0].layer.find((l) => l.mark.type === 'circle')!;
    expect(circles.data.values.map((v) => v.label)).toEqual(['NBO']);
    expect(spec.vconcat[1].data.values.map((v) => v.hotspot)).toEqual(['Jomo Kenyatta Airport (KE)', 'Nowhere Special (KE)', 'AE · transit hub']);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it('maps patterns --by place, each airport labelled by its code', async () => {
    const rows = [
      { period: 'Jomo Kenyatta International Airport (NBO)', seizures: 56, quantity_kg: 5131.08, latitude: -1.31924, longitude: 36.9278 },
      { period: 'Manaus (BR)', seizures: 15, quantity_kg: null, latitude: -3.10194, longitude: -60.025 },
      { period: 'Nowhere Special', seizures: 2, quantity_kg: null, latitude: null, longitude: null },
    ];
    const context = { view: 'default', options: { by: 'place' } } as unknown as AnalysisContext;
    const spec = (await patterns.chart!(rows, context)) as MapSpec;
    const circles = spec.layer.find((l) => l.mark.type === 'circle')!;
    expect(circles.data.values.map((v) => v.label)).toEqual(['NBO', 'Manaus (BR)']);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it('draws the airport pairs between the airports themselves, arrow heads at the arriving end', async () => {
    const rows = [
      { from_airport: 'NBO', to_airport: 'CAN', seizures: 9, quantity_kg: 155.73, species: 2, top_species: 'Manis javanica', first_seen: '2019-02-01', last_seen: '2020-06-30' },
      { from_airport: 'MPM', to_airport: 'NBO', seizures: 8, quantity_kg: 930.1 },
      { from_airport: 'ZZZ', to_airport: 'NBO', seizures: 1, quantity_kg: null },
    ];
    const context = { view: 'airport-pairs', options: { top: 25 } } as unknown as AnalysisContext;
    const spec = (await routes.chart!(rows, context)) as { title: string; vconcat: [MapSpec, unknown] };
    expect(spec.title).toBe('Top 2 airport pairs by number of seizures');
    const legs = spec.vconcat[0].layer.find((l) => l.mark.type === 'rule')!.data.values;
    // OurAirports positions of NBO (Jomo Kenyatta), CAN (Guangzhou Baiyun), MPM (Maputo); ZZZ is no airport and is left out.
    expect(legs.map((l) => [l.leg, Math.round(Number(l.lat1)), Math.round(Number(l.lon1)), Math.round(Number(l.lat2)), Math.round(Number(l.lon2))])).toEqual([
      ['NBO → CAN', -1, 37, 23, 113],
      ['MPM → NBO', -26, 33, -1, 37],
    ]);
    expect(spec.vconcat[0].layer.find((l) => l.mark.type === 'point')!.data.values).toHaveLength(2);
    // The legs' tooltips: seizures, kilograms, species, the top one and the period.
    const rule = spec.vconcat[0].layer.find((l) => l.mark.type === 'rule') as unknown as { encoding: { tooltip: Array<{ field: string }> } };
    expect(rule.encoding.tooltip.map((t) => t.field)).toEqual(['leg', 'seizures', 'quantity_kg', 'species', 'top_species', 'period']);
    expect([legs[0].species, legs[0].top_species, legs[0].period]).toEqual([2, 'Manis javanica', '2019-02-01 – 2020-06-30']);
    expect(compileChart(spec).warnings).toEqual([]);
  });
});
