import { hostname } from 'node:os';
import { type Job, Worker } from 'bullmq';
import type { Piscina } from 'piscina';
import { boundHeapGrowth } from '../batch/heap.js';
import { createPool, outOfWorkerHeap } from '../batch/pool.js';
import work from '../batch/worker.js';
import type { PipelineConfig } from '../core/pipeline.js';
import {
  type ArticleJob,
  compress,
  connect,
  fromWire,
  PREFIX,
  ping,
  queueName,
  RESULT_TTL,
  readPipelineConfig,
  resultRedisKey,
} from './batch.js';

export interface WorkerOptions {
  redis: string;
  /** Articles processed at once: 1 in this thread, more in a pool of worker threads. */
  concurrency: number;
  /** How long a job stays locked without a renewal before another worker takes it over (ms). */
  lockMs?: number;
  log?: (line: string) => void;
  /** Called when Redis has been gone longer than a job lock: the worker should exit. */
  onLost?: (reason: string) => void;
}

/** host:pid, the name a worker gives the jobs it takes. */
const workerName = (pid = process.pid) => `${hostname()}:${pid}`;

export interface RunningWorker {
  /** Finishes the jobs in hand, then disconnects. */
  close: () => Promise<void>;
  /** Jobs finished by this worker (processed, or skipped because their result was stored). */
  processed: () => number;
}

/**
 * A queue worker: takes article jobs of this code version, runs the same per-document stages as `run`,
 * and stores each result under its key. Storing is idempotent (the same key always holds the same
 * result), so a job retried after a crash, or run twice after a stalled lock, does no harm.
 */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const redis = connect(o.redis);
  await ping(redis, o.redis);
  // A queue worker only extracts: its heaps' growth stays bounded while it runs (batch/heap).
  const unboundHeap = boundHeapGrowth();
  const pool: Piscina | undefined = o.concurrency > 1 ? createPool(o.concurrency) : undefined;
  const configs = new Map<string, Promise<PipelineConfig>>();
  let processed = 0;

  const handle = async (job: Job<ArticleJob>) => {
    const { key, pipelineHash } = job.data;
    const target = resultRedisKey(key);
    // A duplicate or re-delivered job whose result another worker already stored.
    if ((await redis.expire(target, RESULT_TTL)) === 1) return 'stored';
    let config = configs.get(pipelineHash);
    if (!config) {
      config = readPipelineConfig(redis, pipelineHash);
      configs.set(pipelineHash, config);
      config.catch(() => configs.delete(pipelineHash));
    }
    // The same task as run's worker threads, without a local cache: it returns the encoded result.
    const task = { config: await config, input: fromWire(job.data.input) };
    // A document that outgrows a worker thread's heap bound is processed in this thread instead.
    const inPool = async () => {
      try {
        return await (pool as Piscina).run(task);
      } catch (e) {
        if (outOfWorkerHeap(e)) return work(task);
        throw e;
      }
    };
    const { encoded } = (pool ? await inPool() : work(task)) as { encoded: string };
    await redis.set(target, compress(encoded), 'EX', RESULT_TTL);
    return 'processed';
  };

  const lockDuration = o.lockMs ?? 60_000;
  const worker = new Worker<ArticleJob>(queueName(), handle, {
    // Stored on each job as processedBy, so status and tests can tell which worker holds it.
    name: workerName(),
    connection: redis,
    prefix: PREFIX,
    concurrency: o.concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    // A job whose worker died twice is more likely to kill workers than to be unlucky: fail it.
    maxStalledCount: 2,
  });
  worker.on('completed', () => {
    processed++;
  });
  worker.on('failed', (job, err) => {
    o.log?.(`job ${job?.data.input.source ?? job?.id}: ${err.message} (attempt ${job?.attemptsMade ?? '?'})`);
  });
  worker.on('error', (err) => o.log?.(`worker error: ${err.message}`));
  await worker.waitUntilReady();
  o.log?.(`worker ready: queue ${queueName()}, concurrency ${o.concurrency}`);
  // Redis gone for longer than a job lock lasts: the jobs in hand have gone to other workers by now,
  // so this worker gives up instead of waiting for a server that may never come back.
  let lostSince: number | undefined;
  const watchdog = setInterval(() => {
    if (redis.status === 'ready') lostSince = undefined;
    else if (lostSince === undefined) lostSince = Date.now();
    else if (Date.now() - lostSince > lockDuration) {
      clearInterval(watchdog);
      o.onLost?.(`lost Redis at ${o.redis} for over ${Math.round(lockDuration / 1000)} s; giving up`);
    }
  }, 1000);
  watchdog.unref();
  return {
    processed: () => processed,
    async close() {
      clearInterval(watchdog);
      await worker.close();
      await pool?.destroy();
      redis.disconnect();
      unboundHeap();
    },
  };
}
