// financing: who is behind high-value seizures — candidates for financial investigation and asset recovery.
import type { AnalysisDefinition } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';
import { rankedBars } from './charts.js';

export const financing: AnalysisDefinition = {
  name: 'financing',
  title: 'Financing and asset recovery',
  question: 'Which persons and companies are behind high-value seizures — candidates for financial investigation and asset recovery?',
  options: [
    { flags: '--min-value <usd>', key: 'minValue', description: 'high value from this many US dollars (default: the 90th percentile of the selection)', type: 'number' },
    { flags: '--redact', key: 'redact', description: 'replace names with stable keyed pseudonyms', default: false, type: 'boolean' },
  ],
  columns: {
    kind: 'person or company', actor_key: 'normalised name (pseudonym with --redact)', name: 'name as most often written (pseudonym with --redact)', roles: 'roles recorded',
    high_value_seizures: 'high-value seizures', value_usd: 'their value in US dollars', countries: 'countries that seized them', nationalities: 'nationalities or countries recorded',
    first_seen: 'first high-value seizure', last_seen: 'last high-value seizure', threshold_usd: 'the value from which a seizure counts as high',
  },
  params: (o) => ({ min_value: o.minValue === undefined ? null : Number(o.minValue) }),
  postProcess: async (rows, { db, options }) => {
    if (!options.redact) return rows;
    const key = await redactionKey(db);
    return rows.map((r) => ({ ...r, actor_key: pseudonym(key, String(r.kind), String(r.actor_key)), name: pseudonym(key, String(r.kind), String(r.actor_key)) }));
  },
  notes: (rows) => (rows.length ? [`high value means at least ${Number(rows[0].threshold_usd).toLocaleString('en-US')} USD; no payment records are loaded yet, so money flows are not traced`] : []),
  chart: (rows) => rankedBars('Actors behind high-value seizures', rows.slice(0, 20).map((r) => ({ name: r.name, value_usd: r.value_usd, kind: r.kind })), 'name', 'value_usd', 'USD in high-value seizures', 'kind'),
};
