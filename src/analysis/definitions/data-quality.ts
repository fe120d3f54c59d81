// data-quality: a scorecard per reporting country and year, so that a rise in seizures is read
// beside the completeness and timeliness of the reports behind it. Undated seizures get a row of
// their own (no year, status "undated") instead of dropping out, so a file whose dates all failed is
// still scored, and a note says how many there are and how to date them. Chart: a heat map on viridis
// (colour-blind safe) over the range the data spans.
import type { AnalysisDefinition } from '../definition.js';
import { dateCoverage } from '../date-notes.js';

export const dataQuality: AnalysisDefinition = {
  name: 'data-quality',
  title: 'Data quality scorecard',
  question:
    'How complete and timely are the reports, per reporting country ' +
    'and year: key fields, values kept as given, rejected rows, late ' +
    'or missing reports?',
  options: [],
  columns: {
    reporting_country: 'reporting country (XX when not known)',
    year: 'year of the seizures (empty for the undated ones)',
    seizures: 'seizures (0 for a missing year)',
    completeness_pct: 'mean of the eight key-field scores',
    day_date_pct: 'dates to the day',
    species_pct: 'all specimens with a resolved taxon',
    quantity_pct: 'all quantities in kg or counts',
    origin_pct: 'origin given',
    destination_pct: 'destination given',
    transport_pct: 'mode of transport given',
    detection_pct: 'detection method given',
    value_pct: 'value given',
    values_kept_as_given: 'cells wen could not normalise (flags)',
    rejected_rows_in_sources: 'rows rejected in the files these seizures came from',
    report_status:
      'on time (received, or loaded, by 31 October of the next year), ' +
      'late (received after it), received date unknown (loaded after ' +
      'it, no received date given: wen sources set ID --received DATE), ' +
      'missing, or undated (the row of undated seizures)',
    received: 'the day the report arrived, when given (wen load --received, wen sources set)',
  },
  countryColumns: ['reporting_country'],
  notes: async (rows, { db }) => {
    const undated = rows.filter((r) => r.report_status === 'undated').reduce((n, r) => n + Number(r.seizures), 0);
    if (!undated) return [];
    const { seizures } = await dateCoverage(db);
    return [
      `${undated.toLocaleString('en-US')} of the ${seizures.toLocaleString('en-US')} ` +
        `seizures selected are undated: scored in the rows with no year ` +
        `(status "undated"); ` +
        'map a date column when loading (the date field of a --mapping file) to score them by year',
    ];
  },
  chart: (rows) => {
    const values = rows
      .filter((r) => r.seizures)
      .map((r) => ({
        country: r.reporting_country,
        year: r.year ?? 'undated',
        completeness: r.completeness_pct,
        seizures: r.seizures,
        status: r.report_status,
      }));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Completeness of reports by reporting country and year (%)',
      data: { values },
      mark: 'rect',
      width: 480,
      height: { step: 14 },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: null },
        y: { field: 'country', type: 'nominal', title: null },
        color: {
          field: 'completeness',
          type: 'quantitative',
          title: '% complete',
          scale: { scheme: 'viridis', domain: completenessDomain(values.map((v) => Number(v.completeness))) },
        },
        tooltip: [
          { field: 'country', type: 'nominal', title: 'reporting country' },
          { field: 'year', type: 'ordinal' },
          { field: 'completeness', type: 'quantitative', title: '% complete', format: '.1f' },
          { field: 'seizures', type: 'quantitative' },
          { field: 'status', type: 'nominal', title: 'report' },
        ],
      },
    };
  },
};

/**
 * The colour scale's domain: the lowest to the highest completeness in the data, so that the
 * differences that are there (often all within 90–100) get the whole colour-blind-safe viridis range
 * rather than a sliver of a red–green 0–100 one. One value alone is widened by a point each side.
 */
export function completenessDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 100];
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  return low === high ? [Math.max(0, low - 1), Math.min(100, high + 1)] : [low, high];
}
