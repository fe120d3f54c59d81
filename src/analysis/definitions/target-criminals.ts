// target-criminals: the most active and most serious offenders, ranked by a weighted score whose
// formula and weights are printed with the result and set by flags.
import type { AnalysisDefinition, Row } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';
import { rankedBars } from './charts.js';

const MEASURES = [
  ['seizures', 'seizures', 'number of seizures'],
  ['kg', 'quantity_kg', 'kilograms seized'],
  ['value', 'value_usd', 'value in US dollars'],
  ['appendix', 'appendix_level', 'highest CITES appendix seized (I = 3, II = 2, III = 1)'],
  ['recency', 'recency', 'how recent the last seizure is'],
  ['centrality', 'co_offenders', 'co-offenders named in the same seizures (degree centrality)'],
] as const;

export const targetCriminals: AnalysisDefinition = {
  name: 'target-criminals',
  title: 'Target criminals',
  question:
    'Who are the most active and most serious offenders, by seizures, ' +
    'kilograms, value, protection of the species, recency and network position?',
  options: [
    ...MEASURES.map(([flag, , description]) => ({
      flags: `--weight-${flag} <w>`,
      key: `weight${flag[0].toUpperCase()}${flag.slice(1)}`,
      description: `weight of ${description}`,
      default: 1,
      type: 'number' as const,
    })),
    { flags: '--top <n>', key: 'top', description: 'show the n highest scores (0 = all)', default: 50, type: 'number' },
    { flags: '--redact', key: 'redact', description: 'replace names with stable keyed pseudonyms', default: false, type: 'boolean' },
  ],
  columns: {
    rank: 'position by score',
    identity: 'identity_id of table identities (pseudonym with --redact)',
    kind: 'person or company',
    name: 'name as most often written (pseudonym with --redact)',
    nationalities: 'nationalities recorded',
    seizures: 'seizures',
    quantity_kg: 'kilograms',
    value_usd: 'value in US dollars',
    appendix_level: 'highest appendix seized: 3 = I, 2 = II, 1 = III',
    last_seen: 'last seizure date',
    co_offenders: 'distinct co-offenders',
    score: 'weighted score, 0–1 (formula printed on stderr)',
  },
  postProcess: async (rows, { db, options }) => {
    const weights = MEASURES.map(([flag]) => Number(options[`weight${flag[0].toUpperCase()}${flag.slice(1)}`]));
    const days = rows.map((r) => (r.last_seen ? Date.parse(String(r.last_seen)) / 86_400_000 : NaN));
    const withRecency: Row[] = rows.map((r, i) => ({ ...r, recency: Number.isNaN(days[i]) ? 0 : days[i] }));
    // Each measure scaled to 0–1 over the selection (min–max), then weighted.
    const scaled = MEASURES.map(([, column]) => minMax(withRecency.map((r) => Number(r[column] ?? 0))));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const key = options.redact ? await redactionKey(db) : '';
    const scored: Row[] = withRecency.map(({ recency: _recency, ...r }: Row, i) => ({
      ...r,
      ...(options.redact
        ? { identity: pseudonym(key, String(r.kind), String(r.identity)), name: pseudonym(key, String(r.kind), String(r.identity)) }
        : {}),
      score: Math.round((MEASURES.reduce((sum, _m, j) => sum + weights[j] * scaled[j][i], 0) / total) * 10000) / 10000,
    }));
    scored.sort((a, b) => Number(b.score) - Number(a.score) || String(a.identity).localeCompare(String(b.identity)));
    const top = Number(options.top);
    return (top > 0 ? scored.slice(0, top) : scored).map((r, i) => ({ rank: i + 1, ...r }));
  },
  notes: (_rows, { options }) => [
    `score = (${MEASURES.map(
      ([flag, , description]) => `${options[`weight${flag[0].toUpperCase()}${flag.slice(1)}`]} × ${description}`,
    ).join(' + ')}) ` +
      `/ sum of weights, each measure scaled 0–1 over the selection ` +
      `(min–max); change with --weight-*`,
  ],
  // one bar per identity, labelled with its rank: namesakes are two bars, in the table's order
  chart: (rows) =>
    rankedBars(
      'Target criminals by score',
      rows.slice(0, 25).map((r) => ({ name: `${r.rank}. ${r.name}`, score: r.score, kind: r.kind })),
      'name',
      'score',
      'score (0–1)',
      'kind',
    ),
};

function minMax(values: number[]): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.map((v) => (max > min ? (v - min) / (max - min) : 0));
}
