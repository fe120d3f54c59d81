// One pass over a UTF-8 CSV file that finds where each record starts, so that every row wen loads
// or rejects carries the line number a user sees in an editor. DuckDB numbers records the way this
// scanner numbers "slots": each line is a slot, except the continuation lines of a quoted cell.
// Quotes are read as DuckDB reads them (a quote opens a cell only at its start, after spaces; in an
// unquoted cell it is a plain character), so that both agree on where records end. A quote that
// opens a cell and is never closed, or is closed by something other than a delimiter or a line end,
// would make DuckDB swallow the lines after it: the scanner marks the lines of that record up to
// the quote as bad and reads on from the next line, as a person reading the file would.
import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export interface ScanResult {
  slots: number; // records including blank and bad lines (DuckDB's line numbering once bad lines are blanked)
  blankSlots: number[]; // slot numbers (1-based) of empty lines, which DuckDB skips; bad lines are among them
  continuation: Array<[slot: number, extraLines: number]>; // slots spanning several physical lines
  firstSlots: string[]; // text of the first slots, for finding the header row ('' for a bad line)
  validUtf8: boolean;
  /** Lines with a quote that cannot be paired: the caller blanks them before DuckDB reads the file. */
  badLines: Array<[slot: number, line: number, problem: QuoteProblem]>;
  /** Record ends seen (outside quoted cells), and whether a CR stands alone anywhere: DuckDB needs one kind of line end. */
  lineEnds: { crlf: boolean; lf: boolean; loneCr: boolean };
}

export type QuoteProblem = 'unclosed' | 'closed-early';

const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const FIRST_SLOTS = 40;
/** The text kept of one of the first slots (a CR-only file is one long line until it is normalised). */
const FIRST_SLOT_BYTES = 1 << 21;

// Where the parser is within a record.
const START = 0; // at the start of a cell (spaces may come before an opening quote)
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a quote inside a quoted cell: an escaped quote or its end
const CLOSED = 4; // after a quoted cell's closing quote (spaces may follow)
const SKIP = 5; // the rest of a bad line

/**
 * Reads the file in large chunks. Newlines and quotes are found with Buffer.indexOf (native code),
 * each search at most once per byte: a line is looked at byte by byte only when it has quotes or
 * follows one.
 */
export async function scanRecords(path: string, chunkBytes = 1 << 22, delimiter = ','): Promise<ScanResult> {
  const delim = delimiter.charCodeAt(0);
  const result: ScanResult = {
    slots: 0,
    blankSlots: [],
    continuation: [],
    firstSlots: [],
    validUtf8: true,
    badLines: [],
    lineEnds: { crlf: false, lf: false, loneCr: false },
  };
  let state = START;
  let line = 1; // physical line being read
  let recordLine = 1; // first line of the record being read
  let openerLine = 0; // line of the last opening quote
  let afterOpener = -1; // file offset of the line after openerLine, once passed
  let hasContent = false; // the current slot has a byte other than \r
  let extraLines = 0;
  let prevCr = false; // the last byte of the line so far is \r
  let head: Buffer[] = [];
  let headBytes = 0;
  let pending = Buffer.alloc(0); // an incomplete UTF-8 character at the end of the last chunk
  let checkedUpTo = 0; // bytes checked for UTF-8 and lone CRs (a re-read does not check them again)
  let crAtEnd = false; // the last checked byte is \r

  const collecting = () => result.firstSlots.length < FIRST_SLOTS;
  const endSlot = () => {
    result.slots++;
    if (!hasContent) result.blankSlots.push(result.slots);
    if (extraLines > 0) result.continuation.push([result.slots, extraLines]);
    if (collecting())
      result.firstSlots.push(
        Buffer.concat(head)
          .subarray(0, FIRST_SLOT_BYTES)
          .toString('utf8')
          .replace(/\r?\n$/, ''),
      );
    resetRecord();
  };
  const resetRecord = () => {
    head = [];
    headBytes = 0;
    hasContent = false;
    extraLines = 0;
    state = START;
    recordLine = line;
    prevCr = false;
  };
  /** The record's lines up to the opening quote become bad (blank) slots. */
  const markBad = (problem: QuoteProblem) => {
    for (let l = recordLine; l <= openerLine; l++) {
      result.slots++;
      result.blankSlots.push(result.slots);
      result.badLines.push([result.slots, l, problem]);
      if (collecting()) result.firstSlots.push('');
    }
  };
  /** Runs the quote-aware parser over chunk[from, to); returns where a quote error happened, or -1. */
  const parse = (chunk: Buffer, from: number, to: number): number => {
    for (let i = from; i < to; i++) {
      const byte = chunk[i];
      switch (state) {
        case START:
          if (byte === QUOTE) (state = QUOTED), (openerLine = line), (afterOpener = -1);
          else if (byte !== SPACE && byte !== delim) state = UNQUOTED;
          break;
        case UNQUOTED:
          if (byte === delim) state = START;
          break;
        case QUOTED:
          if (byte === QUOTE) state = QUOTE_IN_QUOTED;
          break;
        case QUOTE_IN_QUOTED:
          if (byte === QUOTE) state = QUOTED;
          else if (byte === delim) state = START;
          else if (byte === SPACE || byte === CR) state = CLOSED;
          else return i;
          break;
        case CLOSED:
          if (byte === delim) state = START;
          else if (byte !== SPACE && byte !== CR) return i;
          break;
        default: // SKIP
          return -1;
      }
    }
    return -1;
  };

  let from: number | null = 0;
  while (from !== null) {
    let offset = from;
    from = null;
    let nextQuote = -1;
    reading: for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, start: offset }) as AsyncIterable<Buffer>) {
      if (offset + chunk.length > checkedUpTo) {
        const fresh = chunk.subarray(Math.max(0, checkedUpTo - offset));
        checkedUpTo = offset + chunk.length;
        if (result.validUtf8) {
          const joined = pending.length ? Buffer.concat([pending, fresh]) : fresh;
          const complete = completeUtf8Length(joined);
          result.validUtf8 = isUtf8(joined.subarray(0, complete));
          pending = Buffer.from(joined.subarray(complete));
        }
        if (!result.lineEnds.loneCr && fresh.length) {
          if (crAtEnd && fresh[0] !== NEWLINE) result.lineEnds.loneCr = true;
          for (let cr = fresh.indexOf(CR); cr !== -1 && !result.lineEnds.loneCr; cr = fresh.indexOf(CR, cr + 1)) {
            if (cr + 1 < fresh.length && fresh[cr + 1] !== NEWLINE) result.lineEnds.loneCr = true;
          }
          crAtEnd = fresh[fresh.length - 1] === CR;
        }
      }
      nextQuote = -1;
      let start = 0;
      while (start < chunk.length) {
        const newline = chunk.indexOf(NEWLINE, start);
        const end = newline === -1 ? chunk.length : newline; // this piece of the line is [start, end)
        if (collecting() && headBytes < FIRST_SLOT_BYTES) {
          const piece = chunk.subarray(start, newline === -1 ? end : end + 1);
          head.push(piece);
          headBytes += piece.length;
        }
        if (!hasContent) hasContent = hasByteOtherThanCr(chunk, start, end);
        if (nextQuote !== chunk.length && nextQuote < start) {
          nextQuote = chunk.indexOf(QUOTE, start);
          if (nextQuote === -1) nextQuote = chunk.length; // no quote in the rest of the chunk
        }
        // Without a quote, only a cell just closed or a line cut by the chunk's end needs the parser.
        if (state !== SKIP && (nextQuote < end || state === QUOTE_IN_QUOTED || state === CLOSED || (newline === -1 && state !== QUOTED))) {
          const error = parse(chunk, start, end);
          if (error !== -1) {
            markBad('closed-early');
            if (openerLine < line) {
              // The quote opened on an earlier line: the lines after it are read again as records.
              line = openerLine + 1;
              from = afterOpener;
              resetRecord();
              break reading;
            }
            state = SKIP; // the rest of this line belongs to the bad line
          }
        }
        if (end > start) prevCr = chunk[end - 1] === CR;
        if (newline === -1) break;
        line++;
        if (state === QUOTED) {
          extraLines++; // a line break inside a quoted cell: the slot goes on
          if (openerLine === line - 1) afterOpener = offset + newline + 1;
        } else if (state === SKIP) {
          resetRecord();
        } else {
          if (prevCr) result.lineEnds.crlf = true;
          else result.lineEnds.lf = true;
          endSlot();
        }
        prevCr = false;
        start = newline + 1;
      }
      offset += chunk.length;
    }
    if (from !== null) continue;
    if (state === QUOTED) {
      // The file ends inside a quoted cell: the quote was never closed.
      markBad('unclosed');
      if (afterOpener !== -1) {
        line = openerLine + 1;
        from = afterOpener;
        resetRecord();
        continue;
      }
      resetRecord();
    }
  }
  if (pending.length) result.validUtf8 = false;
  if (crAtEnd) result.lineEnds.loneCr = true;
  if (state !== SKIP && (hasContent || extraLines > 0)) endSlot();
  return result;
}

/** Most of a bad line kept with its reject: enough to find and fix it. */
const RAW_LINE_CHARS = 10_000;

/**
 * Writes a copy in which the given lines are empty (their line ends kept, so line numbers stay), for
 * DuckDB to skip; returns the text of those lines. Only a file with bad lines pays for this copy.
 */
export async function copyWithLinesBlanked(path: string, lines: number[], target: string): Promise<Map<number, string>> {
  const wanted = new Set(lines);
  const raw = new Map<number, string>();
  let line = 1;
  let kept: Buffer[] = [];
  let keptBytes = 0;
  async function* blank(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      const out: Buffer[] = [];
      let start = 0;
      while (start <= chunk.length) {
        const newline = chunk.indexOf(NEWLINE, start);
        const end = newline === -1 ? chunk.length : newline;
        if (!wanted.has(line)) out.push(chunk.subarray(start, newline === -1 ? end : end + 1));
        else {
          if (keptBytes < RAW_LINE_CHARS * 4) kept.push(Buffer.from(chunk.subarray(start, end)));
          keptBytes += end - start;
          if (newline !== -1) {
            const text = Buffer.concat(kept).toString('utf8');
            out.push(Buffer.from(text.endsWith('\r') ? '\r\n' : '\n'));
            raw.set(line, text.replace(/\r$/, '').slice(0, RAW_LINE_CHARS));
            kept = [];
            keptBytes = 0;
          }
        }
        if (newline === -1) break;
        line++;
        start = newline + 1;
      }
      yield Buffer.concat(out);
    }
    if (wanted.has(line) && kept.length) raw.set(line, Buffer.concat(kept).toString('utf8').replace(/\r$/, '').slice(0, RAW_LINE_CHARS));
  }
  await pipeline(createReadStream(path, { highWaterMark: 1 << 22 }), blank, createWriteStream(target));
  return raw;
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
export function lineBreakpoints(
  scan: ScanResult,
  firstDataSlot: number,
  rejectedSlots: Iterable<number>,
): Array<[ordinal: number, offset: number]> {
  const gaps = [...new Set([...scan.blankSlots, ...rejectedSlots])].filter((s) => s >= firstDataSlot).sort((a, b) => a - b);
  const gapSet = new Set(gaps);
  const extraBefore = extraLinesBefore(scan);
  // Offsets can only change at a gap or just after a multi-line record.
  const events = [firstDataSlot, ...gaps, ...scan.continuation.map(([slot]) => slot + 1)]
    .filter((s) => s >= firstDataSlot)
    .sort((a, b) => a - b);
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
export function extraLinesBefore(scan: ScanResult): (slot: number) => number {
  const slots = scan.continuation.map(([slot]) => slot);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, extra] of scan.continuation) cumulative.push((total += extra));
  return (slot: number) => {
    const n = countBelow(slots, slot);
    return n === 0 ? 0 : cumulative[n - 1];
  };
}
