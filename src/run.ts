import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { type CachedOutcome, ResultCache } from './batch/cache.js';
import { codeFingerprint } from './batch/fingerprint.js';
import './stages/index.js';
import { createDocument, type Message } from './core/document.js';
import { buildPipeline, loadPipelineConfig, type Pipeline, stableStringify } from './core/pipeline.js';
import { decodeInput } from './io/decode.js';
import { type InputFailure, type RawInput, readInputs } from './io/inputs.js';
import { writeAtomic } from './io/write.js';
import { type Ledger, mergeLedger } from './ledger/merge.js';
import { type DocumentRecord, type DocumentResult, toDocumentResult } from './ledger/records.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  pipeline: string;
  maxBytes: number;
  /** Documents processed at once: 1 runs in-process; more run in a pool of worker threads. */
  jobs?: number;
  /** Ignore cached per-document results and process everything again. */
  full?: boolean;
  /** Called after each document with the count done and the total (the CLI draws progress from it). */
  progress?: (done: number, total: number, cached: number) => void;
}

export interface RunReport {
  pipeline: { name: string; hash: string; file: string };
  counts: {
    inputs: number;
    processed: number;
    failed: number;
    events: number;
    entities: number;
    /** Documents whose results came from the cache of an earlier run. */
    cached: number;
  };
  jobs: number;
  failures: { source: string; code: string; message: string; line?: number }[];
  warnings: {
    document: string;
    code: string;
    message: string;
    severity: string;
    start?: number;
    line?: number;
  }[];
  timings: { stage: string; ms: number }[];
  totalMs: number;
}

export interface RunResult {
  ledger: Ledger;
  records: DocumentRecord[];
  report: RunReport;
}

/** Decodes one input and runs the per-document stages over it; never throws. */
export function processInput(
  input: RawInput,
  pipeline: Pipeline,
  timings?: Map<string, number>,
): { result?: DocumentResult; failure?: InputFailure } {
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
  pipeline.run(doc, timings);
  const error = doc.messages.find((m) => m.severity === 'error');
  if (error) return { failure: { source: input.source, message: error } };
  return { result: toDocumentResult(doc, input.text !== undefined || input.html === true) };
}

const MIN_DOCS_FOR_POOL = 16;

export async function runBatch(opts: RunOptions): Promise<RunResult> {
  const t0 = performance.now();
  const config = loadPipelineConfig(opts.pipeline);
  const pipeline = buildPipeline(config);
  const { inputs, failures } = readInputs(opts.inputs, { maxBytes: opts.maxBytes });
  const jobs = Math.max(1, opts.jobs ?? 1);
  const timings = new Map<string, number>();
  const cache = new ResultCache(opts.out, `${pipeline.hash}:${codeFingerprint()}`);
  const outcomes = new Map<RawInput, CachedOutcome>();
  let cached = 0;
  let t = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings.set(name, (timings.get(name) ?? 0) + now - t);
    t = now;
  };
  phase('read-inputs');
  for (const input of inputs) {
    const hit = opts.full ? undefined : cache.get(input);
    if (hit) {
      outcomes.set(input, hit);
      cached++;
    }
  }
  const pending = inputs.filter((i) => !outcomes.has(i));
  phase('cache-read');
  // CPU-bound extraction: one document at a time in-process, or a pool of worker threads that p-queue
  // keeps fed. Each finished document goes to the cache at once, so an interrupted run resumes.
  // Starting worker threads (each loads the models and dictionaries) costs about a second: only worth it
  // for more than a handful of documents.
  const pool = jobs > 1 && pending.length >= MIN_DOCS_FOR_POOL ? createPool(jobs) : undefined;
  const queue = new PQueue({ concurrency: pool ? jobs * 2 : 1 });
  let done = cached;
  opts.progress?.(done, inputs.length, cached);
  for (const input of pending) {
    queue.add(async () => {
      let outcome: { result?: DocumentResult; failure?: InputFailure };
      if (pool) {
        const r = (await pool.run({ config, input })) as {
          result?: DocumentResult;
          failure?: InputFailure;
          timings: [string, number][];
        };
        for (const [k, v] of r.timings) timings.set(k, (timings.get(k) ?? 0) + v);
        outcome = r;
      } else {
        outcome = processInput(input, pipeline, timings);
      }
      const stored: CachedOutcome = outcome.result
        ? { result: outcome.result }
        : { failure: outcome.failure as InputFailure };
      cache.set(input, stored);
      outcomes.set(input, stored);
      done++;
      opts.progress?.(done, inputs.length, cached);
    });
  }
  await queue.onIdle();
  await pool?.destroy();
  t = performance.now();
  const results: DocumentResult[] = [];
  for (const input of inputs) {
    const o = outcomes.get(input);
    if (o && 'result' in o) results.push(o.result);
    else if (o) failures.push(o.failure);
  }
  const { ledger, records } = mergeLedger(results);
  phase('merge');
  const warnings: RunReport['warnings'] = [];
  for (const r of records) {
    for (const w of r.warnings) {
      const entry: RunReport['warnings'][number] = {
        document: r.id,
        code: w.code,
        message: w.message,
        severity: w.severity,
      };
      if (w.start !== undefined) entry.start = w.start;
      if (w.line !== undefined) entry.line = w.line;
      warnings.push(entry);
    }
  }
  const report: RunReport = {
    pipeline: { name: config.name, hash: pipeline.hash, file: opts.pipeline },
    counts: {
      inputs: inputs.length + failures.filter((f) => !inputs.some((i) => i.source === f.source)).length,
      processed: records.length,
      failed: failures.length,
      events: ledger.events.length,
      entities: ledger.entities.length,
      cached,
    },
    jobs,
    failures: failures
      .map(({ source, message }) => failureEntry(source, message))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
    warnings,
    timings: [...timings.entries()].map(([stage, ms]) => ({ stage, ms: Math.round(ms) })),
    totalMs: Math.round(performance.now() - t0),
  };
  writeOutputs(opts.out, ledger, records, report);
  cache.prune();
  phase('write');
  return { ledger, records, report };
}

/** A pool of worker threads running src/batch/worker (the .ts source under tsx, the .js build otherwise). */
function createPool(threads: number): Piscina {
  const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts';
  const filename = new URL(fromSource ? './batch/worker-tsx.mjs' : './batch/worker.js', import.meta.url).href;
  return new Piscina({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
}

function failureEntry(source: string, m: Message): RunReport['failures'][number] {
  const e: RunReport['failures'][number] = { source, code: m.code, message: m.message };
  if (m.line !== undefined) e.line = m.line;
  return e;
}

export function serialiseDocuments(records: DocumentRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

export function serialiseLedger(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

export function writeOutputs(out: string, ledger: Ledger, records: DocumentRecord[], report: RunReport): void {
  writeAtomic(join(out, 'documents.jsonl'), serialiseDocuments(records));
  writeAtomic(join(out, 'ledger.json'), serialiseLedger(ledger));
  writeAtomic(join(out, 'run-report.json'), `${JSON.stringify(JSON.parse(stableStringify(report)), null, 2)}\n`);
}
