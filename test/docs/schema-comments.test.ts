// The database describes itself: every table and column wen makes carries its meaning as a DuckDB
// comment, read back here as any other client would read it (duckdb_tables(), duckdb_columns()).
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { describeSchema, TABLES } from '../../src/db/schema.js';
import { tempDir } from '../helpers.js';

/** The comments of a closed wen database, read by a plain DuckDB client. */
async function commentsOf(
  path: string,
): Promise<{ tables: Map<string, string>; columns: Array<{ table: string; column: string; comment: string | null }> }> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const tables = (
      await connection.runAndReadAll(
        'SELECT table_name, comment FROM duckdb_tables() WHERE schema_name ' +
          "= 'main' UNION ALL SELECT view_name, comment FROM duckdb_views() " +
          "WHERE schema_name = 'main' AND NOT internal",
      )
    ).getRowObjectsJS();
    const columns = (
      await connection.runAndReadAll(
        'SELECT table_name, column_name, comment FROM duckdb_columns() ' + "WHERE schema_name = 'main' ORDER BY table_name, column_index",
      )
    ).getRowObjectsJS();
    return {
      tables: new Map(tables.map((t) => [String(t.table_name), String(t.comment ?? '')])),
      columns: columns.map((c) => ({
        table: String(c.table_name),
        column: String(c.column_name),
        comment: (c.comment as string | null) ?? null,
      })),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('the database describes itself', () => {
  it('gives every table of TABLES and every one of their columns a comment that another client sees', async () => {
    const path = join(tempDir(), 'described.duckdb');
    (await Database.open(path)).close();
    const { tables, columns } = await commentsOf(path);
    for (const table of TABLES) expect(tables.get(table), `table ${table}`).toMatch(/\S/);
    const ours = columns.filter((c) => (TABLES as readonly string[]).includes(c.table));
    expect(ours.length).toBeGreaterThan(200);
    const missing = ours.filter((c) => !c.comment?.trim()).map((c) => `${c.table}.${c.column}`);
    expect(missing).toEqual([]);
  });

  it('writes the text of the DDL comments, quotes and all', async () => {
    const path = join(tempDir(), 'quoted.duckdb');
    (await Database.open(path)).close();
    const { tables, columns } = await commentsOf(path);
    // Written in the DDL as: sha256 VARCHAR NOT NULL, -- of the file's bytes: the same content is never loaded twice
    expect(columns.find((c) => c.table === 'sources' && c.column === 'sha256')?.comment).toBe(
      "of the file's bytes: the same content is never loaded twice",
    );
    expect(tables.get('specimens')).toBe('One row per item seized (a taxon, a term, a quantity) of a seizure.');
    for (const table of describeSchema()) {
      expect(tables.get(table.name), table.name).toBe(table.comment);
      for (const column of table.columns)
        expect(columns.find((c) => c.table === table.name && c.column === column.name)?.comment).toBe(column.comment);
    }
  });

  it('describes exactly the columns DuckDB created, of every table and view, no more and no fewer', async () => {
    const path = join(tempDir(), 'columns.duckdb');
    (await Database.open(path)).close();
    const { columns } = await commentsOf(path);
    const described = describeSchema();
    expect(described.find((t) => t.name === 'name_identities')?.columns.map((c) => c.name)).toEqual(['name_key', 'identity_id', 'kind']);
    for (const table of described) {
      expect(
        table.columns.map((c) => c.name),
        table.name,
      ).toEqual(columns.filter((c) => c.table === table.name).map((c) => c.column));
    }
  });

  it("writes the comments again when their text in the database is not this wen's", async () => {
    const path = join(tempDir(), 'stale.duckdb');
    let db = await Database.open(path);
    await db.run("COMMENT ON COLUMN seizures.date IS 'old text'");
    await db.run("UPDATE wen_meta SET value = 'older' WHERE key = 'comments'");
    db.close();
    db = await Database.open(path);
    db.close();
    const { columns } = await commentsOf(path);
    expect(columns.find((c) => c.table === 'seizures' && c.column === 'date')?.comment).toBe('first day the date can mean');
  });

  it("lists every column of every table and view in the wen_schema view, with its type and the DDL's meaning, for any client", async () => {
    const path = join(tempDir(), 'wen-schema.duckdb');
    (await Database.open(path)).close();
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      type Row = {
        table_name: string;
        table_comment: string;
        column_index: number;
        column_name: string;
        data_type: string;
        is_nullable: boolean;
        comment: string;
      };
      const rows = (await connection.runAndReadAll('SELECT * FROM wen_schema')).getRowObjectsJS() as unknown as Row[];
      for (const table of describeSchema()) {
        const listed = rows.filter((r) => r.table_name === table.name);
        expect(
          listed.map((r) => [r.column_name, r.comment]),
          table.name,
        ).toEqual(table.columns.map((c) => [c.name, c.comment]));
        for (const r of listed) expect(r.table_comment, table.name).toBe(table.comment);
      }
      // By hand, from the DDL: documents.number VARCHAR, -- document number as given; seizure_id BIGINT NOT NULL.
      expect(rows.find((r) => r.table_name === 'documents' && r.column_name === 'number')).toMatchObject({
        data_type: 'VARCHAR',
        is_nullable: true,
        comment: 'document number as given',
      });
      expect(rows.find((r) => r.table_name === 'documents' && r.column_name === 'seizure_id')).toMatchObject({
        column_index: 2,
        data_type: 'BIGINT',
        is_nullable: false,
      });
      // It describes itself too, and nothing outside this database.
      expect(rows.filter((r) => r.table_name === 'wen_schema').map((r) => r.column_name)).toEqual([
        'table_name',
        'table_comment',
        'column_index',
        'column_name',
        'data_type',
        'is_nullable',
        'comment',
      ]);
      expect(new Set(rows.map((r) => r.table_name))).toEqual(new Set([...describeSchema().map((t) => t.name)]));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
