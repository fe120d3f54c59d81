// The writers whose files carry a schema: Arrow IPC *file* (what pyarrow, pandas.read_feather and
// polars.read_ipc open; the stream format they reject) and Parquet. Both take the column kinds from
// column-kinds.ts, so counts stay integers, dates stay dates and an empty result keeps its columns.
// Parquet is written by DuckDB from the rows bound as one JSON parameter and read back with an explicit
// structure: no temporary file, and nothing to infer from zero rows.
import type { Database } from '../db/database.js';
import { duckDbTypeOf, type Kind } from './column-kinds.js';
import type { Rows } from './text-formats.js';

/** The rows as an Arrow IPC file (starts and ends with the ARROW1 magic). */
export async function arrowFile(rows: Rows, columns: string[], kinds: Kind[]): Promise<Buffer> {
  // Loaded only for Arrow output: it costs ~70 ms of start-up that every other format would pay.
  const arrow = await import('apache-arrow');
  const typeOf = (kind: Kind): import('apache-arrow').DataType => {
    if (typeof kind === 'object') return new arrow.List(new arrow.Field('item', typeOf(kind.list), true));
    switch (kind) {
      case 'int64':
        return new arrow.Int64();
      case 'float64':
        return new arrow.Float64();
      case 'bool':
        return new arrow.Bool();
      case 'date':
        return new arrow.DateDay();
      case 'timestamp':
        return new arrow.TimestampMicrosecond('UTC');
      case 'time':
        return new arrow.TimeMicrosecond();
      case 'utf8':
        return new arrow.Utf8();
    }
  };
  const fields = columns.map((c, i) => new arrow.Field(c, typeOf(kinds[i]), true));
  const schema = new arrow.Schema(fields);
  const children = fields.map((field, i) => {
    const builder = arrow.makeBuilder({ type: field.type, nullValues: [null, undefined] });
    for (const row of rows) builder.append(arrowValue(kinds[i], row[columns[i]]));
    return builder.finish().toVector().data[0];
  });
  const data = arrow.makeData({ type: new arrow.Struct(fields), length: rows.length, nullCount: 0, children });
  const table = new arrow.Table(schema, [new arrow.RecordBatch(schema, data)]);
  return Buffer.from(arrow.tableToIPC(table, 'file'));
}

/** Writes the rows to `out` as Parquet, with the columns typed by their kinds. */
export async function writeParquet(db: Database, rows: Rows, columns: string[], kinds: Kind[], out: string): Promise<void> {
  // Field names travel inside the JSON structure; the SQL holds only generated, quoted identifiers.
  const fields = columns.map((_, i) => `f${i}`);
  const structure = JSON.stringify([Object.fromEntries(fields.map((f, i) => [f, duckDbTypeOf(kinds[i])]))]);
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, jsonValue(kinds[i], row[columns[i]])]))));
  const select = fields.map((f, i) => `r.${f} AS ${quoteIdentifier(columns[i])}`).join(', ');
  await db.run(`COPY (SELECT ${select} FROM (SELECT unnest(from_json($json, $structure)) AS r)) TO ${quoteLiteral(out)} (FORMAT parquet)`, {
    json,
    structure,
  });
}

function arrowValue(kind: Kind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof kind === 'object') return Array.isArray(value) ? value.map((v) => arrowValue(kind.list, v)) : null;
  switch (kind) {
    case 'int64':
      return BigInt(value as number | string | bigint);
    case 'float64':
      return Number(value);
    case 'bool':
      return Boolean(value);
    case 'date':
      return value instanceof Date ? value : new Date(`${value as string}T00:00:00Z`);
    // Arrow's builder takes the timestamp in its unit (microseconds).
    case 'timestamp':
      return (value instanceof Date ? value.getTime() : Date.parse(value as string)) * 1000;
    case 'time':
      return timeMicros(value as string);
    case 'utf8':
      return textOf(value);
  }
}

function jsonValue(kind: Kind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof kind === 'object') return Array.isArray(value) ? value.map((v) => jsonValue(kind.list, v)) : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  return kind === 'utf8' ? textOf(value) : value;
}

function timeMicros(text: string): bigint {
  const [hms, fraction = ''] = text.split('.');
  const [h, m, s] = hms.split(':').map(Number);
  return BigInt((h * 3600 + m * 60 + s) * 1_000_000 + Number(fraction.padEnd(6, '0')));
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('; ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
