// One pass over a UTF-8 CSV file that finds where each record starts, so that every row wen loads
// or rejects carries the line number a user sees in an editor. DuckDB numbers records the way this
// scanner numbers "slots": each line is a slot, except the continuation lines of a quoted cell.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

export interface ScanResult {
  slots: number; // records including blank lines (DuckDB's line numbering)
  blankSlots: number[]; // slot numbers (1-based) of empty lines, which DuckDB skips
  continuation: Array<[slot: number, extraLines: number]>; // slots spanning several physical lines
  firstSlots: string[]; // text of the first slots, for finding the delimiter and the header row
  validUtf8: boolean;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const FIRST_SLOTS = 40;

/**
 * Reads the file once in large chunks. Newlines and quotes are found with Buffer.indexOf (native
 * code), so a line is looked at byte by byte only when it has quotes to pair or may be blank.
 */
export async function scanRecords(path: string, chunkBytes = 1 << 22): Promise<ScanResult> {
  const result: ScanResult = { slots: 0, blankSlots: [], continuation: [], firstSlots: [], validUtf8: true };
  let inQuote = false;
  let hasContent = false; // the current slot has a byte other than \r
  let extraLines = 0;
  let head: Buffer[] = [];
  let pending = Buffer.alloc(0); // an incomplete UTF-8 character at the end of the last chunk

  const endSlot = () => {
    result.slots++;
    if (!hasContent) result.blankSlots.push(result.slots);
    if (extraLines > 0) result.continuation.push([result.slots, extraLines]);
    if (result.firstSlots.length < FIRST_SLOTS) {
      result.firstSlots.push(Buffer.concat(head).toString('utf8').replace(/\r?\n$/, ''));
      head = [];
    }
    hasContent = false;
    extraLines = 0;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    if (result.validUtf8) {
      const joined = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      const complete = completeUtf8Length(joined);
      result.validUtf8 = isUtf8(joined.subarray(0, complete));
      pending = Buffer.from(joined.subarray(complete));
    }
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline; // this piece of the line is [start, end)
      if (result.firstSlots.length < FIRST_SLOTS) head.push(chunk.subarray(start, newline === -1 ? end : end + 1));
      if (!hasContent) hasContent = hasByteOtherThanCr(chunk, start, end);
      for (let quote = chunk.indexOf(QUOTE, start); quote !== -1 && quote < end; quote = chunk.indexOf(QUOTE, quote + 1)) inQuote = !inQuote;
      if (newline === -1) break;
      if (inQuote) extraLines++; // a line break inside a quoted cell: the slot goes on
      else endSlot();
      start = newline + 1;
    }
  }
  if (pending.length) result.validUtf8 = false;
  if (hasContent || extraLines > 0) endSlot();
  return result;
}

function hasByteOtherThanCr(buffer: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buffer[i] !== CR) return true;
  return false;
}

/** How much of the buffer ends on a whole UTF-8 character (the rest waits for the next chunk). */
function completeUtf8Length(buffer: Buffer): number {
  let lead = buffer.length - 1;
  while (lead >= 0 && buffer.length - lead <= 3 && (buffer[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0) return buffer.length;
  const byte = buffer[lead];
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return buffer.length - lead >= size ? buffer.length : lead;
}

/**
 * Breakpoints for turning the k-th row DuckDB loaded (0-based) into a physical line:
 * line = k + offset, with offset taken from the last breakpoint at or before k.
 * Slots DuckDB skipped (blank) or rejected get no ordinal, which shifts the rows after them.
 */
export function lineBreakpoints(scan: ScanResult, firstDataSlot: number, rejectedSlots: Iterable<number>): Array<[ordinal: number, offset: number]> {
  const gaps = [...new Set([...scan.blankSlots, ...rejectedSlots])].filter((s) => s >= firstDataSlot).sort((a, b) => a - b);
  const gapSet = new Set(gaps);
  const extraBefore = extraLinesBefore(scan);
  // Offsets can only change at a gap or just after a multi-line record.
  const events = [firstDataSlot, ...gaps, ...scan.continuation.map(([slot]) => slot + 1)].filter((s) => s >= firstDataSlot).sort((a, b) => a - b);
  const points: Array<[number, number]> = [];
  let covered = firstDataSlot - 1;
  for (const event of events) {
    if (event <= covered) continue;
    let slot = event;
    while (gapSet.has(slot)) slot++;
    covered = slot;
    const ordinal = slot - firstDataSlot - countBelow(gaps, slot);
    const offset = slot + extraBefore(slot) - ordinal;
    if (points.length === 0 || points[points.length - 1][1] !== offset) points.push([ordinal, offset]);
  }
  return points;
}

/** How many of the sorted numbers are below `value`. */
function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Continuation lines of all multi-line slots before a slot. */
function extraLinesBefore(scan: ScanResult): (slot: number) => number {
  const slots = scan.continuation.map(([slot]) => slot);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, extra] of scan.continuation) cumulative.push((total += extra));
  return (slot: number) => {
    const n = countBelow(slots, slot);
    return n === 0 ? 0 : cumulative[n - 1];
  };
}
