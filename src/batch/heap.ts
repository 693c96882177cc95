import { setFlagsFromString } from 'node:v8';
import { givenToNode } from '../core/v8-flags.js';

/**
 * How far V8 lets a heap grow past what its last full collection kept, in percent, while documents
 * are extracted. Left to itself V8 grows a heap by a factor of up to 4 when collecting is fast next to
 * the work between collections, and during extraction each thread's heap (this one's and each worker
 * thread's, ~100 MB live, mostly the models and dictionaries) grew to ~200 MB, mostly garbage: 10,000
 * articles with --jobs 2 peaked at ~690 MB. At 10% they peaked at ~595 MB in the same time.
 */
export const HEAP_GROWING_PERCENT = 10;

/** The V8 flag that bounds growth, unless node was started with its own value (which is left alone). */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  if (givenToNode('heap-growing-percent', execArgv)) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

let holders = 0;

/**
 * Bounds heap growth for this process and its worker threads until the returned release is called
 * (by the last holder, when runs overlap). V8 reads the flag at every full collection, so setting it
 * while running takes effect (the same peak as on node's command line). Released before the merge:
 * one thread then builds one large heap, with no threads beside it, and V8's own growth is faster there
 * (a re-run adding 10 articles to 10,000 spent ~1 s more CPU collecting when bounded).
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): () => void {
  const flag = heapGrowthFlag(execArgv);
  if (!flag) return () => {};
  if (holders++ === 0) setFlagsFromString(flag);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // 0 is V8's default: the growth factor it picks itself.
    if (--holders === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
