// Text files arrive as UTF-8, UTF-8 with a BOM, Windows-1252/Latin-1 (older Excel "CSV"),
// or UTF-16 (Excel's "Unicode text"). wen reads UTF-8 only, so anything else is transcoded
// once, with iconv-lite, into a temporary UTF-8 copy; the original file is never changed.
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SAMPLE_BYTES = 1 << 20;

/** Looks at the BOM and the first megabyte; the full UTF-8 check happens while scanning. */
export function sniffEncoding(path: string): Encoding {
  const buffer = Buffer.alloc(SAMPLE_BYTES);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const sample = buffer.subarray(0, length);
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
  const pairs = Math.min(sample.length >> 1, 4096);
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenNuls++;
    if (sample[2 * i + 1] === 0) oddNuls++;
  }
  if (pairs > 8 && oddNuls > pairs * 0.3 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (pairs > 8 && evenNuls > pairs * 0.3 && oddNuls < pairs * 0.05) return 'utf-16be';
  return isUtf8Prefix(sample, length === SAMPLE_BYTES) ? 'utf-8' : 'windows-1252';
}

/** True when the bytes are valid UTF-8, allowing a character cut at the end of a sample. */
export function isUtf8Prefix(bytes: Buffer, truncated: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/** Writes a UTF-8 copy of a file in another encoding (BOM dropped). */
export async function transcodeToUtf8(path: string, encoding: Encoding, target: string): Promise<void> {
  const source = encoding === 'utf-8-bom' ? 'utf-8' : encoding === 'utf-16be' ? 'utf-16be' : encoding;
  await pipeline(createReadStream(path), iconv.decodeStream(source, { stripBOM: true }), iconv.encodeStream('utf-8'), createWriteStream(target));
}
