// routes: the legs of trade chains, each country's roles (with ETIS in/out counts), hotspots, and
// legs new in the latest year. Charts: a flow map on the bundled world map, fitted to the legs' region,
// each leg an arc with an arrow head at the destination end, above ranked legs; a choropleth of the ETIS law-enforcement
// ratio for the countries view; ranked bars for hotspots.
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

type Row = Record<string, unknown>;
const MAP_WIDTH = 720;
const MAP_HEIGHT = 380;
/** Places named on the flow map: the busiest, as many as fit without overlapping. */
const LABELLED_PLACES = 12;

const LEG_COLUMNS = {
  from: 'country the leg starts from (ISO alpha-2)',
  to: 'country the leg goes to (ISO alpha-2)',
  seizures: 'seizures whose chain has this leg',
  quantity_kg: 'kilograms seized on chains with this leg',
  value_usd: 'estimated value in US dollars',
  first_seen: 'first seizure date with this leg',
  last_seen: 'last seizure date with this leg',
};

export const routes: AnalysisDefinition = {
  name: 'routes',
  title: 'Trafficking routes',
  question:
    'Which legs do trade chains follow (origin → export → transit → destination), which countries play which role, where are the hotspots?',
  options: [
    { flags: '--top <n>', key: 'top', description: 'legs drawn on the chart', default: 25, type: 'number' },
    {
      flags: '--level <level>',
      key: 'level',
      choices: ['country', 'airport', 'city'],
      default: 'country',
      description:
        'the legs between countries (the default view), between airports (the airport-pairs view) or between cities (the city-pairs view)',
    },
  ],
  impliedView: (o) => (o.level === 'airport' ? 'airport-pairs' : o.level === 'city' ? 'city-pairs' : undefined),
  // The cities of airports are looked up in the gazetteer only for the view that needs them.
  params: async (_o, _filters, db, view) => {
    if (view !== 'city-pairs') return {};
    const { airportCitiesParam } = await import('../../places/cities.js');
    return { airport_cities: await airportCitiesParam(db) };
  },
  views: {
    countries:
      'each country as origin, export, transit, destination and seizing ' +
      'country; ETIS seizures in/out (law-enforcement and trade-flow ' +
      'definitions), their ratios and the Trade Chain Index',
    hotspots: 'places and ports with the most seizures, and transit countries most chains pass through',
    new: 'legs first seen in the latest year of the selection',
    'airport-pairs':
      'legs between airports (the ROUTES ranking): seizures, kilograms ' +
      'and species per pair, where chain cells and seizure places name ' +
      'airports or cities near one',
    'city-pairs':
      'legs between cities, ranked as the airport pairs: where chain ' +
      'cells and seizure places name cities, ports or airports (an airport ' +
      'counts at the city it serves)',
  },
  columns: LEG_COLUMNS,
  viewColumns: {
    countries: {
      country: 'country (ISO alpha-2)',
      as_origin: 'seizures naming it as origin',
      as_export: 'seizures naming it as exporting country',
      as_transit: 'seizures naming it as transit',
      as_destination: 'seizures naming it as destination',
      seizures_in: 'seizures it made (ETIS "seizures in")',
      seizures_out_law_enforcement:
        'ETIS "seizures out", law-enforcement definition: seizures made ' +
        'elsewhere that name it as origin, export or transit (countries ' +
        'that had a chance to seize them; the destination never did)',
      seizures_out_trade_flow:
        'ETIS "seizures out", trade-flow definition: seizures made elsewhere that name it anywhere in the chain, destination included',
      law_enforcement_ratio: 'ETIS law-enforcement ratio: in / (in + out, law-enforcement definition); 0 when both are 0',
      trade_flow_ratio: 'the same ratio on the trade-flow "out": in / (in + out, trade-flow definition)',
      trade_chain_index:
        'ETIS Trade Chain Index: ln(dest + 1) − ln(oet + 1), dest = 100 ' +
        '× its destination listings ÷ seizures naming a destination, oet ' +
        '= mean of the same origin, export and transit scores; > 0 leans ' +
        'to destination',
    },
    hotspots: {
      kind: 'seizure place or transit hub',
      hotspot: 'place or port (for seizure places)',
      country: 'country (ISO alpha-2)',
      seizures: 'seizures',
      quantity_kg: 'kilograms',
      value_usd: 'value in US dollars',
      place_kind: 'airport, city or port: what the bundled gazetteer placed the seizure place at (empty when not placed)',
      airport_code: 'IATA code of the airport (ICAO when it has none)',
      latitude: "latitude of the place (WGS 84): the gazetteer's, else the mean of the coordinates the file gave",
      longitude: 'longitude of the place (WGS 84)',
      top_species: 'the taxon (else the species or product as given) most of its seizures name; of equal counts the first by name',
      first_seen: 'first seizure date at the place (through the country, for a transit hub)',
      last_seen: 'last seizure date there (the end of a date range)',
    },
    'airport-pairs': {
      from_airport:
        'airport the leg starts from (IATA code, ICAO when it has none): ' +
        'named in the chain, or the one large airport within 50 km of ' +
        'the city named (of several, the one named after the city alone)',
      to_airport: 'airport the leg goes to',
      from_country: 'country of from_airport (ISO alpha-2)',
      to_country: 'country of to_airport (ISO alpha-2)',
      seizures: 'seizures whose chain has this pair',
      quantity_kg: 'kilograms seized on those chains',
      species: 'distinct taxa of those seizures (else the species or product as given)',
      top_species: 'the taxon (or species or product as given) most of those seizures name',
      first_seen: 'first seizure date with this pair',
      last_seen: 'last seizure date with this pair',
    },
    'city-pairs': {
      from_city:
        "city the leg starts from: a city or a port's city as the gazetteer " +
        'placed it (GeoNames), an airport at the town it serves (OurAirports), ' +
        'named as GeoNames names it',
      to_city: 'city the leg goes to',
      from_country: 'country of from_city (ISO alpha-2)',
      to_country: 'country of to_city (ISO alpha-2)',
      seizures: 'seizures whose chain has this pair',
      quantity_kg: 'kilograms seized on those chains',
      species: 'distinct taxa of those seizures (else the species or product as given)',
      top_species: 'the taxon (or species or product as given) most of those seizures name; of equal counts the first by name',
      first_seen: 'first seizure date with this pair',
      last_seen: 'last seizure date with this pair',
      from_latitude: 'latitude of from_city (WGS 84)',
      from_longitude: 'longitude of from_city (WGS 84)',
      to_latitude: 'latitude of to_city (WGS 84)',
      to_longitude: 'longitude of to_city (WGS 84)',
    },
    new: {
      from: LEG_COLUMNS.from,
      to: LEG_COLUMNS.to,
      first_year: 'year the leg first appears',
      seizures: 'seizures',
      quantity_kg: 'kilograms',
      value_usd: 'value in US dollars',
    },
  },
  countryColumns: ['from', 'to', 'country', 'from_country', 'to_country'],
  chart: async (rows, { view, options }) => {
    if (view === 'countries') return countriesMap(rows);
    if (view === 'hotspots') return hotspotChart(rows);
    if (view === 'airport-pairs') return airportPairMap(rows.slice(0, Number(options.top)));
    if (view === 'city-pairs') return cityPairMap(rows.slice(0, Number(options.top)));
    return flowMap(rows.slice(0, Number(options.top)));
  },
};

/** The legs on a map fitted to their places: arcs, an arrow head near each destination, dots, and labels that do not overlap. */
/** What a flow map draws: the columns of a leg's ends, where each end is, what a node is called. */
interface FlowOptions {
  from: string;
  to: string;
  /** An end's point (lon, lat): a country's centroid unless given (an airport's position). */
  point?: (code: string) => [number, number] | undefined;
  noun: string;
  title: (legs: number) => string;
}

/** What a leg's tooltip shows: the leg, its seizures and kilograms, its species (on place legs), the top one and the period. */
const LEG_TOOLTIP = [
  { field: 'leg', type: 'nominal' },
  { field: 'seizures', type: 'quantitative' },
  { field: 'quantity_kg', type: 'quantitative', title: 'kg' },
  { field: 'species', type: 'quantitative' },
  { field: 'top_species', type: 'nominal', title: 'top species' },
  { field: 'period', type: 'nominal' },
];

const COUNTRY_FLOWS: FlowOptions = {
  from: 'from',
  to: 'to',
  noun: 'country',
  title: (n) => `Top ${n} trafficking legs by number of seizures`,
};

async function flowMap(top: Row[], flows: FlowOptions = COUNTRY_FLOWS): Promise<object> {
  const { worldMap, fitToPlaces, labelsWithoutOverlap, periodOf, arcOf } = await import('../../charts/world.js');
  const { topology, centroids } = worldMap();
  const point = flows.point ?? ((code: string) => centroids.get(code));
  const drawn = top.filter((r) => point(String(r[flows.from])) && point(String(r[flows.to])));
  const places = [...new Set(drawn.flatMap((r) => [String(r[flows.from]), String(r[flows.to])]))];
  const map = fitToPlaces(
    places.map((code) => point(code)!),
    MAP_WIDTH,
    MAP_HEIGHT,
  );
  const legs = drawn.map((r) => {
    const [from, to] = [r[flows.from], r[flows.to]];
    const [lon1, lat1] = point(String(from))!;
    const [lon2, lat2] = point(String(to))!;
    return {
      leg: `${from} → ${to}`,
      from,
      to,
      seizures: r.seizures,
      quantity_kg: r.quantity_kg,
      species: r.species ?? null,
      top_species: r.top_species ?? null,
      period: periodOf(r.first_seen as string | null, r.last_seen as string | null),
      lon1,
      lat1,
      lon2,
      lat2,
    };
  });
  // Each leg an arc with its arrow head at the arriving end (world.ts's arcOf), its fields on every point for the tooltip.
  const arcs = legs.map((l) => ({ leg: l, arc: arcOf(map, [l.lon1, l.lat1], [l.lon2, l.lat2]) }));
  const arcPoints = arcs.flatMap(({ leg, arc }) => arc.points.map((p) => ({ ...leg, ...p })));
  const arrows = arcs.flatMap(({ leg, arc }) => (arc.arrow ? [{ leg: leg.leg, seizures: leg.seizures, ...arc.arrow }] : []));
  const weight = new Map<string, number>();
  for (const l of legs) for (const code of [String(l.from), String(l.to)]) weight.set(code, (weight.get(code) ?? 0) + Number(l.seizures));
  const nodes = places.map((code) => {
    const [lon, lat] = point(code)!;
    const [x, y] = map.project([lon, lat]);
    return { code, label: code, lon, lat, x, y, seizures: weight.get(code) ?? 0 };
  });
  const labels = labelsWithoutOverlap(
    [...nodes].sort((a, b) => b.seizures - a.seizures || a.code.localeCompare(b.code)),
    LABELLED_PLACES,
  );
  const at = { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: flows.title(legs.length),
    vconcat: [
      {
        width: MAP_WIDTH,
        height: MAP_HEIGHT,
        projection: map.projection,
        layer: [
          {
            data: { values: topology, format: { type: 'topojson', feature: 'countries' } },
            mark: { type: 'geoshape', fill: '#e8e8e8', stroke: '#ffffff', strokeWidth: 0.5, clip: true },
          },
          {
            data: { values: arcPoints },
            mark: { type: 'line', opacity: 0.7, clip: true },
            encoding: {
              ...at,
              detail: { field: 'leg', type: 'nominal' },
              order: { field: 'i', type: 'quantitative' },
              strokeWidth: { field: 'seizures', type: 'quantitative', scale: { range: [0.5, 6] }, title: 'seizures' },
              color: { value: '#c0392b' },
              // Only the fields the legs have (country legs count no species).
              tooltip: LEG_TOOLTIP.filter((t) => t.field === 'leg' || legs.some((l) => l[t.field as keyof typeof l] != null)),
            },
          },
          {
            data: { values: arrows },
            mark: { type: 'point', shape: 'triangle-up', filled: true, size: 70, opacity: 0.9 },
            encoding: {
              ...at,
              angle: { field: 'angle', type: 'quantitative', scale: null },
              color: { value: '#7b241c' },
              tooltip: [
                { field: 'leg', type: 'nominal' },
                { field: 'seizures', type: 'quantitative' },
              ],
            },
          },
          {
            data: { values: nodes },
            mark: { type: 'circle', size: 18, opacity: 0.9 },
            encoding: {
              ...at,
              color: { value: '#333333' },
              tooltip: [
                { field: 'code', type: 'nominal', title: flows.noun },
                { field: 'seizures', type: 'quantitative', title: 'seizures on drawn legs' },
              ],
            },
          },
          {
            data: { values: labels },
            mark: { type: 'text', fontSize: 10, fontWeight: 'bold', dy: -12, stroke: '#ffffff', strokeWidth: 0.3 },
            encoding: { ...at, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
      {
        width: MAP_WIDTH,
        height: 14 * Math.max(legs.length, 1),
        data: { values: legs },
        mark: 'bar',
        encoding: {
          y: { field: 'leg', type: 'nominal', sort: '-x', title: null },
          x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
          color: { value: '#c0392b' },
          tooltip: [
            { field: 'leg', type: 'nominal' },
            { field: 'seizures', type: 'quantitative' },
            { field: 'quantity_kg', type: 'quantitative' },
          ],
        },
      },
    ],
  };
}

/**
 * The countries view as a choropleth of the ETIS law-enforcement ratio (seizures a country made ÷ those
 * it made plus those made elsewhere that it had a chance to make), on a colour-blind-safe sequential
 * scale over the ratio's own range 0–1; the Trade Chain Index and the counts are in the tooltip.
 * Countries without a row stay grey.
 */
async function countriesMap(rows: Row[]): Promise<object | null> {
  const { worldMap, fitToCountries } = await import('../../charts/world.js');
  const { default: isoCountries } = await import('i18n-iso-countries');
  const { topology } = worldMap();
  const values = rows
    .map((r) => ({
      id: isoCountries.alpha2ToNumeric(String(r.country)),
      country: r.country,
      ratio: r.law_enforcement_ratio,
      tci: r.trade_chain_index,
      seizures_in: r.seizures_in,
      seizures_out: r.seizures_out_law_enforcement,
    }))
    .filter((v) => v.id);
  if (!values.length) return null;
  const map = fitToCountries(
    values.map((v) => String(v.country)),
    MAP_WIDTH,
    MAP_HEIGHT,
  );
  const countries = { values: topology, format: { type: 'topojson', feature: 'countries' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'ETIS law-enforcement ratio by country (seizures in ÷ (in + out))',
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    projection: map.projection,
    layer: [
      { data: countries, mark: { type: 'geoshape', fill: '#e0e0e0', stroke: '#ffffff', strokeWidth: 0.5, clip: true } },
      {
        data: countries,
        transform: [
          { lookup: 'id', from: { data: { values }, key: 'id', fields: ['country', 'ratio', 'tci', 'seizures_in', 'seizures_out'] } },
          { filter: 'isValid(datum.ratio)' },
        ],
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5, clip: true },
        encoding: {
          color: {
            field: 'ratio',
            type: 'quantitative',
            title: 'law-enforcement ratio',
            scale: { scheme: 'viridis', domain: [0, 1] },
            legend: { titleLimit: 240 },
          },
          tooltip: [
            { field: 'properties.name', type: 'nominal', title: 'country' },
            { field: 'ratio', type: 'quantitative', title: 'law-enforcement ratio', format: '.2f' },
            { field: 'tci', type: 'quantitative', title: 'Trade Chain Index', format: '.2f' },
            { field: 'seizures_in', type: 'quantitative', title: 'seizures in' },
            { field: 'seizures_out', type: 'quantitative', title: 'seizures out (law enforcement)' },
          ],
        },
      },
    ],
  };
}

/**
 * Hotspots as a map of the seizure places that have a point (circles sized by seizures, the map fitted
 * to them) above the ranked bars of places and transit hubs; the bars alone when no place has a point.
 */
async function hotspotChart(rows: Row[]): Promise<object | null> {
  const bars = hotspotBars(rows);
  const { pointMap } = await import('../../charts/world.js');
  const map = pointMap(
    'Seizure places by seizures',
    rows
      .filter((r) => r.latitude != null && r.longitude != null)
      .map((r) => ({
        label: String(r.airport_code ?? r.hotspot),
        lat: Number(r.latitude),
        lon: Number(r.longitude),
        seizures: Number(r.seizures),
        quantity_kg: r.quantity_kg == null ? null : Number(r.quantity_kg),
        detail: `${r.hotspot} (${r.country ?? '?'})${r.place_kind ? `, ${r.place_kind}` : ''}`,
        top_species: r.top_species == null ? null : String(r.top_species),
        first_seen: r.first_seen == null ? null : String(r.first_seen),
        last_seen: r.last_seen == null ? null : String(r.last_seen),
      })),
    MAP_WIDTH,
    MAP_HEIGHT,
  );
  if (!map || !bars) return bars ?? map;
  const { $schema, title, ...mapSpec } = map as Record<string, unknown>;
  const { $schema: _s, title: barsTitle, ...barSpec } = bars as Record<string, unknown>;
  return { $schema, title: barsTitle ?? title, vconcat: [mapSpec, barSpec] };
}

/** The airport pairs as the flow map of legs between airports (at their positions in the bundled gazetteer) above ranked bars. */
async function airportPairMap(rows: Row[]): Promise<object | null> {
  if (!rows.length) return null;
  const { airportPoint } = await import('../../places/gazetteer.js');
  return flowMap(rows, {
    from: 'from_airport',
    to: 'to_airport',
    point: airportPoint,
    noun: 'airport',
    title: (n) => `Top ${n} airport pairs by number of seizures`,
  });
}

/** The city pairs as the flow map of legs between cities (at the points the query gives), each city named "City, CC". */
async function cityPairMap(rows: Row[]): Promise<object | null> {
  if (!rows.length) return null;
  const points = new Map<string, [number, number]>();
  const named = rows.map((r) => {
    const from = `${r.from_city}, ${r.from_country ?? '?'}`;
    const to = `${r.to_city}, ${r.to_country ?? '?'}`;
    if (r.from_latitude != null && r.from_longitude != null) points.set(from, [Number(r.from_longitude), Number(r.from_latitude)]);
    if (r.to_latitude != null && r.to_longitude != null) points.set(to, [Number(r.to_longitude), Number(r.to_latitude)]);
    return { ...r, from_place: from, to_place: to };
  });
  return flowMap(named, {
    from: 'from_place',
    to: 'to_place',
    point: (code) => points.get(code),
    noun: 'city',
    title: (n) => `Top ${n} city pairs by number of seizures`,
  });
}

/** Hotspots as ranked bars: seizure places and transit hubs, coloured by kind, labelled with their country. */
function hotspotBars(rows: Row[]): object | null {
  if (!rows.length) return null;
  const values = rows
    .slice(0, 30)
    .map((r) => ({ hotspot: r.hotspot ? `${r.hotspot} (${r.country})` : `${r.country} · ${r.kind}`, seizures: r.seizures, kind: r.kind }));
  return rankedBars('Hotspots: seizure places and transit countries by seizures', values, 'hotspot', 'seizures', 'seizures', 'kind');
}
