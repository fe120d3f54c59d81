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
    expect(circles.data.values.map((v) => [v.label, v.seizures])).toEqual([
      ['NBO', 56],
      ['EBB', 34],
      ['LLW', 44],
    ]);
    for (const v of circles.data.values) {
      expect(Number(v.x)).toBeGreaterThan(0);
      expect(Number(v.x)).toBeLessThan(720);
      expect(Number(v.y)).toBeGreaterThan(0);
      expect(Number(v.y)).toBeLessThan(380);
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
      {
        kind: 'seizure place',
        hotspot: 'Jomo Kenyatta Airport',
        country: 'KE',
        seizures: 56,
        place_kind: 'airport',
        airport_code: 'NBO',
        latitude: -1.31924,
        longitude: 36.9278,
      },
      {
        kind: 'seizure place',
        hotspot: 'Nowhere Special',
        country: 'KE',
        seizures: 5,
        place_kind: null,
        airport_code: null,
        latitude: null,
        longitude: null,
      },
      {
        kind: 'transit hub',
        hotspot: null,
        country: 'AE',
        seizures: 30,
        place_kind: null,
        airport_code: null,
        latitude: null,
        longitude: null,
      },
    ];
    const context = { view: 'hotspots', options: { top: 25 } } as unknown as AnalysisContext;
    const spec = (await routes.chart!(rows, context)) as { vconcat: [MapSpec, { data: { values: Array<{ hotspot: string }> } }] };
    const circles = spec.vconcat[0].layer.find((l) => l.mark.type === 'circle')!;
    expect(circles.data.values.map((v) => v.label)).toEqual(['NBO']);
    expect(spec.vconcat[1].data.values.map((v) => v.hotspot)).toEqual([
      'Jomo Kenyatta Airport (KE)',
      'Nowhere Special (KE)',
      'AE · transit hub',
    ]);
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

  it('draws the airport pairs between the airports themselves as arcs, arrow heads at the arriving end', async () => {
    const rows = [
      {
        from_airport: 'NBO',
        to_airport: 'CAN',
        seizures: 9,
        quantity_kg: 155.73,
        species: 2,
        top_species: 'Manis javanica',
        first_seen: '2019-02-01',
        last_seen: '2020-06-30',
      },
      { from_airport: 'MPM', to_airport: 'NBO', seizures: 8, quantity_kg: 930.1 },
      { from_airport: 'ZZZ', to_airport: 'NBO', seizures: 1, quantity_kg: null },
    ];
    const context = { view: 'airport-pairs', options: { top: 25 } } as unknown as AnalysisContext;
    const spec = (await routes.chart!(rows, context)) as { title: string; vconcat: [MapSpec, unknown] };
    expect(spec.title).toBe('Top 2 airport pairs by number of seizures');
    const line = spec.vconcat[0].layer.find((l) => l.mark.type === 'line')!;
    const points = line.data.values;
    const legs = [...new Set(points.map((p) => String(p.leg)))].map((leg) => points.filter((p) => p.leg === leg));
    // Each leg an arc of 17 points from one airport to the other: OurAirports positions of NBO (Jomo Kenyatta),
    // CAN (Guangzhou Baiyun), MPM (Maputo); ZZZ is no airport and is left out.
    const ends = (arc: Array<Record<string, unknown>>) =>
      [arc[0], arc[arc.length - 1]].flatMap((p) => [Math.round(Number(p.lat)), Math.round(Number(p.lon))]);
    expect(legs.map((arc) => [arc[0].leg, arc.length, ...ends(arc)])).toEqual([
      ['NBO → CAN', 17, -1, 37, 23, 113],
      ['MPM → NBO', 17, -26, 33, -1, 37],
    ]);
    // Bowed, not straight: the middle point of NBO → CAN lies well off the chord's midpoint on the screen.
    const map = fitToPlaces(
      [
        [36.9278, -1.31924],
        [113.299, 23.3924],
        [32.5726, -25.9208],
      ],
      720,
      380,
    );
    const [a, mid, b] = [legs[0][0], legs[0][8], legs[0][16]].map((p) => map.project([Number(p.lon), Number(p.lat)]));
    const chord = Math.hypot(b[0] - a[0], b[1] - a[1]);
    expect(Math.hypot(mid[0] - (a[0] + b[0]) / 2, mid[1] - (a[1] + b[1]) / 2) / chord).toBeCloseTo(0.1, 1);
    expect(spec.vconcat[0].layer.find((l) => l.mark.type === 'point')!.data.values).toHaveLength(2);
    // The legs' tooltips: seizures, kilograms, species, the top one and the period.
    const tooltip = (line as unknown as { encoding: { tooltip: Array<{ field: string }> } }).encoding.tooltip;
    expect(tooltip.map((t) => t.field)).toEqual(['leg', 'seizures', 'quantity_kg', 'species', 'top_species', 'period']);
    expect([points[0].species, points[0].top_species, points[0].period]).toEqual([2, 'Manis javanica', '2019-02-01 – 2020-06-30']);
    // Two arcs and two arrow heads in the rendered SVG.
    const svg = await renderSvg(spec);
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(2);
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(2);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it('draws the city pairs at the points the query gives, each city named with its country', async () => {
    const rows = [
      {
        from_city: 'Nairobi',
        from_country: 'KE',
        to_city: 'Hanoi',
        to_country: 'VN',
        seizures: 2,
        quantity_kg: 15,
        species: 1,
        top_species: 'Loxodonta africana',
        first_seen: null,
        last_seen: null,
        from_latitude: -1.28333,
        from_longitude: 36.81667,
        to_latitude: 21.0245,
        to_longitude: 105.84117,
      },
      {
        from_city: 'Maputo',
        from_country: 'MZ',
        to_city: 'Nairobi',
        to_country: 'KE',
        seizures: 1,
        quantity_kg: 10,
        species: 1,
        top_species: 'Loxodonta africana',
        first_seen: null,
        last_seen: null,
        from_latitude: -25.96553,
        from_longitude: 32.58322,
        to_latitude: -1.28333,
        to_longitude: 36.81667,
      },
    ];
    const context = { view: 'city-pairs', options: { top: 25 } } as unknown as AnalysisContext;
    const spec = (await routes.chart!(rows, context)) as { title: string; vconcat: [MapSpec, unknown] };
    expect(spec.title).toBe('Top 2 city pairs by number of seizures');
    const nodes = spec.vconcat[0].layer.find((l) => l.mark.type === 'circle')!.data.values;
    expect(nodes.map((n) => [n.code, n.lat, n.lon])).toEqual([
      ['Nairobi, KE', -1.28333, 36.81667],
      ['Hanoi, VN', 21.0245, 105.84117],
      ['Maputo, MZ', -25.96553, 32.58322],
    ]);
    expect(compileChart(spec).warnings).toEqual([]);
  });
});
