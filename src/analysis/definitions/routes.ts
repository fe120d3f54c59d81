// routes: the legs of trade chains, each country's roles (with ETIS in/out counts), hotspots, and
// legs new in the latest year. Chart: a flow map on a bundled world map above ranked legs.
import type { AnalysisDefinition } from '../definition.js';

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
  question: 'Which legs do trade chains follow (origin → export → transit → destination), which countries play which role, where are the hotspots?',
  options: [{ flags: '--top <n>', key: 'top', description: 'legs drawn on the chart', default: 25, type: 'number' }],
  views: {
    countries: 'each country as origin, export, transit, destination and seizing country; ETIS seizures in/out (law-enforcement and trade-flow definitions), their ratios and the Trade Chain Index',
    hotspots: 'places and ports with the most seizures, and transit countries most chains pass through',
    new: 'legs first seen in the latest year of the selection',
  },
  columns: LEG_COLUMNS,
  viewColumns: {
    countries: {
      country: 'country (ISO alpha-2)', as_origin: 'seizures naming it as origin', as_export: 'seizures naming it as exporting country', as_transit: 'seizures naming it as transit',
      as_destination: 'seizures naming it as destination', seizures_in: 'seizures it made (ETIS "seizures in")',
      seizures_out_law_enforcement: 'ETIS "seizures out", law-enforcement definition: seizures made elsewhere that name it as origin, export or transit (countries that had a chance to seize them; the destination never did)',
      seizures_out_trade_flow: 'ETIS "seizures out", trade-flow definition: seizures made elsewhere that name it anywhere in the chain, destination included',
      law_enforcement_ratio: 'ETIS law-enforcement ratio: in / (in + out, law-enforcement definition); 0 when both are 0',
      trade_flow_ratio: 'the same ratio on the trade-flow "out": in / (in + out, trade-flow definition)',
      trade_chain_index: 'ETIS Trade Chain Index: ln(dest + 1) − ln(oet + 1), dest = 100 × its destination listings ÷ seizures naming a destination, oet = mean of the same origin, export and transit scores; > 0 leans to destination',
    },
    hotspots: { kind: 'seizure place or transit hub', hotspot: 'place or port (for seizure places)', country: 'country (ISO alpha-2)', seizures: 'seizures', quantity_kg: 'kilograms', value_usd: 'value in US dollars' },
    new: { from: LEG_COLUMNS.from, to: LEG_COLUMNS.to, first_year: 'year the leg first appears', seizures: 'seizures', quantity_kg: 'kilograms', value_usd: 'value in US dollars' },
  },
  countryColumns: ['from', 'to', 'country'],
  chart: async (rows, { view, options }) => {
    if (view === 'countries' || view === 'hotspots') return null;
    const top = rows.slice(0, Number(options.top));
    const { worldMap } = await import('../../charts/world.js');
    const { topology, centroids } = worldMap();
    const legs = top
      .filter((r) => centroids.has(String(r.from)) && centroids.has(String(r.to)))
      .map((r) => {
        const [lon1, lat1] = centroids.get(String(r.from))!;
        const [lon2, lat2] = centroids.get(String(r.to))!;
        return { leg: `${r.from} → ${r.to}`, from: r.from, to: r.to, seizures: r.seizures, quantity_kg: r.quantity_kg, lon1, lat1, lon2, lat2 };
      });
    const nodes = [...new Set(legs.flatMap((l) => [String(l.from), String(l.to)]))].map((code) => ({ code, lon: centroids.get(code)![0], lat: centroids.get(code)![1] }));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: `Top ${legs.length} trafficking legs by number of seizures`,
      vconcat: [
        {
          width: 720, height: 380, projection: { type: 'equalEarth' },
          layer: [
            { data: { values: topology, format: { type: 'topojson', feature: 'countries' } }, mark: { type: 'geoshape', fill: '#e8e8e8', stroke: '#ffffff', strokeWidth: 0.5 } },
            {
              data: { values: legs }, mark: { type: 'rule', opacity: 0.7 },
              encoding: {
                longitude: { field: 'lon1', type: 'quantitative' }, latitude: { field: 'lat1', type: 'quantitative' },
                longitude2: { field: 'lon2' }, latitude2: { field: 'lat2' },
                strokeWidth: { field: 'seizures', type: 'quantitative', scale: { range: [0.5, 6] }, title: 'seizures' },
                color: { value: '#c0392b' },
                tooltip: [{ field: 'leg', type: 'nominal' }, { field: 'seizures', type: 'quantitative' }, { field: 'quantity_kg', type: 'quantitative' }],
              },
            },
            {
              data: { values: nodes }, mark: { type: 'text', fontSize: 9, dy: -6 },
              encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'code', type: 'nominal' } },
            },
          ],
        },
        {
          width: 720, height: 14 * Math.max(legs.length, 1), data: { values: legs }, mark: 'bar',
          encoding: {
            y: { field: 'leg', type: 'nominal', sort: '-x', title: null },
            x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
            color: { value: '#c0392b' },
          },
        },
      ],
    };
  },
};
