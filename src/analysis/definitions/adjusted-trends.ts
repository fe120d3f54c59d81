// adjusted-trends: the trend of seizures once reporting effort is allowed for, in the spirit of ETIS's
// seizure-rate model (Underwood et al. 2013): a rise in reports is not read as a rise in trafficking.
// A negative-binomial regression of seizures per seizing country and year, fitted on the country-years
// the country reported, with a factor per year and two covariates per country: its reporting rate
// (the share of the span's years it reported) and its law-enforcement ratio (ETIS's, from routes
// --view countries: one home for the rule). Every country is then predicted in every year, so the
// year effects give an index as if every country had reported every year. A second fit with the year
// as a number gives one adjusted annual change. The raw index and the naive change (all country-years,
// an unreported year counting as none) are shown beside it. ETIS adds country random effects, lags and
// more covariates (and a second model for reporting); this is the core of it, with its assumptions stated.
import { UsageError } from '../../errors.js';
import type { AnalysisContext, AnalysisDefinition, Row } from '../definition.js';
import { fitNegativeBinomial, type NegBinFit, THETA_MAX } from '../negative-binomial.js';
import { readQuery } from '../run.js';
import { normalCdf } from '../stats.js';
import { routes } from './routes.js';

interface Cell {
  country: string;
  year: number;
  seizures: number;
  reported: boolean;
  reporting_rate: number;
  le_ratio: number;
}

const Z95 = 1.959963984540054;

/** What postProcess fitted, for the notes of the same run. */
const FITTED = new WeakMap<AnalysisContext, { cells: Cell[]; model: Model | null }>();
const round = (x: number | null, digits = 4) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Cells with their law-enforcement ratio, from the routes analysis' own SQL over the same selection. */
async function cellsOf(rows: Row[], { db }: AnalysisContext): Promise<Cell[]> {
  const ratios = new Map(
    (await db.all<{ country: string; law_enforcement_ratio: number }>(readQuery(routes, 'countries'))).map((r) => [
      r.country,
      Number(r.law_enforcement_ratio),
    ]),
  );
  return rows.map((r) => ({
    country: String(r.country),
    year: Number(r.year),
    seizures: Number(r.seizures),
    reported: Boolean(r.reported),
    reporting_rate: Number(r.reporting_rate),
    le_ratio: ratios.get(String(r.country)) ?? 0,
  }));
}

interface Model {
  fit: NegBinFit;
  terms: string[];
  /** The years with a coefficient (the first is the baseline). */
  years: number[];
  covariates: Array<'reporting_rate' | 'le_ratio'>;
  cells: number;
}

/** The covariates that vary among the fitted cells (a constant one is the intercept's twin). */
function varying(cells: Cell[]): Array<'reporting_rate' | 'le_ratio'> {
  return (['reporting_rate', 'le_ratio'] as const).filter((c) => new Set(cells.map((x) => x[c])).size > 1);
}

function fitYears(cells: Cell[]): Model | null {
  const fitted = cells.filter((c) => c.reported);
  const years = [...new Set(fitted.map((c) => c.year))].sort((a, b) => a - b);
  const covariates = varying(fitted);
  const terms = ['intercept', ...years.slice(1).map(String), ...covariates];
  if (years.length < 2 || fitted.length < terms.length + 2 || !fitted.some((c) => c.seizures > 0)) return null;
  const X = fitted.map((c) => [1, ...years.slice(1).map((y) => (c.year === y ? 1 : 0)), ...covariates.map((k) => c[k])]);
  return {
    fit: fitNegativeBinomial(
      X,
      fitted.map((c) => c.seizures),
    ),
    terms,
    years,
    covariates,
    cells: fitted.length,
  };
}

/** One slope per year: log μ = a + b (year − first) (+ covariates), on the cells given. */
function fitSlope(cells: Cell[], covariates: Array<'reporting_rate' | 'le_ratio'>): NegBinFit | null {
  const first = Math.min(...cells.map((c) => c.year));
  if (cells.length < covariates.length + 4 || new Set(cells.map((c) => c.year)).size < 2) return null;
  return fitNegativeBinomial(
    cells.map((c) => [1, c.year - first, ...covariates.map((k) => c[k])]),
    cells.map((c) => c.seizures),
  );
}

function describe(name: string, estimate: number, se: number): string {
  const p = 2 * (1 - normalCdf(Math.abs(estimate / se)));
  return (
    `${name} ${round(estimate)} (SE ${round(se)}, 95% CI ${round(estimate - Z95 * se)} ` +
    `to ${round(estimate + Z95 * se)}, p ${p < 1e-6 ? '< 0.000001' : round(p, 6)})`
  );
}

function change(fit: NegBinFit | null): string {
  if (!fit) return 'not estimable';
  const [b, se] = [fit.coefficients[1], fit.standardErrors[1]];
  const pct = (x: number) => round((Math.exp(x) - 1) * 100, 1);
  return `${pct(b)}% a year (95% CI ${pct(b - Z95 * se)}% to ${pct(b + Z95 * se)}%)`;
}

export const adjustedTrends: AnalysisDefinition = {
  name: 'adjusted-trends',
  title: 'Seizure trends adjusted for reporting effort',
  question:
    'Is the trend in seizures real once reporting effort is allowed ' +
    'for (a negative-binomial model with reporting and law-enforcement covariates)?',
  options: [],
  columns: {
    year: 'year of the seizures',
    countries: 'seizing countries in the model (every country that seized any selected seizure)',
    countries_reporting: 'of them, those whose own report covers the year',
    seizures: 'selected seizures made that year',
    raw_index: "seizures ÷ the first year's (1 = the first year)",
    adjusted_seizures: 'seizures the model predicts for every country in that year, as if every country had reported',
    adjusted_index: "the year effect, exp(γ): adjusted seizures ÷ the first year's",
    adjusted_index_low: '95% interval of the adjusted index (Wald, on the log scale)',
    adjusted_index_high: 'upper end of that interval',
  },
  params: (_o, filters) => ({ from: filters?.from ?? null, to: filters?.to ?? null }),
  postProcess: async (rows, context) => {
    const cells = await cellsOf(rows, context);
    const model = fitYears(cells);
    FITTED.set(context, { cells, model });
    const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
    const observed = (year: number) => cells.filter((c) => c.year === year).reduce((s, c) => s + c.seizures, 0);
    const firstSeen = years.length ? observed(years[0]) : 0;
    return years.map((year) => {
      const k = model ? model.years.indexOf(year) : -1;
      let index: number | null = null,
        low: number | null = null,
        high: number | null = null,
        predicted: number | null = null;
      if (model && k >= 0) {
        const { coefficients: b, standardErrors: se } = model.fit;
        const gamma = k === 0 ? 0 : b[k],
          s = k === 0 ? 0 : se[k];
        index = Math.exp(gamma);
        [low, high] = [Math.exp(gamma - Z95 * s), Math.exp(gamma + Z95 * s)];
        predicted = cells
          .filter((c) => c.year === year)
          .reduce((sum, c) => {
            const covariates = model.covariates.map((name) => b[model.terms.indexOf(name)] * c[name]);
            return sum + Math.exp(b[0] + gamma + covariates.reduce((x, y) => x + y, 0));
          }, 0);
      }
      return {
        year,
        countries: cells.filter((c) => c.year === year).length,
        countries_reporting: cells.filter((c) => c.year === year && c.reported).length,
        seizures: observed(year),
        raw_index: firstSeen ? round(observed(year) / firstSeen) : null,
        adjusted_seizures: round(predicted, 1),
        adjusted_index: round(index),
        adjusted_index_low: round(low),
        adjusted_index_high: round(high),
      };
    });
  },
  notes: (rows, context) => {
    if (!rows.length) return ['no dated seizure with a known seizing country in the selection: nothing to model'];
    const { cells, model } = FITTED.get(context)!;
    if (!model)
      throw new UsageError(
        'adjusted-trends needs at least two years with reports and more reported country-years than terms in the model',
        { hint: 'widen --from/--to or the filters' },
      );
    const { fit, terms } = model;
    const named = (name: string) => describe(name, fit.coefficients[terms.indexOf(name)], fit.standardErrors[terms.indexOf(name)]);
    const missing = (['reporting_rate', 'le_ratio'] as const).filter((c) => !model.covariates.includes(c));
    return [
      `negative-binomial regression (NB2, log link, θ by maximum likelihood ` +
        `as MASS::glm.nb) of seizures per country-year on ${model.cells} ` +
        `country-years reported: ` +
        `a factor per year (${model.years[0]} the baseline) and ` +
        `${model.covariates.length ? model.covariates.join(' and ') : 'no covariate'}; ` +
        `${fit.theta >= THETA_MAX ? 'θ at its cap: no overdispersion, in effect a Poisson fit' : `θ ${round(fit.theta, 3)}`}, ` +
        `log-likelihood ${round(fit.logLikelihood, 3)}${fit.converged ? '' : ' (did not converge: read with care)'}`,
      ...model.covariates.map(named),
      ...(missing.length ? [`${missing.join(' and ')} left out of the model: the same for every country fitted`] : []),
      `adjusted change ${change(
        fitSlope(
          cells.filter((c) => c.reported),
          model.covariates,
        ),
      )}; naive change (every country-year, an unreported year as none, no covariates) ${change(fitSlope(cells, []))}`,
      'assumptions: a country-year without its own report is missing, ' +
        'not zero; reporting and law-enforcement effort differ between ' +
        'countries but not over time; the countries are those that seized ' +
        'something selected. ' +
        'It cannot correct for effort that changes within a country over time, nor for seizures no one reports.',
    ];
  },
  chart: (rows) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Seizure index: raw and adjusted for reporting effort (first year = 1)',
    data: {
      values: rows
        .flatMap((r) => [
          { year: String(r.year), series: 'raw', index: r.raw_index, low: null, high: null },
          { year: String(r.year), series: 'adjusted', index: r.adjusted_index, low: r.adjusted_index_low, high: r.adjusted_index_high },
        ])
        .filter((r) => r.index !== null),
    },
    width: 520,
    height: 260,
    encoding: { x: { field: 'year', type: 'ordinal', title: null }, color: { field: 'series', type: 'nominal', title: null } },
    layer: [
      {
        transform: [{ filter: 'datum.low !== null' }],
        mark: { type: 'area', opacity: 0.2 },
        encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      { mark: { type: 'line', point: true }, encoding: { y: { field: 'index', type: 'quantitative', title: 'index (first year = 1)' } } },
    ],
  }),
};
