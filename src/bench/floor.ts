// The bench's floor, run in its own process as wen is: DuckDB itself reading a file into a table of a
// new database file — `node dist/bench/floor.js DB read_csv|read_parquet FILE [all_varchar]`. It uses
// @duckdb/node-api directly, not wen's wrapper, so that nothing of wen is in the baseline.
import { DuckDBInstance } from '@duckdb/node-api';

const [database, reader, file, variant] = process.argv.slice(2);
if (!database || !['read_csv', 'read_parquet'].includes(reader) || !file) {
  process.stderr.write('usage: floor.js DB read_csv|read_parquet FILE [all_varchar]\n');
  process.exit(2);
}
const instance = await DuckDBInstance.create(database);
const connection = await instance.connect();
const options = variant === 'all_varchar' ? ', all_varchar = true' : '';
const prepared = await connection.prepare(`CREATE TABLE t AS FROM ${reader}($1${options})`);
prepared.bindVarchar(1, file);
await prepared.run();
connection.closeSync();
instance.closeSync();
