// suspect-profiling: who is caught, and with what — the profile of offenders for a route or species.
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

export const suspectProfiling: AnalysisDefinition = {
  name: 'suspect-profiling',
  title: 'Suspect profiles',
  question:
    'Who is caught — nationality, sex, age at arrest, role — and ' +
    'with which species and transport? Filter by species or route ' +
    'for its likely offenders.',
  options: [],
  columns: {
    nationality: 'nationality (ISO alpha-2; XX unknown)',
    sex: 'M, F or unknown',
    age_group: 'age at arrest',
    role: 'role in the seizure',
    offenders: 'persons (and offenders known by nationality only)',
    seizures: 'seizures',
    share_pct: 'share of all offenders',
    transport_modes: 'transport modes',
    top_species: 'the three taxa most seized with this profile',
  },
  countryColumns: ['nationality'],
  chart: (rows) =>
    rankedBars(
      'Most frequent offender profiles',
      rows.slice(0, 20).map((r) => ({ profile: `${r.nationality} · ${r.sex} · ${r.age_group} · ${r.role}`, offenders: r.offenders })),
      'profile',
      'offenders',
      'offenders',
    ),
};
