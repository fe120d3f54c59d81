// JSON nested deeper than wen reads is refused with a one-line InputError before DuckDB parses it
// (a 3,000-deep array crashed DuckDB): the scanner alone, and through the loader for each path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../src/load/readers/json-depth.js';
import { SAMPLE_DATA, tempDatabase, tempDir } from '../helpers.js';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('checkJsonDepth', () => {
  it('accepts nesting of exactly the limit', () => {
    expect(() => checkJsonDepth(file('ok.json', nested(MAX_JSON_DEPTH)), 'json')).not.toThrow();
  });

  it('names the file, the line and the depth of the first record that goes too deep', () => {
    const path = file('deep.ndjson', `{"a": 1}\n{"b": ${nested(3000)}}\n{"c": ${nested(70)}}\n`);
    expect(() => checkJsonDepth(path, 'ndjson')).toThrow(`${path}: line 2: nested 3001 levels deep; wen reads at most 64`);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const path = file('strings.json', `[{"a": "${'['.repeat(500)}\\"${'{'.repeat(500)}"}]`);
    expect(() => checkJsonDepth(path, 'json')).not.toThrow();
  });

  it('ends an NDJSON record at its line, so an unclosed line does not add to the next', () => {
    const lines = Array.from({ length: 10 }, () => '['.repeat(40)).join('\n');
    expect(() => checkJsonDepth(file('open.ndjson', lines), 'ndjson')).not.toThrow();
    expect(() => checkJsonDepth(file('open.json', lines), 'json')).toThrow(/line 2: nested 400 levels deep/);
  });
});

describe('loading deeply nested JSON', () => {
  it('refuses a 3,000-deep NDJSON array with exit 3 instead of crashing', async () => {
    const db = await tempDatabase();
    const path = file('deep.ndjson', nested(3000) + '\n');
    const error = await loadFile(db, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(3);
    expect((error as Error).message).toBe(`${path}: line 1: nested 3000 levels deep; wen reads at most 64`);
  });

  it('refuses a deep JSON array file and a deep Ecomessage case chosen with --profile', async () => {
    const db = await tempDatabase();
    const json = file('deep.json', `[{"a": ${nested(100)}}]`);
    await expect(loadFile(db, json)).rejects.toThrow(`${json}: line 1: nested 102 levels deep; wen reads at most 64`);
    const eco = file('eco.ndjson', `{"contraband": [], "persons": []}\n{"contraband": ${nested(200)}}\n`);
    await expect(loadFile(db, eco, { profile: 'ecomessage' })).rejects.toThrow(
      `${eco}: line 2: nested 201 levels deep; wen reads at most 64`,
    );
  });

  it('still loads the sample Ecomessage cases, whose records nest a few levels', async () => {
    const db = await tempDatabase();
    const [report] = await loadFile(db, join(SAMPLE_DATA, 'ecomessage-cases.ndjson'));
    expect(report.status).toBe('loaded');
    expect(report.loaded).toBe(520); // of 522 lines: one blank, one bad case by design
  });
});
