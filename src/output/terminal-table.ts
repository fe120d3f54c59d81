// Tables for people at a terminal, drawn like DuckDB's own CLI: a box with the header, numbers
// right-aligned with thousands separators, long cells cut, at most `limit` rows with a line saying how
// many more there are, and, when the table is wider than the terminal, the middle columns left out
// (the first and last ones kept) with a line naming them. A pure formatter: rows in, a string out. Files
// (`-f table --out x.txt`, batch) get every row and column; only stdout on a terminal is fitted.

export interface TerminalOptions {
  /** Rows shown at most (default: all). */
  limit?: number;
  /** Rows of the whole result, when `rows` are only its first ones (default: rows.length). */
  total?: number;
  /** The terminal's width in characters (default: unbounded). */
  width?: number;
  colour?: boolean;
}

/** Rows a terminal table shows without --limit. */
export const TERMINAL_ROWS = 40;
const MAX_CELL = 40;
const ELLIPSIS = '…';
// Integer columns that are names or dates, not amounts: no thousands separators ("2,019" is no year).
const IDENTIFIER = /(^|_)(id|ids|year|years|rank|row|code|ref|number|version)$/i;

type Row = Record<string, unknown>;

export function formatTerminalTable(rows: Row[], columns: string[], options: TerminalOptions = {}): string {
  if (rows.length === 0) return '(no rows)\n';
  const shown = options.limit !== undefined ? rows.slice(0, options.limit) : rows;
  const numeric = columns.map(
    (c) =>
      shown.some((r) => typeof r[c] === 'number') && shown.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'),
  );
  const cells = shown.map((row) => columns.map((c, i) => cut(terminalCellText(row[c], numeric[i] && !IDENTIFIER.test(c)))));
  const headers = columns.map((c) => cut(c));
  const widths = columns.map((_, i) => Math.max(width(headers[i]), ...cells.map((r) => width(r[i]))));
  const kept = fit(widths, options.width ?? Infinity);
  const colour = Boolean(options.colour);
  const paint = (text: string, code: number) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);

  // The kept columns, with an ellipsis column where the left-out ones were.
  type Slot = { width: number; right: boolean; header: string; cell: (r: number) => string };
  const slots: Slot[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (kept.has(i)) slots.push({ width: widths[i], right: numeric[i], header: headers[i], cell: (r) => cells[r][i] });
    else if (kept.has(i - 1)) slots.push({ width: 1, right: false, header: ELLIPSIS, cell: () => ELLIPSIS });
  }
  const line = (left: string, mid: string, right: string) => paint(left + slots.map((s) => '─'.repeat(s.width + 2)).join(mid) + right, 90);
  const bar = paint('│', 90);
  const row = (texts: string[], header: boolean) =>
    bar + slots.map((s, i) => ` ${header ? paint(pad(texts[i], s.width, false), 36) : pad(texts[i], s.width, s.right)} `).join(bar) + bar;
  const out = [
    line('┌', '┬', '┐'),
    row(
      slots.map((s) => s.header),
      true,
    ),
    line('├', '┼', '┤'),
  ];
  for (let r = 0; r < shown.length; r++)
    out.push(
      row(
        slots.map((s) => s.cell(r)),
        false,
      ),
    );
  out.push(line('└', '┴', '┘'));
  const more = (options.total ?? rows.length) - shown.length;
  if (more > 0) out.push(`… ${group(String(more))} more row${more === 1 ? '' : 's'} (use --limit N, or -f csv)`);
  const hidden = columns.filter((_, i) => !kept.has(i));
  if (hidden.length)
    out.push(
      `${hidden.length} column${hidden.length === 1 ? '' : 's'} not ` +
        `shown, for the terminal's width: ${hidden.join(', ')} (use -f ` +
        `csv, or a wider terminal)`,
    );
  return out.join('\n') + '\n';
}

/**
 * The columns that fit in `available` characters, as DuckDB's CLI chooses them: from the outside in,
 * first and last alternately, with room kept for the ellipsis column when any is left out.
 */
function fit(widths: number[], available: number): Set<number> {
  const cost = (w: number) => w + 3; // "│ " + cell + " "
  const all = 1 + widths.reduce((sum, w) => sum + cost(w), 0);
  const kept = new Set<number>();
  if (all <= available) {
    widths.forEach((_, i) => kept.add(i));
    return kept;
  }
  let used = 1 + cost(1); // the closing border and the ellipsis column
  let left = 0;
  let right = widths.length - 1;
  // When the next column of one side does not fit, the other side goes on alone: the left-out columns stay one block.
  let fromLeft = true;
  const blocked = { left: false, right: false };
  while (left <= right && !(blocked.left && blocked.right)) {
    const side = blocked.left ? 'right' : blocked.right ? 'left' : fromLeft ? 'left' : 'right';
    const i = side === 'left' ? left : right;
    if (used + cost(widths[i]) > available && kept.size > 0) blocked[side] = true;
    else {
      used += cost(widths[i]);
      kept.add(i);
      if (side === 'left') left++;
      else right--;
    }
    fromLeft = !fromLeft;
  }
  return kept;
}

function terminalCellText(value: unknown, grouped: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return grouped ? group(String(value)) : String(value);
  if (Array.isArray(value)) return value.map((v) => terminalCellText(v, false)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value).replace(/\r\n|[\r\n\t]/g, ' ');
}

/** Thousands separators in the integer part of a number's own digits (the fraction stays as it is). */
function group(text: string): string {
  if (/e/i.test(text)) return text;
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function cut(text: string, max = MAX_CELL): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + ELLIPSIS;
}

// East Asian wide characters (CJK names are common in seizure data) take two columns of a terminal.
const WIDE = new RegExp(
  String.raw`[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF` +
    String.raw`\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]`,
  'u',
);

function width(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}
