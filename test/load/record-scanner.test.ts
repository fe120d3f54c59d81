// The record scanner finds newlines and quotes with Buffer.indexOf for speed. Its answer must equal
// that of the plain byte-by-byte loop below (the scanner as first written), for any bytes and any
// chunk size, since line numbers in rejects and flags come from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRecords, type ScanResult } from '../../src/load/readers/record-scanner.js';

/** The reference: every byte in turn. */
function scanByteByByte(bytes: Buffer): ScanResult {
  const result: ScanResult = { slots: 0, blankSlots: [], continuation: [], firstSlots: [], validUtf8: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    result.validUtf8 = false;
  }
  let inQuote = false;
  let slotBytes = 0;
  let extraLines = 0;
  let head: number[] = [];
  const endSlot = () => {
    result.slots++;
    if (slotBytes === 0) result.blankSlots.push(result.slots);
    if (extraLines > 0) result.continuation.push([result.slots, extraLines]);
    if (result.firstSlots.length < 40) {
      result.firstSlots.push(Buffer.from(head).toString('utf8').replace(/\r?\n$/, ''));
      head = [];
    }
    slotBytes = 0;
    extraLines = 0;
  };
  for (const byte of bytes) {
    if (result.firstSlots.length < 40) head.push(byte);
    if (byte === 0x22) {
      inQuote = !inQuote;
      slotBytes++;
    } else if (byte === 0x0a) {
      if (inQuote) extraLines++;
      else endSlot();
    } else if (byte !== 0x0d) slotBytes++;
  }
  if (slotBytes > 0 || extraLines > 0) endSlot();
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'wen-scan-'));
const piece = fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '€', '😀', 'Côte d’Ivoire', '\n\n');
const invalid = fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80]));
const file = fc.array(fc.oneof({ weight: 20, arbitrary: piece.map((s) => Buffer.from(s)) }, { weight: 1, arbitrary: invalid }), { maxLength: 120 }).map((parts) => Buffer.concat(parts));

describe('record scanner', () => {
  it('counts slots, blank lines, multi-line records and first lines as a byte-by-byte scan does, for any chunk size', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 40 }), async (bytes, chunkBytes) => {
        const path = join(dir, `case-${n++}.csv`);
        writeFileSync(path, bytes);
        expect(await scanRecords(path, chunkBytes)).toEqual(scanByteByByte(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('numbers a file with blank lines and a quoted cell over three lines', async () => {
    const path = join(dir, 'known.csv');
    writeFileSync(path, 'a,b\r\n1,2\r\n\r\n3,"x\ny\nz"\n4,5\n');
    const scan = await scanRecords(path, 3);
    expect(scan).toEqual({ slots: 5, blankSlots: [3], continuation: [[4, 2]], firstSlots: ['a,b', '1,2', '', '3,"x\ny\nz"', '4,5'], validUtf8: true });
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
