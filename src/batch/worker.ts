import '../stages/index.js';
import { buildPipeline, type PipelineConfig } from '../core/pipeline.js';
import type { RawInput } from '../io/inputs.js';
import { processInput, toStored } from '../run.js';
import { ResultCache } from './cache.js';

/**
 * The per-document work in a worker thread (piscina): the same pipeline as in-process, built once per
 * worker from the configuration the main thread loaded. The worker stores the full result in the cache
 * itself and hands back only what the merge needs, so the main thread neither serialises nor holds
 * whole records.
 */
let pipeline: ReturnType<typeof buildPipeline> | undefined;
let cache: ResultCache | undefined;

export default function work(task: { config: PipelineConfig; input: RawInput; cache: { out: string; salt: string } }) {
  const { config, input } = task;
  pipeline ??= buildPipeline(config);
  cache ??= new ResultCache(task.cache.out, task.cache.salt);
  // Buffers arrive as plain Uint8Arrays after the structured clone into the worker.
  if (input.bytes && !Buffer.isBuffer(input.bytes)) input.bytes = Buffer.from(input.bytes);
  const timings = new Map<string, number>();
  const outcome = cache.set(input, toStored(processInput(input, pipeline, timings)));
  return { outcome, timings: [...timings.entries()] };
}
