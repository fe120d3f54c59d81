// patterns: when and where seizures happen, with a chi-square test of evenness over months of the
// year, seasons, weekdays and hours. The test's expected counts follow each cell's exposure — the days
// (hours) it covers within the selection's span, which the SQL counts — because months and seasons are
// not equally long and a span need not hold whole years: with equal expected counts a perfectly even
// process reads as uneven once the selection is large.
import type { AnalysisDefinition } from '../definition.js';
import { dateCoverage, emptyForDates, type DateNeed } from '../date-notes.js';
import { chiSquare } from '../stats.js';

const PATTERN_UNITS = [
  'year',
  'month',
  'month-of-year',
  'season',
  'weekday',
  'hour',
  'weekday-hour',
  'country',
  'city',
  'port',
  'place',
] as const;

/** The units tested for evenness (the SQL gives every cell of them, a cell with no seizure as 0). */
const TESTED = new Set(['month-of-year', 'season', 'weekday', 'hour']);

/** What a seizure's date must give for it to count in a cell of each time unit. */
const NEEDS: Record<string, DateNeed> = {
  year: 'date',
  month: 'month',
  'month-of-year': 'month',
  season: 'month',
  weekday: 'day',
  hour: 'time',
  'weekday-hour': 'day',
};

export const patterns: AnalysisDefinition = {
  name: 'patterns',
  title: 'Seizure patterns in time and place',
  question: 'When and where do seizures happen: by year, month, season, weekday, hour, country, city, port or place on the map?',
  options: [{ flags: '--by <unit>', key: 'by', description: 'what to group by', choices: PATTERN_UNITS, default: 'month' }],
  columns: {
    period:
      'the cell: a year, YYYY-MM, "03 Mar", a season, "1 Mon", an hour, ' +
      'a country code, a city, a port, or a place ("Name (IATA code ' +
      'or country)" as the gazetteer placed it, else the cell as given)',
    seizures: 'seizures in the cell (only those whose date is precise enough for it)',
    share_pct: 'share of the seizures counted, in percent',
    quantity_kg: 'kilograms seized (specimens whose unit converts to mass)',
    value_usd: 'estimated value in US dollars (annual average rates)',
    exposure: 'days the cell covers within the span of the selection (hour: one hour a day) (month-of-year, season, weekday, hour)',
    expected: 'seizures expected in the cell if they were spread evenly over time: in proportion to its exposure',
    min_expected: 'the smallest expected count over the cells: below 5 the chi-square p-value is only approximate',
    chi_square: 'chi-square statistic of evenness over the cells',
    df: 'degrees of freedom',
    p_value: 'p-value (chi-square survival function): small values mean seizures are not spread evenly over time',
    latitude: "latitude of the place (WGS 84, --by place): the gazetteer's point, or the mean of the coordinates the file gave",
    longitude: 'longitude of the place (WGS 84, --by place)',
    top_species:
      'the taxon (else the species or product as given) most of the ' +
      "cell's seizures name; of equal counts the first by name (country, " +
      'city, port, place)',
    first_seen: 'first seizure date in the cell (country, city, port, place)',
    last_seen: 'last seizure date in the cell (the end of a date range) (country, city, port, place)',
  },
  params: (o, filters) => ({ by: String(o.by), from: filters?.from ?? null, to: filters?.to ?? null }),
  postProcess: (rows, { options }) => {
    const by = String(options.by);
    const test = TESTED.has(by)
      ? chiSquare(
          rows.map((r) => Number(r.seizures)),
          rows.map((r) => Number(r.exposure)),
        )
      : null;
    return rows.map((r, i) => ({
      period: r.period,
      seizures: r.seizures,
      share_pct: r.share_pct,
      quantity_kg: r.quantity_kg,
      value_usd: r.value_usd,
      exposure: r.exposure,
      expected: test ? round(test.expected[i], 2) : null,
      min_expected: test ? round(test.minExpected, 2) : null,
      chi_square: test ? round(test.statistic, 3) : null,
      df: test?.df ?? null,
      p_value: test?.pValue ?? null,
      latitude: r.latitude ?? null,
      longitude: r.longitude ?? null,
      top_species: r.top_species ?? null,
      first_seen: r.first_seen ?? null,
      last_seen: r.last_seen ?? null,
    }));
  },
  notes: async (rows, { db, options }) => {
    const by = String(options.by);
    const need = NEEDS[by];
    if (!need) return [];
    const coverage = await dateCoverage(db);
    const notes: string[] = [];
    const empty = rows.some((r) => Number(r.seizures) > 0) ? null : emptyForDates(`patterns --by ${by}`, need, coverage);
    if (empty) return [empty];
    if (coverage.range) {
      if (by === 'year')
        notes.push(
          `${coverage.range} seizure(s) dated as a range (e.g. "2015-2016") ` +
            `count in the year of the first day they can mean within the selection`,
        );
      else if (need === 'month') {
        const across = coverage.range - coverage.rangeInMonth;
        if (across)
          notes.push(`${across} seizure(s) dated as a range over more than one month are left out of the cells (--by year counts them)`);
      } else
        notes.push(
          `${coverage.range} seizure(s) dated as a range are left out of the cells (a range gives no ${need === 'time' ? 'time' : 'day'})`,
        );
    }
    const test = rows.find((r) => r.p_value !== null);
    if (test) {
      const span = rows.reduce((n, r) => n + Number(r.exposure), 0);
      notes.push(
        `expected counts in proportion to the ${by === 'hour' ? 'hours' : 'days'} ` +
          `each cell covers in the span of the selection (${span.toLocaleString('en-US')} ` +
          `${by === 'hour' ? 'hours' : 'days'})`,
      );
      const low = rows.filter((r) => Number(r.expected) < 5).length;
      if (low)
        notes.push(
          `the chi-square test is approximate: ${low} of ${rows.length} ` +
            `cells expect fewer than 5 seizures (smallest ${test.min_expected}); ` +
            `select more seizures or group coarser (--by season)`,
        );
    }
    return notes;
  },
  chart: async (rows, { options }) => {
    const by = String(options.by);
    if (by === 'place') {
      // Points sized by seizures on a map fitted to them; the ranked bars when no place has a point.
      const { pointMap } = await import('../../charts/world.js');
      const placed = rows.filter((r) => r.latitude != null && r.longitude != null);
      const map = pointMap(
        'Seizures by place',
        placed.map((r) => ({
          label: String(r.period).replace(/^.*\(([A-Z0-9]{3,4})\)$/, '$1'),
          detail: String(r.period),
          lat: Number(r.latitude),
          lon: Number(r.longitude),
          seizures: Number(r.seizures),
          quantity_kg: r.quantity_kg == null ? null : Number(r.quantity_kg),
          top_species: r.top_species == null ? null : String(r.top_species),
          first_seen: r.first_seen == null ? null : String(r.first_seen),
          last_seen: r.last_seen == null ? null : String(r.last_seen),
        })),
      );
      if (map) return map;
    }
    const title = `Seizures by ${by}${rows[0]?.p_value != null ? ` (χ² = ${rows[0].chi_square}, p = ${rows[0].p_value})` : ''}`;
    const values = rows.map((r) => ({ ...r }));
    if (by === 'month' || by === 'weekday-hour') {
      const [x, y, xTitle, yTitle] = by === 'month' ? ['month', 'year', 'month', 'year'] : ['hour', 'weekday', 'hour of day', 'weekday'];
      const calculate =
        by === 'month'
          ? [
              { calculate: 'substring(datum.period, 0, 4)', as: 'year' },
              { calculate: 'substring(datum.period, 5, 7)', as: 'month' },
            ]
          : [
              { calculate: 'substring(datum.period, 2, 5)', as: 'weekday' },
              { calculate: 'substring(datum.period, 6, 8)', as: 'hour' },
              { calculate: 'substring(datum.period, 0, 1)', as: 'weekday_order' },
            ];
      return {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        title,
        data: { values },
        transform: calculate,
        mark: 'rect',
        width: 480,
        height: 260,
        encoding: {
          x: { field: x, type: 'ordinal', title: xTitle },
          y: { field: y, type: 'ordinal', title: yTitle, ...(by === 'weekday-hour' ? { sort: { field: 'weekday_order' } } : {}) },
          color: { field: 'seizures', type: 'quantitative', title: 'seizures', scale: { scheme: 'orangered' } },
          tooltip: [
            { field: 'period', type: 'nominal' },
            { field: 'seizures', type: 'quantitative' },
            { field: 'quantity_kg', type: 'quantitative' },
          ],
        },
      };
    }
    const ranked = ['country', 'city', 'port', 'place'].includes(by);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title,
      data: { values: ranked ? values.slice(0, 25) : values },
      mark: 'bar',
      width: 520,
      height: 260,
      encoding: {
        x: { field: 'period', type: 'ordinal', title: by, sort: ranked ? '-y' : 'ascending' },
        y: { field: 'seizures', type: 'quantitative', title: 'seizures' },
        tooltip: [
          { field: 'period', type: 'nominal' },
          { field: 'seizures', type: 'quantitative' },
          { field: 'quantity_kg', type: 'quantitative' },
          { field: 'value_usd', type: 'quantitative' },
        ],
      },
    };
  },
};

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
