import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { loadPipelineConfig } from '../core/pipeline.js';
import type { RawInput } from '../io/inputs.js';
import type { Outcome, ResultCache } from './cache.js';
import { budgetMs } from './process.js';

/** A pool of worker threads running src/batch/worker (the .ts source under tsx, the .js build otherwise). */
export function createPool(threads: number): Piscina {
  const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts';
  const filename = new URL(fromSource ? './worker-tsx.mjs' : './worker.js', import.meta.url).href;
  return new Piscina({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
}

/**
 * One document in a worker thread, within its time budget: a stage that never returns is stopped by
 * ending the thread (piscina starts another), and the document fails with the reason.
 */
export async function runInPool(
  pool: Piscina,
  task: {
    config: ReturnType<typeof loadPipelineConfig>;
    input: RawInput;
    cache: { out: string; salt: string };
    timeBudget: number;
  },
  cache: ResultCache,
  timings: Map<string, number>,
): Promise<Outcome> {
  const bytes = task.input.bytes?.length ?? Buffer.byteLength(task.input.text ?? '');
  // The stages check the budget themselves between stages; this is the hard stop beyond it.
  const limit = Math.ceil(2 * budgetMs(bytes, task.timeBudget) + 10_000);
  try {
    const r = (await pool.run(task, { signal: AbortSignal.timeout(limit) })) as {
      outcome: Outcome;
      timings: [string, number][];
    };
    for (const [k, v] of r.timings) timings.set(k, (timings.get(k) ?? 0) + v);
    cache.touch(task.input);
    return r.outcome;
  } catch (e) {
    const aborted = (e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError';
    const message = aborted
      ? `processing did not finish within ${(limit / 1000).toFixed(0)} s for ${bytes} bytes and was stopped; split the article or raise --time-budget`
      : `processing failed in a worker thread: ${(e as Error).message}`;
    return cache.set(task.input, {
      failure: {
        source: task.input.source,
        message: { code: aborted ? 'time-budget' : 'worker-failed', message, severity: 'error', stage: 'extract' },
      },
    });
  }
}
