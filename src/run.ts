import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { fillEvents, type Outcome, ResultCache, resultSalt } from './batch/cache.js';
import './stages/index.js';
import { createDocument, type Message } from './core/document.js';
import { buildPipeline, loadPipelineConfig, type Pipeline, stableStringify } from './core/pipeline.js';
import { decodeInput } from './io/decode.js';
import { type InputFailure, type RawInput, readInputs } from './io/inputs.js';
import { AtomicFileWriter, writeAtomic } from './io/write.js';
import { type Ledger, mergeLedger } from './ledger/merge.js';
import { type DocumentResult, type MergeInput, toDocumentResult } from './ledger/records.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  pipeline: string;
  maxBytes: number;
  /** The language of every input that does not state its own (ISO 639-1); otherwise it is detected. */
  language?: string;
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
  /** The process's peak resident memory (worker threads included). */
  peakRssMb: number;
  totalMs: number;
}

export interface RunResult {
  ledger: Ledger;
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
  const timings = new Map<string, number>();
  const phase = phaseTimer(timings);
  const { inputs, failures } = readInputs(opts.inputs, {
    maxBytes: opts.maxBytes,
    ...(opts.language ? { language: opts.language } : {}),
  });
  const jobs = Math.max(1, opts.jobs ?? 1);
  const cache = new ResultCache(opts.out, resultSalt(pipeline.hash));
  const outcomes = new Map<RawInput, Outcome>();
  let cached = 0;
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
  // keeps fed. Each finished document goes to the cache at once, so an interrupted run resumes; worker
  // threads store their own results and hand back only what the merge needs.
  // Starting worker threads (each loads the models and dictionaries) costs about a second: only worth it
  // for more than a handful of documents.
  const pool = jobs > 1 && pending.length >= MIN_DOCS_FOR_POOL ? createPool(jobs) : undefined;
  const queue = new PQueue({ concurrency: pool ? jobs * 2 : 1 });
  let done = cached;
  opts.progress?.(done, inputs.length, cached);
  for (const input of pending) {
    queue.add(async () => {
      if (pool) {
        const r = (await pool.run({ config, input, cache: { out: opts.out, salt: cache.salt } })) as {
          outcome: Outcome;
          timings: [string, number][];
        };
        for (const [k, v] of r.timings) timings.set(k, (timings.get(k) ?? 0) + v);
        cache.touch(input);
        outcomes.set(input, r.outcome);
      } else {
        outcomes.set(input, cache.set(input, toStored(processInput(input, pipeline, timings))));
      }
      done++;
      opts.progress?.(done, inputs.length, cached);
    });
  }
  await queue.onIdle();
  await pool?.destroy();
  phase('extract');
  timings.delete('extract'); // the stages' own times are reported; this was their wall time
  const result = finishBatch({
    out: opts.out,
    inputs,
    outcomes,
    failures,
    record: (input) => cache.readRecord(input),
    pipeline: { name: config.name, hash: pipeline.hash, file: opts.pipeline },
    jobs,
    cached,
    timings,
    phase,
    t0,
  });
  cache.prune();
  return result;
}

/** Accumulates the wall time between calls under the name given. */
export function phaseTimer(timings: Map<string, number>): (name: string) => void {
  let t = performance.now();
  return (name) => {
    const now = performance.now();
    timings.set(name, (timings.get(name) ?? 0) + now - t);
    t = now;
  };
}

export function toStored(outcome: { result?: DocumentResult; failure?: InputFailure }) {
  return outcome.result ? { result: outcome.result } : { failure: outcome.failure as InputFailure };
}

export interface FinishOptions {
  out: string;
  /** Every input of the batch, in reading order. */
  inputs: RawInput[];
  outcomes: Map<RawInput, Outcome>;
  /** Inputs that failed before processing (unreadable, too large). */
  failures: InputFailure[];
  /** The stored record of an input (see batch/cache), from which its documents.jsonl line is copied. */
  record: (input: RawInput) => string | undefined;
  pipeline: RunReport['pipeline'];
  jobs: number;
  cached: number;
  timings: Map<string, number>;
  phase: (name: string) => void;
  t0: number;
}

/**
 * The end of every batch, whatever ran its documents (this process, worker threads, or queue workers on
 * other machines): merge, then write documents.jsonl, ledger.json and run-report.json atomically.
 */
export function finishBatch(o: FinishOptions): RunResult {
  const results: MergeInput[] = [];
  const sources: RawInput[] = [];
  const failures = [...o.failures];
  for (const input of o.inputs) {
    const outcome = o.outcomes.get(input);
    if (outcome && 'merge' in outcome) {
      results.push(outcome.merge);
      sources.push(input);
    } else if (outcome) failures.push(outcome.failure);
  }
  const { ledger, records } = mergeLedger(results);
  o.phase('merge');
  // mergeLedger orders records by id with a stable sort: the same order pairs each with its input.
  const byId = sources.map((input, i) => ({ input, id: (results[i] as MergeInput).record.id }));
  byId.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const documents = new AtomicFileWriter(join(o.out, 'documents.jsonl'));
  try {
    records.forEach((r, i) => {
      const input = byId[i]?.input as RawInput;
      const stored = o.record(input);
      if (stored === undefined)
        throw new Error(
          `the stored result of ${input.source} disappeared before documents.jsonl was written; run again`,
        );
      documents.write(`${fillEvents(stored, r.events)}\n`);
    });
  } catch (e) {
    documents.abort();
    throw e;
  }
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
    pipeline: o.pipeline,
    counts: {
      inputs: o.inputs.length + o.failures.filter((f) => !o.inputs.some((i) => i.source === f.source)).length,
      processed: records.length,
      failed: failures.length,
      events: ledger.events.length,
      entities: ledger.entities.length,
      cached: o.cached,
    },
    jobs: o.jobs,
    failures: failures
      .map(({ source, message }) => failureEntry(source, message))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
    warnings,
    timings: [],
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    totalMs: 0,
  };
  documents.commit();
  writeAtomic(join(o.out, 'ledger.json'), serialiseLedger(ledger));
  o.phase('write');
  report.timings = [...o.timings.entries()].map(([stage, ms]) => ({ stage, ms: Math.round(ms) }));
  report.totalMs = Math.round(performance.now() - o.t0);
  writeAtomic(join(o.out, 'run-report.json'), `${JSON.stringify(JSON.parse(stableStringify(report)), null, 2)}\n`);
  return { ledger, report };
}

/** A pool of worker threads running src/batch/worker (the .ts source under tsx, the .js build otherwise). */
export function createPool(threads: number): Piscina {
  const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts';
  const filename = new URL(fromSource ? './batch/worker-tsx.mjs' : './batch/worker.js', import.meta.url).href;
  return new Piscina({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
}

function failureEntry(source: string, m: Message): RunReport['failures'][number] {
  const e: RunReport['failures'][number] = { source, code: m.code, message: m.message };
  if (m.line !== undefined) e.line = m.line;
  return e;
}

export function serialiseLedger(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}
