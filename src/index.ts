/**
 * event-ledger as a library: `extract` for one article in memory, `runBatch` for files and folders
 * into an output folder (exactly what `event-ledger run` does), `mergeLedger` to merge the results of
 * several `extract` calls into a ledger, and the diff and export functions of the CLI.
 *
 *   import { extract, runBatch } from 'event-ledger';
 *   const { events, entities } = extract('On 5 May 2026 the presidents met in Baku …', { published: '2026-05-06' });
 */
import './stages/index.js';
import { processInput } from './batch/process.js';
import type { DocumentMeta } from './core/document.js';
import { buildPipeline, loadPipelineConfig, type Pipeline } from './core/pipeline.js';
import { sha256 } from './io/inputs.js';
import type { DocumentResult } from './ledger/records.js';

export type {
  DateMention,
  DateValue,
  EntityMention,
  EntityRecord,
  EntityType,
  EventMention,
  EventParticipant,
  Message,
} from './core/document.js';
export { UsageError } from './core/errors.js';
export type { PipelineConfig } from './core/pipeline.js';
export { diffLedgers, formatDiffHtml, formatDiffText, type LedgerDiff } from './ledger/diff.js';
export { dateBounds, exportFiles, exportSqlite, schemaDdl, toSql, toTables } from './ledger/export.js';
export { type Ledger, type LedgerEvent, mergeLedger } from './ledger/merge.js';
export type { DocumentRecord, DocumentResult } from './ledger/records.js';
export { type RunOptions, type RunReport, type RunResult, runBatch } from './run.js';

import { defaultPipelinePath } from './version.js';

export { defaultPipelinePath, toolVersion } from './version.js';

export interface ExtractOptions {
  /** The document's id in the result (default `doc`). */
  id?: string;
  /** The publication date (YYYY-MM-DD, optionally with a time): relative dates are resolved against it. */
  published?: string;
  /** The language (ISO 639-1: en, ru, az) instead of detecting it. */
  language?: string;
  /** The text is HTML. */
  html?: boolean;
  /** A pipeline configuration file (default: the shipped one). */
  pipeline?: string;
}

const pipelines = new Map<string, Pipeline>();

/** The error of a document that could not be processed (empty, binary, over its time budget …). */
export class ExtractError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

/**
 * One article in memory through the per-document stages: its record (language, publication date,
 * body, dates, entity mentions, warnings; the `documents.jsonl` line), its canonical entities and its
 * event mentions. Merge the results of several articles with `mergeLedger`. Throws `ExtractError`
 * when the article cannot be processed at all.
 */
export function extract(text: string, options: ExtractOptions = {}): DocumentResult {
  const file = options.pipeline ?? defaultPipelinePath;
  let pipeline = pipelines.get(file);
  if (!pipeline) {
    pipeline = buildPipeline(loadPipelineConfig(file));
    pipelines.set(file, pipeline);
  }
  const id = options.id ?? 'doc';
  const meta: DocumentMeta = {};
  if (options.published) meta.publishedGiven = options.published;
  if (options.language) meta.languageGiven = options.language;
  const { result, failure } = processInput(
    { id, source: id, sha256: sha256(text), text, html: !!options.html, meta },
    pipeline,
  );
  if (!result)
    throw new ExtractError(
      failure?.message.message ?? 'the article could not be processed',
      failure?.message.code ?? 'failed',
    );
  return result;
}
