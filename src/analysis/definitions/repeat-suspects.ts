// repeat-suspects: the same person or company across seizures. Who is who is decided once, at load
// (src/identity/resolve.ts, table identities); here the records of the selection are grouped by that
// identity into suspects seen in 2+ seizures, with the rules that joined them counted as evidence.
import type { AnalysisContext, AnalysisDefinition, Row } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';
import { identitiesMatching } from '../../identity/lookup.js';
import { UsageError } from '../../errors.js';

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
    {
      flags: '--min-seizures <n>',
      key: 'minSeizures',
      description: 'list suspects seen in at least this many seizures',
      default: 2,
      type: 'number',
    },
    {
      flags: '--redact',
      key: 'redact',
      description: 'replace names with stable keyed pseudonyms (for sharing)',
      default: false,
      type: 'boolean',
    },
    {
      flags: '--focus <who>',
      key: 'focus',
      description: "one identity's dated timeline: a name (any spelling), passport or ID number, or identity id",
    },
  ],
  views: { timeline: "one identity's dated timeline: seizures, co-offenders, documents, forensic samples, payments (--focus)" },
  impliedView: (o) => (o.focus === undefined ? undefined : 'timeline'),
  params: async (o, _filters, db) => {
    // --view timeline without --focus: NULL selects no identity, and postProcess says what is missing
    if (o.focus === undefined) return { identities: null };
    const ids = await identitiesMatching(db, String(o.focus));
    if (!ids.size)
      throw new UsageError(`--focus "${o.focus}" matches no person or company`, {
        hint: 'give a name as written in the data, a passport or ID number, or an identity id from repeat-suspects',
      });
    return { identities: [...ids].join(',') };
  },
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
  viewColumns: {
    timeline: {
      event: 'seizure, or payment (made or received)',
      identity: 'identity_id (a keyed pseudonym with --redact)',
      kind: 'person or company',
      date: 'date of the seizure or payment',
      seizure_ref: 'case or reference number',
      seizure_id: 'seizure id in this database',
      source_file: 'file the record came from',
      source_row: 'its row in that file',
      seizure_country: 'where it was seized',
      place: 'place, city or port',
      species: 'taxa seized',
      items: 'what was seized: taxon, term, quantity and unit per item',
      quantity_kg: 'kilograms seized',
      value_usd: 'value in US dollars',
      roles: 'roles in that seizure (payer or payee for a payment)',
      written_as: 'the name as written in that record (empty with --redact)',
      co_offenders: 'the other persons and companies named in the seizure, as "name [identity]" (pseudonyms with --redact)',
      documents: 'documents of the seizure, as "type number" (numbers pseudonymised with --redact)',
      forensic: 'forensic samples of the seizure: sample, method, match group, assigned origin',
      payments: 'payments tied to the seizure (or this payment): date, payer → payee, amount, method (parties pseudonymised with --redact)',
    },
  },
  countryColumns: [],
  postProcess: async (rows, context) => {
    if (context.view !== 'timeline') return suspectsOf(rows, context);
    if (context.options.focus === undefined)
      throw new UsageError('--view timeline needs --focus', {
        hint: 'give a name, a passport or ID number, or an identity id: wen analyze repeat-suspects --focus "NAME"',
      });
    return timeline(rows, context);
  },
  notes: (rows, { view, options }) =>
    view === 'timeline'
      ? [
          `--focus "${options.focus}": ${new Set(rows.map((r) => r.identity)).size} ` +
            `identity, ${rows.filter((r) => r.event === 'seizure').length} ` +
            `seizures and ${rows.filter((r) => r.event === 'payment').length} ` +
            `payments in the selection`,
        ]
      : [],
  chart: (rows, context) => (context.view === 'timeline' ? timelineChart(rows, context) : suspectsChart(rows, context)),
};

async function suspectsOf(rows: Row[], { db, options }: AnalysisContext): Promise<Row[]> {
  const members = new Map<number, ActorRow[]>();
  for (const actor of rows as unknown as ActorRow[]) members.set(actor.identity_id, [...(members.get(actor.identity_id) ?? []), actor]);
  const key = options.redact ? await redactionKey(db) : '';
  const suspects: Row[] = [];
  for (const [identity, group] of members) {
    const seizures = new Map<number, ActorRow>();
    for (const a of group) seizures.set(a.seizure_id, a);
    if (seizures.size < Number(options.minSeizures)) continue;
    const name = mostFrequent(group.map((a) => a.name_as_given));
    const dates = [...seizures.values()]
      .map((a) => a.date)
      .filter((d): d is string => Boolean(d))
      .sort();
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
  suspects.sort(
    (a, b) =>
      Number(b.seizures) - Number(a.seizures) ||
      String(a.name).localeCompare(String(b.name)) ||
      String(a.first_seen).localeCompare(String(b.first_seen)),
  );
  if (!options.redact) suspects.forEach((s, i) => (s.suspect_id = `S-${String(i + 1).padStart(4, '0')}`));
  return suspects;
}

interface Party {
  identity: number;
  kind: string;
  name: string;
}
interface Payment {
  date: string | null;
  amount: number | null;
  currency: string | null;
  payer_key: string | null;
  payer_kind: string;
  payer: string | null;
  payee_key: string | null;
  payee_kind: string;
  payee: string | null;
  method: string | null;
}

/** The timeline's lists as text; names, document numbers and payment parties pseudonymised under --redact. */
async function timeline(rows: Row[], { db, options }: AnalysisContext): Promise<Row[]> {
  const key = options.redact ? await redactionKey(db) : '';
  const hide = (kind: string, identityKey: string, name: string | null) =>
    options.redact ? pseudonym(key, kind, identityKey) : (name ?? identityKey);
  // a document number is pseudonymised as wen share and evidence compare it: letters and digits, upper case
  const documentNumber = (n: string) => (options.redact ? pseudonym(key, 'document', n.toUpperCase().replace(/[^A-Z0-9]/g, '')) : n);
  const payment = (p: Payment) =>
    `${p.date ?? 'undated'}: ${hide(p.payer_kind, String(p.payer_key ?? ''), p.payer)} ` +
    `→ ${hide(p.payee_kind, String(p.payee_key ?? ''), p.payee)}` +
    `${p.amount === null ? '' : ` ${p.amount.toLocaleString('en-US')} ${p.currency ?? ''}`.trimEnd()}${p.method ? ` (${p.method})` : ''}`;
  return rows.map((r) => ({
    ...r,
    identity: options.redact ? pseudonym(key, String(r.kind ?? 'person'), String(r.identity)) : r.identity,
    written_as: options.redact ? [] : r.written_as,
    co_offenders: ((r.co_offenders as Party[] | null) ?? []).map((p) =>
      options.redact ? hide(p.kind, String(p.identity), null) : `${p.name} [${p.identity}]`,
    ),
    documents: ((r.documents as Array<{ type: string | null; number: string }> | null) ?? []).map(
      (d) => `${d.type ?? 'document'} ${documentNumber(d.number)}`,
    ),
    forensic: r.forensic ?? [],
    payments: ((r.payments as Payment[] | null) ?? []).map(payment),
  }));
}

/** Seizures on a time line, one lane per seizing country, sized by kilograms; details in the tooltip. */
function timelineChart(rows: Row[], { options }: AnalysisContext): object {
  const seizures = rows.filter((r) => r.event === 'seizure' && r.date);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Timeline of ${options.redact ? String(seizures[0]?.identity ?? 'the identity') : `"${options.focus}"`}`,
    data: {
      values: seizures.map((r) => ({
        date: r.date,
        country: r.seizure_country ?? 'unknown',
        kg: r.quantity_kg ?? 0,
        roles: ((r.roles as string[] | null) ?? []).join(', ') || 'not given',
        reference: r.seizure_ref ?? '',
        items: r.items ?? '',
      })),
    },
    mark: { type: 'circle', opacity: 0.8 },
    width: 560,
    height: { step: 28 },
    encoding: {
      x: { field: 'date', type: 'temporal', title: null },
      y: { field: 'country', type: 'nominal', title: 'seized in' },
      size: { field: 'kg', type: 'quantitative', title: 'kg', scale: { range: [40, 900] } },
      color: { field: 'roles', type: 'nominal', title: 'role' },
      tooltip: [
        { field: 'date', type: 'temporal' },
        { field: 'reference' },
        { field: 'items' },
        { field: 'kg', type: 'quantitative' },
        { field: 'roles' },
      ],
    },
  };
}

function suspectsChart(rows: Row[], { options }: AnalysisContext): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Suspects seen in ${options.minSeizures} or more seizures${options.redact ? ' (pseudonymised)' : ''}`,
    // one bar per identity: a name two identities share is two bars (the suspect id beside it)
    data: {
      values: rows
        .slice(0, 30)
        .map((r) => ({ name: options.redact ? r.name : `${r.name} (${r.suspect_id})`, seizures: r.seizures, kind: r.kind })),
    },
    mark: 'bar',
    width: 520,
    height: 14 * Math.max(1, Math.min(rows.length, 30)),
    encoding: {
      y: { field: 'name', type: 'nominal', sort: '-x', title: null },
      x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
      color: { field: 'kind', type: 'nominal', title: null },
    },
  };
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
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([v, n]) => `${v} (${n})`)
    .join('; ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
