// repeat-suspects: the same person or company across seizures. SQL finds the evidence that two
// actors are one (names, aliases, passport and ID numbers, birth date and nationality, similar
// names); here the evidence is joined transitively (union-find) into suspects seen in 2+ seizures.
import { UsageError } from '../../errors.js';
import type { AnalysisDefinition, Row } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';

export const DEFAULT_THRESHOLD = 0.92;

interface ActorRow {
  actor_id: number;
  seizure_id: number;
  kind: string;
  name_as_given: string;
  name_normalised: string;
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
    { flags: '--threshold <similarity>', key: 'threshold', description: `Jaro-Winkler similarity from which two names sharing a word are the same (0–1)`, default: DEFAULT_THRESHOLD, type: 'number' },
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
    evidence: 'why records were joined, with counts',
  },
  countryColumns: [],
  params: (o) => ({ threshold: Number(o.threshold) }),
  postProcess: async (rows, { db, options }) => {
    const threshold = Number(options.threshold);
    if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold ${options.threshold} must be between 0 and 1`);
    const actors = rows.filter((r) => r.row_type === 'actor') as unknown as ActorRow[];
    const links = rows.filter((r) => r.row_type === 'link') as Array<{ actor_id: number; other_id: number; evidence: string }>;
    const groups = unionFind(actors.map((a) => a.actor_id), links.map((l) => [l.actor_id, l.other_id]));
    const evidenceOf = new Map<number, string[]>();
    for (const link of links) {
      const root = groups.find(link.actor_id);
      evidenceOf.set(root, [...(evidenceOf.get(root) ?? []), link.evidence.replace(/ \(0\.\d+\)$/, '')]);
    }
    const members = new Map<number, ActorRow[]>();
    for (const actor of actors) {
      const root = groups.find(actor.actor_id);
      members.set(root, [...(members.get(root) ?? []), actor]);
    }
    const key = options.redact ? await redactionKey(db) : '';
    const suspects: Row[] = [];
    for (const [root, group] of members) {
      const seizures = new Map<number, ActorRow>();
      for (const a of group) seizures.set(a.seizure_id, a);
      if (seizures.size < Number(options.minSeizures)) continue;
      const name = mostFrequent(group.map((a) => a.name_as_given));
      const normalised = mostFrequent(group.map((a) => a.name_normalised));
      const dates = [...seizures.values()].map((a) => a.date).filter((d): d is string => Boolean(d)).sort();
      const sum = (f: (a: ActorRow) => number | null) => round([...seizures.values()].reduce((n, a) => n + (f(a) ?? 0), 0));
      suspects.push({
        suspect_id: options.redact ? pseudonym(key, group[0].kind, normalised) : '',
        name: options.redact ? pseudonym(key, group[0].kind, normalised) : name,
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
        evidence: counted(evidenceOf.get(root) ?? []),
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

function unionFind(ids: number[], edges: Array<[number, number]>) {
  const parent = new Map<number, number>(ids.map((id) => [id, id]));
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: point every visited node straight at the root.
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const [a, b] of edges) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  return { find };
}

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
