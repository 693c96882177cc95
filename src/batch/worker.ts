import '../stages/index.js';
import { buildPipeline, type PipelineConfig } from '../core/pipeline.js';
import type { RawInput } from '../io/inputs.js';
import { processInput } from '../run.js';

/**
 * The per-document work in a worker thread (piscina): the same pipeline as in-process, built once per
 * worker from the configuration the main thread loaded.
 */
let pipeline: ReturnType<typeof buildPipeline> | undefined;

export default function work({ config, input }: { config: PipelineConfig; input: RawInput }) {
  pipeline ??= buildPipeline(config);
  // Buffers arrive as plain Uint8Arrays after the structured clone into the worker.
  if (input.bytes && !Buffer.isBuffer(input.bytes)) input.bytes = Buffer.from(input.bytes);
  const timings = new Map<string, number>();
  const outcome = processInput(input, pipeline, timings);
  return { ...outcome, timings: [...timings.entries()] };
}
