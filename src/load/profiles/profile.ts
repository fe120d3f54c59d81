// The shape every loader profile has, as every analysis has a definition: how it recognises a file
// (a score and a reason a person can read, from the headings and a sample of the values), which
// tables it writes, and how it turns the file's rows into them. The registry ranks the profiles
// by their scores; the loader never guesses past an unclear ranking.
import type { Database } from '../../db/database.js';
import type { Mapping } from '../fields.js';
import type { RawTable } from '../readers/raw-table.js';
import type { ProfileName } from './names.js';
import type { TableCounts } from './simple-table.js';

/** What detection sees of a table: its headings and its first data rows (cells trimmed, null when empty). */
export interface TableSample {
  headings: string[];
  rows: Array<Array<string | null>>;
}

export interface Detection {
  /** 0 (does not fit) to 1 (certainly fits). */
  score: number;
  /** Why, in words for the load summary: "10 of 32 headings are AITR headings (…)". */
  reason: string;
}

/** The tables a profile writes, besides sources, rejects and flags. */
type WrittenTable = 'seizures' | 'specimens' | 'actors' | 'documents' | 'forensic_results' | 'payments';

interface ProfileBase {
  name: Exclude<ProfileName, 'auto'>;
  /** One line for `wen load --help` and the docs. */
  description: string;
  writes: readonly WrittenTable[];
  /**
   * What it recognises, for docs/mappings.md: the headings (compared folded: lower case, accents
   * and punctuation aside) by what each feeds, or for a record file the top-level keys it looks for.
   */
  recognises: Readonly<Record<string, readonly string[]>>;
}

/** A table of seizures whose headings map onto wen's fields (the AITR sheet, a mapping). */
export interface SeizureTableProfile extends ProfileBase {
  kind: 'seizure-table';
  /** Headings it knows, for finding the header row below title rows. */
  knownHeading(cell: string): boolean;
  detect(sample: TableSample): Detection;
  /** The mapping of this table's headings onto fields, and the headings it matched. */
  mappingFor(headings: string[]): { mapping: Mapping; matched: Array<[heading: string, field: string]> };
}

/** A table that is not seizures and goes to a table of its own (forensic results, payments). */
export interface SideTableProfile extends ProfileBase {
  kind: 'side-table';
  knownHeading(cell: string): boolean;
  detect(sample: TableSample): Detection;
  /** Writes the rows of raw_rows (inside the loader's transaction). */
  write(db: Database, table: RawTable, sourceId: number): Promise<TableCounts>;
  /** "forensic results", "payments": for the summary. */
  noun: string;
}

/** A file of nested records that the profile reads itself (Ecomessage NDJSON). */
export interface RecordFileProfile extends ProfileBase {
  kind: 'record-file';
  /** From the top-level keys of the first records. */
  detectKeys(keys: string[], format: RawTable['format']): Detection;
}

export type ProfileDefinition = SeizureTableProfile | SideTableProfile | RecordFileProfile;

/** The share of a sample column's non-empty values that pass `test` (0 when it has none). */
export function shareOf(sample: TableSample, column: number, test: (value: string) => boolean): { share: number; values: number } {
  let values = 0;
  let passing = 0;
  for (const row of sample.rows) {
    const value = row[column];
    if (value === null || value === undefined || value === '') continue;
    values++;
    if (test(value)) passing++;
  }
  return { share: values ? passing / values : 0, values };
}
