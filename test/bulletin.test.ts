// Bulletins for cron: each loaded file is covered once, nothing new is said so, names stay hidden,
// and a second run at the same time is refused clearly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBulletin } from '../src/bulletin/run.js';
import { Database } from '../src/db/database.js';
import { loadFile } from '../src/load/loader.js';
import { FIXTURES, REPO } from './helpers.js';

const options = (outDir: string) => ({ since: 'last' as const, outDir, includeNames: false, largeKg: 500, largeUsd: 1_000_000 });

describe('wen bulletin', () => {
  it('covers each loaded file once, says when nothing is new, and reports what the next file brings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wen-bulletin-'));
    const db = await Database.open(join(dir, 'b.duckdb'));
    try {
      await loadFile(db, join(FIXTURES, 'analysis-cases.ndjson'));
      const first = await runBulletin(db, options(join(dir, 'out')));
      expect(first.status).toBe('written');
      if (first.status !== 'written') return;
      expect(first.bulletin.summary.new_seizures).toBe(6);
      expect(first.bulletin.reappearing_suspects).toEqual([]); // nothing came before
      // Running again at once: nothing new, nothing counted twice.
      expect((await runBulletin(db, options(join(dir, 'out')))).status).toBe('nothing-new');

      await loadFile(db, join(FIXTURES, 'analysis-cases-later.ndjson'));
      const second = await runBulletin(db, options(join(dir, 'out')));
      if (second.status !== 'written') throw new Error('expected a bulletin');
      const b = second.bulletin;
      expect(b.summary.new_seizures).toBe(1);
      expect(b.new_sources.map((s) => s.file_name)).toEqual(['analysis-cases-later.ndjson']);
      expect(b.large_seizures.map((s) => [s.seizure, s.quantity_kg])).toEqual([['C7', 800]]); // 800 kg ≥ 500 kg
      expect(b.new_routes).toEqual([{ from: 'MZ', to: 'JP', seizures: 1 }]); // MZ was an origin before, but never to JP
      expect(b.new_species).toEqual([{ species: 'Panthera tigris', seizures: 1 }]);
      // Identity 1 (passport B1 in C1 and C2, its name alone in C5) was seen in three seizures before.
      expect(b.reappearing_suspects).toHaveLength(1);
      expect(b.reappearing_suspects[0]).toMatchObject({ kind: 'person', new_seizures: 1, earlier_seizures: 3, first_seen: '2021-03-01' });
      expect(String(b.reappearing_suspects[0].suspect)).toMatch(/^P-[0-9A-F]{10}$/);
      const written = readdirSync(join(dir, 'out'));
      expect(written).toHaveLength(6); // two bulletins × md, html, json
      for (const file of written) expect(readFileSync(join(dir, 'out', file), 'utf8')).not.toMatch(/nguyen|okafor/i);
      expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM bulletins'))!.n).toBe(2);
    } finally {
      db.close();
    }
  });

  it('gives the same bulletin twice for the same date, and names with --include-names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wen-bulletin-'));
    const db = await Database.open(join(dir, 'b.duckdb'));
    try {
      await loadFile(db, join(FIXTURES, 'analysis-cases.ndjson'));
      await loadFile(db, join(FIXTURES, 'analysis-cases-later.ndjson'));
      // As if the first file had been loaded in 2020: a bulletin since 2021 covers only the second.
      await db.run("UPDATE sources SET loaded_at = TIMESTAMP '2020-01-01 12:00:00' WHERE source_id = 1");
      const a = await runBulletin(db, { ...options(join(dir, 'a')), since: '2021-01-01', includeNames: true });
      const b = await runBulletin(db, { ...options(join(dir, 'b')), since: '2021-01-01', includeNames: true });
      const files = readdirSync(join(dir, 'a')).sort();
      expect(files).toEqual(readdirSync(join(dir, 'b')).sort());
      for (const f of files) expect(readFileSync(join(dir, 'a', f), 'utf8')).toBe(readFileSync(join(dir, 'b', f), 'utf8'));
      expect(a.status === 'written' && a.bulletin.reappearing_suspects).toEqual([
        { suspect: 'Nguyen Van An', kind: 'person', new_seizures: 1, earlier_seizures: 3, first_seen: '2021-03-01' },
      ]);
      expect(b.status).toBe('written');
      // A dated bulletin does not move the "last" mark.
      expect((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM bulletins'))!.n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('exits 6 when nothing is new and refuses to overlap a running wen (CLI)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wen-bulletin-'));
    const dbPath = join(dir, 'b.duckdb');
    const wen = (args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'bin', 'wen.js'), ...args, '--db', dbPath], { cwd: dir, encoding: 'utf8' });
    expect(wen(['load', join(FIXTURES, 'analysis-cases.ndjson'), '-q']).status).toBe(0);
    const first = wen(['bulletin', '--out', 'out']);
    expect([first.status, first.stdout]).toEqual([0, '']);
    const again = wen(['bulletin', '--out', 'out']);
    expect(again.status).toBe(6);
    expect(again.stderr).toMatch(/^bulletin: nothing new since \d{4}-/);
    const holder = await Database.open(dbPath);
    try {
      const blocked = wen(['bulletin', '--out', 'out', '--wait', '1']);
      expect(blocked.status).toBe(5);
      expect(blocked.stderr).toMatch(/another wen run holds the database \(waited 1 s\)\nhint: runs do not overlap/);
    } finally {
      holder.close();
    }
  });
});

describe('the bulletin title', () => {
  it('gives its window to the minute, in UTC', async () => {
    const { toMinute } = await import('../src/bulletin/render.js');
    expect(toMinute('2026-12-01 20:17:03.132668')).toBe('2026-12-01 20:17 UTC');
    expect(toMinute('2026-12-01T08:05:00Z')).toBe('2026-12-01 08:05 UTC');
    expect(toMinute(null)).toBeNull();
  });
});
