// The program: commands registered in one list, and a single exit point that turns any error into
// one line on stderr and a documented exit code.
import { Command, CommanderError } from 'commander';
import { analyzeCommand } from '../commands/analyze.js';
import { batchCommand } from '../commands/batch.js';
import { bulletinCommand } from '../commands/bulletin.js';
import { infoCommand } from '../commands/info.js';
import { loadCommand } from '../commands/load.js';
import { mappingCommand } from '../commands/mapping.js';
import { rejectsCommand } from '../commands/rejects.js';
import { repairCommand } from '../commands/repair.js';
import { referenceCommand } from '../commands/reference.js';
import { reportCommand } from '../commands/report.js';
import { shareCommand } from '../commands/share.js';
import { sourcesCommand } from '../commands/sources.js';
import { watchCommand } from '../commands/watch.js';
import { sqlCommand } from '../commands/sql.js';
import { EXIT, reportError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('wen')
    .description('wildlife seizure data: load, normalise and analyse seizure records in a DuckDB file')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of [
    loadCommand(),
    mappingCommand(),
    analyzeCommand(),
    batchCommand(),
    bulletinCommand(),
    reportCommand(),
    shareCommand(),
    infoCommand(),
    referenceCommand(),
    rejectsCommand(),
    sourcesCommand(),
    sqlCommand(),
    repairCommand(),
    watchCommand(),
  ]) {
    program.addCommand(command.exitOverride().showHelpAfterError('(add --help for usage)'));
  }
  return program;
}

export async function main(argv = process.argv): Promise<void> {
  // `wen … | head` closes stdout early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  process.exitCode = await run(argv);
}

/** One command line run to its exit code: the CLI's one mapping of errors to codes (the fuzz workers call it per case). */
export async function run(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    // Commander has already printed its message (or the help text).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return reportError(error, debug);
  }
}

export { UsageError };
