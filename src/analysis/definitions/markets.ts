// markets: where specimens are sold — destination markets with their species, products and prices.
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

export const markets: AnalysisDefinition = {
  name: 'markets',
  title: 'Markets',
  question: 'Which destination markets receive what — species, products — and at what price?',
  options: [],
  columns: {
    market: 'destination country (ISO alpha-2)', seizures: 'seizures bound for it', quantity_kg: 'kilograms', value_usd: 'value in US dollars',
    median_usd_per_kg: 'median price per kilogram', top_species: 'the five taxa most often bound for it', top_products: 'the five CITES terms most often bound for it',
  },
  countryColumns: ['market'],
  chart: (rows) => rankedBars('Destination markets by seizures', rows.slice(0, 20).map((r) => ({ market: r.market, seizures: r.seizures })), 'market', 'seizures', 'seizures'),
};
