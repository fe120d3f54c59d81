// The bundled world map (world-atlas, Natural Earth 1:110m, public domain), each country's centroid,
// and a projection fitted to the places a chart shows, so that route maps render offline and show their region.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { geoCentroid, geoEqualEarth, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

const require = createRequire(import.meta.url);

let cache: { topology: Topology; centroids: Map<string, [number, number]> } | undefined;

export function worldMap(): { topology: Topology; centroids: Map<string, [number, number]> } {
  if (cache) return cache;
  const topology = require('world-atlas/countries-110m.json') as Topology;
  const collection = feature(topology, topology.objects.countries as GeometryCollection) as unknown as GeoJSON.FeatureCollection;
  const centroids = new Map<string, [number, number]>();
  for (const f of collection.features) {
    const alpha2 = countries.numericToAlpha2(String(f.id).padStart(3, '0'));
    if (alpha2) centroids.set(alpha2, geoCentroid(f) as [number, number]);
  }
  // Small places the 1:110m map leaves out.
  const extra: Record<string, [number, number]> = {
    HK: [114.17, 22.32],
    SG: [103.82, 1.35],
    MO: [113.54, 22.2],
    BH: [50.55, 26.07],
    MU: [57.55, -20.3],
    KM: [43.87, -11.87],
    ST: [6.61, 0.19],
    CV: [-23.6, 15.1],
    MV: [73.5, 4.2],
    SC: [55.45, -4.68],
    MT: [14.4, 35.9],
    AD: [1.52, 42.5],
    LI: [9.55, 47.16],
    MC: [7.42, 43.74],
  };
  for (const [code, point] of Object.entries(extra)) if (!centroids.has(code)) centroids.set(code, point);
  cache = { topology, centroids };
  return cache;
}

/** A map view fitted to some places: the Vega-Lite projection to draw it with, and the same projection in Node. */
export interface FittedMap {
  projection: { type: 'equalEarth'; scale: number; translate: [number, number] };
  project(point: [number, number]): [number, number];
  invert(point: [number, number]): [number, number];
}

/**
 * An Equal Earth projection fitted to the box around `places` (lon/lat), widened to at least 30° × 18°
 * so one short leg is not drawn at street scale, and never zoomed out past the whole world. Vega-Lite
 * would fit the projection to every layer's data, the world map included: so the scale and translate
 * are computed here with d3-geo (the library vega itself projects with) and given to it explicitly.
 */
export function fitToPlaces(places: Array<[number, number]>, width: number, height: number, padding = 30): FittedMap {
  const extent: [[number, number], [number, number]] = [
    [padding, padding],
    [width - padding, height - padding],
  ];
  const world = geoEqualEarth().fitExtent(extent, { type: 'Sphere' });
  let projection = world;
  if (places.length) {
    const lons = places.map((p) => p[0]);
    const lats = places.map((p) => p[1]);
    const widen = (lo: number, hi: number, min: number, limit: number): [number, number] => {
      const grow = Math.max(0, min - (hi - lo)) / 2;
      return [Math.max(-limit, lo - grow), Math.min(limit, hi + grow)];
    };
    const [west, east] = widen(Math.min(...lons), Math.max(...lons), 30, 180);
    const [south, north] = widen(Math.min(...lats), Math.max(...lats), 18, 85);
    // The box as a ring of points along its edges, so that its curved sides are fitted too.
    const ring: Array<[number, number]> = [];
    for (let i = 0; i <= 8; i++) {
      const lon = west + ((east - west) * i) / 8;
      const lat = south + ((north - south) * i) / 8;
      ring.push([lon, south], [lon, north], [west, lat], [east, lat]);
    }
    const fitted = geoEqualEarth().fitExtent(extent, { type: 'MultiPoint', coordinates: ring });
    if (fitted.scale() > world.scale()) projection = fitted;
  }
  return asFittedMap(projection);
}

/** The same for countries drawn whole (a choropleth): fitted to their shapes, never past the whole world. */
export function fitToCountries(codes: string[], width: number, height: number, padding = 10): FittedMap {
  const { topology } = worldMap();
  const wanted = new Set(codes.map((c) => countries.alpha2ToNumeric(c)).filter(Boolean));
  const collection = feature(topology, topology.objects.countries as GeometryCollection) as unknown as GeoJSON.FeatureCollection;
  const shown = {
    type: 'FeatureCollection',
    features: collection.features.filter((f) => wanted.has(String(f.id))),
  } as GeoJSON.FeatureCollection;
  const extent: [[number, number], [number, number]] = [
    [padding, padding],
    [width - padding, height - padding],
  ];
  const world = geoEqualEarth().fitExtent(extent, { type: 'Sphere' });
  const fitted = shown.features.length ? geoEqualEarth().fitExtent(extent, shown) : world;
  return fitted.scale() > world.scale() ? asFittedMap(fitted) : asFittedMap(world);
}

function asFittedMap(projection: GeoProjection): FittedMap {
  return {
    projection: { type: 'equalEarth', scale: projection.scale(), translate: projection.translate() },
    project: (point) => projection(point) as [number, number],
    invert: (point) => projection.invert!(point) as [number, number],
  };
}

/**
 * Which labels to draw: at most `limit` places, most important first, each kept only if its box
 * (about 6.5 px a character, 11 px high, centred above the point) overlaps no label already kept.
 */
export function labelsWithoutOverlap<T extends { x: number; y: number; label: string }>(ranked: T[], limit: number): T[] {
  const kept: Array<{ item: T; box: [number, number, number, number] }> = [];
  for (const item of ranked) {
    if (kept.length >= limit) break;
    const half = (item.label.length * 6.5) / 2 + 2;
    const box: [number, number, number, number] = [item.x - half, item.y - 20, item.x + half, item.y - 7];
    if (kept.every(({ box: b }) => box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3])) kept.push({ item, box });
  }
  return kept.map((k) => k.item);
}

/** A place to draw on a point map: where it is, its label, and what sizes and describes it. */
export interface MapPoint {
  label: string;
  lat: number;
  lon: number;
  seizures: number;
  quantity_kg?: number | null;
  /** Shown in the tooltip (kind, country, code …). */
  detail?: string | null;
  /** The species most of its seizures name, for the tooltip. */
  top_species?: string | null;
  /** Its first and last seizure dates (YYYY-MM-DD), shown in the tooltip as the period. */
  first_seen?: string | null;
  last_seen?: string | null;
}

/** "2019-03-01 – 2021-07-30", one date when both are the same, null when neither is known. */
export function periodOf(first: string | null | undefined, last: string | null | undefined): string | null {
  if (!first && !last) return null;
  if (!first || !last || first === last) return (first ?? last)!;
  return `${first} – ${last}`;
}

/** Points labelled on a point map: the busiest, as many as fit without overlapping. */
const LABELLED_POINTS = 12;
/** Above this many places a point map gains its density layer: circles alone pile up into a blot. */
export const DENSE_POINTS = 200;
/** The side of a density cell on the screen, in pixels. */
const CELL_PX = 16;

/** A square of the density layer: where its centre is drawn, and what fell in it. */
export interface DensityCell {
  lon: number;
  lat: number;
  places: number;
  seizures: number;
}

/**
 * The places binned into square cells of `cell` px on the screen (Vega-Lite cannot bin projected x/y),
 * each cell's seizures and places summed, its centre put back into lon/lat for the map's projection.
 * Per place, not per seizure: the rows are already one a place.
 */
export function densityCells(map: FittedMap, points: Array<{ x: number; y: number; seizures: number }>, cell = CELL_PX): DensityCell[] {
  const cells = new Map<string, { col: number; row: number; places: number; seizures: number }>();
  for (const p of points) {
    const col = Math.floor(p.x / cell);
    const row = Math.floor(p.y / cell);
    const key = `${col},${row}`;
    const c = cells.get(key) ?? { col, row, places: 0, seizures: 0 };
    c.places += 1;
    c.seizures += p.seizures;
    cells.set(key, c);
  }
  return [...cells.values()]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => {
      const [lon, lat] = map.invert([(c.col + 0.5) * cell, (c.row + 0.5) * cell]);
      return { lon, lat, places: c.places, seizures: c.seizures };
    });
}

/**
 * Places as circles sized by seizures on the bundled world map, fitted to the points' extent (a
 * regional map for a regional file), the busiest labelled where labels do not overlap; above
 * DENSE_POINTS places, a density layer of square cells beneath them. Null when no place has a point.
 */
export function pointMap(title: string, points: MapPoint[], width = 720, height = 380): object | null {
  const drawn = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  if (!drawn.length) return null;
  const { topology } = worldMap();
  const map = fitToPlaces(
    drawn.map((p) => [p.lon, p.lat]),
    width,
    height,
  );
  const values = drawn.map((p) => {
    const [x, y] = map.project([p.lon, p.lat]);
    return {
      label: p.label,
      lat: p.lat,
      lon: p.lon,
      x,
      y,
      seizures: p.seizures,
      quantity_kg: p.quantity_kg ?? null,
      detail: p.detail ?? null,
      top_species: p.top_species ?? null,
      period: periodOf(p.first_seen, p.last_seen),
    };
  });
  const labels = labelsWithoutOverlap(
    [...values].sort((a, b) => b.seizures - a.seizures || a.label.localeCompare(b.label)),
    LABELLED_POINTS,
  );
  const at = { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' } };
  const dense = values.length > DENSE_POINTS;
  // Many places: square cells coloured by their seizures beneath fainter circles.
  const density = dense
    ? [
        {
          // A field of its own name, so that Vega-Lite does not merge its colour legend with the circles' size legend.
          data: { values: densityCells(map, values).map(({ seizures, ...c }) => ({ ...c, cell_seizures: seizures })) },
          mark: { type: 'square', size: CELL_PX * CELL_PX, opacity: 0.8, clip: true },
          encoding: {
            ...at,
            color: { field: 'cell_seizures', type: 'quantitative', title: 'seizures in the cell', scale: { scheme: 'orangered' } },
            tooltip: [
              { field: 'places', type: 'quantitative' },
              { field: 'cell_seizures', type: 'quantitative', title: 'seizures' },
            ],
          },
        },
      ]
    : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    width,
    height,
    projection: map.projection,
    layer: [
      {
        data: { values: topology, format: { type: 'topojson', feature: 'countries' } },
        mark: { type: 'geoshape', fill: '#e8e8e8', stroke: '#ffffff', strokeWidth: 0.5, clip: true },
      },
      ...density,
      {
        data: { values },
        mark: { type: 'circle', opacity: dense ? 0.3 : 0.6, stroke: '#7b241c', strokeWidth: 0.5, clip: true },
        encoding: {
          ...at,
          // Over a density layer, small circles that leave the cells visible.
          size: { field: 'seizures', type: 'quantitative', scale: { range: dense ? [4, 120] : [20, 900] }, title: 'seizures' },
          color: { value: '#c0392b' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'place' },
            { field: 'detail', type: 'nominal', title: 'where' },
            { field: 'seizures', type: 'quantitative' },
            { field: 'quantity_kg', type: 'quantitative', title: 'kg' },
            { field: 'top_species', type: 'nominal', title: 'top species' },
            { field: 'period', type: 'nominal' },
          ],
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', fontSize: 10, fontWeight: 'bold', dy: -12, stroke: '#ffffff', strokeWidth: 0.3 },
        encoding: { ...at, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/** One leg drawn as an arc: its points in order (lon/lat), and its arrow head near the end. */
export interface Arc {
  points: Array<{ i: number; lon: number; lat: number }>;
  /** Null when the leg is too short on the screen to carry one. */
  arrow: { lon: number; lat: number; angle: number } | null;
}

/** Points along each arc (a quadratic curve: 16 segments look smooth at map scale). */
const ARC_SEGMENTS = 16;

/**
 * A leg as a quadratic curve on the screen, bowed to the left of its direction by a fifth of its length
 * (so A → B and B → A are two arcs, not one line), its points put back into lon/lat so that Vega-Lite
 * draws them with the map's projection; Vega-Lite has no arc mark, so the chart draws these points as a
 * line. The arrow head sits 7 px short of the end, turned along the curve's last tangent (angle 0 points
 * up, clockwise).
 */
export function arcOf(map: FittedMap, from: [number, number], to: [number, number]): Arc {
  const [x1, y1] = map.project(from);
  const [x2, y2] = map.project(to);
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length < 1)
    return {
      points: [
        { i: 0, lon: from[0], lat: from[1] },
        { i: 1, lon: to[0], lat: to[1] },
      ],
      arrow: null,
    };
  // Left of the direction on the screen (y grows downwards): the normal (dy, -dx).
  const cx = (x1 + x2) / 2 + ((y2 - y1) / length) * length * 0.2;
  const cy = (y1 + y2) / 2 - ((x2 - x1) / length) * length * 0.2;
  const points = Array.from({ length: ARC_SEGMENTS + 1 }, (_, i) => {
    const t = i / ARC_SEGMENTS;
    const [lon, lat] =
      i === 0
        ? from
        : i === ARC_SEGMENTS
          ? to
          : map.invert([(1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * x2, (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * y2]);
    return { i, lon, lat };
  });
  if (length < 10) return { points, arrow: null };
  const tangent = Math.hypot(x2 - cx, y2 - cy);
  const [lon, lat] = map.invert([x2 - ((x2 - cx) / tangent) * 7, y2 - ((y2 - cy) / tangent) * 7]);
  return { points, arrow: { lon, lat, angle: (Math.atan2(x2 - cx, -(y2 - cy)) * 180) / Math.PI } };
}
