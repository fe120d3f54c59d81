// The sections of the annual illegal trade summary, modelled on the Secretariat's analyses of
// Parties' annual illegal trade reports: what each shows, the SQL that computes it
// (queries/annual-report/<id>.sql) and the chart that goes with it.
import { rankedBars } from '../analysis/definitions/charts.js';
import type { Row } from '../analysis/definition.js';

export interface SectionSpec {
  /** The SQL file's stem and the CSV's name. */
  id: string;
  title: (year: number) => string;
  /** One paragraph under the heading: what the table counts and how. */
  about: string;
  /** Columns holding ISO country codes: a *_name column is added beside each. */
  countryColumns?: string[];
  chart?: (rows: Row[], year: number) => object | null;
  annex?: boolean;
}

const VEGA_LITE = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Type that stays legible once the chart is fitted to A4's text width (Vega's defaults are 10–11 px). */
const PRINT_CONFIG = { axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 }, title: { fontSize: 13 } };

/** A chart for the page: larger type, and every axis or legend named in words, never by its column. */
export function printable(spec: object): object {
  const chart = spec as { encoding?: Record<string, unknown>; config?: object };
  const encoding = chart.encoding && Object.fromEntries(Object.entries(chart.encoding).map(([channel, e]) => {
    const enc = e as { field?: unknown; title?: unknown } | null;
    const untitled = enc && typeof enc === 'object' && !Array.isArray(enc) && typeof enc.field === 'string' && enc.title === undefined;
    return [channel, untitled ? { ...enc, title: enc.field!.toString().replace(/_/g, ' ') } : e];
  }));
  return { ...spec, ...(encoding ? { encoding } : {}), config: { ...PRINT_CONFIG, ...(chart.config ?? {}) } };
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
    $schema: VEGA_LITE, title, data: { values }, mark: 'bar', width: CHART_WIDTH, height: { step: 9 },
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
  const stages: Array<[string, string]> = [['seizures', 'seizures'], ['with an arrest', 'arrests'], ['prosecuted', 'prosecuted'], ['convicted', 'convicted']];
  const values = rows.flatMap((r) => stages.map(([stage, column]) => ({ country: r.country_name || r.country, stage, seizures: r[column] ?? 0 })));
  return {
    $schema: VEGA_LITE, title, data: { values }, mark: 'bar', width: CHART_WIDTH, height: { step: 7 },
    encoding: {
      y: { field: 'country', type: 'nominal', sort: { field: 'seizures', op: 'max', order: 'descending' }, title: null },
      yOffset: { field: 'stage', type: 'nominal', sort: stages.map(([s]) => s) },
      x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
      color: { field: 'stage', type: 'nominal', title: null, sort: stages.map(([s]) => s) },
    },
  };
}

export const SECTIONS: SectionSpec[] = [
  {
    id: 'reports-received',
    title: () => 'Reports received by Party',
    about: 'Parties whose records cover the year or the year before: seizures and specimen records reported for the year, and whether the report arrived by the due date (31 October of the following year). "received" is the day the report arrived, as recorded with wen load --received or wen sources set; "loaded" is the day wen loaded it. A report is on time when it was received, or loaded, by the due date (a file is loaded after it arrives); late when every file of it was received after the due date; and "received date unknown" when it was loaded after the due date and no received date says when it came. A Party that reported the year before but not this year is listed as missing.',
    countryColumns: ['reporting_country'],
  },
  {
    id: 'taxonomic-groups',
    title: () => 'Seizures and specimens by taxonomic group',
    about: 'Seizures and specimen records (one record per species, product and quantity) by broad taxonomic group. A seizure holding several groups counts once in each, so shares can add up to more than 100%.',
    chart: (rows, year) => yearPairs(`Seizures by taxonomic group, ${year - 1} and ${year}`, rows, 'taxonomic_group', year),
  },
  {
    id: 'top-species',
    title: () => 'Top species',
    about: 'The taxa seized most often (identified specimens only), what was seized of them (the commonest CITES terms) and their rank the year before.',
    chart: (rows, year) => (rows.length ? rankedBars(`Most frequently seized taxa, ${year}`, rows, 'species', 'seizures', 'seizures', 'taxonomic_group') : null),
  },
  {
    id: 'top-routes',
    title: () => 'Top routes',
    about: "Legs of the trade chain (origin → export → transit → destination, as given in each seizure) used by the most seizures; unknown countries are left out.",
    countryColumns: ['from_country', 'to_country'],
    chart: (rows, year) =>
      rows.length ? rankedBars(`Most used legs of the trade chain, ${year}`, rows.map((r) => ({ ...r, leg: `${r.from_country_name || r.from_country} → ${r.to_country_name || r.to_country}` })), 'leg', 'seizures', 'seizures') : null,
  },
  {
    id: 'country-roles',
    title: () => "Countries' roles in the trade chain",
    about: 'For each country, the number of seizures in which it was a country of origin, of export, of transit, of destination, and the seizing country. One seizure can give a country several roles.',
    countryColumns: ['country'],
    chart: (rows, year) =>
      rows.length
        ? {
            $schema: VEGA_LITE, title: `Roles of countries in the year's seizures, ${year}`, data: { values: rows },
            transform: [{ fold: ['origin', 'export', 'transit', 'destination', 'seizing'], as: ['role', 'count'] }],
            mark: 'bar', width: CHART_WIDTH, height: { step: 12 },
            encoding: {
              y: { field: 'country_name', type: 'nominal', sort: { field: 'seizures', op: 'max', order: 'descending' }, title: null },
              x: { field: 'count', type: 'quantitative', stack: 'zero', title: 'seizures (by role)' },
              color: { field: 'role', type: 'nominal', title: null, sort: ['origin', 'export', 'transit', 'destination', 'seizing'] },
            },
          }
        : null,
  },
  {
    id: 'detection-methods',
    title: () => 'Detection methods',
    about: 'How the seizures were detected, as reported (normalised labels; a method wen does not recognise is shown as given).',
    chart: (rows, year) => yearPairs(`Seizures by detection method, ${year - 1} and ${year}`, rows, 'detection_method', year),
  },
  {
    id: 'transport-modes',
    title: () => 'Modes of transport',
    about: 'How the seized goods were moving, as reported (normalised labels; a mode wen does not recognise is shown as given).',
    chart: (rows, year) => yearPairs(`Seizures by mode of transport, ${year - 1} and ${year}`, rows, 'transport_mode', year),
  },
  {
    id: 'values',
    title: () => 'Values',
    about: "Estimated values of the seizures in US dollars, converted at annual average rates (bundled, approximate; --rates gives authoritative ones). A seizure's own value is used, else the sum of its items' values. Values in a currency or year without a rate are counted, not summed.",
    chart: (rows, year) => {
      const groups = rows.filter((r) => r.taxonomic_group !== 'all groups' && r.value_usd !== null);
      return groups.length ? rankedBars(`Estimated value of seizures by taxonomic group, ${year} (USD)`, groups, 'taxonomic_group', 'value_usd', 'US dollars') : null;
    },
  },
  {
    id: 'outcomes',
    title: () => 'Enforcement outcomes',
    about: "What followed the year's seizures, per seizing country (the ICCWC indicators, as wen analyze outcomes counts them from sanctions text and arrest dates): seizures with an arrest, prosecuted (charged, prosecuted or a verdict) and convicted (a conviction, a custodial term or a fine); conviction_pct is of the prosecuted. Only countries where at least one seizure has an outcome are listed: a country that wrote no sanctions is unknown, not zero. Fines are in US dollars at the report's rates; fines_unconverted counts those without a rate.",
    countryColumns: ['country'],
    chart: (rows, year) => (rows.length ? funnelBars(`Enforcement funnel by seizing country, ${year}`, rows) : null),
  },
  {
    id: 'comparison',
    title: (year) => `Comparison with ${year - 1}`,
    about: 'Headline figures of both years. A change in seizures reflects enforcement effort and reporting as much as trafficking: read it beside the reports received and the data-quality annex.',
  },
  {
    id: 'data-quality',
    title: () => 'Annex: completeness of the reports',
    about: 'Per reporting Party, the share of seizures giving each key field (as in wen analyze data-quality), values wen kept as given, and rows rejected in the files these seizures came from.',
    countryColumns: ['reporting_country'],
    annex: true,
  },
  {
    id: 'sources',
    title: () => 'Annex: files behind the figures',
    about: "The files the year's records came from and what the loader did with their rows: loaded, rejected with a reason (wen rejects lists them), or loaded with a value kept as given.",
    annex: true,
  },
  {
    id: 'values-kept-as-given',
    title: () => 'Annex: values kept as given',
    about: 'Values in the records of the year that wen could not normalise (an unknown country, unit, currency or term). They are kept as given and left out of the counts that need them.',
    annex: true,
  },
];
