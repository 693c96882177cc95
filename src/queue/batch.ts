import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Queue, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { codeFingerprint } from '../batch/fingerprint.js';
import type { RunReport } from '../batch/report.js';
import type { PipelineConfig } from '../core/pipeline.js';
import { type InputFailure, type RawInput, sha256 } from '../io/inputs.js';
import { QueueUsageError } from './errors.js';

/**
 * The shared state of a distributed batch, all in Redis under one prefix:
 * - `event-ledger:batch:<name>`: the batch manifest (inputs in reading order, read failures, pipeline);
 * - `event-ledger:pipeline:<hash>`: a pipeline configuration, so workers build what the enqueuer loaded;
 * - `event-ledger:result:<key>`: a document's stored result (gzip of the same text as the local cache),
 *   keyed like the local cache by document, content hash, pipeline hash and code fingerprint;
 * - BullMQ's own keys for the queue `articles-<code fingerprint>`.
 *
 * The queue is per code version: a worker takes only jobs enqueued by the same code, so during an
 * upgrade old and new workers never mix results in one ledger.
 */
export const PREFIX = 'event-ledger';

/** Results live this long after they were last written or reused (seconds): 30 days. */
export const RESULT_TTL = 30 * 24 * 3600;

/** Bodies up to this size travel in the job; larger ones are read by the worker from the path. */
export const CARRY_LIMIT = 64 * 1024;

export const batchKey = (name: string) => `${PREFIX}:batch:${name}`;
export const pipelineKey = (hash: string) => `${PREFIX}:pipeline:${hash}`;
export const resultRedisKey = (key: string) => `${PREFIX}:result:${key}`;
export const queueName = (fingerprint = codeFingerprint()) => `articles-${fingerprint}`;

/** One article in a job: its identity, and its body carried inline or referenced by path. */
export interface WireInput {
  id: string;
  source: string;
  sha256: string;
  meta: RawInput['meta'];
  html?: boolean;
  /** A JSONL record's text (always carried: the record has no path of its own). */
  text?: string;
  /** A small file's bytes, base64. */
  base64?: string;
  /** A large file's absolute path, read and checked against sha256 by the worker. */
  path?: string;
}

export interface ArticleJob {
  batch: string;
  /** The result key (see batch/cache resultKey). */
  key: string;
  pipelineHash: string;
  input: WireInput;
}

export interface BatchManifest {
  name: string;
  queue: string;
  fingerprint: string;
  salt: string;
  pipeline: RunReport['pipeline'];
  /** Every input, in the order `run` reads them, with its result key (also its job id). */
  inputs: { id: string; source: string; sha256: string; meta?: RawInput['meta']; key: string }[];
  /** Inputs that failed before they became jobs (unreadable, too large, malformed JSONL lines). */
  failures: InputFailure[];
}

/** A Redis connection as BullMQ workers need it: commands wait through reconnects instead of failing. */
/**
 * A connection to Redis. `commandTimeoutMs` bounds every command (not for workers, whose blocking
 * reads wait on purpose), so a client whose server went away fails instead of waiting forever.
 */
export function connect(url: string, options: { commandTimeoutMs?: number } = {}): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueUsageError(`"${url}" is not a Redis URL; write it as redis://host:port`);
  }
  const port = parsed.port ? Number(parsed.port) : 6379;
  if (!/^rediss?:$/.test(parsed.protocol) || !parsed.hostname || !(port >= 1 && port <= 65535))
    throw new QueueUsageError(`"${url}" is not a Redis URL; write it as redis://host:port (port 1-65535)`);
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: false,
    ...(options.commandTimeoutMs ? { commandTimeout: options.commandTimeoutMs } : {}),
  });
  // ioredis reconnects by itself; without a listener an unreachable server would crash the process.
  redis.on('error', () => {});
  return redis;
}

/** Fails with a message naming the URL when Redis does not answer. */
export async function ping(redis: Redis, url: string, timeoutMs = 5000): Promise<void> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new QueueUsageError(`cannot reach Redis at ${url}; start it or pass --redis URL`)),
      timeoutMs,
    ).unref(),
  );
  // A refused connection or an unknown host fails at once, not after the timeout.
  let onError: (e: NodeJS.ErrnoException) => void = () => {};
  const refused = new Promise<never>((_, reject) => {
    onError = (e) => {
      if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code ?? '')) reject(e);
    };
    redis.on('error', onError);
  });
  refused.catch(() => {}); // settled by the race below, or never
  try {
    await Promise.race([redis.ping(), timeout, refused]);
    redis.off('error', onError);
  } catch (e) {
    redis.off('error', onError);
    // Left connected, ioredis would keep reconnecting and hold the process open.
    redis.disconnect();
    throw e instanceof QueueUsageError
      ? e
      : new QueueUsageError(`cannot reach Redis at ${url} (${(e as Error).message}); start it or pass --redis URL`);
  }
}

export function openQueue(redis: Redis, name: string): Queue {
  const queue = new Queue(name, { connection: redis, prefix: PREFIX });
  // Connection errors are the connection's to report (ping, command timeouts), not a stack trace each.
  queue.on('error', () => {});
  return queue;
}

export { QueueUsageError };

export async function readManifest(redis: Redis, name: string): Promise<BatchManifest> {
  const text = await redis.get(batchKey(name));
  if (text === null) throw new QueueUsageError(`no batch "${name}" in Redis; enqueue it first`);
  return JSON.parse(text) as BatchManifest;
}

export async function readPipelineConfig(redis: Redis, hash: string): Promise<PipelineConfig> {
  const text = await redis.get(pipelineKey(hash));
  // Pipelines are never deleted; a missing one means the job came from another Redis database.
  if (text === null) throw new UnrecoverableError(`pipeline ${hash} is not in Redis; enqueue the batch again`);
  return JSON.parse(text) as PipelineConfig;
}

/** An input as a job carries it. */
export function toWire(input: RawInput): WireInput {
  const w: WireInput = { id: input.id, source: input.source, sha256: input.sha256, meta: input.meta };
  if (input.html !== undefined) w.html = input.html;
  if (input.text !== undefined) w.text = input.text;
  else if (input.bytes && (input.bytes.length <= CARRY_LIMIT || !input.path)) w.base64 = input.bytes.toString('base64');
  else w.path = input.path;
  return w;
}

/** An input back from a job, its referenced body read and checked against the hash taken at enqueue. */
export function fromWire(w: WireInput): RawInput {
  const input: RawInput = { id: w.id, source: w.source, sha256: w.sha256, meta: w.meta };
  if (w.html !== undefined) input.html = w.html;
  if (w.text !== undefined) input.text = w.text;
  else if (w.base64 !== undefined) input.bytes = Buffer.from(w.base64, 'base64');
  else if (w.path !== undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(w.path);
    } catch (e) {
      // A read error may pass (a network share): a plain error, so the job is retried with backoff.
      throw new Error(
        `cannot read ${w.path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); a worker must see the path the batch was enqueued from`,
      );
    }
    if (sha256(bytes) !== w.sha256)
      throw new UnrecoverableError(`${w.path} changed after it was enqueued; enqueue the batch again`);
    input.bytes = bytes;
  }
  return input;
}

export const compress = (text: string) => gzipSync(text);
export const decompress = (data: Buffer) => gunzipSync(data).toString('utf8');

export type DocumentState = 'done' | 'queued' | 'retrying' | 'active' | 'failed' | 'missing';

export interface BatchProgress {
  total: number;
  counts: Record<DocumentState, number>;
  /** Read failures from enqueue and permanently failed jobs, with their reasons. */
  failures: InputFailure[];
  /** Per input (manifest order): its state. */
  states: DocumentState[];
  workers: number;
}

const CHUNK = 500;

const attempts = (n: number | undefined) => (n === undefined ? 'its attempts' : `${n} attempt${n === 1 ? '' : 's'}`);

/**
 * Where every document of a batch stands: done (its result is stored), queued, retrying (waiting out a
 * backoff), active, failed (no attempts left), or missing (no result and no job: enqueue again).
 */
export async function batchProgress(redis: Redis, queue: Queue, m: BatchManifest): Promise<BatchProgress> {
  const states: DocumentState[] = [];
  const failures: InputFailure[] = [...m.failures];
  for (let i = 0; i < m.inputs.length; i += CHUNK) {
    const chunk = m.inputs.slice(i, i + CHUNK);
    const multi = redis.multi();
    for (const input of chunk) multi.exists(resultRedisKey(input.key));
    const exists = (await multi.exec()) ?? [];
    const pending = await Promise.all(
      chunk.map(async (input, k) => {
        if (exists[k]?.[1] === 1) return 'done' as const;
        const state = await queue.getJobState(input.key);
        if (state === 'failed') {
          const job = await queue.getJob(input.key);
          failures.push({
            source: input.source,
            message: {
              code: 'job-failed',
              message: `failed on the queue after ${attempts(job?.attemptsMade)}: ${job?.failedReason ?? 'no reason recorded'}; fix the cause and enqueue the batch again`,
              severity: 'error',
              stage: 'queue',
            },
          });
          return 'failed' as const;
        }
        if (state === 'active') return 'active' as const;
        if (state === 'delayed') return 'retrying' as const;
        if (state === 'unknown' || state === 'completed') {
          // Workers store the result before the job completes (and completed jobs are removed): a job
          // that finished between the two looks has its result by now.
          return (await redis.exists(resultRedisKey(input.key))) === 1 ? ('done' as const) : ('missing' as const);
        }
        return 'queued' as const;
      }),
    );
    states.push(...pending);
  }
  const counts: Record<DocumentState, number> = { done: 0, queued: 0, retrying: 0, active: 0, failed: 0, missing: 0 };
  for (const s of states) counts[s]++;
  failures.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { total: m.inputs.length, counts, failures, states, workers: (await queue.getWorkers()).length };
}
