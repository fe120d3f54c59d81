// interception: the whole trade estimated from what was seized and expert-elicited interception
// rates (seized ÷ rate), with an interval from a seeded Monte Carlo over a triangular distribution
// of each rate, and which rate drives each year's total. The SQL matches seizures to rates; the
// draws are here (per group, not per row), in src/outcomes/interception.ts.
import type { AnalysisDefinition, Row } from '../definition.js';
import { DISTRIBUTIONS, readInterceptionRates, simulate, type Distribution } from '../../outcomes/interception.js';
import { STANDARD_COLUMNS, STANDARDISE_OPTIONS } from '../standard.js';

const round = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export const interception: AnalysisDefinition = {
  name: 'interception',
  title: 'Interception estimates',
  question: 'How large is the whole trade, given what was seized and the share experts think enforcement intercepts?',
  options: [
    {
      flags: '--interception-rates <file>',
      key: 'interceptionRates',
      description:
        'expert-elicited interception rates: country,taxon,term,from_year,to_year,min,mode,max,source ' +
        '(sample-data/mappings/interception-rates.csv)',
    },
    { flags: '--draws <n>', key: 'draws', description: 'Monte Carlo draws per rate', default: 10000, type: 'number' },
    {
      flags: '--seed <n>',
      key: 'seed',
      description: 'seed of the draws (the same seed gives the same output)',
      default: 1,
      type: 'number',
    },
    {
      flags: '--distribution <name>',
      key: 'distribution',
      description: 'how a rate is drawn from its min, mode and max: triangular, or PERT (a Beta that leans on the mode)',
      choices: Object.keys(DISTRIBUTIONS),
      default: 'triangular',
    },
    ...STANDARDISE_OPTIONS,
  ],
  columns: {
    country: 'seizing country (the reporting country when none is given)',
    year: 'year of the seizures',
    taxon: "the rate's taxon ('any')",
    term: "the rate's CITES term ('any')",
    rate_row: 'row of the rates file that applied',
    rate_min: 'minimum interception rate',
    rate_mode: 'most likely rate',
    rate_max: 'maximum rate',
    rate_mean: 'mean of the drawn rates (triangular: (min + mode + max) / 3; PERT: (min + 4 mode + max) / 6)',
    seizures: 'seizures under this rate',
    seized_kg: 'kilograms seized (as weighed, plus those estimated with --standardise)',
    seized_items: 'items seized',
    seized_organisms: `whole organisms seized (--standardise): ${STANDARD_COLUMNS.organisms}`,
    estimated_kg: 'estimated kilograms traded: mean of seized ÷ rate over the draws',
    estimated_kg_low: '2.5th percentile',
    estimated_kg_high: '97.5th percentile',
    estimated_items: 'estimated items traded (mean)',
    estimated_items_low: '2.5th percentile',
    estimated_items_high: '97.5th percentile',
    estimated_organisms: 'estimated whole organisms traded (mean; --standardise)',
    estimated_organisms_low: '2.5th percentile',
    estimated_organisms_high: '97.5th percentile',
    sensitivity: "share of the variance of the year's total estimated kilograms that comes from this rate (the rates drawn independently)",
    source: 'where the rate comes from (the file says)',
  },
  countryColumns: ['country'],
  params: (o) => ({ rates: JSON.stringify(readInterceptionRates(o.interceptionRates as string | undefined)) }),
  postProcess: (rows, { options }) => {
    const draws = Math.max(1, Math.floor(Number(options.draws)));
    const seed = Math.floor(Number(options.seed));
    const distribution = String(options.distribution) as Distribution;
    const out: Row[] = rows.map((r) => {
      const sim = simulate(
        seed,
        `${r.country}|${r.year}|${r.rate_row}`,
        draws,
        Number(r.rate_min),
        Number(r.rate_mode),
        Number(r.rate_max),
        distribution,
      );
      const kg = sim.estimate(r.seized_kg === null ? null : Number(r.seized_kg));
      const items = sim.estimate(r.seized_items === null ? null : Number(r.seized_items));
      const organisms = sim.estimate(r.seized_organisms === null ? null : Number(r.seized_organisms));
      return {
        ...r,
        rate_mean: round(sim.rateMean, 4),
        estimated_kg: round(kg?.mean),
        estimated_kg_low: round(kg?.low),
        estimated_kg_high: round(kg?.high),
        estimated_items: round(items?.mean),
        estimated_items_low: round(items?.low),
        estimated_items_high: round(items?.high),
        estimated_organisms: round(organisms?.mean, 1),
        estimated_organisms_low: round(organisms?.low, 1),
        estimated_organisms_high: round(organisms?.high, 1),
        sensitivity: sim.variance(r.seized_kg === null ? null : Number(r.seized_kg)),
      };
    });
    // Independent rates: the variance of a year's total is the sum of the groups' variances.
    const totals = new Map<unknown, number>();
    for (const r of out) totals.set(r.year, (totals.get(r.year) ?? 0) + Number(r.sensitivity));
    for (const r of out) r.sensitivity = totals.get(r.year) ? round(Number(r.sensitivity) / totals.get(r.year)!, 4) : null;
    return out;
  },
  notes: (rows, { options }) => [
    `estimates = seized ÷ interception rate, the rate drawn ${Number(options.draws)} ` +
      `times from a ${options.distribution === 'pert' ? 'PERT' : 'triangular'} ` +
      `(min, mode, max) distribution, seed ${Number(options.seed)}; ` +
      `seizures are a biased sample and the rates are expert opinion`,
    ...(rows.length ? [] : ['no seizure falls under a rate of the file (country, taxon, term and period must match)']),
  ],
  chart: (rows) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Estimated kilograms traded (mean and 95% interval) against kilograms seized',
    data: {
      values: rows
        .filter((r) => r.estimated_kg !== null)
        .map((r) => ({
          group: `${r.country} ${r.taxon === 'any' ? '' : r.taxon}`.trim(),
          year: r.year,
          seized: r.seized_kg,
          estimate: r.estimated_kg,
          low: r.estimated_kg_low,
          high: r.estimated_kg_high,
        })),
    },
    width: 520,
    height: 260,
    encoding: { x: { field: 'year', type: 'ordinal', title: null }, color: { field: 'group', type: 'nominal', title: null } },
    layer: [
      { mark: 'rule', encoding: { y: { field: 'low', type: 'quantitative', title: 'kilograms' }, y2: { field: 'high' } } },
      { mark: { type: 'point', filled: true }, encoding: { y: { field: 'estimate', type: 'quantitative' } } },
      { mark: { type: 'tick', color: 'black' }, encoding: { y: { field: 'seized', type: 'quantitative' } } },
    ],
  }),
};
