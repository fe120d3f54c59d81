// data-quality: a scorecard per reporting country and year, so that a rise in seizures is read
// beside the completeness and timeliness of the reports behind it.
import type { AnalysisDefinition } from '../definition.js';

export const dataQuality: AnalysisDefinition = {
  name: 'data-quality',
  title: 'Data quality scorecard',
  question: 'How complete and timely are the reports, per reporting country and year: key fields, values kept as given, rejected rows, late or missing reports?',
  options: [],
  columns: {
    reporting_country: 'reporting country (XX when not known)', year: 'year of the seizures', seizures: 'seizures (0 for a missing year)',
    completeness_pct: 'mean of the eight key-field scores', day_date_pct: 'dates to the day', species_pct: 'all specimens with a resolved taxon', quantity_pct: 'all quantities in kg or counts',
    origin_pct: 'origin given', destination_pct: 'destination given', transport_pct: 'mode of transport given', detection_pct: 'detection method given', value_pct: 'value given',
    values_kept_as_given: 'cells wen could not normalise (flags)', rejected_rows_in_sources: 'rows rejected in the files these seizures came from',
    report_status: 'on time (loaded by 31 October of the next year), late, or missing', received: 'when the report was loaded',
  },
  countryColumns: ['reporting_country'],
  chart: (rows) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Completeness of reports by reporting country and year (%)',
    data: { values: rows.filter((r) => r.seizures).map((r) => ({ country: r.reporting_country, year: r.year, completeness: r.completeness_pct })) },
    mark: 'rect', width: 480, height: { step: 14 },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null },
      y: { field: 'country', type: 'nominal', title: null },
      color: { field: 'completeness', type: 'quantitative', title: '%', scale: { domain: [0, 100], scheme: 'redyellowgreen' } },
    },
  }),
};
