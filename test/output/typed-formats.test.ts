// Every output format of one result with a column of each DuckDB type, full and empty, opened again
// with a real reader: apache-arrow's file reader for Arrow, DuckDB's read_parquet / read_csv / read_json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { exportRows } from '../../src/output/export.js';
import { tempDatabase, tempDir } from '../helpers.js';

// One row by hand: n 42 (BIGINT), x 2.5, d 2024-02-29, ts 2024-03-01 08:01 UTC, t 03:36, flag, tags, name.
const QUERY = `SELECT 42::BIGINT AS n, 7::INTEGER AS small, 2.5::DOUBLE AS x, 1.25::DECIMAL(10,2) AS price, DATE '2024-02-29' AS d,
  TIMESTAMP '2024-03-01 08:01:00' AS ts, TIME '03:36:00' AS t, true AS flag, ['VN', 'TH'] AS tags, 'Manis javanica' AS name`;

async function result(db: Database, empty: boolean) {
  const table = await db.table(`${QUERY}${empty ? ' WHERE false' : ''}`);
  return { ...table, types: Object.fromEntries(table.columns.map((c, i) => [c, table.types[i]])) };
}

async function duckTypes(db: Database, reader: string, path: string): Promise<Record<string, string>> {
  const rows = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${reader}`, { path });
  return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
}

describe('typed outputs', () => {
  for (const empty of [false, true]) {
    const what = empty ? 'an empty result' : 'a full result';

    it(
      `writes ${what} as an Arrow IPC file with int64, float64, date32, ` + `timestamp[us, UTC], time, bool, list and utf8 columns`,
      async () => {
        const db = await tempDatabase();
        const { rows, columns, types } = await result(db, empty);
        const bytes = (await exportRows(db, rows, columns, 'arrow', undefined, types)) as Buffer;
        expect(bytes.subarray(0, 6).toString()).toBe('ARROW1');
        expect(bytes.subarray(-6).toString()).toBe('ARROW1');
        const table = tableFromIPC(bytes);
        expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
          'n:Int64',
          'small:Int64',
          'x:Float64',
          'price:Float64',
          'd:Date32<DAY>',
          'ts:Timestamp<MICROSECOND, UTC>',
          't:Time64<MICROSECOND>',
          'flag:Bool',
          'tags:List<Utf8>',
          'name:Utf8',
        ]);
        expect(table.numRows).toBe(empty ? 0 : 1);
        if (!empty) {
          const row = table.get(0)!.toJSON();
          expect(row.n).toBe(42n);
          expect(row.x).toBe(2.5);
          expect(row.d).toBe(Date.UTC(2024, 1, 29));
          expect(row.ts).toBe(Date.UTC(2024, 2, 1, 8, 1) * 1000); // microseconds since the epoch, UTC
          expect(row.t).toBe(12_960_000_000n); // 03:36 in microseconds
          expect(row.flag).toBe(true);
          expect([...row.tags]).toEqual(['VN', 'TH']);
          expect(row.name).toBe('Manis javanica');
        }
      },
    );

    it(`writes ${what} as Parquet that DuckDB reads back with its columns typed`, async () => {
      const db = await tempDatabase();
      const { rows, columns, types } = await result(db, empty);
      const path = join(tempDir(), 'out.parquet');
      expect(await exportRows(db, rows, columns, 'parquet', path, types)).toBe('');
      expect(await duckTypes(db, 'read_parquet($path)', path)).toEqual({
        n: 'BIGINT',
        small: 'BIGINT',
        x: 'DOUBLE',
        price: 'DOUBLE',
        d: 'DATE',
        ts: 'TIMESTAMP WITH TIME ZONE',
        t: 'TIME',
        flag: 'BOOLEAN',
        tags: 'VARCHAR[]',
        name: 'VARCHAR',
      });
      const back = await db.all(`SELECT * FROM read_parquet($path)`, { path });
      expect(back).toEqual(
        empty
          ? []
          : [
              {
                n: 42,
                small: 7,
                x: 2.5,
                price: 1.25,
                d: '2024-02-29',
                ts: '2024-03-01T08:01:00.000Z',
                t: '03:36:00',
                flag: true,
                tags: ['VN', 'TH'],
                name: 'Manis javanica',
              },
            ],
      );
    });

    it(`writes ${what} as CSV, JSON and NDJSON that DuckDB reads back with their columns`, async () => {
      const db = await tempDatabase();
      const { rows, columns, types } = await result(db, empty);
      const dir = tempDir();
      const read: Record<string, string> = {
        csv: 'read_csv($path, header = true)',
        json: "read_json($path, format = 'array')",
        ndjson: "read_json($path, format = 'newline_delimited')",
      };
      for (const format of ['csv', 'json', 'ndjson'] as const) {
        const path = join(dir, `out.${format}`);
        writeFileSync(path, await exportRows(db, rows, columns, format, path, types));
        if (format === 'csv') expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(columns.join(','));
        if (empty && format !== 'csv') {
          // JSON has no schema: an empty result is an empty array, or no line at all.
          expect(readFileSync(path, 'utf8')).toBe(format === 'json' ? '[]\n' : '');
          continue;
        }
        const back = await db.table(`SELECT * FROM ${read[format]}`, { path });
        expect(back.columns, format).toEqual(columns);
        expect(back.rows.length, format).toBe(empty ? 0 : 1);
        if (!empty)
          expect({ format, ...back.rows[0] }).toMatchObject({ format, n: 42, d: '2024-02-29', t: '03:36:00', name: 'Manis javanica' });
      }
    });

    it(`writes ${what} as Markdown with its header`, async () => {
      const db = await tempDatabase();
      const { rows, columns, types } = await result(db, empty);
      const md = (await exportRows(db, rows, columns, 'md', undefined, types)) as string;
      const lines = md.trimEnd().split('\n');
      expect(lines[0]).toBe(`| ${columns.join(' | ')} |`);
      expect(lines).toHaveLength(empty ? 2 : 3);
      if (!empty)
        expect(lines[2]).toBe(
          '| 42 | 7 | 2.5 | 1.25 | 2024-02-29 | 2024-03-01T08:01:00.000Z | 03:36:00 | true | VN; TH | Manis javanica |',
        );
    });
  }

  it(
    'falls back to the values when a TypeScript step put other values ' + 'in a typed column, and infers columns the SQL did not return',
    async () => {
      const db = await tempDatabase();
      const rows = [{ n: 'many', share: 0.5, count: 3 }];
      const table = tableFromIPC((await exportRows(db, rows, ['n', 'share', 'count'], 'arrow', undefined, { n: 'BIGINT' })) as Buffer);
      expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['n:Utf8', 'share:Float64', 'count:Int64']);
    },
  );
});
