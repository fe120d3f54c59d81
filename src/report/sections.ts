// The sections of the annual illegal trade summary, modelled on the Secretariat's analyses of
// Parties' annual illegal trade reports: what each shows, the SQL that computes it
// (queries/annual-report/<id>.sql) and the chart that goes with it.
import { rankedBars } from '../analysis/definitions/charts.js';
import type { Row } from '../analysis/definition.js';

export interface SectionSpec {
  /** The SQL file's stem and the CSV's name. */
  id: string;
  /** Columns holding ISO country codes: a *_name column is added beside each. */
  countryColumns?: string[];
  /** The chart, titled in the report's language (src/report/i18n/). */
  chart?: (rows: Row[], year: number, title: string) => object | null;
  annex?: boolean;
}

const VEGA_LITE = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Type that stays legible once the chart is fitted to A4's text width (Vega's defaults are 10–11 px). */
const PRINT_CONFIG = {
  axis: { labelFontSize: 11, titleFontSize: 11 },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  title: { fontSize: 13 },
};

/**
 * A chart for the page: larger type, every axis or legend named in words (never by its column) in the
 * report's language (`words`), and the categories it shows (`values`: taxonomic groups, methods…) too.
 */
export function printable(spec: object, words: Record<string, string> = {}, values: Record<string, string> = {}): object {
  const chart = spec as { encoding?: Record<string, unknown>; config?: object; data?: { values?: Array<Record<string, unknown>> } };
  const categories = new Set<string>();
  const encoding =
    chart.encoding &&
    Object.fromEntries(
      Object.entries(chart.encoding).map(([channel, e]) => {
        const enc = e as { field?: unknown; title?: unknown; type?: unknown } | null;
        if (!enc || typeof enc !== 'object' || Array.isArray(enc)) return [channel, e];
        if (typeof enc.field === 'string' && enc.type === 'nominal') categories.add(enc.field);
        const title = enc.title === undefined && typeof enc.field === 'string' ? enc.field.replace(/_/g, ' ') : enc.title;
        const sort = (enc as { sort?: unknown }).sort;
        const sorted = Array.isArray(sort) ? { sort: sort.map((v) => (typeof v === 'string' ? (values[v] ?? v) : v)) } : {};
        return [channel, typeof title === 'string' ? { ...enc, ...sorted, title: words[title] ?? title } : { ...enc, ...sorted }];
      }),
    );
  const data =
    chart.data?.values && Object.keys(values).length
      ? {
          ...chart.data,
          values: chart.data.values.map((v) =>
            Object.fromEntries(Object.entries(v).map(([k, x]) => [k, categories.has(k) && typeof x === 'string' ? (values[x] ?? x) : x])),
          ),
        }
      : chart.data;
  return { ...spec, ...(encoding ? { encoding } : {}), ...(data ? { data } : {}), config: { ...PRINT_CONFIG, ...(chart.config ?? {}) } };
}
/** Fits the text width of an A4 page with 15 mm margins. */
const CHART_WIDTH = 500;

/** Horizontal bars of this year beside the year before, one pair per category. */
function yearPairs(title: string, rows: Row[], label: string, year: number): object {
  const values = rows.flatMap((r) => [
    { [label]: r[label], year: String(year - 1), seizures: r.previous_year_seizures ?? 0 },
    { [label]: r[label], year: String(year), seizures: r.seizures ?? 0 },
  ]);
  return {
    $schema: VEGA_LITE,
    title,
    data: { values },
    mark: 'bar',
    width: CHART_WIDTH,
    height: { step: 9 },
    encoding: {
      y: { field: label, type: 'nominal', sort: { field: 'seizures', op: 'max', order: 'descending' }, title: null },
      yOffset: { field: 'year', type: 'nominal' },
      x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
      color: { field: 'year', type: 'nominal', title: null, scale: { range: ['#bbbbbb', '#1f77b4'] } },
    },
  };
}

/** The outcomes funnel: per country, one bar per stage, stages side by side. */
function funnelBars(title: string, rows: Row[]): object {
  const stages: Array<[string, string]> = [
    ['seizures', 'seizures'],
    ['with an arrest', 'arrests'],
    ['prosecuted', 'prosecuted'],
    ['convicted', 'convicted'],
  ];
  const values = rows.flatMap((r) =>
    stages.map(([stage, column]) => ({ country: r.country_name || r.country, stage, seizures: r[column] ?? 0 })),
  );
  return {
    $schema: VEGA_LITE,
    title,
    data: { values },
    mark: 'bar',
    width: CHART_WIDTH,
    height: { step: 7 },
    encoding: {
      y: { field: 'country', type: 'nominal', sort: { field: 'seizures', op: 'max', order: 'descending' }, title: null },
      yOffset: { field: 'stage', type: 'nominal', sort: stages.map(([s]) => s) },
      x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
      color: { field: 'stage', type: 'nominal', title: null, sort: stages.map(([s]) => s) },
    },
  };
}

const ROLES = ['origin', 'export', 'transit', 'destination', 'seizing'];

export const SECTIONS: SectionSpec[] = [
  {
    id: 'reports-received',
    countryColumns: ['reporting_country'],
  },
  {
    id: 'taxonomic-groups',
    chart: (rows, year, title) => yearPairs(title, rows, 'taxonomic_group', year),
  },
  {
    id: 'top-species',
    chart: (rows, _year, title) => (rows.length ? rankedBars(title, rows, 'species', 'seizures', 'seizures', 'taxonomic_group') : null),
  },
  {
    id: 'top-routes',
    countryColumns: ['from_country', 'to_country'],
    chart: (rows, _year, title) =>
      rows.length
        ? rankedBars(
            title,
            rows.map((r) => ({ ...r, leg: `${r.from_country_name || r.from_country} → ${r.to_country_name || r.to_country}` })),
            'leg',
            'seizures',
            'seizures',
          )
        : null,
  },
  {
    id: 'country-roles',
    countryColumns: ['country'],
    chart: (rows, _year, title) =>
      rows.length
        ? {
            // Folded here rather than by a Vega transform, so that the roles are data a translation can name.
            $schema: VEGA_LITE,
            title: title,
            data: {
              values: rows.flatMap((r) =>
                ROLES.map((role) => ({ country_name: r.country_name, seizures: r.seizures, role, count: r[role] ?? 0 })),
              ),
            },
            mark: 'bar',
            width: CHART_WIDTH,
            height: { step: 12 },
            encoding: {
              y: { field: 'country_name', type: 'nominal', sort: { field: 'seizures', op: 'max', order: 'descending' }, title: null },
              x: { field: 'count', type: 'quantitative', stack: 'zero', title: 'seizures (by role)' },
              color: { field: 'role', type: 'nominal', title: null, sort: ROLES },
            },
          }
        : null,
  },
  {
    id: 'detection-methods',
    chart: (rows, year, title) => yearPairs(title, rows, 'detection_method', year),
  },
  {
    id: 'transport-modes',
    chart: (rows, year, title) => yearPairs(title, rows, 'transport_mode', year),
  },
  {
    id: 'values',
    chart: (rows, _year, title) => {
      const groups = rows.filter((r) => r.taxonomic_group !== 'all groups' && r.value_usd !== null);
      return groups.length ? rankedBars(title, groups, 'taxonomic_group', 'value_usd', 'US dollars') : null;
    },
  },
  {
    id: 'outcomes',
    countryColumns: ['country'],
    chart: (rows, _year, title) => (rows.length ? funnelBars(title, rows) : null),
  },
  {
    id: 'comparison',
  },
  {
    id: 'data-quality',
    countryColumns: ['reporting_country'],
    annex: true,
  },
  {
    id: 'sources',
    annex: true,
  },
  {
    id: 'values-kept-as-given',
    annex: true,
  },
];
