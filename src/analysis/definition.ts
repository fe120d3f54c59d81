// What an analysis is: a SQL file in queries/ (one statement, $named parameters, reading the
// filtered tables) plus this small definition: its title, its own options, its documented output
// columns, an optional step in TypeScript for what SQL does badly (statistics, entity resolution),
// and an optional chart.
import type { Database, Params, Row } from '../db/database.js';
import { UsageError } from '../errors.js';
import type { Filters } from './filters.js';
import type { Selection } from './selection.js';

/** A row of an analysis: the database's Row, the one type of a row everywhere. */
export type { Row };

export interface AnalysisOption {
  /** commander flags, e.g. '--by <unit>' */
  flags: string;
  /** property name in the parsed options (camelCase of the flag) */
  key: string;
  description: string;
  choices?: readonly string[];
  default?: string | number | boolean;
  type?: 'string' | 'number' | 'boolean';
}

/** An analysis option's number, from the command line or a batch plan alike: anything else is the user's error. */
export function optionNumber(flags: string, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new UsageError(`${flags.split(' ')[0]} "${String(value)}" is not a number`);
  return n;
}

export interface AnalysisContext {
  db: Database;
  options: Record<string, unknown>;
  filters: Filters;
  selection: Selection;
  view: string;
}

export interface AnalysisDefinition {
  name: string;
  title: string;
  /** One line: the question the analysis answers (shown by wen analyze --list). */
  question: string;
  options: AnalysisOption[];
  /** Other views of the same subject; each has its own queries/<name>.<view>.sql. */
  views?: Record<string, string>;
  /** The output columns and what they mean (for docs/analyses.md, written by npm run docs, and the contract test). */
  columns: Record<string, string>;
  /** Columns holding ISO country codes: tables get a *_name column beside each. */
  countryColumns?: string[];
  /**
   * Bound parameters for the SQL. `filters` lets a query know the selection's --from/--to (absent in
   * the bench); `db` is given when a parameter must be looked up first (--focus); `view` when a view
   * needs a parameter the others do not (routes --view city-pairs: the cities of airports).
   */
  params?: (options: Record<string, unknown>, filters: Filters | undefined, db: Database, view?: string) => Params | Promise<Params>;
  /** The view an option implies when --view is not given (repeat-suspects --focus → timeline). */
  impliedView?: (options: Record<string, unknown>) => string | undefined;
  postProcess?: (rows: Row[], context: AnalysisContext) => Row[] | Promise<Row[]>;
  chart?: (rows: Row[], context: AnalysisContext) => object | null | Promise<object | null>;
  /** Lines for stderr beside the result (a formula, a threshold used). */
  notes?: (rows: Row[], context: AnalysisContext) => string[] | Promise<string[]>;
  /** Columns per view when a view returns different ones. */
  viewColumns?: Record<string, Record<string, string>>;
}

export function columnsFor(definition: AnalysisDefinition, view: string): Record<string, string> {
  return view === 'default' ? definition.columns : (definition.viewColumns?.[view] ?? definition.columns);
}
