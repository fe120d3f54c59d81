// Standard quantities (analyses run with --standardise): kilograms for specimens counted or measured
// but not weighed, the raw-ivory equivalent and whole-organism equivalents, each with its rule. ETIS
// and UNODC standardise seizures this way before comparing them; wen keeps the rules in three small
// tables a reader can check and replace (src/reference/organism-factors.csv, wood-density.csv,
// ivory-model.csv; --factors FILE for the first), and the SQL in queries/standard/.
// Computed at analysis time, never stored: a new weighed ivory record refits the model for everyone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { InputError } from '../errors.js';
import { referencePath } from '../reference/read-reference.js';
import type { AnalysisOption } from './definition.js';

/** The two options of every analysis that can standardise. */
export const STANDARDISE_OPTIONS: AnalysisOption[] = [
  {
    flags: '--standardise',
    key: 'standardise',
    description:
      'add kilograms estimated from pieces (ivory) and volume (timber), ' +
      'raw-ivory equivalents and whole-organism equivalents, each with its rule',
    default: false,
    type: 'boolean',
  },
  {
    flags: '--factors <file>',
    key: 'factors',
    description: 'whole-organism factors CSV (taxon,rank,term,unit,low,mid,high,source) instead of the bundled ones (with --standardise)',
  },
];

/** The columns of the standard quantities, as the analyses that standardise document them. */
export const STANDARD_COLUMNS: Record<string, string> = {
  kg_estimated:
    'kilograms estimated for specimens counted or measured but not ' +
    'weighed (--standardise): ivory by the weight model, timber by wood density',
  raw_ivory_kg: 'raw-ivory equivalent in kg (--standardise): raw ivory as weighed or estimated, worked ivory ÷ 0.7 (ETIS)',
  organisms: 'whole-organism equivalents (--standardise): amount ÷ the units one organism gives (src/reference/organism-factors.csv)',
  organisms_low: "low end of the organisms: amount ÷ the factor's high end",
  organisms_high: "high end of the organisms: amount ÷ the factor's low end",
  standard_rules: 'the rules that gave kg_estimated and organisms (model, density or factor, with its source)',
};

/** A kind of ivory needs this many weighed and counted records before its model is fitted. */
const MIN_MODEL_RECORDS = 10;

export interface IvoryModel {
  kind: 'raw' | 'worked';
  /** ETIS's Box-Cox power of the weight. */
  lambda: number;
  lambda_source: string;
  records: number;
  intercept: number | null;
  slope: number | null;
  r2: number | null;
  fitted: boolean;
}

// Which CITES terms of elephants are raw and which worked ivory (ETIS's two classes): tusks, pieces and
// scraps are raw; carvings are worked. One home for the rule: both SQL files call this macro.
const IVORY_KIND_MACRO = `CREATE OR REPLACE TEMP MACRO ivory_kind(family, term) AS
  CASE WHEN family = 'Elephantidae' THEN CASE WHEN term IN ('TUS', 'IVP', 'IVS') THEN 'raw' WHEN term IN ('IVC', 'CAR') THEN 'worked' END
    END`;

const FACTOR_COLUMNS =
  `{'taxon': 'VARCHAR', 'rank': 'VARCHAR', 'term': 'VARCHAR', 'unit': ` +
  `'VARCHAR', 'low': 'DOUBLE', 'mid': 'DOUBLE', 'high': 'DOUBLE', ` +
  `'source': 'VARCHAR'}`;
const RANKS = ['species', 'genus', 'family', 'order', 'class', 'any'];

/**
 * Loads the factor tables, fits the ivory model and creates the view f_standard (one row per specimen).
 * Returns the model, whose fit the analyses print.
 */
export async function prepareStandard(db: Database, factorsPath?: string): Promise<IvoryModel[]> {
  await db.run(IVORY_KIND_MACRO);
  await readTable(db, 'organism_factors', factorsPath ?? referencePath('organism-factors.csv'), FACTOR_COLUMNS, Boolean(factorsPath));
  await readTable(
    db,
    'wood_density',
    referencePath('wood-density.csv'),
    `{'taxon': 'VARCHAR', 'rank': 'VARCHAR', 'low': 'DOUBLE', 'mid': 'DOUBLE', 'high': 'DOUBLE', 'basis': 'VARCHAR', 'source': 'VARCHAR'}`,
    false,
  );
  await readTable(
    db,
    'ivory_lambda',
    referencePath('ivory-model.csv'),
    `{'kind': 'VARCHAR', 'lambda': 'DOUBLE', 'source': 'VARCHAR'}`,
    false,
  );
  await checkFactors(db, factorsPath ?? referencePath('organism-factors.csv'));
  await db.run(`CREATE OR REPLACE TEMP TABLE ivory_model AS ${query('ivory-model.sql')}`, { min_records: MIN_MODEL_RECORDS });
  // A view cannot hold a bound parameter: the threshold is a number of this module, written in.
  await db.run(`CREATE OR REPLACE TEMP VIEW f_standard AS ${query('specimens.sql').replaceAll('$min_records', String(MIN_MODEL_RECORDS))}`);
  return db.all<IvoryModel>('SELECT * FROM ivory_model ORDER BY kind');
}

/** What the standard quantities rest on, for stderr: the ivory model of each kind, fitted or not. */
export function standardNotes(models: IvoryModel[]): string[] {
  return models.map((m) =>
    m.fitted
      ? `${m.kind} ivory weighed from pieces as ETIS does: kg^${m.lambda} ` +
        `= ${round(m.intercept!)} + ${round(m.slope!)} ln(pieces + 1), ` +
        `r² ${round(m.r2 ?? 1, 3)}, fitted on ${m.records} weighed and ` +
        `counted records`
      : `${m.kind} ivory counted but not weighed stays unweighed: ${m.records} ` +
        `records give both a weight and a count, ${MIN_MODEL_RECORDS} ` +
        `(with more than one count) are needed to fit the weight model`,
  );
}

const STANDARD_QUERIES = fileURLToPath(new URL('../../queries/standard/', import.meta.url));

function query(name: string): string {
  return readFileSync(`${STANDARD_QUERIES}${name}`, 'utf8');
}

async function readTable(db: Database, table: string, path: string, columns: string, users: boolean): Promise<void> {
  try {
    // table and columns are fixed text of this module; the path is bound.
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv($path, ` +
        `comment = '#', header = true, auto_detect = false, columns = ${columns})`,
      { path },
    );
  } catch (cause) {
    if (!users) throw cause;
    throw new InputError(`${path}: cannot read whole-organism factors: ${(cause as Error).message.split('\n')[0]}`, {
      hint: 'a factors file has the columns taxon,rank,term,unit,low,mid,high,source (unit kg or count; low ≤ mid ≤ high, all above 0)',
      cause,
    });
  }
}

/** A factor that would divide by zero, or a rank or unit the SQL does not know, is the file's error. */
async function checkFactors(db: Database, path: string): Promise<void> {
  const bad = await db.one<{ line: number; taxon: string; why: string }>(
    `SELECT line, taxon, why FROM (
       SELECT row_number() OVER () + 1 AS line, taxon,
         CASE WHEN NOT list_contains(string_split($ranks, ','), rank) THEN
           format('rank "{}" is not one of {}', rank, replace($ranks, ',', ', '))
              WHEN unit NOT IN ('kg', 'count') THEN format('unit "{}" is not kg or count', unit)
              WHEN term IS NULL OR taxon IS NULL THEN 'taxon and term are needed'
              WHEN NOT (low > 0 AND low <= mid AND mid <= high) THEN 'low, mid and high must be above 0 and in order' END AS why
       FROM organism_factors)
     WHERE why IS NOT NULL LIMIT 1`,
    { ranks: RANKS.join(',') },
  );
  if (bad)
    throw new InputError(`${path}: factor ${bad.line} (${bad.taxon ?? 'no taxon'}): ${bad.why}`, {
      hint: 'lines are counted after the comments, the heading being line 1',
    });
}

function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
