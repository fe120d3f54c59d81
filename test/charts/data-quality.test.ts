// The data-quality heat map: viridis (colour-blind safe) fitted to the range the data spans, not a
// red–green scale on 0–100 where every cell is 90–100.
import { describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../src/analysis/definition.js';
import { completenessDomain, dataQuality } from '../../src/analysis/definitions/data-quality.js';
import { compileChart, renderSvg } from '../../src/charts/render.js';

/** Three scored cells between 91.5 and 98 and a missing year (no seizures, not drawn). */
const ROWS = [
  { reporting_country: 'TH', year: 2023, seizures: 10, completeness_pct: 91.5, report_status: 'on time' },
  { reporting_country: 'TH', year: 2024, seizures: 12, completeness_pct: 98, report_status: 'late' },
  { reporting_country: 'KE', year: 2024, seizures: 4, completeness_pct: 95, report_status: 'on time' },
  { reporting_country: 'KE', year: 2023, seizures: 0, completeness_pct: 0, report_status: 'missing' },
];

describe('the data-quality chart', () => {
  it('colours on viridis from the lowest to the highest completeness drawn: 91.5 to 98', async () => {
    const spec = (await dataQuality.chart!(ROWS, {} as AnalysisContext)) as {
      data: { values: unknown[] };
      encoding: { color: { scale: unknown } };
    };
    expect(spec.encoding.color.scale).toEqual({ scheme: 'viridis', domain: [91.5, 98] });
    expect(spec.data.values).toHaveLength(3);
    expect(compileChart(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    // The lowest cell takes viridis's first colour, the highest its last: the whole range is used.
    expect(svg).toMatch(/aria-label="year: 2023; country: TH; % complete: 91.5[^>]+fill="rgb\(68, 1, 84\)"/);
    expect(svg).toMatch(/aria-label="year: 2024; country: TH; % complete: 98[^>]+fill="rgb\(253, 231, 37\)"/);
  });

  it('widens a single value by a point each side, within 0–100, and falls back to 0–100 with no values', () => {
    expect(completenessDomain([100])).toEqual([99, 100]);
    expect(completenessDomain([50])).toEqual([49, 51]);
    expect(completenessDomain([])).toEqual([0, 100]);
  });
});
