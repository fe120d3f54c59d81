// The country-name index that `npm run build` writes beside the compiled module must be the index
// wen would build, and a file made from other code must never be read (it would match cells by
// stale names without a word).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, readIndexFile, writeIndexFile } from '../../src/normalise/country-names.js';
import { tempDir } from '../helpers.js';

describe('the country-name index file', () => {
  it('reads back as exactly the index built from the libraries', () => {
    const file = join(tempDir(), 'country-index.json');
    writeIndexFile(file);
    const read = readIndexFile(file)!;
    const built = buildIndex();
    expect(read.names.size).toBeGreaterThan(10_000);
    expect([...read.names]).toEqual([...built.names]);
    expect([...read.prefixes]).toEqual([...built.prefixes]);
    expect([...read.variants]).toEqual([...built.variants]);
    expect([...read.shared].map(([k, v]) => [k, [...v]])).toEqual([...built.shared].map(([k, v]) => [k, [...v]]));
    expect(read.names.get('cote d ivoire')).toBe('CI');
  });

  it('is not read when it was written from other code or other library versions', () => {
    const file = join(tempDir(), 'country-index.json');
    writeIndexFile(file);
    const stale = JSON.parse(readFileSync(file, 'utf8'));
    stale.key = stale.key.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    writeFileSync(file, JSON.stringify(stale));
    expect(readIndexFile(file)).toBeUndefined();
  });

  it('is not read when it is missing or not JSON, and the index is built instead', () => {
    const dir = tempDir();
    expect(readIndexFile(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'torn.json'), '{"key": "ab');
    expect(readIndexFile(join(dir, 'torn.json'))).toBeUndefined();
  });
});
