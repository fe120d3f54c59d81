// The record scanner finds newlines and quotes with Buffer.indexOf for speed. Its answer must equal
// that of the plain byte-by-byte loop below, which reads quotes as DuckDB does, for any bytes, any
// chunk size and either delimiter, since line numbers in rejects and flags come from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRecords, type ScanResult } from '../../src/load/readers/record-scanner.js';

/** The reference: every byte in turn, with quotes read as DuckDB reads them (see the scanner's opening comment). */
function scanByteByByte(bytes: Buffer, delimiter = ','): ScanResult {
  const result: ScanResult = {
    slots: 0,
    blankSlots: [],
    continuation: [],
    firstSlots: [],
    validUtf8: true,
    badLines: [],
    lineEnds: { crlf: false, lf: false, loneCr: false },
  };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    result.validUtf8 = false;
  }
  result.lineEnds.loneCr = bytes.some((b, i) => b === 0x0d && bytes[i + 1] !== 0x0a);
  const d = delimiter.charCodeAt(0);
  let state: 'start' | 'unquoted' | 'quoted' | 'quote' | 'closed' = 'start';
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let openerLine = 0;
  let afterOpener = -1;
  let slotBytes = 0;
  let extraLines = 0;
  const reset = (i: number) => {
    state = 'start';
    recordLine = line;
    recordStart = i;
    slotBytes = 0;
    extraLines = 0;
  };
  const endSlot = (end: number) => {
    result.slots++;
    if (slotBytes === 0) result.blankSlots.push(result.slots);
    if (extraLines > 0) result.continuation.push([result.slots, extraLines]);
    if (result.firstSlots.length < 40)
      result.firstSlots.push(
        bytes
          .subarray(recordStart, end)
          .toString('utf8')
          .replace(/\r?\n$/, ''),
      );
  };
  const markBad = (problem: 'unclosed' | 'closed-early') => {
    for (let l = recordLine; l <= openerLine; l++) {
      result.slots++;
      result.blankSlots.push(result.slots);
      result.badLines.push([result.slots, l, problem]);
      if (result.firstSlots.length < 40) result.firstSlots.push('');
    }
  };
  let i = 0;
  for (;;) {
    if (i >= bytes.length) {
      if (state !== 'quoted') break;
      markBad('unclosed');
      if (afterOpener === -1) {
        reset(i);
        break;
      }
      line = openerLine + 1;
      i = afterOpener;
      reset(i);
      continue;
    }
    const byte = bytes[i];
    if (byte === 0x0a) {
      line++;
      if (state === 'quoted') {
        extraLines++;
        if (openerLine === line - 1) afterOpener = i + 1;
      } else {
        if (i > recordStart && bytes[i - 1] === 0x0d) result.lineEnds.crlf = true;
        else result.lineEnds.lf = true;
        endSlot(i + 1);
        reset(i + 1);
      }
      i++;
      continue;
    }
    if (byte !== 0x0d) slotBytes++;
    let error = false;
    if (state === 'start') {
      if (byte === 0x22) (state = 'quoted'), (openerLine = line), (afterOpener = -1);
      else if (byte !== 0x20 && byte !== d) state = 'unquoted';
    } else if (state === 'unquoted') {
      if (byte === d) state = 'start';
    } else if (state === 'quoted') {
      if (byte === 0x22) state = 'quote';
    } else if (state === 'quote') {
      if (byte === 0x22) state = 'quoted';
      else if (byte === d) state = 'start';
      else if (byte === 0x20 || byte === 0x0d) state = 'closed';
      else error = true;
    } else if (byte === d) state = 'start';
    else if (byte !== 0x20 && byte !== 0x0d) error = true;
    if (error) {
      markBad('closed-early');
      if (openerLine < line) {
        line = openerLine + 1;
        i = afterOpener;
      } else {
        // The rest of the line goes with it.
        const newline = bytes.indexOf(0x0a, i);
        if (newline === -1) {
          reset(bytes.length);
          break;
        }
        line++;
        i = newline + 1;
      }
      reset(i);
      continue;
    }
    i++;
  }
  if (slotBytes > 0 || extraLines > 0) endSlot(bytes.length);
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'wen-scan-'));
const piece = fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '€', '😀', 'Côte d’Ivoire', '\n\n');
const invalid = fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80]));
const file = fc
  .array(fc.oneof({ weight: 20, arbitrary: piece.map((s) => Buffer.from(s)) }, { weight: 1, arbitrary: invalid }), { maxLength: 120 })
  .map((parts) => Buffer.concat(parts));

describe('record scanner', () => {
  it('counts slots, blank lines, multi-line records and first lines as a byte-by-byte scan does, for any chunk size', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 40 }), fc.constantFrom(',', ';'), async (bytes, chunkBytes, delimiter) => {
        const path = join(dir, `case-${n++}.csv`);
        writeFileSync(path, bytes);
        expect(await scanRecords(path, chunkBytes, delimiter)).toEqual(scanByteByByte(bytes, delimiter));
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers a file with blank lines and a quoted cell over three lines', async () => {
    const path = join(dir, 'known.csv');
    writeFileSync(path, 'a,b\r\n1,2\r\n\r\n3,"x\ny\nz"\n4,5\n');
    const scan = await scanRecords(path, 3);
    expect(scan).toEqual({
      slots: 5,
      blankSlots: [3],
      continuation: [[4, 2]],
      firstSlots: ['a,b', '1,2', '', '3,"x\ny\nz"', '4,5'],
      validUtf8: true,
      badLines: [],
      lineEnds: { crlf: true, lf: true, loneCr: false },
    });
  });

  it('numbers a quote-free file of many lines in several chunks: one slot a line, the blank one and the first 40 lines kept', async () => {
    const path = join(dir, 'quote-free.csv');
    const lines = ['a,b,c', ...Array.from({ length: 4999 }, (_, i) => (i === 2999 ? '' : `${i},x${i},y`))];
    writeFileSync(path, lines.join('\n') + '\n');
    const scan = await scanRecords(path, 4096); // about 16 lines a chunk, so lines are cut between chunks
    expect(scan).toEqual({
      slots: 5000,
      blankSlots: [3001],
      continuation: [],
      firstSlots: lines.slice(0, 40),
      validUtf8: true,
      badLines: [],
      lineEnds: { crlf: false, lf: true, loneCr: false },
    });
  });

  it('marks a line whose quote never closes as bad and reads the lines after it as records', async () => {
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, 'a,b\n1,"x\n2,y\n3,z\n');
    const scan = await scanRecords(path, 5);
    expect(scan).toMatchObject({
      slots: 4,
      blankSlots: [2],
      continuation: [],
      firstSlots: ['a,b', '', '2,y', '3,z'],
      badLines: [[2, 2, 'unclosed']],
    });
  });

  it('reads a quote inside an unquoted cell as a character, and marks a quoted cell closed before its end as bad', async () => {
    const path = join(dir, 'stray.csv');
    writeFileSync(path, 'a,b\n12" tusk,1\n"x\ny"z,2\n3, "q" ,4\n');
    const scan = await scanRecords(path);
    // Line 3 opens a quote that line 4 closes too early: line 3 is bad and line 4 is read again, as a record.
    expect(scan).toMatchObject({
      slots: 5,
      blankSlots: [3],
      continuation: [],
      firstSlots: ['a,b', '12" tusk,1', '', 'y"z,2', '3, "q" ,4'],
      badLines: [[3, 3, 'closed-early']],
    });
  });

  it('tells CRLF, LF and lone CR line ends apart', async () => {
    const cases: Array<[string, object]> = [
      ['a\r\nb\r\n', { crlf: true, lf: false, loneCr: false }],
      ['a\rb\r', { crlf: false, lf: false, loneCr: true }],
      ['a\r\nb\nc\rd', { crlf: true, lf: true, loneCr: true }],
      ['a,"x\ny"\r\nb\r\n', { crlf: true, lf: false, loneCr: false }], // Excel: LF inside a cell, CRLF between rows
    ];
    for (const [text, lineEnds] of cases) {
      const path = join(dir, 'ends.csv');
      writeFileSync(path, text);
      expect((await scanRecords(path, 2)).lineEnds).toEqual(lineEnds);
    }
  });

  it('finds bytes that are not UTF-8, also when a character is cut between chunks', async () => {
    const euro = Buffer.from('x€y\n'); // € is three bytes: every chunk size below cuts it somewhere
    for (const chunkBytes of [1, 2, 3]) {
      const good = join(dir, `euro-${chunkBytes}.csv`);
      writeFileSync(good, euro);
      expect((await scanRecords(good, chunkBytes)).validUtf8).toBe(true);
    }
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.concat([Buffer.from('a,b\nC'), Buffer.from([0xf4]), Buffer.from('te,1\n')]));
    expect((await scanRecords(latin1, 2)).validUtf8).toBe(false);
  });
});
