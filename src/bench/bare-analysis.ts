// The bench's baseline of an analysis, in its own process: the same selection and the same SQL file
// run directly on the database, without wen's CLI, post-processing or output —
// `node dist/bench/bare-analysis.js DB ANALYSIS`.
import { NO_FILTERS } from '../analysis/filters.js';
import { getAnalysis } from '../analysis/registry.js';
import { readQuery } from '../analysis/run.js';
import { selectRecords } from '../analysis/selection.js';
import { Database } from '../db/database.js';

const [database, name] = process.argv.slice(2);
const analysis = getAnalysis(name);
const db = await Database.open(database, { readOnly: true });
await selectRecords(db, NO_FILTERS);
const defaults = Object.fromEntries(analysis.options.map((o) => [o.key, o.default]));
await db.all(readQuery(analysis), (await analysis.params?.(defaults, undefined, db)) ?? {});
db.close();
