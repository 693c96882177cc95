import { Command, CommanderError } from 'commander';
import { describeEnvironmentError, isEnvironmentError, UsageError } from '../core/errors.js';
import { PipelineError } from '../core/pipeline.js';
import { QueueUsageError } from '../queue/errors.js';
import { toolVersion } from '../version.js';
import { registerCollect } from './commands/collect.js';
import { registerDiff } from './commands/diff.js';
import { registerEnqueue } from './commands/enqueue.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerRun } from './commands/run.js';
import { registerStatus } from './commands/status.js';
import { registerWorker } from './commands/worker.js';

/**
 * The command line: one file per command in commands/, each loading what its action needs only when it
 * runs (a diff never loads the extraction models, a run never loads the Redis client).
 */
export function buildCli(): Command {
  const program = new Command('event-ledger')
    .description('Turns news articles in English, Russian and Azerbaijani into a deduplicated event ledger (JSON).')
    .version(toolVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();

  for (const register of [
    registerRun,
    registerEnqueue,
    registerWorker,
    registerStatus,
    registerCollect,
    registerExport,
    registerDiff,
    registerEval,
  ])
    register(program);
  return program;
}

/** Parses the command line and runs the command; usage errors exit 2 with a message. */
export async function main() {
  const program = buildCli();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
    if (e instanceof PipelineError || e instanceof UsageError || e instanceof QueueUsageError) {
      process.stderr.write(`error: ${e.message}\n`);
    } else if (isEnvironmentError(e)) {
      process.stderr.write(`error: ${describeEnvironmentError(e)}\n`);
    } else {
      process.stderr.write(
        `error: ${(e as Error).message ?? e} (an unexpected error${verbose ? '' : '; run with --verbose for the stack trace'})\n`,
      );
    }
    if (verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
    // A connection being retried or a timer of a failed command must not hold the process open: once
    // the message is out, this is the end.
    process.stderr.write('', () => process.exit(2));
  }
}
