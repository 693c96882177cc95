import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stableStringify } from '../core/pipeline.js';
import type { InputFailure, RawInput } from '../io/inputs.js';
import { AtomicFileWriter } from '../io/write.js';
import { type Ledger, mergeLedger } from '../ledger/merge.js';
import type { MergeInput } from '../ledger/records.js';
import { provenance } from '../version.js';
import { fillEvents, type Outcome } from './cache.js';
import { MEMBERS_FILE } from './members.js';
import { commitOutputs } from './outputs.js';
import type { PreviousRecords } from './previous.js';
import { failureEntry, type RunReport } from './report.js';

export interface RunResult {
  ledger: Ledger;
  report: RunReport;
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
  /**
   * The previous documents.jsonl's lines and the key of each input's stored result: a line written
   * from the same result is copied forward instead of the record being read back.
   */
  previous?: { records: PreviousRecords; key: (input: RawInput) => string };
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
  /** The serialised member list (batch/members), committed with the outputs; given documents.jsonl's SHA-256. */
  members?: (written: string) => string;
  /** The inputs as given (paths, `-`, or a batch name). */
  inputPaths?: string[];
}

/**
 * The end of every batch, whatever ran its documents (this process, worker threads, or queue workers on
 * other machines): merge, then write documents.jsonl, ledger.json and run-report.json atomically.
 */
const NEWLINE = Buffer.from('\n');

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
      const copied = o.previous?.records.line(r.id, o.previous.key(input), r.events);
      if (copied) {
        for (const piece of copied) documents.write(piece);
        documents.write(NEWLINE);
        return;
      }
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
    peakRssMb: 0,
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
  if (o.members !== undefined) prepare(join('.store', MEMBERS_FILE), o.members(documents.sha256));
  o.phase('write');
  report.timings = [...o.timings.entries()].map(([stage, ms]) => ({ stage, ms: Math.round(ms) }));
  report.totalMs = Math.round(performance.now() - o.t0);
  // The peak so far (every thread's), taken once the outputs are prepared: serialising ledger.json is
  // the merge's own peak, which a figure taken before it missed (377 MB reported, 502 MB at exit).
  report.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  prepare('run-report.json', `${JSON.stringify(JSON.parse(stableStringify(report)), null, 2)}\n`);
  commitOutputs(o.out, prepared);
  return { ledger, report };
}

export function serialiseLedger(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}
