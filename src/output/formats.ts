// The names of the output formats and how one is chosen, without loading the writers (Arrow, DuckDB).
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { defaultFormat } from './text-formats.js';

export const EXPORT_FORMATS = ['table', 'csv', 'json', 'ndjson', 'parquet', 'arrow', 'md', 'xlsx', 'graphml', 'gexf'] as const;
/** Formats that are bytes, not text: a terminal gets them only through --out or a pipe. */
export const BINARY_FORMATS: readonly ExportFormat[] = ['arrow', 'parquet', 'xlsx'];
/** Formats that write the graph of an analysis (networks) rather than its table. */
export const GRAPH_FORMATS: readonly ExportFormat[] = ['graphml', 'gexf'];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The extension a file of each format is written with (by batch runs, and a folder of tables). */
export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  table: 'txt',
  csv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  parquet: 'parquet',
  arrow: 'arrow',
  md: 'md',
  xlsx: 'xlsx',
  graphml: 'graphml',
  gexf: 'gexf',
};

const BY_EXTENSION: Record<string, ExportFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.md': 'md',
  '.xlsx': 'xlsx',
  '.txt': 'table',
  '.graphml': 'graphml',
  '.gexf': 'gexf',
};

export function parseExportFormat(value: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new UsageError(`unknown format "${value}"`, { hint: `use one of ${EXPORT_FORMATS.join(', ')}` });
}

export function chooseFormat(format: ExportFormat | undefined, out: string | undefined): ExportFormat {
  if (format) return format;
  if (out) {
    const byExtension = BY_EXTENSION[extname(out).toLowerCase()];
    if (!byExtension)
      throw new UsageError(`cannot tell the format of --out ${out} from its extension`, {
        hint: `give --format, or use one of ${Object.keys(BY_EXTENSION).join(' ')}`,
      });
    return byExtension;
  }
  return defaultFormat();
}

/** CSV with a UTF-8 byte-order mark (--bom): Excel then reads accents right instead of guessing a code page. */
export function withBom(output: string | Buffer, format: ExportFormat, bom: boolean | undefined): string | Buffer {
  return bom && format === 'csv' && typeof output === 'string' ? `\uFEFF${output}` : output;
}
