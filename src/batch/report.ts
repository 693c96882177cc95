import type { Message } from '../core/document.js';
import type { provenance } from '../version.js';

/** What a run reports (run-report.json), and the timers and entries it is built from. */
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

/** Accumulates the wall time between calls under the name given. */
export function phaseTimer(timings: Map<string, number>): (name: string) => void {
  let t = performance.now();
  return (name) => {
    const now = performance.now();
    timings.set(name, (timings.get(name) ?? 0) + now - t);
    t = now;
  };
}

export function failureEntry(source: string, m: Message): RunReport['failures'][number] {
  const e: RunReport['failures'][number] = { source, code: m.code, message: m.message };
  if (m.line !== undefined) e.line = m.line;
  return e;
}
