// `npm run build`, after tsc: writes the country-name index beside the compiled module, so that a run
// reads it instead of building it (see country-names.ts; a stale file is never read).
import { writeIndexFile } from './country-names.js';

writeIndexFile();
