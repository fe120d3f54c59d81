// The map tooltips' columns on a hand-made file: each hotspot and each place of patterns --by place
// carries its top species and its period (first and last seizure date), and the charts show them with
// the seizures and kilograms. The answers are worked out by hand below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { compileChart } from '../../src/charts/render.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

const CSV = [
  'ref,date,country,place,transit,taxon,qty,unit',
  // Jomo Kenyatta (NBO): three seizures, 2019-03-01 to 2021-07-30; ivory twice, pangolin once.
  'A1,2019-03-01,Kenya,Jomo Kenyatta Airport,UAE,Loxodonta africana,10,kg',
  'A2,2021-07-30,Kenya,NBO,UAE,Loxodonta africana,5,kg',
  'A3,2020-01-15,Kenya,Jomo Kenyatta Airport,,Manis javanica,1,kg',
  // Noi Bai (HAN): one seizure, a tie of two species (the first by name is the top one).
  'A4,2022-05-05,Vietnam,Noi Bai Airport,UAE,Manis javanica,2,kg',
  'A4,2022-05-05,Vietnam,Noi Bai Airport,UAE,Loxodonta africana,3,kg',
].join('\n');
const MAPPING =
  'group_rows: reference\nfields:\n  seizure_ref: ref\n  date: ' +
  'date\n  seizure_country: country\n  place: place\n  transit: ' +
  'transit\n  species: taxon\n  quantity: qty\n  unit: unit\n';

type Layer = {
  data: { values: Array<Record<string, unknown>> };
  mark: { type: string };
  encoding?: { tooltip?: Array<{ field: string }> };
};

async function load() {
  const dir = tempDir();
  writeFileSync(join(dir, 'tips.csv'), `${CSV}\n`);
  writeFileSync(join(dir, 'mapping.yaml'), MAPPING);
  const db = await tempDatabase();
  const [report] = await loadFile(db, join(dir, 'tips.csv'), { mappingPath: join(dir, 'mapping.yaml') });
  // Five rows, four seizures (A4's two rows are one seizure of two specimens).
  expect(report.loaded).toBe(5);
  expect(await db.all('SELECT count(*)::INTEGER AS n FROM seizures')).toEqual([{ n: 4 }]);
  return db;
}

describe('the map tooltips', { timeout: 60_000 }, () => {
  it('give each hotspot its top species and period, and the hotspot map shows them', async () => {
    const db = await load();
    const result = await runAnalysis(db, getAnalysis('routes'), NO_FILTERS, {}, { view: 'hotspots' });
    expect(result.rows.map((r) => [r.kind, r.hotspot, r.seizures, r.top_species, r.first_seen, r.last_seen])).toEqual([
      // UAE: the transit of A1, A2 and A4, all three naming ivory.
      ['transit hub', null, 3, 'Loxodonta africana', '2019-03-01', '2022-05-05'],
      ['seizure place', 'Jomo Kenyatta Airport', 2, 'Loxodonta africana', '2019-03-01', '2020-01-15'],
      ['seizure place', 'NBO', 1, 'Loxodonta africana', '2021-07-30', '2021-07-30'],
      ['seizure place', 'Noi Bai Airport', 1, 'Loxodonta africana', '2022-05-05', '2022-05-05'],
    ]);
    const spec = (await getAnalysis('routes').chart!(result.rows, result.context)) as { vconcat: [{ layer: Layer[] }] };
    const circles = spec.vconcat[0].layer.find((l) => l.mark.type === 'circle')!;
    expect(circles.encoding!.tooltip!.map((t) => t.field)).toEqual(['label', 'detail', 'seizures', 'quantity_kg', 'top_species', 'period']);
    expect(circles.data.values.map((v) => [v.label, v.seizures, v.top_species, v.period])).toEqual([
      ['NBO', 2, 'Loxodonta africana', '2019-03-01 – 2020-01-15'],
      ['NBO', 1, 'Loxodonta africana', '2021-07-30'],
      ['HAN', 1, 'Loxodonta africana', '2022-05-05'],
    ]);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it('give each place of patterns --by place its top species and period, NBO and Jomo Kenyatta one place', async () => {
    const db = await load();
    const result = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'place' });
    expect(result.rows.map((r) => [r.period, r.seizures, r.quantity_kg, r.top_species, r.first_seen, r.last_seen])).toEqual([
      ['Jomo Kenyatta International Airport (NBO)', 3, 16, 'Loxodonta africana', '2019-03-01', '2021-07-30'],
      ['Noi Bai International Airport (HAN)', 1, 5, 'Loxodonta africana', '2022-05-05', '2022-05-05'],
    ]);
    const spec = (await getAnalysis('patterns').chart!(result.rows, result.context)) as { layer: Layer[] };
    const circles = spec.layer.find((l) => l.mark.type === 'circle')!;
    expect(circles.data.values.map((v) => [v.label, v.top_species, v.period])).toEqual([
      ['NBO', 'Loxodonta africana', '2019-03-01 – 2021-07-30'],
      ['HAN', 'Loxodonta africana', '2022-05-05'],
    ]);
    expect(compileChart(spec).warnings).toEqual([]);
    // A time unit carries none of them.
    const months = await runAnalysis(db, getAnalysis('patterns'), NO_FILTERS, { by: 'month' });
    expect(months.rows.every((r) => r.top_species === null && r.first_seen === null)).toBe(true);
  });
});
