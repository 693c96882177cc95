import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { Piscina } from 'piscina';
import { type Outcome, ResultCache, resultSalt, type Settled } from './batch/cache.js';
import { finishBatch, type RunResult } from './batch/finish.js';
import { boundHeapGrowth } from './batch/heap.js';
import { type Member, MemberStore, memberInput } from './batch/members.js';
import { finishCommit, lockOutput, removeStaleTemps } from './batch/outputs.js';
import { createPool, DEFAULT_WORKER_HEAP_MB, MIN_WORKER_HEAP_MB, runInPool } from './batch/pool.js';
import { PreviousRecords } from './batch/previous.js';
import { DEFAULT_TIME_BUDGET, processInput, toStored } from './batch/process.js';
import { phaseTimer, type RunReport } from './batch/report.js';
import { describeEnvironmentError, isEnvironmentError, UsageError } from './core/errors.js';
import { EntityInterner } from './ledger/records.js';
import './stages/index.js';
import { buildPipeline, loadPipelineConfig, type Pipeline } from './core/pipeline.js';
import { type FileStamp, loadInput, type RawInput, readInputs } from './io/inputs.js';

/**
 * `run`: the top layer. Reads the inputs, takes cached results, has the rest processed (in-process or
 * by a pool of worker threads), then merges and writes. Each layer below imports only the ones under
 * it: batch/process (one document), batch/cache, batch/pool and batch/members (the batch),
 * batch/finish (the merge and the writers), batch/report (what the run reports).
 */
export type { RunReport, RunResult };

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
  /** The old-generation heap of each worker thread, in MB (default `DEFAULT_WORKER_HEAP_MB`). */
  workerHeapMb?: number;
}

const MIN_DOCS_FOR_POOL = 16;
/** Stored results enough to keep this thread busy while worker threads start and extract. */
const OVERLAP_MIN_STORED = 1000;

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

/** The files the ledger's documents were read from, by path, with their stamps and content hashes. */
function knownFiles(members: Member[]): Map<string, { sha256: string; stamp: FileStamp }> {
  const known = new Map<string, { sha256: string; stamp: FileStamp }>();
  for (const m of members) if (m.stamp) known.set(m.stamp.path, { sha256: m.sha256, stamp: m.stamp });
  return known;
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
  // Worker pools still running: a run that throws stops them (a library caller may go on running).
  const pools = new Set<Piscina>();
  const startPool = (threads: number, heapMb: number) => {
    const pool = createPool(threads, heapMb);
    pools.add(pool);
    return pool;
  };
  const stopPool = (pool: Piscina | undefined) => {
    if (pool) pools.delete(pool);
    return pool?.destroy();
  };
  const cache = new ResultCache(opts.out, resultSalt(pipeline.hash));
  // Extraction runs with heap growth bounded (this thread and the worker threads); the merge does not.
  const unboundHeap = boundHeapGrowth();
  try {
    removeStaleTemps(opts.out, [cache.dir, members.dir, join(members.dir, 'inputs')]);
    const earlier = members.read();
    const jobs = Math.max(1, opts.jobs ?? 1);
    const heapMb = Math.max(MIN_WORKER_HEAP_MB, opts.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB);
    // A re-run over an archive has its few new documents extracted by jobs - 1 threads while this
    // thread reads the stored results (below), and the threads' start is the run's longest path: they
    // start loading the pipeline's code now, while this thread reads the inputs.
    const early =
      jobs > 1 && !opts.full && earlier.members.length >= OVERLAP_MIN_STORED ? startPool(jobs - 1, heapMb) : undefined;
    const read = readInputs(opts.inputs, {
      maxBytes: opts.maxBytes,
      ...(opts.language ? { language: opts.language } : {}),
      deferBytes: true,
      // Files unchanged since an earlier run are taken unread (--full reads every file again).
      ...(opts.full ? {} : { known: knownFiles(earlier.members) }),
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
    const settled = new Map<RawInput, Settled>();
    const interner = new EntityInterner();
    const intern = (outcome: Outcome): Outcome =>
      'merge' in outcome ? { merge: interner.intern(outcome.merge) } : outcome;
    const settle = (input: RawInput, outcome: Settled) =>
      settled.set(input, 'stored' in outcome ? outcome : intern(outcome));
    let cached = 0;
    phase('read-inputs');
    // Inputs with a stored result are read back below; the others go to extraction first, so that
    // worker threads load their models and extract while this thread reads the stored results (on a
    // re-run over an archive, reading them is most of the run).
    const stored = opts.full ? new Set<string>() : cache.storedKeys();
    const toRead: RawInput[] = [];
    const toProcess: RawInput[] = [];
    for (const input of inputs) (stored.has(cache.key(input)) ? toRead : toProcess).push(input);
    // A document kept from an earlier run without a usable result (the pipeline or the code changed, or
    // its result was damaged) is processed again from the text the store kept of it.
    const used = new Map<RawInput, RawInput>();
    const restore = (input: RawInput): RawInput | undefined => {
      // An input of this run has its text, or the file to read it from.
      const restored =
        input.text !== undefined || input.bytes !== undefined || input.path !== undefined
          ? input
          : members.restore(before.get(input.id) as Member);
      if (restored) used.set(input, restored);
      else
        failures.push({
          source: input.source,
          message: {
            code: 'store-missing',
            message: `the kept text of ${input.source} is missing or damaged, so it could not be processed again; run again with it among the inputs`,
            severity: 'error',
            stage: 'read',
          },
        });
      return restored;
    };
    // Each input of this run is read (again) when it is processed or its text kept, and dropped once
    // both are done: neither extraction nor the merge and the writers, which work from results, hold the
    // text of every article of the batch.
    const unkept = new Set<RawInput>(read.inputs);
    const release = (input: RawInput) => {
      delete input.text;
      delete input.bytes;
    };
    const keep = (input: RawInput) => {
      if (unkept.delete(input)) members.keep(input, before.get(input.id));
    };
    const pending = toProcess.map(restore).filter((i): i is RawInput => i !== undefined);
    // CPU-bound extraction: one document at a time in-process, or a pool of worker threads that p-queue
    // keeps fed. Each finished document goes to the cache at once, so an interrupted run resumes; worker
    // threads store their own results and hand back only what the merge needs.
    // Starting worker threads (each loads the models and dictionaries) costs about a second: worth it
    // for more than a handful of documents, or when they work while this thread reads stored results.
    const budget = opts.timeBudget ?? DEFAULT_TIME_BUDGET;
    const overlap = pending.length > 1 && toRead.length >= OVERLAP_MIN_STORED;
    // Overlapping, this thread is busy too: one core fewer for the threads.
    const threads = pending.length >= MIN_DOCS_FOR_POOL ? jobs : overlap ? jobs - 1 : 0;
    const pool = jobs > 1 && threads > 0 ? (threads === jobs - 1 && early) || startPool(threads, heapMb) : undefined;
    if (early !== pool) void stopPool(early);
    const inThread = (input: RawInput) => cache.settle(input, toStored(processInput(input, pipeline, timings, budget)));
    const queue = new PQueue({ concurrency: pool ? threads * 2 : 1 });
    let done = 0;
    let total = inputs.length;
    const schedule = (input: RawInput) =>
      queue.add(async () => {
        const unreadable = loadInput(input);
        if (unreadable) {
          settle(input, { failure: unreadable });
        } else if (pool) {
          settle(
            input,
            await runInPool(
              pool,
              { config, input, cache: { out: opts.out, salt: cache.salt }, timeBudget: budget },
              cache,
              timings,
              () => {
                notes.push({
                  document: input.source,
                  code: 'worker-heap',
                  message: `processed in the main thread: its worker thread ran out of its ${heapMb} MB heap (raise --worker-heap for such documents)`,
                  severity: 'info',
                });
                return inThread(input);
              },
            ),
          );
        } else {
          settle(input, inThread(input));
        }
        keep(input);
        release(input);
        done++;
        opts.progress?.(done, total, cached);
      });
    // In-process, extraction waits for the stored results to be read (it would only interleave with them).
    if (pool) for (const input of pending) schedule(input);
    for (const input of toRead) {
      const hit = cache.get(input);
      if (hit) {
        settle(input, hit);
        cached++;
        done++;
        continue;
      }
      const restored = restore(input);
      if (restored) {
        pending.push(restored);
        if (pool) schedule(restored);
      }
    }
    if (!pool) for (const input of pending) schedule(input);
    phase('cache-read');
    for (const d of cache.damaged)
      notes.push({
        document: d.source,
        code: 'damaged-cache',
        message: `the stored result of ${d.source} was damaged (${d.reason}); processed again`,
        severity: 'warning',
      });
    // The documents the ledger is made of this time, in id order: cached, or processed.
    const ready = inputs.filter((i) => settled.has(i) || used.has(i)).map((i) => used.get(i) ?? i);
    total = ready.length;
    opts.progress?.(done, total, cached);
    // The store keeps each input's text for later runs, before the member list that names them is
    // committed: a processed document's as it is done, a cached one's here, while the worker threads
    // extract (reading a file again only if its text is new to the store).
    for (const input of read.inputs) {
      if (!settled.has(input)) continue;
      keep(input);
      release(input);
    }
    phase('store-inputs');
    // The previous documents.jsonl, whose lines the writer copies forward, is read while threads extract.
    const previous = opts.full ? undefined : PreviousRecords.read(opts.out, earlier.members, earlier.written);
    await queue.onIdle();
    for (const input of ready) release(input);
    await stopPool(pool);
    unboundHeap();
    phase('extract');
    timings.delete('extract'); // the stages' own times are reported; this was their wall time
    // The threads are gone: the processed documents' merge inputs are read back from where they were stored.
    const outcomes = new Map<RawInput, Outcome>();
    for (const [input, s] of settled) outcomes.set(input, 'stored' in s ? intern(cache.readBack(input, s)) : s);
    settled.clear();
    phase('read-back');
    // The member list of the new ledger: every document with a result. A document that failed this
    // time is reported and left out, as the ledger follows its documents' current text.
    const next: Member[] = ready
      .filter((i) => 'merge' in (outcomes.get(i) ?? {}))
      .map((i) => members.member(i, before.get(i.id), cache.key(i)));
    members.compact(next);
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
      members: (written) => MemberStore.serialise(next, written),
      // --full trusts nothing stored, the previous documents.jsonl included.
      ...(previous ? { previous: { records: previous, key: (i: RawInput) => cache.key(i) } } : {}),
      inputPaths: opts.inputs,
    });
    cache.prune();
    members.prune(next);
    return result;
  } finally {
    // A run that throws leaves no pack open and no thread running (a library caller may go on running).
    members.close();
    cache.close();
    await Promise.all([...pools].map((p) => p.destroy()));
    unboundHeap();
  }
}
