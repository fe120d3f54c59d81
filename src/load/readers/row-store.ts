// Where a reader keeps a file's rows until they are written. A small file's rows go to a temporary
// table in memory. A big file's go to a scratch database file, stored compressed: DuckDB spills
// temporary tables to disk uncompressed (a 15 GB CSV file took 40 GB of spill there; the same rows
// compressed take about 3 GB). The scratch file is deleted when the load ends.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Database } from '../../db/database.js';
import { DatabaseError } from '../../errors.js';

/** Files from this size keep their rows in a scratch database. */
const SCRATCH_FROM_BYTES = 1024 ** 3;

export interface RowStore {
  /** The qualified name of a table in the store, e.g. temp.raw_input. */
  table(name: string): string;
  /** "CREATE OR REPLACE [TEMP] TABLE <qualified name>" for a table in the store. */
  create(name: string): string;
  /** Detaches and deletes the scratch database, if there is one. */
  close(): Promise<void>;
}

const SCRATCH = 'wen_scratch';

export async function openRowStore(db: Database, fileBytes: number, scratchFromBytes = SCRATCH_FROM_BYTES): Promise<RowStore> {
  if (fileBytes < scratchFromBytes) {
    return { table: (name) => `temp.${name}`, create: (name) => `CREATE OR REPLACE TEMP TABLE temp.${name}`, close: async () => {} };
  }
  // Beside the spill folder when one is set (it is the place meant for big temporary files), else beside the database.
  const folder = process.env.WEN_TEMP_DIRECTORY ?? (db.path === ':memory:' ? tmpdir() : dirname(resolve(db.path)));
  try {
    mkdirSync(folder, { recursive: true }); // DuckDB makes its spill folder only when it first spills
  } catch (cause) {
    throw new DatabaseError(`cannot make the folder ${folder} for a big file's rows: ${(cause as NodeJS.ErrnoException).code ?? cause}`, {
      hint: 'set WEN_TEMP_DIRECTORY to a folder wen can write to',
      cause,
    });
  }
  const path = join(folder, `.wen-scratch-${process.pid}.duckdb`);
  const remove = () => ['', '.wal'].forEach((suffix) => rmSync(path + suffix, { force: true }));
  remove();
  // ATTACH takes no parameters: the path is wen's own (a folder and the process id), quoted as a literal.
  await db.run(`ATTACH '${path.replace(/'/g, "''")}' AS ${SCRATCH}`);
  const created = new Set<string>();
  return {
    table: (name) => `${SCRATCH}.${name}`,
    create: (name) => {
      created.add(name);
      return `CREATE OR REPLACE TABLE ${SCRATCH}.${name}`;
    },
    close: async () => {
      // Detaching checkpoints the scratch database, which rewrote every row (12 s at 10M rows) only
      // for the file to be deleted: dropping its tables first leaves nothing to write.
      try {
        for (const name of created) await db.run(`DROP TABLE IF EXISTS ${SCRATCH}.${name}`);
      } finally {
        await db.run(`DETACH DATABASE IF EXISTS ${SCRATCH}`);
        remove();
      }
    },
  };
}
