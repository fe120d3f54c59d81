// species-trends: which taxa are seized more or less over time — seizures, kilograms, items and
// value per period, the change on the previous period, and a Mann-Kendall test with Sen's slope.
// Each taxon's series runs over its own first to last period (or the user's --from/--to), with zeros
// inside: padding every taxon to the whole selection's span would make one taxon's trend depend on
// what else is selected. S, var(S), z and tau are reported so that anyone can check the test.
import type { AnalysisDefinition, Row } from '../definition.js';
import { dateCoverage, emptyForDates } from '../date-notes.js';
import { STANDARD_COLUMNS, STANDARDISE_OPTIONS } from '../standard.js';
import { mannKendall } from '../stats.js';

export const speciesTrends: AnalysisDefinition = {
  name: 'species-trends',
  title: 'Species trends',
  question: 'Which species are seized more or less over time, and is the trend significant (Mann-Kendall, Sen slope)?',
  options: [
    { flags: '--interval <interval>', key: 'interval', description: 'period length', choices: ['year', 'month'], default: 'year' },
    {
      flags: '--rank <rank>',
      key: 'rank',
      description: 'group taxa at this rank',
      choices: ['species', 'genus', 'family', 'order', 'class'],
      default: 'species',
    },
    {
      flags: '--top <n>',
      key: 'top',
      description: 'keep the n steepest risers and n steepest fallers (0 = all)',
      default: 0,
      type: 'number',
    },
    ...STANDARDISE_OPTIONS,
  ],
  columns: {
    species: 'taxon at the chosen rank',
    period: 'year or YYYY-MM',
    seizures: 'seizures with the taxon',
    quantity_kg: 'kilograms as weighed',
    items: 'items (count units)',
    value_usd: 'value in US dollars',
    kg_estimated: STANDARD_COLUMNS.kg_estimated,
    organisms: STANDARD_COLUMNS.organisms,
    change: 'seizures minus those of the previous period',
    change_pct: 'change in percent of the previous period',
    trend: 'rising, falling or no trend (Mann-Kendall, p < 0.05); too short under 3 periods',
    periods: "periods in the taxon's series: its own first to last period (or --from/--to), zeros inside",
    mk_s: 'Mann-Kendall S: pairs rising minus pairs falling over the series of seizures',
    mk_variance: 'variance of S, corrected for ties: (n(n-1)(2n+5) - Σ t(t-1)(2t+5)) / 18',
    mk_z: 'z = (S - sign(S)) / √variance (continuity correction)',
    mk_tau: 'Kendall tau: S / (n(n-1)/2)',
    sen_slope: 'Sen slope: seizures per period',
    p_value: 'Mann-Kendall two-sided p-value: erfc(|z| / √2)',
  },
  params: (o, filters) => ({ interval: String(o.interval), rank: String(o.rank), from: filters?.from ?? null }),
  postProcess: (rows, { options, filters }) => {
    const interval = String(options.interval);
    const standardise = Boolean(options.standardise);
    const bySpecies = new Map<string, Row[]>();
    for (const row of rows) {
      const list = bySpecies.get(String(row.species));
      if (list) list.push(row);
      else bySpecies.set(String(row.species), [row]);
    }
    // One row per taxon and period, or the series below would silently keep only one of them.
    const keys = new Set(rows.map((r) => `${r.species}\u0000${r.period}`));
    if (keys.size !== rows.length) throw new Error('species-trends: the query returned a taxon and period twice');
    const periodOf = (isoDate: string | null) => (isoDate ? isoDate.slice(0, interval === 'month' ? 7 : 4) : null);
    const from = periodOf(filters.from);
    const to = periodOf(filters.to);
    const out: Row[] = [];
    const slopes = new Map<string, number>();
    for (const [species, seen] of bySpecies) {
      const byPeriod = new Map(seen.map((r) => [String(r.period), r]));
      // The taxon's own span (rows come sorted by period), widened to --from/--to when given.
      const first = from && from < String(seen[0].period) ? from : String(seen[0].period);
      const last = to && to > String(seen.at(-1)!.period) ? to : String(seen.at(-1)!.period);
      // Periods without a seizure inside the span count as zero, so the trend test sees them.
      const series = periodsBetween(first, last, interval).map(
        (period) =>
          byPeriod.get(period) ?? {
            species,
            period,
            seizures: 0,
            quantity_kg: 0,
            items: 0,
            value_usd: 0,
            kg_estimated: standardise ? 0 : null,
            organisms: standardise ? 0 : null,
          },
      );
      const test = mannKendall(series.map((r) => Number(r.seizures)));
      slopes.set(species, test?.senSlope ?? 0);
      series.forEach((row, i) => {
        const previous = i > 0 ? Number(series[i - 1].seizures) : null;
        out.push({
          species: row.species,
          period: row.period,
          seizures: row.seizures,
          quantity_kg: row.quantity_kg,
          items: row.items,
          value_usd: row.value_usd,
          kg_estimated: row.kg_estimated,
          organisms: row.organisms,
          change: previous === null ? null : Number(row.seizures) - previous,
          change_pct: previous ? Math.round(((Number(row.seizures) - previous) / previous) * 1000) / 10 : null,
          trend: !test ? 'too short' : test.pValue < 0.05 ? (test.s > 0 ? 'rising' : 'falling') : 'no trend',
          periods: series.length,
          mk_s: test?.s ?? null,
          mk_variance: test ? round(test.variance, 6) : null,
          mk_z: test ? round(test.z, 6) : null,
          mk_tau: test ? round(test.tau, 6) : null,
          sen_slope: test ? Math.round(test.senSlope * 1000) / 1000 : null,
          p_value: test?.pValue ?? null,
        });
      });
    }
    const top = Number(options.top);
    if (!top) return out;
    const ranked = [...slopes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const keep = new Set([...ranked.slice(0, top), ...ranked.slice(-top)].map(([s]) => s));
    return out.filter((r) => keep.has(String(r.species)));
  },
  notes: async (rows, { db, options }) => {
    const interval = String(options.interval);
    const coverage = await dateCoverage(db, true);
    if (!rows.length) {
      const empty = emptyForDates(`species-trends --interval ${interval}`, interval === 'month' ? 'month' : 'date', coverage);
      return empty ? [empty] : [];
    }
    const notes = [
      'Mann-Kendall per taxon over its own first to last period (or ' +
        '--from/--to), zeros inside: var(S) with ties, z with the continuity correction ' +
        '(as pymannkendall.original_test), p = erfc(|z|/√2) (as 2 · scipy.stats.norm.sf(|z|))',
    ];
    if (interval === 'year' && coverage.range)
      notes.push(
        `${coverage.range} seizure(s) dated as a range (e.g. "2015-2016") ` +
          `count in the year of the first day they can mean within the selection`,
      );
    if (interval === 'month') {
      const across = coverage.range - coverage.rangeInMonth;
      if (across)
        notes.push(
          `${across} seizure(s) dated as a range over more than one month are left out of the monthly series (--interval year counts them)`,
        );
      if (coverage.year)
        notes.push(`${coverage.year} seizure(s) dated to the year only are left out of the monthly series (--interval year counts them)`);
    }
    return notes;
  },
  chart: (rows) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(String(r.species), (totals.get(String(r.species)) ?? 0) + Number(r.seizures));
    const shown = new Set(
      [...totals.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([s]) => s),
    );
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Seizures per period, most seized taxa',
      data: {
        values: rows
          .filter((r) => shown.has(String(r.species)))
          .map((r) => ({ species: r.species, period: r.period, seizures: r.seizures, trend: r.trend })),
      },
      facet: { field: 'species', type: 'nominal', title: null },
      columns: 4,
      spec: {
        width: 150,
        height: 90,
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: -45 } },
          y: { field: 'seizures', type: 'quantitative', title: 'seizures' },
          color: {
            field: 'trend',
            type: 'nominal',
            scale: { domain: ['rising', 'falling', 'no trend', 'too short'], range: ['#c0392b', '#2471a3', '#7f8c8d', '#bdc3c7'] },
          },
        },
      },
      resolve: { scale: { y: 'independent' } },
    };
  },
};

/** Every year (or month) from the first to the last period, so gaps become zeros. */
function periodsBetween(first: string, last: string, interval: string): string[] {
  const out: string[] = [];
  if (interval === 'year') {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
    return out;
  }
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
