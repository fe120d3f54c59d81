// markets: where specimens are sold — destination markets with their species, products and prices.
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

export const markets: AnalysisDefinition = {
  name: 'markets',
  title: 'Markets',
  question: 'Which destination markets receive what — species, products — and at what price per kg, per item and per lot?',
  options: [],
  columns: {
    market: 'destination country (ISO alpha-2)',
    seizures: 'seizures bound for it',
    quantity_kg: 'kilograms',
    value_usd: 'value in US dollars',
    median_usd_per_kg: 'median price per kilogram (lines whose quantity converts to mass)',
    median_usd_per_item: 'median price per item (lines counted, not weighed: live animals, pieces)',
    median_usd_per_lot: 'median price of a lot (lines with a value and no quantity: an ad, a court case)',
    top_species: 'the five taxa most often bound for it',
    top_products: 'the five CITES terms most often bound for it',
  },
  countryColumns: ['market'],
  chart: (rows) =>
    rankedBars(
      'Destination markets by seizures',
      rows.slice(0, 20).map((r) => ({ market: r.market, seizures: r.seizures })),
      'market',
      'seizures',
      'seizures',
    ),
};
