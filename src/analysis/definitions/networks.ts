// networks: who acts together. The SQL lists persons, companies, their roles and their typed links;
// graphology builds the graph and measures it: connected components, degree, betweenness and
// closeness centrality, Louvain communities (seeded, so every run gives the same answer). --focus
// shows one actor's neighbourhood.
// The measures are the standard ones, on the unweighted graph of the whole selection (networkx's
// definitions), so that a node's numbers do not change with --focus or --min-size: a link's weight
// (how many seizures or traits two actors share) says how strong a tie is, never how long a path is.
// The weighted variant reads it the right way round, as distance = 1 / weight.
import { createRequire } from 'node:module';
import type { UndirectedGraph as Graph } from 'graphology';
import type { AnalysisDefinition, Row } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';
import { identitiesMatching } from '../../identity/lookup.js';
import { UsageError } from '../../errors.js';
import { mulberry32 } from '../../random.js';

// graphology is loaded when the analysis runs (it costs 30 ms of every start-up otherwise). Its
// measures are CommonJS functions; NodeNext types do not see them as callable.
const require = createRequire(import.meta.url);
type Measure = (graph: Graph, options?: Record<string, unknown>) => Record<string, number>;
interface ForceAtlas2 {
  assign: (graph: Graph, options: Record<string, unknown>) => void;
  inferSettings: (graph: Graph) => Record<string, unknown>;
}

/** A node's centralities, as networkx computes them on an undirected graph of n nodes. */
interface Centrality {
  /** Unweighted betweenness, normalised: raw / ((n − 1)(n − 2) / 2), the pairs that could pass through the node. */
  betweenness: number;
  /** Closeness with the Wasserman–Faust correction (networkx's default): (r / Σd) · (r / (n − 1)), r = nodes it reaches. */
  closeness: number;
  /** Betweenness on shortest paths with distance = 1 / weight (a strong tie is a short step), normalised as above. */
  betweenness_weighted: number;
}

/** The measures of every node of a graph whose edges carry a `weight` (shared seizures or traits). */
function centralities(graph: Graph): Map<string, Centrality> {
  const betweenness = require('graphology-metrics/centrality/betweenness') as Measure;
  const closeness = require('graphology-metrics/centrality/closeness') as Measure;
  // getEdgeWeight defaults to the "weight" attribute, read as a distance: null makes it count steps.
  const plain = graph.order ? betweenness(graph, { getEdgeWeight: null, normalized: true }) : {};
  const weighted = graph.order
    ? betweenness(graph, { getEdgeWeight: (_e: string, a: { weight: number }) => 1 / a.weight, normalized: true })
    : {};
  const close = graph.order ? closeness(graph, { wassermanFaust: true }) : {};
  const round = (x: number | undefined) => Math.round((x ?? 0) * 10000) / 10000;
  return new Map(
    graph.mapNodes((n) => [n, { betweenness: round(plain[n]), closeness: round(close[n]), betweenness_weighted: round(weighted[n]) }]),
  );
}

export const networks: AnalysisDefinition = {
  name: 'networks',
  title: 'Criminal networks',
  question:
    'Which persons and companies act together — through shared seizures, ' +
    'documents, phones, addresses, vehicles, payments or forensic ' +
    'matches — and who is central?',
  options: [
    { flags: '--focus <name>', key: 'focus', description: "one actor's neighbourhood: a name (any spelling) or passport number" },
    { flags: '--depth <n>', key: 'depth', description: 'with --focus: how many links away', default: 2, type: 'number' },
    { flags: '--min-size <n>', key: 'minSize', description: 'only components with at least this many actors', default: 2, type: 'number' },
    { flags: '--redact', key: 'redact', description: 'replace names with stable keyed pseudonyms', default: false, type: 'boolean' },
  ],
  columns: {
    identity: 'identity_id of table identities: one per person or company, whatever the spelling (pseudonym with --redact)',
    name: 'name as most often written (pseudonym with --redact)',
    kind: 'person or company',
    nationality: 'nationality',
    roles: 'roles given in the seizures (courier, dealer, financier, buyer, exporter …)',
    seizures: 'seizures',
    degree: 'actors linked directly',
    betweenness:
      'betweenness centrality on the unweighted graph of the whole ' +
      'selection, normalised as networkx: raw / ((n−1)(n−2)/2) (a broker ' +
      'between groups scores high)',
    closeness:
      'closeness centrality on the unweighted graph of the whole selection, ' +
      'Wasserman–Faust corrected as networkx: (r/Σd)·(r/(n−1)), r = ' +
      'actors reached',
    betweenness_weighted:
      'betweenness with distance = 1/weight: a tie of several shared seizures or traits is a shorter step (normalised as betweenness)',
    component: 'connected component number (1 = largest)',
    component_size: 'actors in the component',
    community: 'Louvain community number',
    links: 'kinds of links it has: same seizure, shared document, shared phone, shared vehicle, shared address, payment, forensic match',
  },
  params: () => ({}),
  postProcess: async (rows, context) => {
    const { options, db } = context;
    const louvain = require('graphology-communities-louvain') as Measure;
    const { connectedComponents } = require('graphology-components') as { connectedComponents: (graph: Graph) => string[][] };
    const { UndirectedGraph } = require('graphology') as typeof import('graphology');
    let graph: Graph = new UndirectedGraph({ type: 'undirected', multi: false });
    for (const r of rows.filter((r) => r.row_type === 'node')) {
      graph.addNode(String(r.identity), {
        name: r.name,
        kind: r.kind,
        nationality: r.nationality,
        seizures: r.seizures,
        roles: (r.roles as string[] | null) ?? [],
        links: new Set<string>(),
      });
    }
    // One edge per pair of actors, carrying every kind of link between them; its weight is their sum.
    for (const r of rows.filter((r) => r.row_type === 'edge')) {
      const [s, t] = [String(r.identity), String(r.target)];
      if (graph.hasEdge(s, t)) {
        graph.updateEdgeAttribute(s, t, 'weight', (w: unknown) => Number(w) + Number(r.weight));
        graph.getEdgeAttribute(s, t, 'links').add(r.link);
      } else graph.addEdge(s, t, { weight: Number(r.weight), links: new Set([r.link]) });
      graph.getNodeAttribute(s, 'links').add(r.link);
      graph.getNodeAttribute(t, 'links').add(r.link);
    }
    // Measured before --focus and --min-size cut the graph down: they show part of it, they do not change it.
    const measures = centralities(graph);
    const degree = new Map(graph.mapNodes((n) => [n, graph.degree(n)]));
    if (options.focus)
      graph = neighbourhood(
        graph,
        String(options.focus),
        await identitiesMatching(context.db, String(options.focus)),
        Number(options.depth),
      );
    const components = connectedComponents(graph).sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
    const componentOf = new Map<string, number>();
    components.forEach((nodes, i) => nodes.forEach((n) => componentOf.set(n, i + 1)));
    const keep = new Set(components.filter((c) => c.length >= Number(options.minSize) || options.focus).flat());
    graph = subgraph(graph, keep);
    const communities = graph.size ? louvain(graph, { rng: mulberry32(7), getEdgeWeight: 'weight' }) : {};
    const key = options.redact ? await redactionKey(db) : '';
    const hide = (identity: string, kind: string) => (options.redact ? pseudonym(key, kind, identity) : identity);
    const result: Row[] = graph.mapNodes((node: string, a: Record<string, unknown>) => ({
      identity: hide(node, String(a.kind)),
      name: options.redact ? hide(node, String(a.kind)) : a.name,
      kind: a.kind,
      nationality: a.nationality,
      roles: a.roles,
      seizures: a.seizures,
      degree: degree.get(node),
      ...measures.get(node)!,
      component: componentOf.get(node),
      component_size: components[componentOf.get(node)! - 1].length,
      community: communities[node] ?? null,
      links: [...(a.links as Set<string>)].sort(),
    }));
    // The graph goes with the result, for --out net.graphml / net.gexf and the chart.
    (context as { graph?: Graph }).graph = relabel(graph, hide, measures);
    return result.sort(
      (x, y) =>
        Number(x.component) - Number(y.component) ||
        Number(y.degree) - Number(x.degree) ||
        String(x.identity).localeCompare(String(y.identity)),
    );
  },
  chart: async (rows, context) => {
    const graph = (context as { graph?: Graph }).graph;
    if (!graph || graph.order === 0) return null;
    const forceAtlas2 = require('graphology-layout-forceatlas2') as ForceAtlas2;
    const shown = new Set(rows.slice(0, 300).map((r) => String(r.identity)));
    const positioned = subgraph(graph, shown);
    const random = mulberry32(11);
    positioned.forEachNode((node) => positioned.mergeNodeAttributes(node, { x: random() * 100, y: random() * 100 }));
    forceAtlas2.assign(positioned, { iterations: 200, settings: forceAtlas2.inferSettings(positioned) });
    const community = new Map(rows.map((r) => [String(r.identity), r.community]));
    const nodes = positioned.mapNodes((n, a) => ({
      id: n,
      name: a.label,
      roles: a.roles,
      x: a.x,
      y: a.y,
      community: String(community.get(n)),
      degree: positioned.degree(n),
    }));
    // A neighbourhood (--focus) or a small graph is read person by person: its nodes carry their names.
    const labelled = Boolean(context.options.focus) || nodes.length <= 30;
    const edges = positioned.mapEdges((_e, a, s, t) => ({
      x: positioned.getNodeAttribute(s, 'x'),
      y: positioned.getNodeAttribute(s, 'y'),
      x2: positioned.getNodeAttribute(t, 'x'),
      y2: positioned.getNodeAttribute(t, 'y'),
      link: a.link,
    }));
    const axis = { axis: null, scale: { zero: false } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: `Networks: ${nodes.length} actors, ${edges.length} links (colour = community)`,
      width: 640,
      height: 480,
      layer: [
        {
          data: { values: edges },
          mark: { type: 'rule', opacity: 0.3, color: '#888' },
          encoding: {
            x: { field: 'x', type: 'quantitative', ...axis },
            y: { field: 'y', type: 'quantitative', ...axis },
            x2: { field: 'x2' },
            y2: { field: 'y2' },
            tooltip: [{ field: 'link', type: 'nominal' }],
          },
        },
        {
          data: { values: nodes },
          mark: { type: 'circle', opacity: 0.9 },
          encoding: {
            x: { field: 'x', type: 'quantitative', ...axis },
            y: { field: 'y', type: 'quantitative', ...axis },
            size: { field: 'degree', type: 'quantitative', title: 'links' },
            color: { field: 'community', type: 'nominal', legend: null },
            tooltip: [
              { field: 'name', type: 'nominal' },
              { field: 'roles', type: 'nominal' },
              { field: 'degree', type: 'quantitative' },
            ],
          },
        },
        ...(labelled
          ? [
              {
                data: { values: nodes },
                mark: { type: 'text', dy: -12, fontSize: 10 },
                encoding: {
                  x: { field: 'x', type: 'quantitative', ...axis },
                  y: { field: 'y', type: 'quantitative', ...axis },
                  text: { field: 'name', type: 'nominal' },
                },
              },
            ]
          : []),
      ],
    };
  },
};

/** Nodes within `depth` links of the identities matching `focus` (name in any spelling, passport or ID number: src/identity/lookup.ts). */
function neighbourhood(graph: Graph, focus: string, matching: Set<string>, depth: number): Graph {
  const starts = graph.filterNodes(
    (node) => matching.has(node) || String(graph.getNodeAttribute(node, 'name') ?? '').toLowerCase() === focus.toLowerCase(),
  );
  if (!starts.length)
    throw new UsageError(`--focus "${focus}" matches no person or company in the selection`, {
      hint: 'give a name as written in the data or a passport number',
    });
  const seen = new Set(starts);
  let frontier = starts;
  for (let d = 0; d < depth; d++) {
    frontier = frontier.flatMap((n) => graph.neighbors(n)).filter((n) => !seen.has(n));
    frontier.forEach((n) => seen.add(n));
  }
  return subgraph(graph, seen);
}

function subgraph(graph: Graph, keep: Set<string>): Graph {
  const out = graph.nullCopy();
  graph.forEachNode((n, a) => keep.has(n) && out.addNode(n, { ...a }));
  graph.forEachEdge((_e, a, s, t) => keep.has(s) && keep.has(t) && out.addEdge(s, t, { ...a }));
  return out;
}

/** The graph with pseudonymised node keys and names, its measures, and link sets as text, ready to export. */
function relabel(graph: Graph, hide: (identity: string, kind: string) => string, measures: Map<string, Centrality>): Graph {
  const out = graph.nullCopy();
  const label = (n: string) => hide(n, String(graph.getNodeAttribute(n, 'kind')));
  graph.forEachNode((n, a) =>
    out.addNode(label(n), {
      label: label(n) === n ? a.name : label(n),
      kind: a.kind,
      nationality: a.nationality ?? '',
      roles: (a.roles as string[]).join('; '),
      seizures: a.seizures,
      ...measures.get(n),
      links: [...(a.links as Set<string>)].sort().join('; '),
    }),
  );
  graph.forEachEdge((_e, a, s, t) =>
    out.addEdge(label(s), label(t), { weight: a.weight, link: [...(a.links as Set<string>)].sort().join('; ') }),
  );
  return out;
}
