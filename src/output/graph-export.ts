// Graphs for Gephi and other network tools: GEXF (graphology-gexf) and GraphML (a small, standard
// XML document written here: graphology has no GraphML writer).
import { createRequire } from 'node:module';
import type { UndirectedGraph } from 'graphology';

const require = createRequire(import.meta.url);

export function toGexf(graph: UndirectedGraph): string {
  const gexf = require('graphology-gexf') as { write: (graph: UndirectedGraph, options?: object) => string };
  return gexf.write(graph, { pretty: true });
}

export function toGraphml(graph: UndirectedGraph): string {
  const nodeKeys = new Set<string>();
  graph.forEachNode((_n, a) => Object.keys(a).forEach((k) => nodeKeys.add(k)));
  const edgeKeys = new Set<string>();
  graph.forEachEdge((_e, a) => Object.keys(a).forEach((k) => edgeKeys.add(k)));
  const type = (value: unknown) => (typeof value === 'number' ? 'double' : 'string');
  const sample = (keys: 'node' | 'edge', key: string) => {
    let found: unknown;
    if (keys === 'node') graph.someNode((_n, a) => (found = a[key]) !== undefined);
    else graph.someEdge((_e, a) => (found = a[key]) !== undefined);
    return found;
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...nodeKeys].map((k) => `  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="${type(sample('node', k))}"/>`),
    ...[...edgeKeys].map((k) => `  <key id="e_${xml(k)}" for="edge" attr.name="${xml(k)}" attr.type="${type(sample('edge', k))}"/>`),
    '  <graph id="wen" edgedefault="undirected">',
  ];
  graph.forEachNode((node, attributes) => {
    lines.push(`    <node id="${xml(node)}">`);
    for (const [k, v] of Object.entries(attributes))
      if (v !== undefined && v !== null) lines.push(`      <data key="n_${xml(k)}">${xml(String(v))}</data>`);
    lines.push('    </node>');
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    lines.push(`    <edge source="${xml(source)}" target="${xml(target)}">`);
    for (const [k, v] of Object.entries(attributes))
      if (v !== undefined && v !== null) lines.push(`      <data key="e_${xml(k)}">${xml(String(v))}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
