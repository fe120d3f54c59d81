// One pass over a UTF-8 CSV file that finds where each record starts, so that every row wen loads
// or rejects carries the line number a user sees in an editor. DuckDB numbers records the way this
// scanner numbers "slots": each line is a slot, except the continuation lines of a quoted cell.
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

export async function scanRecords(path: string): Promise<ScanResult> {
  const result: ScanResult = { slots: 0, blankSlots: [], continuation: [], firstSlots: [], validUtf8: true };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let inQuote = false;
  let slotBytes = 0; // bytes in the current slot other than \r
  let extraLines = 0;
  let head: number[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    if (result.validUtf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        result.validUtf8 = false;
      }
    }
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (result.firstSlots.length < FIRST_SLOTS) head.push(byte);
      if (byte === QUOTE) {
        inQuote = !inQuote;
        slotBytes++;
      } else if (byte === NEWLINE) {
        if (inQuote) {
          extraLines++;
          continue;
        }
        endSlot();
      } else if (byte !== CR) {
        slotBytes++;
      }
    }
  }
  if (slotBytes > 0 || extraLines > 0) endSlot();
  return result;

  function endSlot() {
    result.slots++;
    if (slotBytes === 0) result.blankSlots.push(result.slots);
    if (extraLines > 0) result.continuation.push([result.slots, extraLines]);
    if (result.firstSlots.length < FIRST_SLOTS) {
      result.firstSlots.push(Buffer.from(head).toString('utf8').replace(/\r?\n$/, ''));
      head = [];
    }
    slotBytes = 0;
    extraLines = 0;
  }
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
