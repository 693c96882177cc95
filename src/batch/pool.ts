import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { loadPipelineConfig } from '../core/pipeline.js';
import type { InputFailure, RawInput } from '../io/inputs.js';
import type { ResultCache, Settled, StoredEntry } from './cache.js';
import { budgetMs } from './process.js';

/**
 * The old-generation heap each worker thread may use, in MB. A worker's live heap is ~90 MB (the
 * models and dictionaries of three languages); V8 left to itself lets garbage grow it towards the
 * machine's limit and a 10k-article run with 2 threads peaked at 1.1 GB. With this bound it peaked at
 * ~0.7 GB, ~3% slower (bench/batch.ts); 160 MB cost 30%. A document that needs more is processed
 * again in the calling thread (see `runInPool`), so the bound never fails a document.
 */
export const DEFAULT_WORKER_HEAP_MB = 256;

/** Below this a thread cannot load the models at all: it would die before its first document. */
export const MIN_WORKER_HEAP_MB = 128;

/** A pool of worker threads running src/batch/worker (the .ts source under tsx, the .js build otherwise). */
export function createPool(threads: number, heapMb = DEFAULT_WORKER_HEAP_MB): Piscina {
  const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts';
  const filename = new URL(fromSource ? './worker-tsx.mjs' : './worker.js', import.meta.url).href;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: Math.max(MIN_WORKER_HEAP_MB, heapMb) },
  });
  // A thread that dies between tasks (out of its heap bound while loading) is replaced by piscina; the
  // task it held, if any, fails with the reason, which `runInPool` handles. Not the process's error.
  pool.on('error', () => {});
  return pool;
}

/** Whether a pool task failed because its worker thread ran out of its heap bound. */
export function outOfWorkerHeap(e: unknown): boolean {
  return (e as { code?: unknown })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * One document in a worker thread, within its time budget: a stage that never returns is stopped by
 * ending the thread (piscina starts another), and the document fails with the reason. A document whose
 * worker ran out of its heap bound is handed to `inThread`, which processes it in the calling thread.
 */
export async function runInPool(
  pool: Pick<Piscina, 'run'>,
  task: {
    config: ReturnType<typeof loadPipelineConfig>;
    input: RawInput;
    cache: { out: string; salt: string };
    timeBudget: number;
  },
  cache: ResultCache,
  timings: Map<string, number>,
  inThread: () => Settled,
): Promise<Settled> {
  const bytes = task.input.bytes?.length ?? Buffer.byteLength(task.input.text ?? '');
  // The stages check the budget themselves between stages; this is the hard stop beyond it.
  const limit = Math.ceil(2 * budgetMs(bytes, task.timeBudget) + 10_000);
  try {
    const r = (await pool.run(task, { signal: AbortSignal.timeout(limit) })) as {
      at: StoredEntry;
      failure?: InputFailure;
      timings: [string, number][];
    };
    for (const [k, v] of r.timings) timings.set(k, (timings.get(k) ?? 0) + v);
    cache.touch(task.input, r.at);
    return r.failure ? { failure: r.failure } : { stored: r.at };
  } catch (e) {
    if (outOfWorkerHeap(e)) return inThread();
    const aborted = (e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError';
    const message = aborted
      ? `processing did not finish within ${(limit / 1000).toFixed(0)} s for ${bytes} bytes and was stopped; split the article or raise --time-budget`
      : `processing failed in a worker thread: ${(e as Error).message}`;
    return cache.settle(task.input, {
      failure: {
        source: task.input.source,
        message: { code: aborted ? 'time-budget' : 'worker-failed', message, severity: 'error', stage: 'extract' },
      },
    });
  }
}
