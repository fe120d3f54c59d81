// What the loader promises whatever the file: encodings read alike, one transaction per file,
// the same content never loaded twice, a dry run writes nothing.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadFile, loadPath } from '../../src/load/loader.js';
import { FIXTURES, tableCounts, tempDatabase, tempDir } from '../helpers.js';

const TEXT = readFileSync(join(FIXTURES, 'aitr-small.csv'), 'utf8')
  .replace('Jomo Kenyatta Airport', 'Aéroport Félix-Houphouët-Boigny “FHB”')
  .replace('Namanga', 'Côte d’Ivoire border');

async function specimensOf(path: string) {
  const db = await tempDatabase();
  const [report] = await loadFile(db, path);
  const rows = await db.all(
    'SELECT s.source_row, s.taxon, s.quantity_kg, z.place FROM specimens s JOIN seizures z USING (seizure_id) ORDER BY s.source_row',
  );
  return { report, rows };
}

describe('encodings', () => {
  const variants: Array<[string, (text: string) => Buffer, string]> = [
    ['UTF-8', (t) => Buffer.from(t, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]), 'utf-8-bom'],
    ['Windows-1252', (t) => iconv.encode(t, 'windows-1252'), 'windows-1252'],
    ['UTF-16 LE with a BOM (Excel "Unicode text")', (t) => iconv.encode(t, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16 BE with a BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]), 'utf-16be'],
    ['UTF-16 LE without a BOM', (t) => iconv.encode(t, 'utf-16le'), 'utf-16le'],
  ];

  it.each(variants)('reads %s exactly as UTF-8', async (_name, encode, detected) => {
    const reference = join(tempDir(), 'reference.csv');
    writeFileSync(reference, TEXT, 'utf8');
    const file = join(tempDir(), 'encoded.csv');
    writeFileSync(file, encode(TEXT));
    const expected = await specimensOf(reference);
    const actual = await specimensOf(file);
    expect(actual.report.encoding).toBe(detected);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows.map((r) => r.place)).toContain('Aéroport Félix-Houphouët-Boigny “FHB”');
  });

  it('falls back to Windows-1252 when a non-UTF-8 byte comes late in a large file', async () => {
    const file = join(tempDir(), 'late.csv');
    const filler = Array.from({ length: 30000 }, (_, i) => `01/01/2019,Manis javanica,scales,${i + 1},kg,Lagos,sea,Nigeria,,China,,`).join(
      '\n',
    );
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(TEXT.split('\n').slice(2, 3).join('\n') + '\n' + filler + '\n'),
        iconv.encode('01/01/2019,Manis javanica,scales,1,kg,Yaoundé,road,Cameroun,,China,,\n', 'windows-1252'),
      ]),
    );
    const db = await tempDatabase();
    const [report] = await loadFile(db, file);
    expect(report).toMatchObject({ encoding: 'windows-1252', loaded: 30001, rejected: 0 });
    expect(await db.one("SELECT place FROM seizures WHERE place LIKE 'Yaound%'")).toEqual({ place: 'Yaoundé' });
  });
});

describe('one transaction per file', () => {
  it('leaves the database exactly as it was when a load fails just before it commits', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'generic-small.csv'), { mappingPath: join(FIXTURES, 'generic-small.yaml') });
    const before = await tableCounts(db);
    await expect(
      loadFile(db, join(FIXTURES, 'aitr-small.csv'), {
        beforeCommit: () => {
          throw new Error('disk full (injected)');
        },
      }),
    ).rejects.toThrow('disk full (injected)');
    expect(await tableCounts(db)).toEqual(before);
    // The failed file can then be loaded normally.
    const [report] = await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    expect(report.status).toBe('loaded');
  });

  it('writes nothing on a dry run but reports the same counts', async () => {
    const db = await tempDatabase();
    const before = await tableCounts(db);
    const [dry] = await loadFile(db, join(FIXTURES, 'aitr-small.csv'), { dryRun: true });
    expect(await tableCounts(db)).toEqual(before);
    const [real] = await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    expect({ ...dry, status: 'loaded' }).toEqual(real);
  });
});

describe('loading the same content twice', () => {
  it('adds nothing the second time and says which source has it', async () => {
    const db = await tempDatabase();
    const copy = join(tempDir(), 'renamed copy.csv');
    writeFileSync(copy, readFileSync(join(FIXTURES, 'aitr-small.csv')));
    await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    const after = await tableCounts(db);
    const [again] = await loadFile(db, copy);
    expect(again).toMatchObject({ status: 'already-loaded', duplicateOf: 1 });
    expect(await tableCounts(db)).toEqual(after);
  });

  it('reloads with replace: the old rows go, the new ones come, the totals stay', async () => {
    const db = await tempDatabase();
    await loadFile(db, join(FIXTURES, 'aitr-small.csv'));
    const after = await tableCounts(db);
    const [again] = await loadFile(db, join(FIXTURES, 'aitr-small.csv'), { replace: true });
    expect(again).toMatchObject({ status: 'loaded', sourceId: 2 });
    expect(await tableCounts(db)).toEqual(after);
  });

  it('loads a folder in name order, skipping mapping folders', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'mappings'));
    for (const name of ['ecomessage-small.ndjson', 'aitr-small.csv']) copyFileSync(join(FIXTURES, name), join(folder, name));
    copyFileSync(join(FIXTURES, 'generic-small.yaml'), join(folder, 'mappings', 'generic-small.json'));
    const db = await tempDatabase();
    const reports = await loadPath(db, folder);
    expect(reports.map((r) => r.file.split('/').pop())).toEqual(['aitr-small.csv', 'ecomessage-small.ndjson']);
  });
});
