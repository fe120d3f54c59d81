// modus-operandi: the methods that recur — concealment, transport, product and route — and how they change.
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

export const modusOperandi: AnalysisDefinition = {
  name: 'modus-operandi',
  title: 'Modus operandi',
  question: 'Which combinations of concealment, transport, product and route recur, with which species, and how do they change over time?',
  options: [
    {
      flags: '--interval <interval>',
      key: 'interval',
      description: 'all years together, or one row per year',
      choices: ['all', 'year'],
      default: 'all',
    },
    {
      flags: '--min-seizures <n>',
      key: 'minSeizures',
      description: 'only combinations seen in at least this many seizures',
      default: 1,
      type: 'number',
    },
  ],
  columns: {
    concealment: 'concealment as reported',
    transport_mode: 'mode of transport',
    term: 'CITES term',
    route: 'origin → destination countries',
    period: 'year, or "all"',
    seizures: 'seizures',
    quantity_kg: 'kilograms',
    species: 'taxa seized this way',
    first_seen: 'first seizure',
    last_seen: 'last seizure',
  },
  params: (o) => ({ interval: String(o.interval), min_seizures: Number(o.minSeizures) }),
  chart: (rows) =>
    rankedBars(
      'Most frequent methods (concealment · transport · product)',
      rows.slice(0, 20).map((r) => ({ method: `${r.concealment} · ${r.transport_mode} · ${r.term}`, seizures: r.seizures })),
      'method',
      'seizures',
      'seizures',
    ),
};
