// One bulletin run for cron: find the window (since the last bulletin, or a date), build the
// bulletin, write it, then record it. Files are written before the state is recorded, so a run that
// fails part-way is simply repeated by the next one: nothing is lost or counted twice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRates } from '../analysis/selection.js';
import type { Database } from '../db/database.js';
import { buildBulletin, type Bulletin } from './build.js';
import { toHtml, toMarkdown } from './render.js';
import { makeOutputFolder } from '../output/out-dir.js';
import type { Lang } from '../report/i18n/index.js';

export interface BulletinOptions {
  since: 'last' | string; // 'last' or an ISO date
  outDir: string;
  includeNames: boolean;
  largeKg: number;
  largeUsd: number;
  /** Language of the Markdown and HTML (--lang; default en). */
  lang?: Lang;
}

export type BulletinOutcome = { status: 'written'; files: string[]; bulletin: Bulletin } | { status: 'nothing-new'; since: string | null };

export async function runBulletin(db: Database, options: BulletinOptions): Promise<BulletinOutcome> {
  const last = await db.one<{ until: string }>("SELECT strftime(max(until_loaded), '%Y-%m-%d %H:%M:%S.%f') AS until FROM bulletins");
  const since = options.since === 'last' ? (last?.until ?? null) : `${options.since} 00:00:00`;
  const latest = await db.one<{ until: string | null; n: number }>(
    "SELECT strftime(max(loaded_at), '%Y-%m-%d %H:%M:%S.%f') AS until, " +
      'count(*)::INTEGER AS n FROM sources WHERE $since IS NULL OR loaded_at ' +
      '> $since::TIMESTAMP',
    { since },
  );
  if (!latest?.until || latest.n === 0) return { status: 'nothing-new', since };
  await loadRates(db);
  const bulletin = await buildBulletin(db, { since, until: latest.until }, options);
  makeOutputFolder(options.outDir);
  // Named after the window, so repeating a run rewrites the same files.
  const stem = `bulletin-${latest.until.replace(/[: ]/g, '-').replace('.', '-')}`;
  const files = [`${stem}.md`, `${stem}.html`, `${stem}.json`];
  writeFileSync(join(options.outDir, files[0]), toMarkdown(bulletin, options.lang));
  writeFileSync(join(options.outDir, files[1]), toHtml(bulletin, options.lang));
  writeFileSync(join(options.outDir, files[2]), JSON.stringify(bulletin, null, 2) + '\n');
  if (options.since === 'last') {
    await db.transaction(() =>
      db.run(
        `INSERT INTO bulletins SELECT coalesce(max(bulletin_id), 0) + ` +
          `1, now()::TIMESTAMP, $since::TIMESTAMP, $until::TIMESTAMP, $sources, ` +
          `$seizures, from_json($files, '["VARCHAR"]') FROM bulletins`,
        {
          since,
          until: latest.until,
          sources: bulletin.new_sources.length,
          seizures: bulletin.summary.new_seizures,
          files: JSON.stringify(files),
        },
      ),
    );
  }
  return { status: 'written', files, bulletin };
}
