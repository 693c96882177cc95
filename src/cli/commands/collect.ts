import type { Command } from 'commander';
import { formatProgress, positiveInt, printReport, queueOptions } from '../shared.js';

/** `event-ledger collect`. */
export function registerCollect(program: Command): void {
  queueOptions(
    program
      .command('collect')
      .description('merge a queued batch into documents.jsonl and ledger.json, exactly as run would'),
    'batch name',
  )
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--wait', 'wait until no document is queued or active')
    .option('--timeout <seconds>', 'with --wait: give up after this long', positiveInt)
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'also list info messages')
    .action(
      async (opts: {
        redis: string;
        batch: string;
        out: string;
        wait?: boolean;
        timeout?: number;
        quiet?: boolean;
        verbose?: boolean;
      }) => {
        const { collectBatch, pendingCount } = await import('../../queue/collect.js');
        let last = 0;
        const { report } = await collectBatch({
          ...opts,
          wait: !!opts.wait,
          ...(opts.timeout ? { timeoutMs: opts.timeout * 1000 } : {}),
          progress: (p) => {
            if (opts.quiet || Date.now() - last < 5000 || pendingCount(p) === 0) return;
            last = Date.now();
            process.stderr.write(`${formatProgress(opts.batch, p, pendingCount(p))}\n`);
          },
        });
        printReport(report, opts);
      },
    );
}
