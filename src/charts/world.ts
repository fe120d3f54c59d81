// The bundled world map (world-atlas, Natural Earth 1:110m, public domain) and each country's
// centroid, so that route maps render offline.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { geoCentroid } from 'd3-geo';
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
  const extra: Record<string, [number, number]> = { HK: [114.17, 22.32], SG: [103.82, 1.35], MO: [113.54, 22.2], BH: [50.55, 26.07], MU: [57.55, -20.3], KM: [43.87, -11.87], ST: [6.61, 0.19], CV: [-23.6, 15.1], MV: [73.5, 4.2], SC: [55.45, -4.68], MT: [14.4, 35.9], AD: [1.52, 42.5], LI: [9.55, 47.16], MC: [7.42, 43.74] };
  for (const [code, point] of Object.entries(extra)) if (!centroids.has(code)) centroids.set(code, point);
  cache = { topology, centroids };
  return cache;
}
