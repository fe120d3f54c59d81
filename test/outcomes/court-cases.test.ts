// The bundled court-case mapping (sample-data/mappings/court-cases.yaml) on a hand-made judgment
// table, test/fixtures/court-cases.csv: one row per case, the date from Year/Month/Day, several
// defendants with their sentences in one cell (Chinese and English punctuation), and the case's
// penalty with its currency. The outcomes per person and per case are written out below by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { compileChart } from '../../src/charts/render.js';
import { loadFile } from '../../src/load/loader.js';
import { FIXTURES, MAPPINGS, tempDatabase } from '../helpers.js';

const FIXTURE = join(FIXTURES, 'court-cases.csv');
const MAPPING = join(MAPPINGS, 'court-cases.yaml');

describe('court-case records loaded with the bundled mapping', () => {
  it('makes one seizure per case, dated from Year/Month/Day, with its court kept and every row accounted for', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, FIXTURE, { mappingPath: MAPPING });
    expect(report).toMatchObject({ read: 8, loaded: 8, rejected: 0, seizures: 8 });
    const cases = await db.all<{ ref: string; date: string; country: string; court: string }>(
      `SELECT seizure_ref AS ref, date::VARCHAR AS date, seizure_country ` +
        `AS country, json_extract_string(extras, '$.Court') AS court FROM ` +
        `seizures ORDER BY source_row`,
    );
    expect(cases.map((c) => [c.ref, c.date, c.country])).toEqual([
      ['(2019)粤0304刑初123号', '2019-03-12', 'CN'],
      ['(2019)云2801刑初45号', '2019-07-02', 'CN'],
      ['(2020)粤0106刑初77号', '2020-01-15', 'CN'],
      // No day: the month's first, as wen dates a month.
      ['(2020)闽0203刑初9号', '2020-11-01', 'CN'],
      ['HCT-00-CR-SC-0012-2020', '2020-05-20', 'UG'],
      ['UCC-2021-041', '2021-02-08', 'UG'],
      ['(2021)桂0103刑初210号', '2021-06-30', 'CN'],
      ['(2021)粤0111刑初5号', '2021-09-01', 'CN'],
    ]);
    expect(cases[0].court).toBe('深圳市福田区人民法院');
  }, 60_000);

  it('reads each defendant of a cell as one person with their own sentence, and the penalty as a fine of the case', async () => {
    const db = await tempDatabase();
    await loadFile(db, FIXTURE, { mappingPath: MAPPING });
    const persons = await db.all<Record<string, unknown>>(
      `SELECT s.seizure_ref AS ref, a.name_as_given AS name,
        o.kind, o.months, o.suspended, o.fine_amount AS fine, o.fine_currency AS currency
       FROM outcomes o JOIN seizures s USING (seizure_id) LEFT JOIN actors a USING (actor_id)
       ORDER BY s.source_row, a.name_as_given NULLS FIRST, o.kind`,
    );
    const row = (
      ref: string,
      name: string | null,
      kind: string,
      months: number | null,
      suspended: boolean | null,
      fine: number | null = null,
      currency: string | null = null,
    ) => ({ ref, name, kind, months, suspended, fine, currency });
    expect(persons).toEqual([
      row('(2019)粤0304刑初123号', null, 'fine', null, null, 50000, 'CNY'),
      row('(2019)粤0304刑初123号', '张某某', 'custodial', 156, false), // 13 years
      row('(2019)粤0304刑初123号', '李某', 'custodial', 18, false), // 1 year and 6 months
      row('(2019)云2801刑初45号', '王某', 'custodial', 36, false), // 三年
      row('(2019)云2801刑初45号', '王某', 'fine', null, null, 50000, 'CNY'), // 罚金人民币五万元
      row('(2020)粤0106刑初77号', null, 'fine', null, null, 200000, 'CNY'),
      row('(2020)粤0106刑初77号', '刘某', 'custodial', 42, true), // 3 years and 6 months, suspended
      row('(2020)粤0106刑初77号', '陈某', 'custodial', 120, false),
      row('(2020)闽0203刑初9号', '赵某某', 'custodial', 7, true), // 有期徒刑柒月，緩刑貳年
      row('HCT-00-CR-SC-0012-2020', null, 'fine', null, null, 10000, 'USD'),
      row('HCT-00-CR-SC-0012-2020', 'Jane Roe', 'acquitted', null, null),
      row('HCT-00-CR-SC-0012-2020', 'John Doe', 'custodial', 60, false),
      row('UCC-2021-041', 'Peter Okello', 'fine', null, null, 2000000, 'UGX'),
      row('(2021)桂0103刑初210号', null, 'fine', null, null, 30000, 'CNY'),
      // "孙某、周某：" names two persons with one sentence.
      row('(2021)桂0103刑初210号', '周某', 'custodial', 24, false),
      row('(2021)桂0103刑初210号', '孙某', 'custodial', 24, false),
      row('(2021)粤0111刑初5号', '吴某', 'custodial', 18, false), // full-width １年６个月
      row('(2021)粤0111刑初5号', '郑某', 'pending', null, null),
    ]);
    // Nothing left unread.
    expect(await db.all("SELECT count(*)::INTEGER AS n FROM outcomes WHERE kind = 'unparsed'")).toEqual([{ n: 0 }]);
  }, 60_000);

  it('bands the custodial terms per country in the sentences view, suspended ones counted beside, and draws them', async () => {
    const db = await tempDatabase();
    await loadFile(db, FIXTURE, { mappingPath: MAPPING });
    const result = await runAnalysis(db, getAnalysis('outcomes'), NO_FILTERS, {}, { view: 'sentences' });
    // China: 7 (suspended) | 18, 18 | 24, 24, 36, 42 (suspended) | 120, 156 — nine terms; Uganda: 60.
    expect(result.rows.map((r) => [r.country, r.band, r.months_from, r.months_to, r.terms, r.suspended_terms, r.share])).toEqual([
      ['CN', '6–11 months', 6, 12, 1, 1, 0.1111],
      ['CN', '1–2 years', 12, 24, 2, 0, 0.2222],
      ['CN', '2–5 years', 24, 60, 4, 1, 0.4444],
      ['CN', '10 years or more', 120, null, 2, 0, 0.2222],
      ['UG', '5–10 years', 60, 120, 1, 0, 1],
    ]);
    expect(result.columns).toEqual(['country', 'taxon', 'band', 'months_from', 'months_to', 'terms', 'suspended_terms', 'share']);
    const spec = (await getAnalysis('outcomes').chart!(result.rows, result.context)) as {
      data: { values: Array<{ band: string; kind: string; terms: number }> };
    };
    expect(spec.data.values.filter((v) => v.terms > 0)).toEqual([
      { band: '6–11 months', kind: 'suspended', terms: 1 },
      { band: '1–2 years', kind: 'to serve', terms: 2 },
      { band: '2–5 years', kind: 'to serve', terms: 3 },
      { band: '2–5 years', kind: 'suspended', terms: 1 },
      { band: '5–10 years', kind: 'to serve', terms: 1 },
      { band: '10 years or more', kind: 'to serve', terms: 2 },
    ]);
    expect(compileChart(spec).warnings).toEqual([]);
  }, 60_000);
});
