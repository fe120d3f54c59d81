// A batch plan (YAML or JSON): which analyses to run with which filters and options, and in which
// formats. The whole plan is checked before anything runs, so a typo in run 7 fails in a second,
// naming the plan file and the run. Its shape is one zod schema (planSchema, strict: an unknown key is
// refused with the key's path and the keys there, as in mapping files); what depends on the analysis
// (its views and options) and on the database's vocabulary (the filters' values) is checked after it.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { optionNumber, type AnalysisDefinition } from '../analysis/definition.js';
import { FILTER_DECLARATIONS, FILTER_KEYS, filterKeyName, type FilterFlags } from '../analysis/filter-flags.js';
import { filtersFrom, type Filters } from '../analysis/filters.js';
import { getAnalysis } from '../analysis/registry.js';
import { InputError, UsageError, WenError } from '../errors.js';
import { checkWithSchema } from '../load/mapping-schema.js';
import { FILE_EXTENSIONS, parseExportFormat, type ExportFormat } from '../output/formats.js';

interface PlannedRun {
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

/** The manifest's own name is kept out of the runs' names. */
export const MANIFEST_FILE = 'manifest.json';

const CHARTS = ['png', 'svg', 'html', 'vl.json'] as const;

/** YAML reads `from: 2019` or `source: 3` as numbers: a filter's value is text, as on the command line. */
const text = z.union([z.string(), z.number()]).transform(String);
/** A key written with no value (`species:`) is a key not given. */
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** The filters a run takes: every declared filter but the plan-wide ones, in snake case (reporting_country). */
const RUN_FILTERS = FILTER_KEYS.filter((key) => !('planWide' in FILTER_DECLARATIONS[key]));
const planFilters = z
  .object(
    Object.fromEntries(
      RUN_FILTERS.map((key) => [filterKeyName(key, '_'), 'value' in FILTER_DECLARATIONS[key] ? optionalText : z.boolean().optional()]),
    ),
    { invalid_type_error: 'expected filter: value pairs (species: Manidae, from: 2019 …)' },
  )
  .strict();

const planRunSchema = z
  .object(
    {
      analysis: z.string({ required_error: 'each run needs "analysis: <name>"' }),
      name: text.optional(),
      view: z.string().optional(),
      filters: planFilters.optional(),
      /** The analysis's own options, as in its --help (kebab or camel case): checked against its definition. */
      options: z.record(z.unknown(), { invalid_type_error: 'expected option: value pairs (top: 10 …)' }).optional(),
      formats: z.array(z.string()).optional(),
      chart: z.enum(CHARTS).optional(),
    },
    { invalid_type_error: 'a run is a set of keys (analysis:, filters:, options: …)' },
  )
  .strict();

const planSchema = z
  .object(
    {
      as_of: text.optional(),
      runs: z
        .array(planRunSchema, { required_error: 'the plan needs a "runs" list', invalid_type_error: 'the plan needs a "runs" list' })
        .min(1, 'the plan needs at least one run'),
    },
    { invalid_type_error: 'a plan is a set of keys (as_of:, runs:)' },
  )
  .strict();

type PlanRunEntry = z.output<typeof planRunSchema>;

export function readPlan(path: string, asOfFlag?: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(`${path}: cannot read the plan (${(cause as NodeJS.ErrnoException).code ?? cause})`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = (/\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text)) ?? {};
  } catch (cause) {
    throw new InputError(`${path}: not valid YAML or JSON: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const raw = checkWithSchema(planSchema, path, parsed, (message, hint) => new UsageError(message, { hint: hint ?? 'see docs/batch.md' }));
  const asOf = asOfFlag ?? raw.as_of ?? null;
  const names = new Set<string>();
  const runs = raw.runs.map((entry, index) => {
    const where = `${path}: runs[${index}]`;
    try {
      return plannedRun(entry, asOf, names);
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
    const files = [...run.formats.map((f) => `${run.name}.${FILE_EXTENSIONS[f]}`), ...(run.chart ? [`${run.name}.${run.chart}`] : [])];
    for (const file of files) {
      const owner = owners.get(file.toLowerCase());
      if (owner === -1)
        throw new UsageError(`${path}: runs[${index}]: the run named "${run.name}" would write ${file} over the batch's manifest`, {
          hint: 'give the run another "name"',
        });
      if (owner !== undefined && owner !== index)
        throw new UsageError(`${path}: runs[${index}]: the run named "${run.name}" would write ${file} over the output of runs[${owner}]`, {
          hint: 'give one of the runs another "name"',
        });
      owners.set(file.toLowerCase(), index);
    }
  });
}

function plannedRun(entry: PlanRunEntry, asOf: string | null, names: Set<string>): PlannedRun {
  const definition = getAnalysis(entry.analysis);
  const view = entry.view ?? 'default';
  if (view !== 'default' && !definition.views?.[view]) throw new UsageError(`${definition.name} has no view "${view}"`);
  const f: Record<string, unknown> = entry.filters ?? {};
  const filterFlags = Object.fromEntries(RUN_FILTERS.map((key) => [key, f[filterKeyName(key, '_')]])) as FilterFlags;
  filterFlags.asOf = asOf ?? undefined;
  const filters = filtersFrom(filterFlags);
  const rawOptions = entry.options ?? {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawOptions)) {
    const option = definition.options.find((o) => o.key === camel(key) || o.flags.startsWith(`--${key} `) || o.flags === `--${key}`);
    if (!option)
      throw new UsageError(`${definition.name} has no option "${key}"`, {
        hint: `options: ${definition.options.map((o) => o.flags.split(' ')[0].slice(2)).join(', ') || 'none'}`,
      });
    if (option.choices && !option.choices.includes(String(value)))
      throw new UsageError(`option ${key} "${value}" is not one of ${option.choices.join(', ')}`);
    options[option.key] =
      option.type === 'number' ? optionNumber(option.flags, value) : option.type === 'boolean' ? Boolean(value) : String(value);
  }
  const formats = (entry.formats ?? ['json']).map((format) => parseExportFormat(format));
  const chart = entry.chart ?? null;
  const name = entry.name ?? `${definition.name}${view === 'default' ? '' : `.${view}`}`;
  if (!/^[A-Za-z0-9._-]+$/.test(name))
    throw new UsageError(`name "${name}" must be letters, digits, dots, dashes or underscores (it becomes a file name)`);
  if (names.has(name)) throw new UsageError(`two runs are named "${name}"`, { hint: 'give each run its own "name"' });
  names.add(name);
  return { name, definition, view, filters, filterFlags, options, formats, chart };
}

function camel(key: string): string {
  return key.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());
}
