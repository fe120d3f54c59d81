// Runs a checked plan: every analysis into the output folder, then a manifest (manifest.json) that
// says what was run on what — the database's sources with their SHA-256, the plan, the parameters
// with their defaults, wen's version and the time — so that the run can be reproduced.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAnalysis } from '../analysis/run.js';
import type { Database } from '../db/database.js';
import { renderResult, writeResultChart } from '../output/result-output.js';
import { VERSION } from '../version.js';
import { FILE_EXTENSIONS } from '../output/formats.js';
import { MANIFEST_FILE, type Plan } from './plan.js';
import { makeOutputFolder } from '../output/out-dir.js';

export interface Manifest {
  wen_version: string;
  created_at: string;
  plan: { path: string; sha256: string };
  as_of: string | null;
  database: { path: string; sources: Array<Record<string, unknown>> };
  runs: Array<{
    name: string;
    analysis: string;
    view: string;
    filters: Record<string, unknown>;
    options: Record<string, unknown>;
    rows: number;
    notes: string[];
    files: Array<{ file: string; sha256: string }>;
  }>;
}

export async function runBatch(db: Database, plan: Plan, outDir: string, log: (line: string) => void = () => {}): Promise<Manifest> {
  makeOutputFolder(outDir);
  const manifest: Manifest = {
    wen_version: VERSION,
    created_at: new Date().toISOString(),
    plan: { path: resolve(plan.path), sha256: sha256(Buffer.from(plan.text)) },
    as_of: plan.asOf,
    database: {
      path: resolve(db.path),
      sources: await db.all(
        `SELECT source_id, file_name, sheet, sha256, profile, strftime(loaded_at, '%Y-%m-%dT%H:%M:%S') AS loaded_at,
          rows_loaded FROM sources
         WHERE $as_of IS NULL OR loaded_at < $as_of::DATE + INTERVAL 1 DAY ORDER BY source_id`,
        { as_of: plan.runs[0]?.filters.asOf ?? null },
      ),
    },
    runs: [],
  };
  for (const run of plan.runs) {
    const result = await runAnalysis(db, run.definition, run.filters, run.options, { view: run.view });
    const files: Array<{ file: string; sha256: string }> = [];
    for (const format of run.formats) {
      const file = join(outDir, `${run.name}.${FILE_EXTENSIONS[format]}`);
      const output = await renderResult(db, run.definition, result, format, file);
      if (format !== 'parquet') writeFileSync(file, output);
      files.push({ file: `${run.name}.${FILE_EXTENSIONS[format]}`, sha256: sha256(readFileSync(file)) });
    }
    if (run.chart) {
      const file = join(outDir, `${run.name}.${run.chart}`);
      if (await writeResultChart(run.definition, result, file))
        files.push({ file: `${run.name}.${run.chart}`, sha256: sha256(readFileSync(file)) });
    }
    manifest.runs.push({
      name: run.name,
      analysis: run.definition.name,
      view: run.view,
      filters: { ...run.filters },
      options: result.context.options,
      rows: result.rows.length,
      notes: result.notes,
      files,
    });
    log(`${run.name}: ${result.rows.length} rows → ${files.map((f) => f.file).join(', ')}`);
  }
  writeFileSync(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
