import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { positiveInt, queueOptions } from '../shared.js';

/** `event-ledger worker`. */
export function registerWorker(program: Command): void {
  queueOptions(
    program
      .command('worker')
      .description('process queued articles until stopped (Ctrl-C or SIGTERM finish the jobs in hand first)'),
  )
    .option('-c, --concurrency <n>', 'articles processed at once (worker threads)', positiveInt, availableParallelism())
    .option('--lock-ms <n>', 'a job whose worker is silent this long goes to another worker', positiveInt, 60_000)
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (opts: { redis: string; concurrency: number; lockMs: number; quiet?: boolean }) => {
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const worker = await (await import('../../queue/worker.js')).startWorker({
        ...opts,
        ...(opts.quiet ? {} : { log }),
        onLost: (reason) => {
          process.stderr.write(`error: ${reason}\n`);
          process.exit(2);
        },
      });
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => {
          if (stopping) return; // Ctrl-C reaches both a respawned worker and its launcher
          stopping = true;
          if (!opts.quiet) log(`stopping after the jobs in hand (${worker.processed()} done)`);
          // Should Redis be gone, closing would wait for it forever; by then the job locks have expired
          // and other workers take the jobs over.
          setTimeout(() => process.exit(1), opts.lockMs).unref();
          worker.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
