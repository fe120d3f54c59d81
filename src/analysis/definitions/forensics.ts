// forensics: cases linked by forensic science — match groups across seizures, and the origin a
// laboratory assigned against the origin declared. Results come from a file loaded with the
// forensics profile (sample, seizure, method, match group, assigned origin).
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

export const forensics: AnalysisDefinition = {
  name: 'forensics',
  title: 'Forensic links',
  question:
    'Which seizures do forensic results (DNA, isotopes, ballistics…) ' +
    'link together, and does the origin a laboratory assigned match ' +
    'the declared one?',
  options: [],
  views: { origins: 'origin assigned by the laboratory against the origin declared for the seizure' },
  columns: {
    match_group: "the laboratory's match group",
    method: 'methods used',
    samples: 'samples in the group',
    seizures: 'seizures linked by the group',
    seizure_refs: 'their references',
    seizing_countries: 'countries that seized them',
    first_seen: 'first seizure',
    last_seen: 'last seizure',
    assigned_origins: 'origins assigned by the laboratory',
    declared_origins: 'origins declared for the seizures',
    origin_disagreements: "samples whose assigned origin is not among their seizure's declared origins",
  },
  viewColumns: {
    origins: {
      assigned_origin: 'origin assigned (ISO alpha-2)',
      declared_origin: 'origins declared for the seizure',
      agrees: 'the assigned origin is among the declared ones',
      samples: 'samples',
      seizures: 'seizures',
      methods: 'methods',
    },
  },
  countryColumns: ['assigned_origin'],
  notes: (rows) => (rows.length ? [] : ['no forensic results for these seizures: load a results file (profile forensics) first']),
  chart: (rows, { view }) =>
    view === 'origins'
      ? rankedBars(
          'Assigned against declared origin',
          rows.slice(0, 25).map((r) => ({
            pair: `${r.assigned_origin} (declared ${r.declared_origin})`,
            samples: r.samples,
            agrees: r.agrees ? 'agrees' : 'differs',
          })),
          'pair',
          'samples',
          'samples',
          'agrees',
        )
      : rankedBars(
          'Forensic match groups linking seizures',
          rows.slice(0, 25).map((r) => ({ group: String(r.match_group), seizures: r.seizures })),
          'group',
          'seizures',
          'seizures linked',
        ),
};
