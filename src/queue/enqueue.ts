import '../stages/index.js';
import { resultKey, resultSalt } from '../batch/cache.js';
import { codeFingerprint } from '../batch/fingerprint.js';
import { buildPipeline, loadPipelineConfig } from '../core/pipeline.js';
import { readInputs } from '../io/inputs.js';
import {
  type ArticleJob,
  type BatchManifest,
  batchKey,
  connect,
  openQueue,
  ping,
  pipelineKey,
  queueName,
  RESULT_TTL,
  resultRedisKey,
  toWire,
} from './batch.js';

export interface EnqueueOptions {
  redis: string;
  batch: string;
  inputs: string[];
  pipeline: string;
  maxBytes: number;
  /** The language of every input that does not state its own (ISO 639-1). */
  language?: string;
  /** Attempts per job before it counts as failed (BullMQ retries with exponential backoff between them). */
  attempts?: number;
  /** The first retry's delay; each later one doubles it. */
  backoffMs?: number;
}

export interface EnqueueResult {
  manifest: BatchManifest;
  /** Jobs added now. */
  queued: number;
  /** Documents whose result was already stored (an earlier batch, or an earlier enqueue of this one). */
  reused: number;
  /** Failed jobs of this batch set to run again. */
  retried: number;
}

/**
 * Puts one job per article on the queue of this code version and writes the batch manifest. Articles
 * whose result is already stored get no job; jobs of failed articles are retried. Enqueueing the same
 * batch twice is harmless: job ids are result keys, so BullMQ keeps one job per article.
 */
export async function enqueueBatch(o: EnqueueOptions): Promise<EnqueueResult> {
  const config = loadPipelineConfig(o.pipeline);
  const pipeline = buildPipeline(config);
  const salt = resultSalt(pipeline.hash);
  const redis = connect(o.redis, { commandTimeoutMs: 30_000 });
  await ping(redis, o.redis);
  const queue = openQueue(redis, queueName());
  try {
    const read = readInputs(o.inputs, { maxBytes: o.maxBytes, ...(o.language ? { language: o.language } : {}) });
    const manifest: BatchManifest = {
      name: o.batch,
      queue: queueName(),
      fingerprint: codeFingerprint(),
      salt,
      pipeline: { name: config.name, hash: pipeline.hash, file: o.pipeline },
      inputs: read.inputs.map((i) => ({
        id: i.id,
        source: i.source,
        sha256: i.sha256,
        ...(Object.keys(i.meta).length ? { meta: i.meta } : {}),
        key: resultKey(i, salt),
      })),
      failures: read.failures,
    };
    await redis.set(pipelineKey(pipeline.hash), JSON.stringify(config));
    const exists = await redis.multi(manifest.inputs.map((i) => ['expire', resultRedisKey(i.key), RESULT_TTL])).exec();
    const jobs: { name: string; data: ArticleJob; opts: object }[] = [];
    read.inputs.forEach((input, k) => {
      if (exists?.[k]?.[1] === 1) return; // stored already (and its lifetime renewed)
      const key = (manifest.inputs[k] as BatchManifest['inputs'][number]).key;
      jobs.push({
        name: 'article',
        data: { batch: o.batch, key, pipelineHash: pipeline.hash, input: toWire(input) },
        opts: {
          jobId: key,
          attempts: o.attempts ?? 3,
          backoff: { type: 'exponential', delay: o.backoffMs ?? 2000 },
          removeOnComplete: true,
          // Failed jobs stay a week so status and collect can say why.
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      });
    });
    for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
    // A job id that already failed is not added again: retry those of this batch.
    let retried = 0;
    const ids = new Set(jobs.map((j) => j.data.key));
    for (const job of await queue.getFailed()) {
      if (ids.has(job.id as string)) {
        await job.retry('failed');
        retried++;
      }
    }
    await redis.set(batchKey(o.batch), JSON.stringify(manifest));
    return { manifest, queued: jobs.length, reused: read.inputs.length - jobs.length, retried };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
