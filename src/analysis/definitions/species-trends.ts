// species-trends: which taxa are seized more or less over time — seizures, kilograms, items and
// value per period, the change on the previous period, and a Mann-Kendall test with Sen's slope.
import type { AnalysisDefinition, Row } from '../definition.js';
import { mannKendall } from '../stats.js';

export const speciesTrends: AnalysisDefinition = {
  name: 'species-trends',
  title: 'Species trends',
  question: 'Which species are seized more or less over time, and is the trend significant (Mann-Kendall, Sen slope)?',
  options: [
    { flags: '--interval <interval>', key: 'interval', description: 'period length', choices: ['year', 'month'], default: 'year' },
    { flags: '--rank <rank>', key: 'rank', description: 'group taxa at this rank', choices: ['species', 'genus', 'family', 'order', 'class'], default: 'species' },
    { flags: '--top <n>', key: 'top', description: 'keep the n steepest risers and n steepest fallers (0 = all)', default: 0, type: 'number' },
  ],
  columns: {
    species: 'taxon at the chosen rank', period: 'year or YYYY-MM', seizures: 'seizures with the taxon', quantity_kg: 'kilograms', items: 'items (count units)', value_usd: 'value in US dollars',
    change: 'seizures minus those of the previous period', change_pct: 'change in percent of the previous period',
    trend: 'rising, falling or no trend (Mann-Kendall, p < 0.05)', sen_slope: 'Sen slope: seizures per period', p_value: 'Mann-Kendall two-sided p-value',
  },
  params: (o) => ({ interval: String(o.interval), rank: String(o.rank) }),
  postProcess: (rows, { options }) => {
    const bySpecies = new Map<string, Row[]>();
    for (const row of rows) bySpecies.set(String(row.species), [...(bySpecies.get(String(row.species)) ?? []), row]);
    // One row per taxon and period, or the series below would silently keep only one of them.
    const keys = new Set(rows.map((r) => `${r.species}\u0000${r.period}`));
    if (keys.size !== rows.length) throw new Error('species-trends: the query returned a taxon and period twice');
    const allPeriods = periodsBetween([...new Set(rows.map((r) => String(r.period)))].sort(), String(options.interval));
    const out: Row[] = [];
    const slopes = new Map<string, number>();
    for (const [species, seen] of bySpecies) {
      const byPeriod = new Map(seen.map((r) => [String(r.period), r]));
      // Periods without a seizure count as zero, so the trend test sees them.
      const series = allPeriods.map((period) => byPeriod.get(period) ?? { species, period, seizures: 0, quantity_kg: 0, items: 0, value_usd: 0 });
      const test = mannKendall(series.map((r) => Number(r.seizures)));
      slopes.set(species, test?.senSlope ?? 0);
      series.forEach((row, i) => {
        const previous = i > 0 ? Number(series[i - 1].seizures) : null;
        out.push({
          ...row,
          change: previous === null ? null : Number(row.seizures) - previous,
          change_pct: previous ? Math.round(((Number(row.seizures) - previous) / previous) * 1000) / 10 : null,
          trend: !test ? 'too short' : test.pValue < 0.05 ? (test.s > 0 ? 'rising' : 'falling') : 'no trend',
          sen_slope: test ? Math.round(test.senSlope * 1000) / 1000 : null,
          p_value: test ? Number(test.pValue.toPrecision(4)) : null,
        });
      });
    }
    const top = Number(options.top);
    if (!top) return out;
    const ranked = [...slopes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const keep = new Set([...ranked.slice(0, top), ...ranked.slice(-top)].map(([s]) => s));
    return out.filter((r) => keep.has(String(r.species)));
  },
  chart: (rows) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(String(r.species), (totals.get(String(r.species)) ?? 0) + Number(r.seizures));
    const shown = new Set([...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([s]) => s));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Seizures per period, most seized taxa',
      data: { values: rows.filter((r) => shown.has(String(r.species))).map((r) => ({ species: r.species, period: r.period, seizures: r.seizures, trend: r.trend })) },
      facet: { field: 'species', type: 'nominal', title: null },
      columns: 4,
      spec: {
        width: 150, height: 90, mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: -45 } },
          y: { field: 'seizures', type: 'quantitative', title: 'seizures' },
          color: { field: 'trend', type: 'nominal', scale: { domain: ['rising', 'falling', 'no trend', 'too short'], range: ['#c0392b', '#2471a3', '#7f8c8d', '#bdc3c7'] } },
        },
      },
      resolve: { scale: { y: 'independent' } },
    };
  },
};

/** Every year (or month) from the first to the last period seen, so gaps become zeros. */
function periodsBetween(periods: string[], interval: string): string[] {
  if (!periods.length) return [];
  const out: string[] = [];
  if (interval === 'year') {
    for (let y = Number(periods[0]); y <= Number(periods.at(-1)); y++) out.push(String(y));
    return out;
  }
  let [y, m] = periods[0].split('-').map(Number);
  const [ly, lm] = periods.at(-1)!.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}
