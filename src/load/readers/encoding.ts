// Text files arrive as UTF-8, UTF-8 with a BOM, Windows-1252/Latin-1 (older Excel "CSV"),
// or UTF-16 (Excel's "Unicode text"). wen reads UTF-8 only, so anything else is transcoded
// once, with iconv-lite, into a temporary UTF-8 copy; the original file is never changed.
// A file that is not text at all (an archive, a PDF, an image, a run of NUL bytes) is told by its
// first bytes and refused in one line, before DuckDB's CSV parser can make sense of it.
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { InputError } from '../../errors.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SAMPLE_BYTES = 1 << 20;

/** The first `bytes` bytes of a file (fewer when it is shorter). */
export function readPrefix(path: string, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** Looks at the BOM and the first megabyte; the full UTF-8 check happens while scanning. Throws InputError for a file that is not text. */
export function sniffEncoding(path: string): Encoding {
  const sample = readPrefix(path, SAMPLE_BYTES);
  const binary = notText(sample);
  if (binary) throw new InputError(`${path}: ${binary.looks}, not a text table`, { hint: binary.hint });
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  return isUtf8Prefix(sample, sample.length === SAMPLE_BYTES) ? 'utf-8' : 'windows-1252';
}

const startsWith = (sample: Buffer, bytes: number[] | string, at = 0) =>
  typeof bytes === 'string'
    ? sample.subarray(at, at + bytes.length).toString('latin1') === bytes
    : bytes.every((b, i) => sample[at + i] === b);

/** What a file that is not text looks like, from its first bytes (magic numbers), or undefined for text. */
function notText(sample: Buffer): { looks: string; hint: string } | undefined {
  const unpack = 'unpack it first and load the table inside';
  if (startsWith(sample, [0x1f, 0x8b])) return { looks: 'looks like a gzip file', hint: `${unpack} (gunzip FILE)` };
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04]) || startsWith(sample, [0x50, 0x4b, 0x05, 0x06])) {
    // The first member's name (30 bytes into the first local header) tells an Excel workbook from other zip files.
    const name = sample.length >= 30 ? sample.subarray(30, 30 + Math.min(sample.readUInt16LE(26), 200)).toString('latin1') : '';
    if (name.startsWith('xl/') || name === '[Content_Types].xml' || name.startsWith('docProps/') || name.startsWith('_rels/')) {
      return { looks: 'looks like an Excel workbook (.xlsx) with another extension', hint: 'rename it to .xlsx' };
    }
    return { looks: 'looks like a zip archive', hint: unpack };
  }
  if (startsWith(sample, 'BZh')) return { looks: 'looks like a bzip2 file', hint: `${unpack} (bunzip2 FILE)` };
  if (startsWith(sample, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { looks: 'looks like an xz file', hint: `${unpack} (unxz FILE)` };
  if (startsWith(sample, [0x28, 0xb5, 0x2f, 0xfd])) return { looks: 'looks like a zstd file', hint: `${unpack} (unzstd FILE)` };
  if (startsWith(sample, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return { looks: 'looks like a 7-Zip archive', hint: unpack };
  if (startsWith(sample, 'Rar!')) return { looks: 'looks like a RAR archive', hint: unpack };
  if (startsWith(sample, '%PDF')) return { looks: 'looks like a PDF document', hint: 'export the table from it as CSV or XLSX first' };
  if (startsWith(sample, [0x89, 0x50, 0x4e, 0x47]))
    return { looks: 'looks like a PNG image', hint: 'wen reads tables (CSV, XLSX, Parquet, JSON), not pictures of them' };
  if (startsWith(sample, [0xff, 0xd8, 0xff]))
    return { looks: 'looks like a JPEG image', hint: 'wen reads tables (CSV, XLSX, Parquet, JSON), not pictures of them' };
  if (startsWith(sample, 'GIF8'))
    return { looks: 'looks like a GIF image', hint: 'wen reads tables (CSV, XLSX, Parquet, JSON), not pictures of them' };
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0]))
    return {
      looks: 'looks like an old Excel .xls workbook (or another Office file)',
      hint: 'open it in Excel or LibreOffice and save as .xlsx',
    };
  if (startsWith(sample, 'PAR1')) return { looks: 'looks like a Parquet file', hint: 'rename it to .parquet' };
  if (startsWith(sample, 'SQLite format 3')) return { looks: 'looks like an SQLite database', hint: 'export the table as CSV first' };
  if (startsWith(sample, 'DUCK', 8)) return { looks: 'looks like a DuckDB database', hint: 'export the table as CSV or Parquet first' };
  if (startsWith(sample, [0xff, 0xfe, 0x00, 0x00]) || startsWith(sample, [0x00, 0x00, 0xfe, 0xff]))
    return { looks: 'looks like UTF-32 text, which wen does not read', hint: 'save it as UTF-8' };
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return undefined; // UTF-16, NULs and all
  // Text has no NUL bytes, except UTF-16 in every other byte; a file of mostly NULs (or other control bytes) is not text.
  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  const utf16 = nul > 0 && nul * 2 <= sample.length * 1.05 && looksLikeUtf16(sample);
  if (sample.length > 0 && nul === sample.length)
    return { looks: 'is nothing but NUL bytes (an empty disk block or a failed copy)', hint: 'copy the file again from its source' };
  if (!utf16 && (nul + control) * 10 > sample.length)
    return {
      looks: `looks like a binary file (${nul ? 'NUL bytes' : 'control bytes'} in it)`,
      hint: 'wen reads text tables (CSV/TSV), XLSX, Parquet and JSON',
    };
  return undefined;
}

/** ASCII text in UTF-16 has a NUL in every other byte, on one side only. */
function looksLikeUtf16(sample: Buffer): boolean {
  return utf16WithoutBom(sample) !== undefined;
}

/** UTF-16 LE or BE told by which side of each byte pair holds the NULs of ASCII text, or undefined. */
function utf16WithoutBom(sample: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.min(sample.length >> 1, 4096);
  let odd = 0;
  let even = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) even++;
    if (sample[2 * i + 1] === 0) odd++;
  }
  if (pairs <= 8) return undefined;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** True when the bytes are valid UTF-8, allowing a character cut at the end of a sample. */
function isUtf8Prefix(bytes: Buffer, truncated: boolean): boolean {
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
  await pipeline(
    createReadStream(path),
    iconv.decodeStream(source, { stripBOM: true }),
    iconv.encodeStream('utf-8'),
    createWriteStream(target),
  );
}

/**
 * Writes a copy with every line end made LF: CRLF, and a CR alone (old Mac files, or a file pieced
 * together from several). An editor shows a lone CR as a line break, so line numbers stay those a
 * person sees; DuckDB needs one kind of line end in a file.
 */
export async function normaliseLineEnds(path: string, target: string): Promise<void> {
  let dropLeadingLf = false; // the last chunk ended with a CR, already written as LF
  async function* normalise(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      // latin1 maps each byte to one character and back, so UTF-8 passes through unchanged.
      let text = chunk.toString('latin1');
      if (dropLeadingLf && text.startsWith('\n')) text = text.slice(1);
      dropLeadingLf = text.endsWith('\r');
      yield Buffer.from(text.replace(/\r\n?/g, '\n'), 'latin1');
    }
  }
  await pipeline(createReadStream(path, { highWaterMark: 1 << 22 }), normalise, createWriteStream(target));
}
