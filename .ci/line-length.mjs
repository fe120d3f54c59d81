// npm run lint, last part: lines of at most 140 characters in the SQL of queries/, the hand-written Markdown
// (README.md, docs/ pages written by hand, src/docs/) and the TypeScript and JavaScript, whose long strings,
// comments and SQL templates Biome's formatter cannot break. Markdown tables and fenced blocks are left
// alone: a table row cannot wrap, and an example shows what wen prints. No file is exempt.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 140;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Files under version control that this check reads (generated docs/ pages are written by npm run docs). */
const GENERATED = new Set(['docs/analyses.md', 'docs/commands.md', 'docs/database.md', 'docs/mappings.md']);
/** Data and generated code: sample and bench data, test fixtures, the compiled dist/. */
const LEFT_OUT = ['sample-data/', 'test/fixtures/', 'bench/', 'dist/', 'node_modules/'];
const files = execFileSync('git', ['ls-files', '*.sql', '*.md', '*.ts', '*.mjs', '*.js'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !LEFT_OUT.some((dir) => f.startsWith(dir)) && !GENERATED.has(f));

/** The lines over the limit, with their numbers: every line of code, prose lines only of Markdown. */
function longLines(file) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  let fenced = false;
  const long = [];
  lines.forEach((line, i) => {
    if (file.endsWith('.md')) {
      if (line.startsWith('```')) fenced = !fenced;
      if (fenced || line.startsWith('```') || line.startsWith('|')) return;
    }
    if ([...line].length > LIMIT) long.push(i + 1);
  });
  return long;
}

const found = Object.fromEntries(files.map((f) => [f, longLines(f)]).filter(([, long]) => long.length));
for (const [file, long] of Object.entries(found)) {
  console.error(`${file}: ${long.length} lines over ${LIMIT} characters: lines ${long.join(', ')}`);
}
if (Object.keys(found).length) {
  console.error('hint: wrap them (SQL over lines, strings as pieces joined with +, comments over more lines)');
  process.exit(1);
}
console.log(`line length: ${files.length} SQL, Markdown, TypeScript and JavaScript files, no line over ${LIMIT} characters`);
