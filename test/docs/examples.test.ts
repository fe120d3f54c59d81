// Every example output in the README and in docs/ is what wen prints now: each fenced block that
// starts with `$ wen …` is run by the real binary (dist/) on the sample data, and its output
// (stderr, then stdout) must be the block's lines. A line `…` stands for any number of lines; a
// command followed by `(columns shortened)` shows some columns of a Markdown table, which are
// compared by name. So a README example cannot drift from the program it shows.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const BIN = join(REPO, 'bin', 'wen.js');
const work = mkdtempSync(join(tmpdir(), 'wen-examples-'));
// A fixed redaction key, so that the pseudonyms the examples show are the ones a run prints.
const env = { ...process.env, NO_COLOR: '1', WEN_DB: join(work, 'wen.duckdb'), WEN_REDACTION_KEY: 'wen-readme-examples', COLUMNS: '200' };

const run = (args: string[], db?: string) =>
  new Promise<{ code: number; output: string }>((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO, env: db ? { ...env, WEN_DB: db } : env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: `${stderr}${stdout}` }),
    );
  });

/** A command line as a shell splits it: words, with "double" or 'single' quotes kept together. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

interface Example {
  file: string;
  command: string;
  shortened: boolean;
  expected: string[];
}

/** The `$ wen …` commands of a Markdown text's fenced blocks, each with the lines shown after it. */
function examplesIn(file: string, text: string): Example[] {
  const examples: Example[] = [];
  for (const block of text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)) {
    const lines = block[1].replace(/\n$/, '').split('\n');
    if (!lines[0].startsWith('$ wen ')) continue;
    for (const line of lines) {
      if (line.startsWith('$ wen ')) {
        const shortened = line.endsWith('(columns shortened)');
        examples.push({ file, command: line.slice(2).replace(/\s*\(columns shortened\)$/, ''), shortened, expected: [] });
      } else examples.at(-1)!.expected.push(line);
    }
  }
  for (const e of examples) while (e.expected.at(-1) === '') e.expected.pop();
  return examples;
}

/** The cells of a Markdown table row, split on pipes that are not escaped. */
const cells = (row: string) =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** A Markdown table's lines cut to the named columns, in their order (other lines as they are). */
function project(lines: string[], columns: string[]): string[] {
  let index: number[] | undefined;
  return lines.map((line) => {
    if (!line.startsWith('|')) {
      index = undefined;
      return line;
    }
    if (!index) {
      const header = cells(line);
      index = columns.map((c) => header.indexOf(c));
      if (index.includes(-1)) throw new Error(`columns ${columns.join(', ')} are not all in ${line}`);
    }
    const row = cells(line);
    return `| ${index.map((i) => row[i]).join(' | ')} |`.replace(/^\| (-+ \| )*-+ \|$/, () => `|${columns.map(() => '---|').join('')}`);
  });
}

/** Whether the lines printed are the lines shown, a shown `…` standing for any number of lines. */
function matches(shown: string[], printed: string[]): boolean {
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = shown.map((l) => (l === '…' ? '(?:[^\\n]*\\n)*?' : `${escapeRegExp(l)}\\n`)).join('');
  return new RegExp(`^${pattern}$`).test(printed.map((l) => `${l}\n`).join(''));
}

const FILES = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const EXAMPLES = FILES.flatMap((f) => examplesIn(f, readFileSync(join(REPO, f), 'utf8')));

beforeAll(async () => {
  const load = await run(['load', 'sample-data', '-q']);
  expect(load.code, load.output).toBe(0);
}, 300_000);

describe('the example outputs of the README and docs/', () => {
  it('are there to check: the README shows several, with their commands', () => {
    expect(EXAMPLES.filter((e) => e.file === 'README.md').length).toBeGreaterThan(5);
    // By hand: the matcher's rules on a small case.
    expect(matches(['a', '…', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(matches(['a', '…', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(matches(['a'], ['a', 'b'])).toBe(false);
    expect(project(['note', '| x | y | z |', '|---|---|---|', '| 1 | 2 \\| 3 | 4 |'], ['z', 'y'])).toEqual([
      'note',
      '| z | y |',
      '|---|---|',
      '| 4 | 2 \\| 3 |',
    ]);
    expect(shellWords(`analyze x --species "Manis spp." -f md`)).toEqual(['analyze', 'x', '--species', 'Manis spp.', '-f', 'md']);
  });

  it.each(EXAMPLES.map((e) => [`${e.file}: ${e.command}`, e] as const))(
    '%s prints what is shown',
    async (_, example) => {
      const args = shellWords(example.command).slice(1);
      // A load is shown on a database of its own, so that it loads rather than finds the files loaded.
      const { output } = await run(args, args[0] === 'load' ? join(mkdtempSync(join(work, 'load-')), 'wen.duckdb') : undefined);
      let printed = output
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => l.trimEnd());
      const shown = example.expected.map((l) => l.trimEnd());
      if (example.shortened) printed = project(printed, cells(shown.find((l) => l.startsWith('|'))!));
      expect(matches(shown, printed), `${example.file}: $ ${example.command}\nprinted:\n${printed.join('\n')}`).toBe(true);
    },
    120_000,
  );
});
