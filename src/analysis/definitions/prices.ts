// prices: value per unit along the supply chain — the figures used in sentencing, asset forfeiture
// and statistics. Per kg, per item, per unit as given (m³, litres), or per lot when a value has no
// quantity (an ad, a court case), so that no priced record vanishes. Values are converted with annual average rates
// (src/reference/usd-rates.csv or --rates FILE); values that cannot be converted are counted per group and in a note.
import type { AnalysisDefinition } from '../definition.js';

export const prices: AnalysisDefinition = {
  name: 'prices',
  title: 'Prices along the supply chain',
  question: 'What is a kilogram, an item or a whole lot worth, by species, product, country and stage of the supply chain, year by year?',
  options: [
    { flags: '--min-n <n>', key: 'minN', description: 'only groups with at least this many priced specimens', default: 1, type: 'number' },
  ],
  columns: {
    species: 'taxon',
    term: 'CITES term code',
    stage: 'where the seizing country sits in the chain: origin, transit, destination (or unknown)',
    country: 'seizing country (ISO alpha-2)',
    year: 'year of the seizures',
    n: 'specimens with a price',
    median_usd_per_unit: 'median price',
    unit:
      'USD/kg (the quantity converts to mass), else USD/item (a count), ' +
      'else USD/ and the CITES unit as given (USD/CUM, USD/LTR), else ' +
      'USD/lot (a value with no quantity: the price of the whole lot, ' +
      'an ad or a court case)',
    q1_usd_per_unit: 'first quartile',
    q3_usd_per_unit: 'third quartile',
    n_unconverted: 'values left out because their currency could not be converted',
    outlier_specimens: 'specimen ids priced beyond 1.5 interquartile ranges from the quartiles',
  },
  countryColumns: ['country'],
  params: (options) => ({ min_n: Number(options.minN) }),
  chart: (rows) => {
    const perKg = rows.filter((r) => r.unit === 'USD/kg' && r.median_usd_per_unit != null);
    if (!perKg.length) return null;
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Median price per kilogram by species, product and stage (USD, log scale)',
      data: {
        values: perKg.map((r) => ({ item: `${r.species} ${r.term ?? ''}`.trim(), stage: r.stage, median: r.median_usd_per_unit, n: r.n })),
      },
      transform: [
        {
          aggregate: [
            { op: 'median', field: 'median', as: 'median' },
            { op: 'sum', field: 'n', as: 'n' },
          ],
          groupby: ['item', 'stage'],
        },
      ],
      mark: { type: 'point', filled: true },
      width: 480,
      height: { step: 16 },
      encoding: {
        y: { field: 'item', type: 'nominal', title: null, sort: '-x' },
        x: { field: 'median', type: 'quantitative', scale: { type: 'log' }, title: 'USD per kg' },
        color: { field: 'stage', type: 'nominal', scale: { domain: ['origin', 'transit', 'destination', 'unknown'] } },
        size: { field: 'n', type: 'quantitative', title: 'specimens' },
      },
    };
  },
};
