// npm run lint, last part: lines of at most 140 characters in the SQL of queries/, the hand-written Markdown
// (README.md, docs/ pages written by hand, src/docs/) and the TypeScript and JavaScript, whose long strings,
// comments and SQL templates Biome's formatter cannot break. Markdown
// tables and fenced blocks are left alone: a table row cannot wrap, and an example shows what wen
// prints. Files that were over the limit when the check came in are listed in long-lines.json with
// their count then, and may not get worse: the count of each can only fall (a ratchet), so the check
// passes today and every line written from now on keeps to 140. `--update` writes the counts again.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 140;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWED = join(ROOT, '.ci', 'long-lines.json');

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
if (process.argv.includes('--update')) {
  writeFileSync(ALLOWED, `${JSON.stringify(Object.fromEntries(Object.entries(found).map(([f, l]) => [f, l.length])), null, 2)}\n`);
  console.log(`wrote ${ALLOWED}`);
  process.exit(0);
}
const allowed = JSON.parse(readFileSync(ALLOWED, 'utf8'));
const worse = Object.entries(found).filter(([f, long]) => long.length > (allowed[f] ?? 0));
for (const [file, long] of worse) {
  console.error(`${file}: ${long.length} lines over ${LIMIT} characters (allowed ${allowed[file] ?? 0}): lines ${long.join(', ')}`);
}
if (worse.length) {
  console.error(
    'hint: wrap them; a file whose long lines were fixed can lower its count in .ci/long-lines.json (node .ci/line-length.mjs --update)',
  );
  process.exit(1);
}
const left = Object.values(found).reduce((n, l) => n + l.length, 0);
console.log(
  `line length: ${files.length} SQL, Markdown, TypeScript and JavaScript files, no line over ${LIMIT} characters ` +
    `beyond the ${left} listed in .ci/long-lines.json`,
);
