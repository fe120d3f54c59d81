// Pure formatters: rows in, a string out. The command layer picks one and writes it to stdout;
// notes and progress go to stderr, so stdout is only ever data.
import { UsageError } from '../errors.js';
import { formatTerminalTable, TERMINAL_ROWS } from './terminal-table.js';

const TEXT_FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export type Format = (typeof TEXT_FORMATS)[number];
export type Rows = Array<Record<string, unknown>>;

export function parseFormat(value: string): Format {
  if ((TEXT_FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format "${value}"`, { hint: `use one of ${TEXT_FORMATS.join(', ')}` });
}

/** A table on a terminal, CSV when piped, unless asked. */
export function defaultFormat(isTty = Boolean(process.stdout.isTTY)): Format {
  return isTty ? 'table' : 'csv';
}

export function formatRows(rows: Rows, format: Format, columns = columnsOf(rows)): string {
  switch (format) {
    case 'json':
      return toJson(rows, 2) + '\n';
    case 'ndjson':
      return rows.map((r) => toJson(r)).join('\n') + (rows.length ? '\n' : '');
    case 'csv':
      return formatCsv(rows, columns);
    case 'table':
      return formatTable(rows, columns);
  }
}

function columnsOf(rows: Rows): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** CSV; text cells cannot start a spreadsheet formula (numbers, negative ones included, stay numbers). */
export function formatCsv(rows: Rows, columns: string[]): string {
  const lines = [columns.map((c) => csvCell(neutraliseFormula(c))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(csvCellText(row[c]))).join(','));
  return lines.join('\n') + '\n';
}

function csvCellText(value: unknown): string {
  const text = textOf(value);
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' ? text : neutraliseFormula(text);
}

/**
 * OWASP's defence against CSV injection: text that a spreadsheet would read as a formula (it starts
 * with = + - @, a tab or a carriage return — or with one of them after leading white space, which a
 * Markdown table or a cell editor may fold away) gets a leading '. Text that is a plain number ("-3")
 * is left alone: no spreadsheet runs it, and it is how big integers and raw values travel.
 */
export function neutraliseFormula(text: string): string {
  return /^[\t\r]|^\s*[=+\-@]/.test(text) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim()) ? `'${text}` : text;
}

/** A boxed table with every row and column (a file, or a short list); see terminal-table.ts. */
export function formatTable(rows: Rows, columns: string[]): string {
  return formatTerminalTable(rows, columns, { colour: useColour() });
}

/** A table for stdout: on a terminal at most `limit` rows (40 by default) and fitted to its width. */
export function formatForTerminal(rows: Rows, columns: string[], limit?: number, total?: number): string {
  const tty = Boolean(process.stdout.isTTY);
  return formatTerminalTable(rows, columns, {
    limit: limit ?? (tty ? TERMINAL_ROWS : undefined),
    total,
    width: tty ? process.stdout.columns || 80 : undefined,
    colour: useColour(),
  });
}

function useColour(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(textOf).join('; ');
  if (typeof value === 'object') return JSON.stringify(value, jsonSafe);
  return String(value);
}

/** BigInt as a number when exact, else as text (the database layer already converts most). */
/** JSON.stringify, with the (much slower) BigInt-safe replacer only when a BigInt is present. */
function toJson(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    if (error instanceof TypeError && /BigInt/i.test(error.message)) return JSON.stringify(value, jsonSafe, indent);
    throw error;
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? (Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()) : value;
}
