import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeOutcome, type Outcome, ResultCache } from '../batch/cache.js';
import { finishBatch, type RunResult } from '../batch/finish.js';
import { MemberStore, toMember } from '../batch/members.js';
import { finishCommit, lockOutput, removeStaleTemps } from '../batch/outputs.js';
import { phaseTimer } from '../batch/report.js';
import type { InputFailure, RawInput } from '../io/inputs.js';
import { EntityInterner } from '../ledger/records.js';
import {
  type BatchManifest,
  type BatchProgress,
  batchProgress,
  connect,
  decompress,
  openQueue,
  ping,
  QueueUsageError,
  readManifest,
  resultRedisKey,
} from './batch.js';

export interface CollectOptions {
  redis: string;
  batch: string;
  out: string;
  /** Wait until no document is queued, retrying or active, instead of refusing. */
  wait?: boolean;
  /** Give up waiting after this long (ms); default: wait as long as it takes. */
  timeoutMs?: number;
  pollMs?: number;
  progress?: (p: BatchProgress) => void;
}

/** Where a batch stands (the status command). */
export async function batchStatus(o: { redis: string; batch: string }): Promise<BatchProgress> {
  const redis = connect(o.redis, { commandTimeoutMs: 30_000 });
  try {
    await ping(redis, o.redis);
    const manifest = await readManifest(redis, o.batch);
    const queue = openQueue(redis, manifest.queue);
    try {
      return await batchProgress(redis, queue, manifest);
    } finally {
      await queue.close();
    }
  } finally {
    redis.disconnect();
  }
}

export const pendingCount = (p: BatchProgress) => p.counts.queued + p.counts.retrying + p.counts.active;

/**
 * Merges a distributed batch: fetches every stored result into the output folder's cache, then runs the
 * same merge and writers as `run`, so documents.jsonl and ledger.json are byte-identical to a run over
 * the same articles on one machine. Permanently failed and lost documents are reported as failures in
 * run-report.json, never dropped silently.
 */
export async function collectBatch(o: CollectOptions): Promise<RunResult> {
  const t0 = performance.now();
  const timings = new Map<string, number>();
  const phase = phaseTimer(timings);
  // Every command is bounded (its polls are small reads): should Redis go away while collect waits,
  // it gives up within seconds instead of waiting for a server that may never return.
  const commandTimeoutMs = Math.max(1000, Math.min(5000, o.timeoutMs ?? 5000));
  const redis = connect(o.redis, { commandTimeoutMs });
  try {
    await ping(redis, o.redis);
    const manifest = await readManifest(redis, o.batch);
    const queue = openQueue(redis, manifest.queue);
    let progress: BatchProgress;
    try {
      for (;;) {
        try {
          progress = await batchProgress(redis, queue, manifest);
        } catch (e) {
          throw new QueueUsageError(
            `lost Redis at ${o.redis} while collecting batch "${o.batch}" (${(e as Error).message}); start it again and rerun collect`,
          );
        }
        o.progress?.(progress);
        if (pendingCount(progress) === 0 || !o.wait) break;
        if (o.timeoutMs !== undefined && performance.now() - t0 > o.timeoutMs) break;
        await sleep(o.pollMs ?? 1000);
      }
    } finally {
      // Closing waits for the server: not when it is gone.
      if (redis.status === 'ready') await queue.close();
    }
    const pending = pendingCount(progress);
    if (pending > 0) {
      const c = progress.counts;
      throw new QueueUsageError(
        `${pending} of ${progress.total} documents of batch "${o.batch}" are not done yet (queued ${c.queued}, retrying ${c.retrying}, active ${c.active}, workers ${progress.workers}); start workers or pass --wait`,
      );
    }
    phase('wait');
    mkdirSync(o.out, { recursive: true });
    const release = lockOutput(o.out);
    try {
      return await writeBatch(o, manifest, progress, redis, timings, phase, t0);
    } finally {
      release();
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * The collected batch written as `run` writes: the batch's documents make the ledger (a collect is
 * the whole of its batch, as `run --prune` is the whole of its inputs); their texts stay with the
 * queue, so the member list names them without kept texts.
 */
async function writeBatch(
  o: CollectOptions,
  manifest: BatchManifest,
  progress: BatchProgress,
  redis: ReturnType<typeof connect>,
  timings: Map<string, number>,
  phase: (name: string) => void,
  t0: number,
): Promise<RunResult> {
  finishCommit(o.out);
  const cache = new ResultCache(o.out, manifest.salt);
  removeStaleTemps(o.out, [cache.dir]);
  const inputs: RawInput[] = manifest.inputs.map(({ id, source, sha256, meta }) => ({
    id,
    source,
    sha256,
    meta: meta ?? {},
  }));
  const outcomes = new Map<RawInput, Outcome>();
  const failures: InputFailure[] = [...progress.failures];
  const lost = (input: RawInput) =>
    failures.push({
      source: input.source,
      message: {
        code: 'job-missing',
        message: `batch "${o.batch}" has neither a result nor a job for this document (results expire after 30 days); enqueue the batch again`,
        severity: 'error',
        stage: 'queue',
      },
    });
  await fetchResults(redis, manifest, inputs, progress, cache, outcomes, lost);
  phase('fetch');
  const result = finishBatch({
    out: o.out,
    inputs,
    outcomes,
    failures,
    record: (input) => cache.readRecord(input),
    pipeline: manifest.pipeline,
    jobs: progress.workers,
    cached: 0,
    timings,
    phase,
    t0,
    members: () => MemberStore.serialise(inputs.filter((i) => 'merge' in (outcomes.get(i) ?? {})).map(toMember)),
  });
  cache.prune();
  return result;
}

/** Copies the stored results of the done documents into the local cache, in chunks. */
async function fetchResults(
  redis: ReturnType<typeof connect>,
  manifest: BatchManifest,
  inputs: RawInput[],
  progress: BatchProgress,
  cache: ResultCache,
  outcomes: Map<RawInput, Outcome>,
  lost: (input: RawInput) => void,
) {
  const interner = new EntityInterner();
  const todo: number[] = [];
  progress.states.forEach((s, i) => {
    if (s === 'done') todo.push(i);
    else if (s === 'missing') lost(inputs[i] as RawInput);
  });
  for (let c = 0; c < todo.length; c += 500) {
    const chunk = todo.slice(c, c + 500);
    const keys = chunk.map((i) => resultRedisKey((manifest.inputs[i] as BatchManifest['inputs'][number]).key));
    const values = await redis.mgetBuffer(...keys);
    chunk.forEach((i, k) => {
      const input = inputs[i] as RawInput;
      const value = values[k];
      if (!value) {
        lost(input); // expired between the progress check and now
        return;
      }
      const stored = decompress(value);
      cache.store(input, stored);
      const outcome = decodeOutcome(stored);
      outcomes.set(input, 'merge' in outcome ? { merge: interner.intern(outcome.merge) } : outcome);
    });
  }
}
