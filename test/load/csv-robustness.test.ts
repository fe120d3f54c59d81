// CSV files as they arrive, not as they should be: a stray quote, old Mac or mixed line ends, a file
// that is not text, thousands of columns, nothing at all. Each fixture is made here, with its answer:
// the rows loaded, the rows rejected with their line numbers, or the error class (and so exit code).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { EXIT, InputError } from '../../src/errors.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

const HEADER = 'Date of seizure,Species,Description,Quantity,Unit,Location';
const row = (n: number, description = 'scales') => `01/02/2019,Manis javanica,${description},${n},kg,Lagos`;

function write(name: string, content: string | Buffer): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

async function load(content: string | Buffer, name = 'file.csv') {
  const db = await tempDatabase();
  const [report] = await loadFile(db, write(name, content));
  return { db, report };
}

const rejects = (db: Database) =>
  db.all<{ row_number: number; reason: string; raw_record: string }>(
    'SELECT row_number, reason, raw_record FROM rejects ORDER BY row_number',
  );
// Rows loaded, by the line of their first cell (a row whose cells hold several values is one seizure of several specimens).
const loadedRows = async (db: Database) =>
  (await db.all<{ source_row: number }>('SELECT source_row FROM seizures ORDER BY source_row')).map((r) => r.source_row);

describe('a quote that cannot be paired', () => {
  it('rejects the one line whose quote is never closed and loads the lines after it', async () => {
    const text = [HEADER, row(1), '01/02/2019,"Manis javanica,scales,2,kg,Lagos', row(3), row(4), row(5)].join('\n') + '\n';
    const { db, report } = await load(text);
    expect(report).toMatchObject({ rowsInFile: 5, blank: 0, read: 5, loaded: 4, rejected: 1 });
    expect(await loadedRows(db)).toEqual([2, 4, 5, 6]);
    const [reject] = await rejects(db);
    expect(reject.row_number).toBe(3);
    expect(reject.reason).toMatch(/never closed/);
    expect(reject.raw_record).toBe('01/02/2019,"Manis javanica,scales,2,kg,Lagos');
  });

  it('rejects only the opening line when a later quote closes the cell too early, and reads the lines between again', async () => {
    // The quote opened on line 3 would be closed by the inch mark on line 5 ("12" tusks"): lines 4 and 5 are rows.
    const text = [HEADER, row(1), '01/02/2019,"Manis javanica,scales,2,kg,Lagos', row(3), row(4, '12" tusks'), row(5)].join('\n') + '\n';
    const { db, report } = await load(text);
    expect(report).toMatchObject({ rowsInFile: 5, loaded: 4, rejected: 1 });
    expect(await loadedRows(db)).toEqual([2, 4, 5, 6]);
    expect((await rejects(db)).map((r) => [r.row_number, /closing quote/.test(r.reason)])).toEqual([[3, true]]);
  });

  it('loads a quote inside an unquoted cell as a character (it used to make the rows not add up)', async () => {
    const { db, report } = await load([HEADER, row(1), row(2, '12" tusks'), row(3)].join('\n') + '\n');
    expect(report).toMatchObject({ rowsInFile: 3, loaded: 3, rejected: 0 });
    expect(await loadedRows(db)).toEqual([2, 3, 4]);
  });

  it('keeps line numbers right after a good multi-line cell, a blank line and a stray quote at the end of the file', async () => {
    const text =
      [
        HEADER,
        '01/02/2019,Manis javanica,"scales,',
        'in two bags",1,kg,Lagos',
        '',
        row(2),
        '01/02/2019,Manis javanica,scales,3,kg,"Lagos',
      ].join('\n') + '\n';
    const { db, report } = await load(text);
    expect(report).toMatchObject({ rowsInFile: 4, blank: 1, loaded: 2, rejected: 1 });
    expect(await loadedRows(db)).toEqual([2, 5]);
    expect((await rejects(db)).map((r) => r.row_number)).toEqual([6]);
  });
});

describe('line ends', () => {
  // Rows on lines 2-6; line 4 is blank, line 5 has a cell too few (rejected by DuckDB).
  const lines = [HEADER, row(1), row(2), '', '01/02/2019,Manis javanica,scales,4,kg', row(5)];

  it.each([
    ['CR only (old Mac)', lines.join('\r') + '\r'],
    ['CRLF', lines.join('\r\n') + '\r\n'],
    ['CRLF, LF and CR mixed', `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}\r\n${lines[4]}\n${lines[5]}`],
  ])('reads a file with %s line ends as lines, numbered as an editor shows them', async (_name, text) => {
    const { db, report } = await load(text);
    expect(report).toMatchObject({ rowsInFile: 5, blank: 1, read: 4, loaded: 3, rejected: 1 });
    expect(await loadedRows(db)).toEqual([2, 3, 6]);
    expect((await rejects(db)).map((r) => r.row_number)).toEqual([5]);
  });

  it('reads UTF-16 BE without a BOM and with CR-only line ends', async () => {
    const { db, report } = await load(iconv.encode([HEADER, row(1), row(2, 'écailles')].join('\r') + '\r', 'utf-16be'));
    expect(report).toMatchObject({ encoding: 'utf-16be', loaded: 2, rejected: 0 });
    expect(await loadedRows(db)).toEqual([2, 3]);
  });
});

describe('files that are not text', () => {
  const zipOf = (member: string) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(member.length, 26);
    return Buffer.concat([header, Buffer.from(member), Buffer.alloc(64, 1)]);
  };
  const cases: Array<[string, Buffer, RegExp]> = [
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c]), /looks like a gzip file/],
    ['zip', zipOf('data/seizures.csv'), /looks like a zip archive/],
    ['xlsx named .csv', zipOf('[Content_Types].xml'), /looks like an Excel workbook \(\.xlsx\)/],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n', 'latin1'), /looks like a PDF document/],
    [
      'PNG',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0x20)]),
      /looks like a PNG image/,
    ],
    [
      'JPEG',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF'), Buffer.alloc(64, 0x41)]),
      /looks like a JPEG image/,
    ],
    ['NUL bytes', Buffer.alloc(4096), /nothing but NUL bytes/],
  ];

  it.each(cases)('refuses a %s file as an input error (exit 3) naming the file and what it looks like', async (_name, bytes, looks) => {
    const db = await tempDatabase();
    const file = write('seizures.csv', bytes);
    const error = await loadFile(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(EXIT.input);
    expect((error as InputError).message).toMatch(looks);
    expect((error as InputError).message.startsWith(`${file}: `)).toBe(true);
    expect((error as InputError).message).not.toMatch(/\n/);
  });
});

describe('a file with thousands of columns', () => {
  it('loads 3,000 columns × 40 rows, every row, the extra columns kept', async () => {
    const extra = Array.from({ length: 2994 }, (_, i) => i);
    const text =
      [
        [HEADER, ...extra.map((i) => `note ${i}`)].join(','),
        ...Array.from({ length: 40 }, (_, r) => [row(r + 1), ...extra.map((i) => `v${r}-${i}`)].join(',')),
      ].join('\n') + '\n';
    const { db, report } = await load(text);
    expect(report).toMatchObject({ rowsInFile: 40, loaded: 40, rejected: 0 });
    expect(await loadedRows(db)).toEqual(Array.from({ length: 40 }, (_, r) => r + 2));
  });
});

describe('nothing to read', () => {
  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\r\n\n'],
  ])('refuses %s as an input error saying it is empty', async (_name, text) => {
    const error = await load(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/file\.csv: the file is empty$/);
  });

  it.each([
    ['with a line end', `${HEADER}\n`],
    ['without a line end', HEADER],
    ['followed by blank lines', `${HEADER}\r\n\r\n\r\n`],
  ])('loads a header-only file (%s) as zero rows', async (_name, text) => {
    const { report } = await load(text);
    expect(report).toMatchObject({ status: 'loaded', read: 0, loaded: 0, rejected: 0 });
    expect(report.rowsInFile).toBe(report.blank);
  });
});
