import { join } from 'node:path';
import PQueue from 'p-queue';
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
  /** Called with a line of progress text (the CLI decides whether and where to print it). */
  log?: (line: string) => void;
}

export interface RunReport {
  pipeline: { name: string; hash: string; file: string };
  counts: { inputs: number; processed: number; failed: number; events: number; entities: number };
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

export async function runBatch(opts: RunOptions): Promise<RunResult> {
  const t0 = performance.now();
  const config = loadPipelineConfig(opts.pipeline);
  const pipeline = buildPipeline(config);
  const { inputs, failures } = readInputs(opts.inputs, { maxBytes: opts.maxBytes });
  const timings = new Map<string, number>();
  const results: DocumentResult[] = [];
  // p-queue schedules the documents; extraction is synchronous CPU work, so one at a time in-process.
  const queue = new PQueue({ concurrency: 1 });
  let done = 0;
  for (const input of inputs) {
    queue.add(() => {
      const { result, failure } = processInput(input, pipeline, timings);
      if (result) results.push(result);
      if (failure) failures.push(failure);
      done++;
      if (opts.log && (done % 100 === 0 || done === inputs.length)) opts.log(`${done}/${inputs.length} documents`);
    });
  }
  await queue.onIdle();
  const { ledger, records } = mergeLedger(results);
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
    },
    failures: failures
      .map(({ source, message }) => failureEntry(source, message))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
    warnings,
    timings: [...timings.entries()].map(([stage, ms]) => ({ stage, ms: Math.round(ms) })),
    totalMs: Math.round(performance.now() - t0),
  };
  writeOutputs(opts.out, ledger, records, report);
  return { ledger, records, report };
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
