// A batch plan (YAML or JSON): which analyses to run with which filters and options, and in which
// formats. The whole plan is checked before anything runs, so a typo in run 7 fails in a second,
// naming the plan file and the run.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { optionNumber, type AnalysisDefinition } from '../analysis/definition.js';
import { filtersFrom, type FilterFlags, type Filters } from '../analysis/filters.js';
import { getAnalysis } from '../analysis/registry.js';
import { InputError, UsageError, WenError } from '../errors.js';
import { parseExportFormat, type ExportFormat } from '../output/formats.js';

export interface PlannedRun {
  name: string; // file base name in the output folder
  definition: AnalysisDefinition;
  view: string;
  filters: Filters;
  filterFlags: FilterFlags;
  options: Record<string, unknown>;
  formats: ExportFormat[];
  chart: string | null; // chart extension: png, svg, html, vl.json
}

export interface Plan {
  path: string;
  text: string;
  asOf: string | null;
  runs: PlannedRun[];
}

/** The file extension of each export format; the manifest's own name is kept out of the runs' names. */
export const EXTENSIONS: Record<string, string> = { table: 'txt', csv: 'csv', json: 'json', ndjson: 'ndjson', parquet: 'parquet', arrow: 'arrow', md: 'md', xlsx: 'xlsx', graphml: 'graphml', gexf: 'gexf' };
export const MANIFEST_FILE = 'manifest.json';

const FILTER_KEYS = ['from', 'to', 'species', 'country', 'role', 'term', 'reporting_country', 'source', 'keep_duplicates'] as const;
const CHARTS = ['png', 'svg', 'html', 'vl.json'];

export function readPlan(path: string, asOfFlag?: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(`${path}: cannot read the plan (${(cause as NodeJS.ErrnoException).code ?? cause})`, { cause });
  }
  let raw: { as_of?: string; runs?: unknown[] };
  try {
    raw = (/\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text)) ?? {};
  } catch (cause) {
    throw new InputError(`${path}: not valid YAML or JSON: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  if (!Array.isArray(raw.runs) || raw.runs.length === 0) throw new InputError(`${path}: the plan needs a "runs" list`, { hint: 'see docs/batch.md' });
  const asOf = asOfFlag ?? (raw.as_of ? String(raw.as_of) : null);
  const names = new Set<string>();
  const runs = raw.runs.map((entry, index) => {
    const where = `${path}: runs[${index}]`;
    try {
      return plannedRun(entry as Record<string, unknown>, asOf, names);
    } catch (error) {
      if (error instanceof WenError) throw new UsageError(`${where}: ${error.message}`, { hint: error.hint });
      throw error;
    }
  });
  refuseCollidingFiles(path, runs);
  return { path, text, asOf, runs };
}

/**
 * Two outputs with one file name would overwrite each other: a run named "manifest" (manifest.json),
 * or "x" with a vl.json chart beside "x.vl" as json. Compared without case, as on macOS and Windows.
 */
function refuseCollidingFiles(path: string, runs: PlannedRun[]): void {
  const owners = new Map<string, number>([[MANIFEST_FILE, -1]]);
  runs.forEach((run, index) => {
    const files = [...run.formats.map((f) => `${run.name}.${EXTENSIONS[f]}`), ...(run.chart ? [`${run.name}.${run.chart}`] : [])];
    for (const file of files) {
      const owner = owners.get(file.toLowerCase());
      if (owner === -1) throw new UsageError(`${path}: runs[${index}]: the run named "${run.name}" would write ${file} over the batch's manifest`, { hint: 'give the run another "name"' });
      if (owner !== undefined && owner !== index) throw new UsageError(`${path}: runs[${index}]: the run named "${run.name}" would write ${file} over the output of runs[${owner}]`, { hint: 'give one of the runs another "name"' });
      owners.set(file.toLowerCase(), index);
    }
  });
}

function plannedRun(entry: Record<string, unknown>, asOf: string | null, names: Set<string>): PlannedRun {
  if (!entry || typeof entry.analysis !== 'string') throw new UsageError('each run needs "analysis: <name>"');
  const definition = getAnalysis(entry.analysis);
  const view = entry.view ? String(entry.view) : 'default';
  if (view !== 'default' && !definition.views?.[view]) throw new UsageError(`${definition.name} has no view "${view}"`);
  const rawFilters = (entry.filters ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(rawFilters)) if (!(FILTER_KEYS as readonly string[]).includes(key)) throw new UsageError(`unknown filter "${key}"`, { hint: `filters: ${FILTER_KEYS.join(', ')}` });
  const filterFlags: FilterFlags = {
    from: str(rawFilters.from), to: str(rawFilters.to), species: str(rawFilters.species), country: str(rawFilters.country), role: str(rawFilters.role),
    term: str(rawFilters.term), reportingCountry: str(rawFilters.reporting_country), source: str(rawFilters.source), asOf: asOf ?? undefined,
    keepDuplicates: rawFilters.keep_duplicates === true,
  };
  if (rawFilters.keep_duplicates !== undefined && typeof rawFilters.keep_duplicates !== 'boolean') throw new UsageError(`filter keep_duplicates "${rawFilters.keep_duplicates}" is not true or false`);
  const filters = filtersFrom(filterFlags);
  const rawOptions = (entry.options ?? {}) as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawOptions)) {
    const option = definition.options.find((o) => o.key === camel(key) || o.flags.startsWith(`--${key} `) || o.flags === `--${key}`);
    if (!option) throw new UsageError(`${definition.name} has no option "${key}"`, { hint: `options: ${definition.options.map((o) => o.flags.split(' ')[0].slice(2)).join(', ') || 'none'}` });
    if (option.choices && !option.choices.includes(String(value))) throw new UsageError(`option ${key} "${value}" is not one of ${option.choices.join(', ')}`);
    options[option.key] = option.type === 'number' ? optionNumber(option.flags, value) : option.type === 'boolean' ? Boolean(value) : String(value);
  }
  const formats = ((entry.formats as string[] | undefined) ?? ['json']).map((f) => parseExportFormat(String(f)));
  const chart = entry.chart ? String(entry.chart) : null;
  if (chart && !CHARTS.includes(chart)) throw new UsageError(`chart "${chart}" is not one of ${CHARTS.join(', ')}`);
  const name = String(entry.name ?? `${definition.name}${view === 'default' ? '' : `.${view}`}`);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`name "${name}" must be letters, digits, dots, dashes or underscores (it becomes a file name)`);
  if (names.has(name)) throw new UsageError(`two runs are named "${name}"`, { hint: 'give each run its own "name"' });
  names.add(name);
  return { name, definition, view, filters, filterFlags, options, formats, chart };
}

function str(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function camel(key: string): string {
  return key.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());
}
