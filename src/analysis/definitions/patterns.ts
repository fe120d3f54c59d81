// patterns: when and where seizures happen, with a chi-square test of evenness over weekdays,
// months of the year and hours of the day.
import type { AnalysisDefinition, Row } from '../definition.js';
import { chiSquareUniform } from '../stats.js';

export const PATTERN_UNITS = ['year', 'month', 'month-of-year', 'season', 'weekday', 'hour', 'weekday-hour', 'country', 'city', 'port'] as const;

/** Cells a uniform spread is tested over, so that a cell with no seizure still counts as 0. */
const TESTED: Record<string, number> = { weekday: 7, 'month-of-year': 12, hour: 24, season: 4 };

export const patterns: AnalysisDefinition = {
  name: 'patterns',
  title: 'Seizure patterns in time and place',
  question: 'When and where do seizures happen: by year, month, season, weekday, hour, country, city or port?',
  options: [{ flags: '--by <unit>', key: 'by', description: 'what to group by', choices: PATTERN_UNITS, default: 'month' }],
  columns: {
    period: 'the cell: a year, YYYY-MM, "03 Mar", a season, "1 Mon", an hour, a country code, a city or a port',
    seizures: 'seizures in the cell (only those whose date is precise enough for it)',
    share_pct: 'share of the seizures counted, in percent',
    quantity_kg: 'kilograms seized (specimens whose unit converts to mass)',
    value_usd: 'estimated value in US dollars (annual average rates)',
    expected: 'seizures expected in the cell if they were spread evenly (weekday, month-of-year, hour, season)',
    chi_square: 'chi-square statistic of evenness over the cells',
    df: 'degrees of freedom',
    p_value: 'p-value: small values mean seizures are not spread evenly',
  },
  params: (o) => ({ by: String(o.by) }),
  postProcess: (rows, { options }) => {
    const cells = TESTED[String(options.by)];
    if (!cells) return rows.map((r) => ({ ...r, expected: null, chi_square: null, df: null, p_value: null }));
    const observed = [...rows.map((r) => Number(r.seizures)), ...Array(Math.max(0, cells - rows.length)).fill(0)];
    const test = chiSquareUniform(observed);
    const total = observed.reduce((a, b) => a + b, 0);
    return rows.map((r) => ({
      ...r, expected: round(total / cells, 2),
      chi_square: test ? round(test.statistic, 3) : null, df: test?.df ?? null, p_value: test ? Number(test.pValue.toPrecision(4)) : null,
    }));
  },
  chart: (rows, { options }) => {
    const by = String(options.by);
    const title = `Seizures by ${by}${rows[0]?.p_value != null ? ` (χ² = ${rows[0].chi_square}, p = ${rows[0].p_value})` : ''}`;
    const values = rows.map((r) => ({ ...r }));
    if (by === 'month' || by === 'weekday-hour') {
      const [x, y, xTitle, yTitle] = by === 'month' ? ['month', 'year', 'month', 'year'] : ['hour', 'weekday', 'hour of day', 'weekday'];
      const calculate = by === 'month'
        ? [{ calculate: 'substring(datum.period, 0, 4)', as: 'year' }, { calculate: 'substring(datum.period, 5, 7)', as: 'month' }]
        : [{ calculate: 'substring(datum.period, 2, 5)', as: 'weekday' }, { calculate: 'substring(datum.period, 6, 8)', as: 'hour' }, { calculate: 'substring(datum.period, 0, 1)', as: 'weekday_order' }];
      return {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, data: { values }, transform: calculate, mark: 'rect', width: 480, height: 260,
        encoding: {
          x: { field: x, type: 'ordinal', title: xTitle },
          y: { field: y, type: 'ordinal', title: yTitle, ...(by === 'weekday-hour' ? { sort: { field: 'weekday_order' } } : {}) },
          color: { field: 'seizures', type: 'quantitative', title: 'seizures', scale: { scheme: 'orangered' } },
          tooltip: [{ field: 'period', type: 'nominal' }, { field: 'seizures', type: 'quantitative' }, { field: 'quantity_kg', type: 'quantitative' }],
        },
      };
    }
    const ranked = ['country', 'city', 'port'].includes(by);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, data: { values: ranked ? values.slice(0, 25) : values }, mark: 'bar', width: 520, height: 260,
      encoding: {
        x: { field: 'period', type: 'ordinal', title: by, sort: ranked ? '-y' : 'ascending' },
        y: { field: 'seizures', type: 'quantitative', title: 'seizures' },
        tooltip: [{ field: 'period', type: 'nominal' }, { field: 'seizures', type: 'quantitative' }, { field: 'quantity_kg', type: 'quantitative' }, { field: 'value_usd', type: 'quantitative' }],
      },
    };
  },
};

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export type { Row };
