import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { fillEvents, type Outcome, ResultCache, resultSalt } from './batch/cache.js';
import { MEMBERS_FILE, type Member, MemberStore, memberInput, toMember } from './batch/members.js';
import { commitOutputs, finishCommit, lockOutput, removeStaleTemps } from './batch/outputs.js';
import { describeEnvironmentError, isEnvironmentError, UsageError } from './core/errors.js';
import './stages/index.js';
import { createDocument, type Message } from './core/document.js';
import { buildPipeline, loadPipelineConfig, type Pipeline, stableStringify } from './core/pipeline.js';
import { decodeInput } from './io/decode.js';
import { type InputFailure, type RawInput, readInputs } from './io/inputs.js';
import { AtomicFileWriter } from './io/write.js';
import { type Ledger, mergeLedger } from './ledger/merge.js';
import { type DocumentResult, type MergeInput, toDocumentResult } from './ledger/records.js';
import { provenance } from './version.js';

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
  /**
   * Make the ledger of exactly these inputs: drop the documents of earlier runs that are not among
   * them. Without it a run adds its inputs to the ledger already in `out`.
   */
  prune?: boolean;
  /** With `prune`: drop even more than half of the ledger's documents. */
  force?: boolean;
  /** Each document's time budget: seconds per 100 KB of input (a document under 100 KB gets as much). */
  timeBudget?: number;
}

/** The default time budget per document: seconds per 100 KB (and as much again for any document). */
export const DEFAULT_TIME_BUDGET = 10;

/** A document's time budget in ms, by its size. */
export const budgetMs = (bytes: number, perHundredKb = DEFAULT_TIME_BUDGET) =>
  perHundredKb * 1000 * (1 + bytes / 100_000);

export interface RunReport {
  /** What made the outputs: tool version, code fingerprint, Node.js version. */
  tool: ReturnType<typeof provenance>;
  /** When the run started (ISO 8601, UTC). */
  startedAt: string;
  /** The inputs as given on the command line (`-` for standard input). */
  inputs: string[];
  pipeline: { name: string; hash: string; file: string };
  counts: {
    inputs: number;
    processed: number;
    failed: number;
    events: number;
    entities: number;
    /** Documents whose results came from the cache of an earlier run. */
    cached: number;
    /** Documents of earlier runs kept in the ledger though not among this run's inputs. */
    kept: number;
    /** Documents of earlier runs dropped by --prune. */
    dropped: number;
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
  /** SHA-256 of the documents.jsonl and ledger.json written with this report: a reader can check the pair. */
  outputs?: Record<string, string>;
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

const MIN_DOCS_FOR_POOL = 16;

export async function runBatch(opts: RunOptions): Promise<RunResult> {
  const t0 = performance.now();
  const config = loadPipelineConfig(opts.pipeline);
  const pipeline = buildPipeline(config);
  // A path that is not there is a mistake to fix, not a document that failed: nothing is touched.
  for (const p of opts.inputs)
    if (p !== '-' && !existsSync(p))
      throw new UsageError(`input ${p} does not exist; check the path (nothing was changed)`);
  prepareOutputFolder(opts.out);
  const release = lockOutput(opts.out);
  try {
    return await runLocked(opts, config, pipeline, t0);
  } finally {
    release();
  }
}

/** The output folder exists (created if need be) and can be written, or a usage error says why not. */
function prepareOutputFolder(out: string): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder`);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new UsageError(
      `cannot use ${out} as the output folder: ${isEnvironmentError(e) ? describeEnvironmentError(e) : (e as Error).message}`,
    );
  }
  try {
    accessSync(out, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write to the output folder ${out} (permission denied or read-only)`);
  }
}

async function runLocked(
  opts: RunOptions,
  config: ReturnType<typeof loadPipelineConfig>,
  pipeline: Pipeline,
  t0: number,
): Promise<RunResult> {
  const timings = new Map<string, number>();
  const phase = phaseTimer(timings);
  // A run killed between renaming its outputs left a journal: finish its commit first, then clear
  // the temporary files killed runs left behind.
  finishCommit(opts.out);
  const members = new MemberStore(opts.out);
  const cache = new ResultCache(opts.out, resultSalt(pipeline.hash));
  removeStaleTemps(opts.out, [cache.dir, members.dir, join(members.dir, 'inputs')]);
  const read = readInputs(opts.inputs, {
    maxBytes: opts.maxBytes,
    ...(opts.language ? { language: opts.language } : {}),
  });
  const { failures } = read;
  const notes: RunReport['warnings'] = read.warnings.map((w) => ({
    document: w.source,
    code: w.message.code,
    message: w.message.message,
    severity: w.message.severity,
  }));
  // The ledger's documents: those of earlier runs, each replaced by this run's input of the same id,
  // plus the new ones; with --prune, this run's inputs only.
  const earlier = members.read();
  if (earlier.problem)
    notes.push({ document: opts.out, code: 'damaged-store', message: earlier.problem, severity: 'warning' });
  const given = new Map(read.inputs.map((i) => [i.id, i]));
  const before = new Map(earlier.members.map((m) => [m.id, m]));
  const dropped = opts.prune ? earlier.members.filter((m) => !given.has(m.id)) : [];
  if (dropped.length && dropped.length * 2 > earlier.members.length && !opts.force)
    throw new UsageError(
      `--prune would drop ${dropped.length} of the ${earlier.members.length} documents in ${opts.out}; add --force if that is meant (nothing was changed)`,
    );
  const keptMembers = opts.prune ? [] : earlier.members.filter((m) => !given.has(m.id));
  const inputs: RawInput[] = [...read.inputs, ...keptMembers.map(memberInput)].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const jobs = Math.max(1, opts.jobs ?? 1);
  const outcomes = new Map<RawInput, Outcome>();
  let cached = 0;
  phase('read-inputs');
  for (const input of read.inputs) members.keep(input, before.get(input.id)?.sha256 === input.sha256);
  for (const input of inputs) {
    const hit = opts.full ? undefined : cache.get(input);
    if (hit) {
      outcomes.set(input, hit);
      cached++;
    }
  }
  phase('cache-read');
  // A document kept from an earlier run without a usable result (the pipeline or the code changed, or
  // its result was damaged) is processed again from the text the store kept of it.
  const pending: RawInput[] = [];
  // The documents the ledger is made of this time, in id order: cached, or ready to process.
  const ready: RawInput[] = [];
  for (const input of inputs) {
    if (outcomes.has(input)) {
      ready.push(input);
      continue;
    }
    const restored =
      input.text !== undefined || input.bytes !== undefined ? input : members.restore(before.get(input.id) as Member);
    if (restored) {
      pending.push(restored);
      ready.push(restored);
    } else
      failures.push({
        source: input.source,
        message: {
          code: 'store-missing',
          message: `the kept text of ${input.source} is missing or damaged, so it could not be processed again; run again with it among the inputs`,
          severity: 'error',
          stage: 'read',
        },
      });
  }
  for (const d of cache.damaged)
    notes.push({
      document: d.source,
      code: 'damaged-cache',
      message: `the stored result of ${d.source} was damaged (${d.reason}); processed again`,
      severity: 'warning',
    });
  // CPU-bound extraction: one document at a time in-process, or a pool of worker threads that p-queue
  // keeps fed. Each finished document goes to the cache at once, so an interrupted run resumes; worker
  // threads store their own results and hand back only what the merge needs.
  // Starting worker threads (each loads the models and dictionaries) costs about a second: only worth it
  // for more than a handful of documents.
  const budget = opts.timeBudget ?? DEFAULT_TIME_BUDGET;
  const pool = jobs > 1 && pending.length >= MIN_DOCS_FOR_POOL ? createPool(jobs) : undefined;
  const queue = new PQueue({ concurrency: pool ? jobs * 2 : 1 });
  let done = cached;
  opts.progress?.(done, ready.length, cached);
  for (const input of pending) {
    queue.add(async () => {
      if (pool) {
        outcomes.set(
          input,
          await runInPool(
            pool,
            { config, input, cache: { out: opts.out, salt: cache.salt }, timeBudget: budget },
            cache,
            timings,
          ),
        );
      } else {
        outcomes.set(input, cache.set(input, toStored(processInput(input, pipeline, timings, budget))));
      }
      done++;
      opts.progress?.(done, ready.length, cached);
    });
  }
  await queue.onIdle();
  await pool?.destroy();
  phase('extract');
  timings.delete('extract'); // the stages' own times are reported; this was their wall time
  // The member list of the new ledger: every document with a result. A document that failed this
  // time is reported and left out, as the ledger follows its documents' current text.
  const next: Member[] = ready.filter((i) => 'merge' in (outcomes.get(i) ?? {})).map(toMember);
  const result = finishBatch({
    out: opts.out,
    inputs: ready,
    outcomes,
    failures,
    record: (input) => cache.readRecord(input),
    pipeline: { name: config.name, hash: pipeline.hash, file: opts.pipeline },
    jobs,
    cached,
    timings,
    phase,
    t0,
    notes,
    given: read.inputs.length,
    kept: keptMembers.length,
    dropped: dropped.length,
    members: MemberStore.serialise(next),
    inputPaths: opts.inputs,
  });
  cache.prune();
  members.prune(next);
  return result;
}

/**
 * One document in a worker thread, within its time budget: a stage that never returns is stopped by
 * ending the thread (piscina starts another), and the document fails with the reason.
 */
async function runInPool(
  pool: Piscina,
  task: {
    config: ReturnType<typeof loadPipelineConfig>;
    input: RawInput;
    cache: { out: string; salt: string };
    timeBudget: number;
  },
  cache: ResultCache,
  timings: Map<string, number>,
): Promise<Outcome> {
  const bytes = task.input.bytes?.length ?? Buffer.byteLength(task.input.text ?? '');
  // The stages check the budget themselves between stages; this is the hard stop beyond it.
  const limit = Math.ceil(2 * budgetMs(bytes, task.timeBudget) + 10_000);
  try {
    const r = (await pool.run(task, { signal: AbortSignal.timeout(limit) })) as {
      outcome: Outcome;
      timings: [string, number][];
    };
    for (const [k, v] of r.timings) timings.set(k, (timings.get(k) ?? 0) + v);
    cache.touch(task.input);
    return r.outcome;
  } catch (e) {
    const aborted = (e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError';
    const message = aborted
      ? `processing did not finish within ${(limit / 1000).toFixed(0)} s for ${bytes} bytes and was stopped; split the article or raise --time-budget`
      : `processing failed in a worker thread: ${(e as Error).message}`;
    return cache.set(task.input, {
      failure: {
        source: task.input.source,
        message: { code: aborted ? 'time-budget' : 'worker-failed', message, severity: 'error', stage: 'extract' },
      },
    });
  }
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
  /** Warnings about the batch rather than a document's text (skipped files, damaged stored results). */
  notes?: RunReport['warnings'];
  /** Inputs given to this run (default: all of `inputs`). */
  given?: number;
  kept?: number;
  dropped?: number;
  /** The serialised member list (batch/members), committed with the outputs. */
  members?: string;
  /** The inputs as given (paths, `-`, or a batch name). */
  inputPaths?: string[];
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
  mkdirSync(o.out, { recursive: true });
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
  const warnings: RunReport['warnings'] = [...(o.notes ?? [])];
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
    tool: provenance(),
    startedAt: new Date(Date.now() - (performance.now() - o.t0)).toISOString(),
    inputs: o.inputPaths ?? [],
    pipeline: o.pipeline,
    counts: {
      inputs:
        (o.given ?? o.inputs.length) + o.failures.filter((f) => !o.inputs.some((i) => i.source === f.source)).length,
      processed: records.length,
      failed: failures.length,
      events: ledger.events.length,
      entities: ledger.entities.length,
      cached: o.cached,
      kept: o.kept ?? 0,
      dropped: o.dropped ?? 0,
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
  // Every output goes to a temporary file first; then one journalled commit renames them all. The
  // run report names the exact contents of the pair it belongs to.
  const prepared: [string, string][] = [[relative(o.out, documents.close()), 'documents.jsonl']];
  const prepare = (target: string, data: string) => {
    const w = new AtomicFileWriter(join(o.out, target));
    w.write(data);
    prepared.push([relative(o.out, w.close()), target]);
    return w.sha256;
  };
  report.outputs = {
    'documents.jsonl': documents.sha256,
    'ledger.json': prepare('ledger.json', serialiseLedger(ledger)),
  };
  if (o.members !== undefined) prepare(join('.store', MEMBERS_FILE), o.members);
  o.phase('write');
  report.timings = [...o.timings.entries()].map(([stage, ms]) => ({ stage, ms: Math.round(ms) }));
  report.totalMs = Math.round(performance.now() - o.t0);
  prepare('run-report.json', `${JSON.stringify(JSON.parse(stableStringify(report)), null, 2)}\n`);
  commitOutputs(o.out, prepared);
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
