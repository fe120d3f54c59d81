// npm run docs: writes the generated reference (src/docs/render.ts) into docs/ at the root of the
// repository. A test (test/docs/) fails when docs/ differs from what this would write now.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocs } from './render.js';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

mkdirSync(DOCS, { recursive: true });
for (const [name, text] of Object.entries(await renderDocs())) {
  writeFileSync(join(DOCS, name), text);
  process.stderr.write(`docs/${name}\n`);
}
