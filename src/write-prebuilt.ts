// `npm run build`, after tsc: writes the indexes that a run would otherwise build from the libraries at
// every start (the country names, the gazetteer) beside their compiled modules (src/prebuilt.ts says
// how a stale file is never read).
import { writeIndexFile as writeCountryIndex } from './normalise/country-names.js';
import { writeIndexFile as writeGazetteerIndex } from './places/gazetteer.js';

writeCountryIndex();
writeGazetteerIndex();
