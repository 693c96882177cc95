import type { Command } from 'commander';
import { inputOptions, positiveInt, queueOptions } from '../shared.js';

/** `event-ledger enqueue`. */
export function registerEnqueue(program: Command): void {
  const command = program
    .command('enqueue')
    .description('put one job per article on the Redis queue (BullMQ) for workers on any machine')
    .argument('[inputs...]', 'files or folders, as for run; default: corpus/');
  queueOptions(inputOptions(command), 'batch name, for status and collect')
    .option('--attempts <n>', 'attempts per article before it counts as failed', positiveInt, 3)
    .option('--backoff-ms <n>', 'delay before the first retry; doubled for each later one', positiveInt, 2000)
    .action(
      async (
        inputs: string[],
        opts: {
          redis: string;
          batch: string;
          pipeline: string;
          maxBytes: number;
          language?: string;
          attempts: number;
          backoffMs: number;
        },
      ) => {
        const r = await (await import('../../queue/enqueue.js')).enqueueBatch({
          ...opts,
          inputs: inputs.length ? inputs : ['corpus'],
        });
        process.stderr.write(
          `batch ${opts.batch}: ${r.manifest.inputs.length} documents, ${r.queued} jobs queued, ${r.reused} already stored, ${r.retried} failed jobs retried, ${r.manifest.failures.length} unreadable → queue ${r.manifest.queue}\n`,
        );
        for (const f of r.manifest.failures) process.stderr.write(`error: ${f.source}: ${f.message.message}\n`);
      },
    );
}
