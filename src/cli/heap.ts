import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a heap grow past what its last full collection kept, in percent. Left to itself V8
 * grows a heap by a factor of up to 4 when collecting is fast next to the work between collections,
 * and a run's heaps (this thread's and each worker thread's, ~100 MB live each, mostly the models and
 * dictionaries) grew to ~200 MB each, mostly garbage: 10,000 articles with --jobs 2 peaked at 687 MB.
 * At 10% they peaked at 594 MB in the same time (bench/batch.ts figures in the commit that set it).
 */
export const HEAP_GROWING_PERCENT = 10;

/** The V8 flag the command line sets, unless node was started with its own. */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Sets the heap growth for this process and the worker threads it starts. V8 reads the flag at every
 * full collection, so setting it once running takes effect (measured: the same peak as on node's
 * command line). Only the command line does this: a library does not retune its caller's process.
 */
export function tuneHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag) setFlagsFromString(flag);
}
