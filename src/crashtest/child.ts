// `node dist/crashtest/child.js DB FILE ROWS_PER_GROUP`: one load of FILE into DB, as `wen load` does
// it, but with the database attached at a small row group size. DuckDB writes a transaction's rows to
// the file before COMMIT once a table gathers a full row group (122,880 rows by default), and a large
// commit checkpoints instead of writing the WAL; a small row group takes a small load down that same
// path, so that the kill test can afford many kills. The size is an ATTACH option, not kept in the
// file (a plain open of the same file uses the default again), hence this program beside `wen load`.
import { Database } from '../db/database.js';
import { findOrphans } from '../db/repair.js';
import { loadFile } from '../load/loader.js';

const [db, file, rowsPerGroup] = process.argv.slice(2);
if (!db || !file || !/^\d+$/.test(rowsPerGroup ?? '')) throw new Error('usage: child.js DB FILE ROWS_PER_GROUP');
const engine = await Database.open(':memory:');
try {
  // ATTACH takes no parameters: the path is the crash test's own temporary file, quoted as a literal.
  await engine.run(`ATTACH '${db.replace(/'/g, "''")}' AS crash_db (ROW_GROUP_SIZE ${Number(rowsPerGroup)})`);
  await engine.run('USE crash_db');
  // What every open for writing checks: no row without its source.
  if ((await findOrphans(engine)).length) throw new Error(`${db} has rows without their source`);
  await loadFile(engine, file, {});
} finally {
  engine.close();
}
