import type { Command } from 'commander';
import { formatProgress, queueOptions } from '../shared.js';

/** `event-ledger status`. */
export function registerStatus(program: Command): void {
  queueOptions(
    program
      .command('status')
      .description('where a batch stands: done, active, queued, retrying and failed documents, with reasons'),
    'batch name',
  )
    .option('--json', 'print the counts and failures as JSON')
    .action(async (opts: { redis: string; batch: string; json?: boolean }) => {
      const { batchStatus, pendingCount } = await import('../../queue/collect.js');
      const p = await batchStatus(opts);
      if (opts.json) {
        const { states: _states, ...rest } = p;
        process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatProgress(opts.batch, p, pendingCount(p))}\n`);
        for (const f of p.failures) process.stdout.write(`failed: ${f.source}: ${f.message.message}\n`);
      }
    });
}
