// Fuzz cases for the loader: each case is a seed file (a sample or the first lines of a shared real
// file) put through one to three mutations chosen by a small seeded PRNG. A case is a pure function
// of (seed, case number), so any failing case can be rebuilt from those two numbers alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { mulberry32 } from '../random.js';

/** The fuzz cases' generator: deterministic, unlike Math.random. */
const prng = mulberry32;

interface Rng {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
}

function rngFor(seed: number, caseNumber: number): Rng {
  const next = prng(Math.imul(seed ^ 0x9e3779b9, 2654435761) ^ Math.imul(caseNumber + 1, 0x85ebca6b));
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)] };
}

export interface SeedFile {
  name: string;
  ext: string;
  bytes: Buffer;
}

/** Shared real files are cut to their first lines so that a case stays small and quick. */
const REAL_LINES = 300;

/** The seed files: every sample (xlsx included) and the first lines of each shared real CSV. */
export function seedFiles(sampleDir: string, realDir?: string, lines = REAL_LINES): SeedFile[] {
  const seeds: SeedFile[] = [];
  for (const name of readdirSync(sampleDir).sort()) {
    const path = join(sampleDir, name);
    if (statSync(path).isFile() && ['.csv', '.xlsx', '.ndjson', '.json'].includes(extname(name))) {
      const bytes = readFileSync(path);
      // Text samples are cut like the real files (a smaller cut keeps an in-process run quick).
      seeds.push({
        name,
        ext: extname(name),
        bytes: extname(name) === '.xlsx' ? bytes : Buffer.from(bytes.toString('latin1').split('\n').slice(0, lines).join('\n'), 'latin1'),
      });
    }
  }
  if (realDir) {
    let folders: string[] = [];
    try {
      folders = readdirSync(realDir).sort();
    } catch {
      /* no shared real data: samples only */
    }
    for (const folder of folders) {
      const dir = join(realDir, folder);
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir).sort()) {
        if (extname(name) !== '.csv') continue;
        const head = readFileSync(join(dir, name)).toString('latin1').split('\n').slice(0, lines).join('\n');
        seeds.push({ name: `${folder}-${name}`, ext: '.csv', bytes: Buffer.from(head, 'latin1') });
      }
    }
  }
  return seeds;
}

export interface FuzzCase {
  seed: number;
  caseNumber: number;
  base: string;
  mutations: string[];
  ext: string;
  bytes: Buffer;
}

type TextMutation = (text: string, rng: Rng, ext: string) => string;
type ByteMutation = (bytes: Buffer, rng: Rng) => Buffer;

const isCsv = (ext: string) => ext === '.csv';
const delimiterOf = (line: string) =>
  [',', ';', '\t', '|'].reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',');

/** Replaces one random cell (CSV) or one random scalar value (NDJSON) with a value from make(). */
function replaceValue(make: (rng: Rng) => string): TextMutation {
  return (text, rng, ext) => {
    const lines = text.split('\n');
    if (lines.length < 2) return text;
    for (let tries = 0; tries < 3; tries++) {
      const at = 1 + rng.int(lines.length - 1);
      if (isCsv(ext)) {
        const d = delimiterOf(lines[0]);
        const cells = lines[at].split(d);
        cells[rng.int(cells.length)] = make(rng);
        lines[at] = cells.join(d);
      } else {
        const values = [...lines[at].matchAll(/"[^"\\]*"\s*:\s*("[^"\\]*"|-?\d+(?:\.\d+)?)/g)];
        if (!values.length) continue;
        const m = rng.pick(values);
        const start = m.index! + m[0].length - m[1].length;
        lines[at] = lines[at].slice(0, start) + JSON.stringify(make(rng)) + lines[at].slice(start + m[1].length);
      }
    }
    return lines.join('\n');
  };
}

const THOUSANDS = [
  '1,234,567.89',
  '1.234.567,89',
  '1 234 567,89',
  '1\u00a0234\u00a0567,89',
  '1\u202f234\u202f567',
  "1'234'567.89",
  '12,34,567.00',
  '1٬234٬567٫89',
  '١٢٣٤',
  '1_234_567',
  '1.234',
  '1,234',
  '12.345.678',
];
const DATES = [
  '2023-02-30',
  '31/13/2020',
  '0000-00-00',
  '9999-99-99',
  '2020-W60',
  '29/02/2019',
  '00/00/0000',
  '2019-13-01T25:61:61',
  '1/1/1',
  '32.01.2020',
  '-0001-01-01',
  '20201301',
  '45000000',
  'Feb 30 2020',
  '2020-02-29T24:00:00Z',
];
const QUANTITIES = [
  '-5',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '99999999999999999999999999',
  '0.000000000000000000001',
  '-0',
  '1e-400',
  '2147483648',
  '9223372036854775808',
  '1/0',
  '5 kg',
  '−3',
  '--4',
];
const FORMULAS = [
  '=1+1',
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '=A1&A2',
  '\t=1',
  '=1/0',
  '#DIV/0!',
  '#N/A',
  '#REF!',
];

const text: Record<string, TextMutation> = {
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  cr: (t) => t.replace(/\r?\n/g, '\r'),
  'nul-bytes': (t, rng) => {
    let s = t;
    for (let i = 0; i < 1 + rng.int(8); i++) {
      const at = rng.int(s.length + 1);
      s = s.slice(0, at) + '\0' + s.slice(at);
    }
    return s;
  },
  'cell-2mb': replaceValue((rng) => rng.pick(['x', 'é', '"', ',', '\n']).repeat(2 * 1024 * 1024)),
  'columns-10k': (t, rng, ext) => {
    if (!isCsv(ext))
      return t
        .split('\n')
        .map((line, i) =>
          i === 0 && line.startsWith('{') ? `{${Array.from({ length: 10000 }, (_, k) => `"k${k}":${k}`).join(',')},${line.slice(1)}` : line,
        )
        .join('\n');
    const lines = t.split('\n');
    const d = delimiterOf(lines[0]);
    const extra = (row: number) => Array.from({ length: 10000 }, (_, k) => (row === 0 ? `col${k}` : String(k + rng.int(2)))).join(d);
    return lines.map((line, i) => (line ? `${line}${d}${extra(i)}` : line)).join('\n');
  },
  empty: () => '',
  'header-only': (t) => t.split('\n')[0] + '\n',
  'duplicate-headings': (t, _rng, ext) => {
    if (!isCsv(ext)) return t.replace(/\{"([^"]+)":/g, '{"$1":null,"$1":');
    const lines = t.split('\n');
    const d = delimiterOf(lines[0]);
    const cells = lines[0].split(d);
    lines[0] = cells.map((c, i) => (i % 2 === 1 ? cells[i - 1] : c)).join(d);
    return lines.join('\n');
  },
  formulas: replaceValue((rng) => rng.pick(FORMULAS)),
  'thousand-separators': replaceValue((rng) => rng.pick(THOUSANDS)),
  'impossible-dates': replaceValue((rng) => rng.pick(DATES)),
  'bad-quantities': replaceValue((rng) => rng.pick(QUANTITIES)),
  'unbalanced-quote': (t, rng) => {
    const at = rng.int(t.length + 1);
    return t.slice(0, at) + '"' + t.slice(at);
  },
  'deep-nesting': (t, rng) => {
    const depth = rng.pick([10, 63, 64, 65, 100, 1000, 3000, 20000]);
    const deep = '['.repeat(depth) + ']'.repeat(depth);
    const lines = t.split('\n');
    lines.splice(rng.int(lines.length + 1), 0, rng.next() < 0.5 ? deep : `{"contraband": ${deep}, "persons": []}`);
    return lines.join('\n');
  },
  'many-lines': (t) => {
    const lines = t.split('\n');
    return [lines[0], ...Array.from({ length: 20 }, () => lines.slice(1)).flat()].join('\n');
  },
};

const bytes: Record<string, ByteMutation> = {
  truncate: (b, rng) => b.subarray(0, rng.int(b.length + 1)),
  'byte-flips': (b, rng) => {
    const c = Buffer.from(b);
    for (let i = 0; i < 1 + rng.int(20) && c.length; i++) c[rng.int(c.length)] ^= 1 << rng.int(8);
    return c;
  },
  'invalid-utf8': (b, rng) => {
    const junk = rng.pick([[0xc3, 0x28], [0xff], [0xfe, 0xfe], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]);
    const parts: Buffer[] = [];
    let last = 0;
    for (let i = 0; i < 1 + rng.int(5); i++) {
      const at = last + rng.int(Math.max(1, b.length - last));
      parts.push(b.subarray(last, at), Buffer.from(junk));
      last = at;
    }
    parts.push(b.subarray(last));
    return Buffer.concat(parts);
  },
  'utf16le-bom': (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  utf16le: (b) => Buffer.from(b.toString('utf8'), 'utf16le'),
  'utf16be-bom': (b) => Buffer.from(bytes['utf16le-bom'](b, undefined as never).swap16()),
  utf16be: (b) => Buffer.from(b.toString('utf8'), 'utf16le').swap16(),
  latin1: (b) => Buffer.from(b.toString('utf8'), 'latin1'),
};

const EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.xlsx', '.parquet', '.xls', '.dat'];

/** Mutations that make a case cost tens of seconds (a 10,000-column or 2 MB-cell file): a quick run leaves them out. */
export const HEAVY_MUTATIONS = ['columns-10k', 'cell-2mb', 'many-lines'];

/** Case number n of the run with this seed (without the mutations named in `leaveOut`). */
export function makeCase(seeds: SeedFile[], seed: number, caseNumber: number, leaveOut: string[] = []): FuzzCase {
  const rng = rngFor(seed, caseNumber);
  const base = rng.pick(seeds);
  const binary = base.ext === '.xlsx';
  const mutations: string[] = [];
  const count = 1 + rng.int(rng.next() < 0.7 ? 1 : 3);
  const textNames = Object.keys(text).filter((m) => !leaveOut.includes(m)),
    byteNames = Object.keys(bytes);
  // Text mutations first (they need the text), then at most one change of bytes or encoding.
  const chosenText = new Set<string>(),
    chosenBytes = new Set<string>();
  let wrongExtension = false;
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    if (r < 0.1) wrongExtension = true;
    else if (binary || r < 0.4) chosenBytes.add(rng.pick(byteNames));
    else chosenText.add(rng.pick(textNames));
  }
  let data = base.bytes;
  if (chosenText.size) {
    let t = data.toString(base.ext === '.csv' && base.name.includes('latin1') ? 'latin1' : 'utf8');
    for (const name of chosenText) {
      t = text[name](t, rng, base.ext);
      mutations.push(name);
    }
    data = Buffer.from(t, 'utf8');
  }
  const byteName = [...chosenBytes][0];
  if (byteName) {
    data = bytes[byteName](data, rng);
    mutations.push(byteName);
  }
  let ext = base.ext;
  if (wrongExtension) {
    ext = rng.pick(EXTENSIONS.filter((e) => e !== base.ext));
    mutations.push(`wrong-extension ${ext}`);
  }
  return { seed, caseNumber, base: base.name, mutations, ext, bytes: data };
}
