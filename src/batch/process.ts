import { createDocument } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';
import { decodeInput } from '../io/decode.js';
import type { InputFailure, RawInput } from '../io/inputs.js';
import { type DocumentResult, toDocumentResult } from '../ledger/records.js';

/**
 * One document's processing: decode, run the per-document stages within the time budget, and keep the
 * result or the reason it failed. The lowest layer of a batch: the in-process run, the worker threads
 * and the queue workers all call it, and it knows nothing of caches, pools or outputs.
 */

/** The default time budget per document: seconds per 100 KB (and as much again for any document). */
export const DEFAULT_TIME_BUDGET = 10;

/** A document's time budget in ms, by its size. */
export const budgetMs = (bytes: number, perHundredKb = DEFAULT_TIME_BUDGET) =>
  perHundredKb * 1000 * (1 + bytes / 100_000);

/** Decodes one input and runs the per-document stages over it; never throws. */
export function processInput(
  input: RawInput,
  pipeline: Pipeline,
  timings?: Map<string, number>,
  timeBudget = DEFAULT_TIME_BUDGET,
): { result?: DocumentResult; failure?: InputFailure } {
  const deadline = performance.now() + budgetMs(input.bytes?.length ?? Buffer.byteLength(input.text ?? ''), timeBudget);
  const decoded = decodeInput(input);
  const fatal = decoded.messages.find((m) => m.severity === 'error');
  if (fatal) return { failure: { source: input.source, message: fatal } };
  const doc = createDocument({
    id: input.id,
    source: input.source,
    sha256: input.sha256,
    text: decoded.text,
    meta: input.meta,
  });
  doc.messages.push(...decoded.messages);
  pipeline.run(doc, timings, deadline);
  const error = doc.messages.find((m) => m.severity === 'error');
  if (error) return { failure: { source: input.source, message: error } };
  return { result: toDocumentResult(doc, input.text !== undefined || input.html === true) };
}

export function toStored(outcome: { result?: DocumentResult; failure?: InputFailure }) {
  return outcome.result ? { result: outcome.result } : { failure: outcome.failure as InputFailure };
}
