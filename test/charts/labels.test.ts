// Bar labels are never cut where the evidence is: the end of a long label (the permit number, the
// payee, the offender's role) stays on the axis, shortened in the middle, and the full text is in
// the bar's tooltip.
import { describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../src/analysis/definition.js';
import { middleEllipsis } from '../../src/analysis/definitions/charts.js';
import { evidence } from '../../src/analysis/definitions/evidence.js';
import { financing } from '../../src/analysis/definitions/financing.js';
import { suspectProfiling } from '../../src/analysis/definitions/suspect-profiling.js';
import { compileChart, renderSvg } from '../../src/charts/render.js';

const view = (name: string) => ({ view: name, options: {} }) as unknown as AnalysisContext;
type Bars = { encoding: { tooltip: Array<{ field: string }> } };

/** The SVG's axis labels, in order. */
async function axisLabels(spec: object): Promise<string[]> {
  expect(compileChart(spec).warnings).toEqual([]);
  const svg = await renderSvg(spec);
  const axis = svg.slice(svg.indexOf('role-axis-label', svg.indexOf('aria-label="Y-axis')));
  return [...axis.slice(0, axis.indexOf('</g>')).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('long bar labels', () => {
  it('keeps the head and the tail of a label over 48 characters: 20 + … + 27', () => {
    const label = 'document: cites permit issued by the Management Authority of Mozambique MZCITES20237234';
    expect(middleEllipsis(label)).toBe('document: cites perm… Mozambique MZCITES20237234');
    expect(middleEllipsis(label)).toHaveLength(48);
    expect(middleEllipsis('phone +66 81 234 5678')).toBe('phone +66 81 234 5678');
  });

  it('shows the permit number at the end of a long evidence label, and the whole label in the tooltip', async () => {
    const rows = [
      { link_type: 'document', value: 'cites permit issued by the Management Authority of Mozambique MZCITES20237234', seizures: 4 },
      { link_type: 'phone', value: '+66 81 234 5678', seizures: 2 },
    ];
    const spec = (await evidence.chart!(rows, view('default')))!;
    expect(await axisLabels(spec)).toEqual(['document cites permi… Mozambique MZCITES20237234', 'phone +66 81 234 5678']);
    expect((spec as Bars).encoding.tooltip.map((t) => t.field)).toEqual(['link', 'seizures', 'type']);
    expect(await renderSvg(spec)).toContain(
      'link: document cites permit issued by the Management Authority of Mozambique MZCITES20237234;',
    );
  });

  it('shows the payee of a long money flow, and the whole profile of an offender', async () => {
    const flows = [
      { payer: 'Golden Dragon Trading and Import Export Company Limited', payee: 'Mombasa Freight Agents P-EA7FB6B3E3', amount_usd: 5000 },
    ];
    expect(await axisLabels((await financing.chart!(flows, view('flows')))!)).toEqual(['Golden Dragon Tradin…Freight Agents P-EA7FB6B3E3']);
    const profiles = [{ nationality: 'VN', sex: 'male', age_group: '30-39', role: 'courier', offenders: 7 }];
    expect(await axisLabels((await suspectProfiling.chart!(profiles, view('default')))!)).toEqual(['VN · male · 30-39 · courier']);
  });
});
