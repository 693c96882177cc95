import { availableParallelism } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_WORKER_HEAP_MB, MIN_WORKER_HEAP_MB } from '../../batch/pool.js';
import { DEFAULT_TIME_BUDGET } from '../../batch/process.js';
import { inputOptions, positiveInt, positiveNumber, printReport, progressReporter } from '../shared.js';

interface RunCliOptions {
  prune?: boolean;
  force?: boolean;
  timeBudget: number;
  workerHeap: number;
  out: string;
  pipeline: string;
  maxBytes: number;
  language?: string;
  jobs: number;
  full?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** `event-ledger run`. */
export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('extract events from articles and write documents.jsonl, ledger.json and run-report.json')
    .argument(
      '[inputs...]',
      'files or folders (.txt, .md, .html, .htm, .jsonl), or - for JSONL on standard input; default: corpus/',
    );
  inputOptions(command)
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-j, --jobs <n>', 'documents processed in parallel (worker threads)', positiveInt, availableParallelism())
    .option('--full', 'process every document again instead of reusing cached results')
    .option(
      '--prune',
      'make the ledger of exactly these inputs: drop documents of earlier runs not among them (refused above half of them without --force)',
    )
    .option('--force', 'with --prune: drop even more than half of the documents')
    .option(
      '--time-budget <seconds>',
      'seconds a document may take per 100 KB (and as much again for any document); over it the document fails and the rest go on',
      positiveNumber,
      DEFAULT_TIME_BUDGET,
    )
    .option(
      '--worker-heap <MB>',
      'heap bound of each worker thread; a document that needs more is processed in the main thread',
      (v: string) => {
        const n = positiveInt(v);
        if (n < MIN_WORKER_HEAP_MB)
          throw new InvalidArgumentError(
            `at least ${MIN_WORKER_HEAP_MB}: a worker thread needs about 100 MB for the models`,
          );
        return n;
      },
      DEFAULT_WORKER_HEAP_MB,
    )
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'also list info messages and cache use')
    .addHelpText(
      'after',
      `
A run adds its inputs to the ledger already in --out: new and changed documents are processed, the
documents of earlier runs are kept (their results come from the store in --out/.store and .cache).
Use --prune to make the ledger of exactly the inputs given. A missing input path changes nothing
and exits 2. Exit codes: 0 done, 1 some documents failed, 2 usage or environment error.`,
    )
    .action(async (inputs: string[], opts: RunCliOptions) => {
      const progress = opts.quiet ? undefined : progressReporter();
      const { report } = await (await import('../../run.js')).runBatch({
        inputs: inputs.length ? inputs : ['corpus'],
        out: opts.out,
        pipeline: opts.pipeline,
        maxBytes: opts.maxBytes,
        ...(opts.language ? { language: opts.language } : {}),
        jobs: opts.jobs,
        full: !!opts.full,
        prune: !!opts.prune,
        force: !!opts.force,
        timeBudget: opts.timeBudget,
        workerHeapMb: opts.workerHeap,
        ...(progress ? { progress: progress.update } : {}),
      });
      progress?.stop();
      printReport(report, opts);
    });
}
