import type { Command } from 'commander';
import { defaultPipelinePath } from '../../version.js';
import { DEFAULT_REDIS, languageCode, positiveInt } from '../shared.js';

/** `event-ledger enqueue`. */
export function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('put one job per article on the Redis queue (BullMQ) for workers on any machine')
    .argument('[inputs...]', 'files or folders, as for run; default: corpus/')
    .option('--redis <url>', 'Redis URL (or EVENT_LEDGER_REDIS)', DEFAULT_REDIS)
    .option('-b, --batch <name>', 'batch name, for status and collect', 'default')
    .option(
      '-p, --pipeline <file>',
      'pipeline configuration (JSON; default: $EVENT_LEDGER_PIPELINE, else pipelines/default.json)',
      process.env.EVENT_LEDGER_PIPELINE ?? defaultPipelinePath,
    )
    .option('--max-bytes <n>', 'refuse input files larger than this', positiveInt, 5_000_000)
    .option(
      '-l, --language <code>',
      'the language of every input (ISO 639-1: en, ru, az) instead of detecting it; a JSONL record\'s own "language" wins',
      languageCode,
    )
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
