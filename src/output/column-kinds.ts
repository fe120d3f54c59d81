// The type of each output column, for the writers whose files carry a schema (Arrow, Parquet): taken
// from DuckDB's type of the column when the SQL returned it, else inferred from the values (columns an
// analysis adds in TypeScript). A column with no type and no value is text. Each value is checked against
// the kind, so a column that a TypeScript step refilled with other values falls back to what they are.
import type { Rows } from './text-formats.js';

type ScalarKind = 'int64' | 'float64' | 'bool' | 'date' | 'timestamp' | 'time' | 'utf8';
export type Kind = ScalarKind | { list: Kind };

const INTEGERS = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'HUGEINT',
  'UHUGEINT',
]);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The kind of a DuckDB type as printed by the node API (e.g. "BIGINT", "DECIMAL(10,2)", "VARCHAR[]"). */
function kindOfDuckDbType(type: string): Kind {
  if (type.endsWith('[]')) return { list: kindOfDuckDbType(type.slice(0, -2)) };
  if (INTEGERS.has(type)) return 'int64';
  if (type === 'FLOAT' || type === 'DOUBLE' || type.startsWith('DECIMAL')) return 'float64';
  if (type === 'BOOLEAN') return 'bool';
  if (type === 'DATE') return 'date';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  if (type === 'TIME') return 'time';
  return 'utf8';
}

/** DuckDB's name for a kind (to read JSON rows back typed, for Parquet). */
export function duckDbTypeOf(kind: Kind): string {
  if (typeof kind === 'object') return `${duckDbTypeOf(kind.list)}[]`;
  return { int64: 'BIGINT', float64: 'DOUBLE', bool: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMPTZ', time: 'TIME', utf8: 'VARCHAR' }[
    kind
  ];
}

export function columnKinds(rows: Rows, columns: string[], types: Record<string, string> = {}): Kind[] {
  return columns.map((c) => {
    const values = rows.map((r) => r[c]);
    const declared = types[c] === undefined ? undefined : kindOfDuckDbType(types[c]);
    return declared && values.every((v) => fits(declared, v)) ? declared : inferKind(values);
  });
}

function inferKind(values: unknown[]): Kind {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (!present.length) return 'utf8';
  if (present.every((v) => typeof v === 'boolean')) return 'bool';
  if (present.every((v) => fits('int64', v) && typeof v !== 'string')) return 'int64';
  if (present.every((v) => typeof v === 'number')) return 'float64';
  if (present.every(Array.isArray)) {
    const inner = inferKind((present as unknown[][]).flat());
    return { list: typeof inner === 'object' ? 'utf8' : inner };
  }
  return 'utf8';
}

function fits(kind: Kind, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof kind === 'object') return Array.isArray(value) && value.every((v) => fits(kind.list, v));
  switch (kind) {
    case 'int64':
      if (typeof value === 'number') return Number.isInteger(value);
      if (typeof value === 'bigint') return value >= INT64_MIN && value <= INT64_MAX;
      // Integers beyond 2^53 arrive as text from the database layer.
      return typeof value === 'string' && /^-?\d+$/.test(value) && BigInt(value) >= INT64_MIN && BigInt(value) <= INT64_MAX;
    case 'float64':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'date':
      return value instanceof Date || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
    case 'timestamp':
      return value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
    case 'time':
      return typeof value === 'string' && /^\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/.test(value);
    case 'utf8':
      return typeof value === 'string';
  }
}
