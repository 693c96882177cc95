import '../stages/index.js';
import { buildPipeline, type PipelineConfig } from '../core/pipeline.js';
import type { RawInput } from '../io/inputs.js';
import { encodeOutcome, ResultCache } from './cache.js';
import { processInput, toStored } from './process.js';

/**
 * The per-document work in a worker thread (piscina): the same pipeline as in-process, built once per
 * worker from the configuration the main thread loaded. The worker stores the full result in the cache
 * itself and hands back only where it is (or why the document failed): the main thread neither
 * deserialises nor holds results while the threads extract. Without a cache (queue workers, which
 * store results in Redis) it returns the encoded result instead.
 */
let cache: ResultCache | undefined;

const pipelines = new Map<string, ReturnType<typeof buildPipeline>>();

export default function work(task: {
  config: PipelineConfig;
  input: RawInput;
  cache?: { out: string; salt: string };
  timeBudget?: number;
}) {
  const { config, input } = task;
  // Queue workers serve every configuration their jobs name; a run has one.
  const key = JSON.stringify(config);
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    pipeline = buildPipeline(config);
    pipelines.set(key, pipeline);
  }
  // Buffers arrive as plain Uint8Arrays after the structured clone into the worker.
  if (input.bytes && !Buffer.isBuffer(input.bytes)) input.bytes = Buffer.from(input.bytes);
  const timings = new Map<string, number>();
  const stored = toStored(processInput(input, pipeline, timings, task.timeBudget));
  if (!task.cache) return { encoded: encodeOutcome(stored), timings: [...timings.entries()] };
  cache ??= new ResultCache(task.cache.out, task.cache.salt);
  // Only where the result is, or why it failed: the run reads merge inputs back once threads are done.
  const at = cache.store(input, encodeOutcome(stored));
  return { at, ...('failure' in stored ? { failure: stored.failure } : {}), timings: [...timings.entries()] };
}
