// Turning an analysis result into bytes and charts: shared by `wen analyze` (stdout or --out) and
// `wen batch` (files in a folder), so both write exactly the same things.
import type { AnalysisDefinition } from '../analysis/definition.js';
import type { AnalysisResult } from '../analysis/run.js';
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { exportRows, withCountryNames } from './export.js';
import { formatForTerminal } from './text-formats.js';
import { GRAPH_FORMATS, type ExportFormat } from './formats.js';

/**
 * The result in one format; Parquet is written straight to `out` by DuckDB (and returns ''). With
 * `terminal`, a table is drawn for stdout: at most `limit` rows (40 on a terminal) and fitted to its width.
 */
export async function renderResult(
  db: Database,
  definition: AnalysisDefinition,
  result: AnalysisResult,
  format: ExportFormat,
  out?: string,
  terminal?: { limit?: number },
): Promise<string | Buffer> {
  if (GRAPH_FORMATS.includes(format)) return exportGraph(definition.name, result.context, format);
  const named =
    format === 'table' || format === 'md' || format === 'xlsx'
      ? withCountryNames(result.rows, result.columns, definition.countryColumns ?? [])
      : result;
  if (format === 'table' && terminal) return formatForTerminal(named.rows, named.columns, terminal.limit);
  return exportRows(db, named.rows, named.columns, format, out, result.types, definition.name);
}

/** Writes the analysis's chart to `path`; false when it draws none for this result. */
export async function writeResultChart(definition: AnalysisDefinition, result: AnalysisResult, path: string): Promise<boolean> {
  const spec = await definition.chart?.(result.rows, result.context);
  if (!spec) return false;
  const { writeChart } = await import('../charts/render.js');
  await writeChart(spec, path, definition.title);
  return true;
}

/** GraphML or GEXF of the graph an analysis built (only networks builds one). */
async function exportGraph(name: string, context: object, format: string): Promise<string> {
  const graph = (context as { graph?: import('graphology').UndirectedGraph }).graph;
  if (!graph) throw new UsageError(`${format} is a graph format, and ${name} makes no graph`, { hint: 'use it with wen analyze networks' });
  const { toGexf, toGraphml } = await import('./graph-export.js');
  return format === 'gexf' ? toGexf(graph) : toGraphml(graph);
}
