// A JSON or NDJSON file nested deeper than wen reads is refused before DuckDB parses it: DuckDB's
// JSON reader recurses per level, and a few thousand levels crash the process or run for minutes.
// One linear pass over the bytes in fixed chunks counts [ and { outside strings, so the check costs
// no more than reading the file once and holds nothing of it in memory.
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../errors.js';

/** The deepest nesting wen reads; real records are a few levels deep. */
export const MAX_JSON_DEPTH = 64;

const OPEN_SQUARE = 0x5b,
  OPEN_CURLY = 0x7b,
  CLOSE_SQUARE = 0x5d,
  CLOSE_CURLY = 0x7d;
const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  NEWLINE = 0x0a;

/**
 * Throws an InputError naming the file and line where nesting first passes `most` levels.
 * In NDJSON each line is a record of its own, so depth (and an unclosed string) ends at a line break.
 */
export function checkJsonDepth(path: string, format: 'json' | 'ndjson', most = MAX_JSON_DEPTH): void {
  const fd = openSync(path, 'r');
  // The deepest level of the first record that goes too deep, and its line (0 while none has).
  let deepest = 0,
    deepLine = 0;
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let depth = 0,
      line = 1,
      inString = false,
      escaped = false;
    scan: for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      for (let i = 0; i < n; i++) {
        const byte = chunk[i];
        if (byte === NEWLINE) {
          if (format === 'ndjson') {
            if (deepLine) break scan; // the offending record is measured: name it
            depth = 0;
            inString = false;
            escaped = false;
          }
          line++;
          continue;
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) inString = false;
        } else if (byte === QUOTE) inString = true;
        else if (byte === OPEN_SQUARE || byte === OPEN_CURLY) {
          if (++depth > most) {
            if (!deepLine) deepLine = line;
            if (depth > deepest) deepest = depth;
          }
        } else if ((byte === CLOSE_SQUARE || byte === CLOSE_CURLY) && depth > 0) depth--;
      }
    }
  } finally {
    closeSync(fd);
  }
  if (deepLine) {
    throw new InputError(`${path}: line ${deepLine}: nested ${deepest} levels deep; wen reads at most ${most}`, {
      hint: 'flatten the records: wen expects an array of objects, or one object per line',
    });
  }
}
