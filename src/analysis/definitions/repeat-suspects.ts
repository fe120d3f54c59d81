// repeat-suspects: the same person or company across seizures. Who is who is decided once, at load
// (src/identity/resolve.ts, table identities); here the records of the selection are grouped by that
// identity into suspects seen in 2+ seizures, with the rules that joined them counted as evidence.
import type { AnalysisDefinition, Row } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';

interface ActorRow {
  actor_id: number;
  identity_id: number;
  rule: string;
  seizure_id: number;
  kind: string;
  name_as_given: string;
  nationality: string | null;
  date: string | null;
  seizure_country: string | null;
  quantity_kg: number | null;
  value_usd: number | null;
  taxa: string[] | null;
}

export const repeatSuspects: AnalysisDefinition = {
  name: 'repeat-suspects',
  title: 'Repeat suspects',
  question: 'Which persons and companies appear in more than one seizure, under whatever spelling, alias or document?',
  options: [
    { flags: '--min-seizures <n>', key: 'minSeizures', description: 'list suspects seen in at least this many seizures', default: 2, type: 'number' },
    { flags: '--redact', key: 'redact', description: 'replace names with stable keyed pseudonyms (for sharing)', default: false, type: 'boolean' },
  ],
  columns: {
    suspect_id: 'S-number, by seizures then name (or a keyed pseudonym with --redact)',
    name: 'the name seen most often (pseudonym with --redact)',
    kind: 'person or company',
    seizures: 'distinct seizures',
    first_seen: 'first seizure date',
    last_seen: 'last seizure date',
    countries: 'countries where the seizures were made',
    nationalities: 'nationalities recorded',
    species: 'taxa seized',
    quantity_kg: 'kilograms seized in those seizures',
    value_usd: 'estimated value in US dollars',
    name_variants: 'the names as written (empty with --redact)',
    evidence: 'why records were joined (the rules of table identities), with counts',
    identity: 'identity_id of table identities (a keyed pseudonym with --redact)',
  },
  countryColumns: [],
  postProcess: async (rows, { db, options }) => {
    const members = new Map<number, ActorRow[]>();
    for (const actor of rows as unknown as ActorRow[]) members.set(actor.identity_id, [...(members.get(actor.identity_id) ?? []), actor]);
    const key = options.redact ? await redactionKey(db) : '';
    const suspects: Row[] = [];
    for (const [identity, group] of members) {
      const seizures = new Map<number, ActorRow>();
      for (const a of group) seizures.set(a.seizure_id, a);
      if (seizures.size < Number(options.minSeizures)) continue;
      const name = mostFrequent(group.map((a) => a.name_as_given));
      const dates = [...seizures.values()].map((a) => a.date).filter((d): d is string => Boolean(d)).sort();
      const sum = (f: (a: ActorRow) => number | null) => round([...seizures.values()].reduce((n, a) => n + (f(a) ?? 0), 0));
      suspects.push({
        suspect_id: options.redact ? pseudonym(key, group[0].kind, String(identity)) : '',
        name: options.redact ? pseudonym(key, group[0].kind, String(identity)) : name,
        kind: group[0].kind,
        seizures: seizures.size,
        first_seen: dates[0] ?? null,
        last_seen: dates.at(-1) ?? null,
        countries: distinct([...seizures.values()].map((a) => a.seizure_country)),
        nationalities: distinct(group.map((a) => a.nationality)),
        species: distinct([...seizures.values()].flatMap((a) => a.taxa ?? [])),
        quantity_kg: sum((a) => a.quantity_kg),
        value_usd: sum((a) => a.value_usd),
        name_variants: options.redact ? [] : distinct(group.map((a) => a.name_as_given)),
        evidence: counted(group.map((a) => a.rule).filter((r) => r !== 'first record')),
        identity: options.redact ? pseudonym(key, group[0].kind, String(identity)) : identity,
      });
    }
    suspects.sort((a, b) => Number(b.seizures) - Number(a.seizures) || String(a.name).localeCompare(String(b.name)) || String(a.first_seen).localeCompare(String(b.first_seen)));
    if (!options.redact) suspects.forEach((s, i) => (s.suspect_id = `S-${String(i + 1).padStart(4, '0')}`));
    return suspects;
  },
  chart: (rows, { options }) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Suspects seen in ${options.minSeizures} or more seizures${options.redact ? ' (pseudonymised)' : ''}`,
    data: { values: rows.slice(0, 30).map((r) => ({ name: r.name, seizures: r.seizures, kind: r.kind })) },
    mark: 'bar', width: 520, height: 14 * Math.max(1, Math.min(rows.length, 30)),
    encoding: {
      y: { field: 'name', type: 'nominal', sort: '-x', title: null },
      x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
      color: { field: 'kind', type: 'nominal', title: null },
    },
  }),
};

function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

function distinct(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
}

function counted(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v, n]) => `${v} (${n})`).join('; ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
