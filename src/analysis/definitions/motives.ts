// motives: declared purpose and typical use of the product (medicine, food, pets, décor, fashion…).
import type { AnalysisDefinition } from '../definition.js';

export const motives: AnalysisDefinition = {
  name: 'motives',
  title: 'Motives',
  question:
    'What are specimens taken for — declared purpose and typical use (medicine, food, pets, décor, fashion) — by species and market?',
  options: [],
  columns: {
    species: 'taxon',
    use_type: 'typical use of the product (src/reference/use-types.csv)',
    purpose: 'CITES purpose code declared, or unknown',
    market: 'destination countries',
    seizures: 'seizures',
    quantity_kg: 'kilograms',
    value_usd: 'value in US dollars',
    terms: 'CITES terms',
  },
  chart: (rows) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Seizures by typical use of the product',
    data: { values: rows.map((r) => ({ use_type: r.use_type, seizures: r.seizures, market: r.market })) },
    mark: 'bar',
    width: 520,
    height: 260,
    encoding: {
      x: { field: 'use_type', type: 'nominal', title: null, sort: '-y' },
      y: { aggregate: 'sum', field: 'seizures', type: 'quantitative', title: 'seizures' },
    },
  }),
};
