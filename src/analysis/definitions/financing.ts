// financing: who is behind high-value seizures — candidates for financial investigation and asset recovery.
import type { AnalysisDefinition } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';
import { rankedBars } from './charts.js';

export const financing: AnalysisDefinition = {
  name: 'financing',
  title: 'Financing and asset recovery',
  question: 'Which persons and companies are behind high-value seizures — candidates for financial investigation and asset recovery?',
  options: [
    {
      flags: '--min-value <usd>',
      key: 'minValue',
      description: 'high value from this many US dollars (default: the 90th percentile of the selection)',
      type: 'number',
    },
    { flags: '--redact', key: 'redact', description: 'replace names with stable keyed pseudonyms', default: false, type: 'boolean' },
  ],
  columns: {
    kind: 'person or company',
    actor_key: 'identity_id of table identities (pseudonym with --redact)',
    name: 'name as most often written (pseudonym with --redact)',
    roles: 'roles recorded',
    high_value_seizures: 'high-value seizures',
    value_usd: 'their value in US dollars',
    countries: 'countries that seized them',
    nationalities: 'nationalities or countries recorded',
    first_seen: 'first high-value seizure',
    last_seen: 'last high-value seizure',
    threshold_usd: 'the value from which a seizure counts as high',
  },
  views: { flows: 'money between payers and payees, from payment records loaded with the payments profile' },
  viewColumns: {
    flows: {
      payer_key: 'payer: its identity_id when its name belongs to one identity, else its name key (pseudonym with --redact)',
      payer: 'payer as most often written (pseudonym with --redact)',
      payee_key: 'payee: its identity_id when its name belongs to one identity, else its name key (pseudonym with --redact)',
      payee: 'payee as most often written (pseudonym with --redact)',
      payer_kind: 'person or company (person when the name belongs to no identity)',
      payee_kind: 'person or company (person when the name belongs to no identity)',
      payments: 'payments',
      amount_usd: 'total in US dollars',
      n_unconverted: 'payments whose currency could not be converted',
      methods: 'payment methods',
      first_paid: 'first payment',
      last_paid: 'last payment',
      payer_in_seizures: 'the payer is named in a selected seizure',
      payee_in_seizures: 'the payee is named in a selected seizure',
      seizure_refs: 'seizures the payments are tied to',
    },
  },
  params: (o) => ({ min_value: o.minValue === undefined ? null : Number(o.minValue) }),
  postProcess: async (rows, { db, options, view }) => {
    if (!options.redact) return rows;
    const key = await redactionKey(db);
    // A party whose name belongs to one identity gets that identity's pseudonym; payment records do not
    // say whether another party is a person or a company: its pseudonym is made as for a person.
    if (view === 'flows') {
      return rows.map((r) => {
        const payer = pseudonym(key, String(r.payer_kind), String(r.payer_key));
        const payee = pseudonym(key, String(r.payee_kind), String(r.payee_key));
        return { ...r, payer_key: payer, payer, payee_key: payee, payee };
      });
    }
    return rows.map((r) => ({
      ...r,
      actor_key: pseudonym(key, String(r.kind), String(r.actor_key)),
      name: pseudonym(key, String(r.kind), String(r.actor_key)),
    }));
  },
  notes: (rows, { view }) =>
    view === 'default' && rows.length
      ? [
          `high value means at least ${Number(rows[0].threshold_usd).toLocaleString('en-US')} ` +
            `USD; money flows from payment records: --view flows`,
        ]
      : [],
  chart: (rows, { view }) =>
    view === 'flows'
      ? rankedBars(
          'Largest money flows (USD)',
          rows.slice(0, 20).map((r) => ({ flow: `${r.payer} → ${r.payee}`, amount_usd: r.amount_usd })),
          'flow',
          'amount_usd',
          'US dollars',
        )
      : rankedBars(
          'Actors behind high-value seizures',
          rows.slice(0, 20).map((r) => ({ name: r.name, value_usd: r.value_usd, kind: r.kind })),
          'name',
          'value_usd',
          'USD in high-value seizures',
          'kind',
        ),
};
