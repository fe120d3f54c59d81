// exact_sum: kilograms and dollars summed the same way whatever order DuckDB's threads add them in.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';

describe('exact_sum', () => {
  it('gives the same total for the same values in any order, where a plain sum of doubles does not', async () => {
    const db = await Database.open(join(mkdtempSync(join(tmpdir(), 'wen-sum-')), 'sum.duckdb'));
    try {
      // 0.1 + 0.2 + 0.3 is 0.6000000000000001 left to right and 0.6 right to left.
      const sums = await db.all<{ forward: number; backward: number; plain_forward: number; plain_backward: number }>(
        `SELECT (SELECT exact_sum(x) FROM (SELECT unnest([0.1, 0.2, 0.3]::DOUBLE[]) AS x)) AS forward,
                (SELECT exact_sum(x) FROM (SELECT unnest([0.3, 0.2, 0.1]::DOUBLE[]) AS x)) AS backward,
                (SELECT sum(x) FROM (SELECT unnest([0.1, 0.2, 0.3]::DOUBLE[]) AS x)) AS plain_forward,
                (SELECT sum(x) FROM (SELECT unnest([0.3, 0.2, 0.1]::DOUBLE[]) AS x)) AS plain_backward`,
      );
      expect(sums[0].plain_forward).not.toBe(sums[0].plain_backward);
      expect(sums[0].forward).toBe(0.6);
      expect(sums[0].backward).toBe(0.6);
    } finally {
      db.close();
    }
  });

  it('is NULL over no values, skips NULLs, and adds values too big for a decimal instead of failing', async () => {
    const db = await Database.open(':memory:');
    try {
      const [row] = await db.all<{ none: number | null; some: number; huge: number }>(
        `SELECT (SELECT exact_sum(x) FROM (SELECT NULL::DOUBLE AS x)) AS none,
                (SELECT exact_sum(x) FROM (SELECT unnest([1.5, NULL, 2.25]::DOUBLE[]) AS x)) AS some,
                (SELECT exact_sum(x) FROM (SELECT unnest([1e30, 2.5]::DOUBLE[]) AS x)) AS huge`,
      );
      expect(row).toEqual({ none: null, some: 3.75, huge: 1e30 + 2.5 });
    } finally {
      db.close();
    }
  });
});
