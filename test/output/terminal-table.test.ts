// The terminal table as a pure formatter: the row limit and its "more rows" line, numbers right-aligned
// with thousands separators (not in years or ids), columns left out to fit the width and named, wide
// characters counted as two columns.
import { describe, expect, it } from 'vitest';
import { formatTerminalTable } from '../../src/output/terminal-table.js';

describe('terminal tables', () => {
  it('shows the first rows up to the limit and says how many more there are', () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ n: i }));
    const lines = formatTerminalTable(rows, ['n'], { limit: 40 }).trimEnd().split('\n');
    // 3 header lines, 40 rows, the bottom border, the note.
    expect(lines).toHaveLength(45);
    expect(lines.at(-1)).toBe('… 5 more rows (use --limit N, or -f csv)');
    expect(formatTerminalTable(rows.slice(0, 40), ['n'], { limit: 40, total: 1589 }).trimEnd().split('\n').at(-1)).toBe(
      '… 1,549 more rows (use --limit N, or -f csv)',
    );
  });

  it('right-aligns numbers with thousands separators, but not years, ids or text', () => {
    const table = formatTerminalTable(
      [
        { year: 2019, source_id: 12345, kg: 1234567.25, items: 3, code: 'VN' },
        { year: 2020, source_id: 7, kg: -5, items: null, code: '1234' },
      ],
      ['year', 'source_id', 'kg', 'items', 'code'],
    );
    expect(table).toBe(
      [
        '┌──────┬───────────┬──────────────┬───────┬──────┐',
        '│ year │ source_id │ kg           │ items │ code │',
        '├──────┼───────────┼──────────────┼───────┼──────┤',
        '│ 2019 │     12345 │ 1,234,567.25 │     3 │ VN   │',
        '│ 2020 │         7 │           -5 │       │ 1234 │',
        '└──────┴───────────┴──────────────┴───────┴──────┘',
        '',
      ].join('\n'),
    );
  });

  it('leaves out middle columns to fit the width, keeping the first and last, and names them', () => {
    const columns = ['a', 'b', 'c', 'd', 'e', 'f'];
    const row = Object.fromEntries(columns.map((c) => [c, c.repeat(6)])); // each column costs 9 characters
    const table = formatTerminalTable([row], columns, { width: 40 });
    const lines = table.trimEnd().split('\n');
    // 1 + 9 (a) + 9 (f) + 9 (b) + 4 (…) = 32 ≤ 40; adding e would make 41.
    expect(lines[1]).toBe('│ a      │ b      │ … │ f      │');
    expect(lines.slice(0, -1).every((l) => [...l].length <= 40)).toBe(true); // the box; the note below may wrap
    expect(lines.at(-1)).toBe("3 columns not shown, for the terminal's width: c, d, e (use -f csv, or a wider terminal)");
    expect(formatTerminalTable([row], columns, { width: 55 })).not.toContain('not shown'); // 1 + 6 × 9 = 55
  });

  it('counts a Chinese name as two columns a character, so the borders line up', () => {
    const lines = formatTerminalTable([{ name: '穿山甲' }, { name: 'pangolin' }], ['name']).split('\n');
    expect(lines[3]).toBe('│ 穿山甲   │');
    expect(lines[4]).toBe('│ pangolin │');
  });

  it('cuts a long cell with an ellipsis and puts a line break on one line', () => {
    const lines = formatTerminalTable([{ t: 'x'.repeat(50) }, { t: 'a\nb' }], ['t']).split('\n');
    expect(lines[3]).toBe(`│ ${'x'.repeat(39)}… │`);
    expect(lines[4]).toBe(`│ a b${' '.repeat(37)} │`);
  });

  it('says so when there are no rows', () => {
    expect(formatTerminalTable([], ['a'])).toBe('(no rows)\n');
  });
});
