// `wen batch plan.yaml --out DIR`: run a list of analyses into a folder with a manifest.
import { Command } from 'commander';
import { databasePath, dbOption, openOptions, waitOption } from '../cli/options.js';

export function batchCommand(): Command {
  return new Command('batch')
    .description('run the analyses of a plan (YAML or JSON) into a folder, with a manifest for reproducing the run')
    .argument('<plan>', 'the plan file: see docs/batch.md')
    .requiredOption('-o, --out <dir>', 'folder for the outputs and manifest.json')
    .option('--as-of <date>', "only records loaded on or before this day (overrides the plan's as_of)")
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(dbOption())
    .addOption(waitOption())
    .action(async (planPath: string, opts) => {
      const [{ readPlan }, { runBatch }, { withDatabase }] = await Promise.all([
        import('../batch/plan.js'),
        import('../batch/run-batch.js'),
        import('../db/database.js'),
      ]);
      const plan = readPlan(planPath, opts.asOf);
      const manifest = await withDatabase(
        databasePath(opts),
        (db) => runBatch(db, plan, opts.out, opts.quiet ? undefined : (line) => process.stderr.write(`batch: ${line}\n`)),
        { readOnly: true, ...openOptions(opts) },
      );
      if (!opts.quiet) process.stderr.write(`batch: ${manifest.runs.length} runs written to ${opts.out} (manifest.json)\n`);
    });
}
