import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFailure, RawInput } from '../io/inputs.js';
import { writeAtomic } from '../io/write.js';
import { type DocumentResult, type MergeInput, toMergeInput } from '../ledger/records.js';
import { codeFingerprint } from './fingerprint.js';

/** What, beside the document itself, a stored result depends on: the pipeline configuration and the code. */
export function resultSalt(pipelineHash: string): string {
  return `${pipelineHash}:${codeFingerprint()}`;
}

/**
 * What a batch keeps of one document: the merge input, or why the document failed. The full record
 * stays on disk (or in the shared store) until documents.jsonl is written.
 */
export type Outcome = { merge: MergeInput } | { failure: InputFailure };

/**
 * A stored per-document result, as two lines: the outcome the merge reads, then the document's record
 * serialised with `"events":[]`, which the writer fills with the ids the merge gives it. Reading a
 * batch back for the merge parses only the first line; writing documents.jsonl copies the second.
 */
export function encodeOutcome(outcome: { result: DocumentResult } | { failure: InputFailure }): string {
  if ('failure' in outcome) return JSON.stringify({ failure: outcome.failure });
  return `${JSON.stringify({ merge: toMergeInput(outcome.result) })}\n${JSON.stringify({ ...outcome.result.record, events: [] })}`;
}

export function decodeOutcome(stored: string): Outcome {
  const nl = stored.indexOf('\n');
  return JSON.parse(nl < 0 ? stored : stored.slice(0, nl)) as Outcome;
}

/** The documents.jsonl line of a stored result, with the merge's event ids filled in. */
export function recordLine(stored: string, events: string[]): string {
  const nl = stored.indexOf('\n');
  if (nl < 0) throw new Error('stored outcome has no record: it is a failure');
  return fillEvents(stored.slice(nl + 1), events);
}

/** A stored record (the second line of a stored result) with the merge's event ids filled in. */
export function fillEvents(record: string, events: string[]): string {
  // Record keys before "events" hold no raw quotes in their string values (JSON escapes them), so the
  // first `,"events":[]` is the record's own field.
  return record.replace(',"events":[]', `,"events":${JSON.stringify(events)}`);
}

type KeyedInput = Pick<RawInput, 'id' | 'source' | 'sha256'> & { meta?: RawInput['meta'] };

/**
 * The key of a document's stored result: its id, source and content hash, what the caller stated about
 * it (a given publication date or language changes the result), and the salt (pipeline configuration
 * hash and code fingerprint). The same key names the result on disk and in a shared store.
 */
export function resultKey(input: KeyedInput, salt: string): string {
  const meta = input.meta ?? {};
  const given = Object.keys(meta)
    .sort()
    .map((k) => `${k}=${meta[k as keyof typeof meta]}`)
    .join('\u0001');
  return createHash('sha256')
    .update(`${input.id}\0${input.source}\0${input.sha256}\0${given}\0${salt}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Per-document results kept between runs in `<out>/.cache/`, one file per document keyed by the
 * document id, its content hash, the pipeline configuration's hash and the code fingerprint. Each file
 * is written atomically as soon as its document is done, so an interrupted run resumes where it
 * stopped; the ledger is always re-merged from the current inputs, so removed articles drop out.
 */
export class ResultCache {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(
    out: string,
    readonly salt: string,
  ) {
    this.dir = join(out, '.cache');
    mkdirSync(this.dir, { recursive: true });
  }

  key(input: KeyedInput): string {
    return resultKey(input, this.salt);
  }

  /** The record line of an input's stored result (without decoding the outcome before it). */
  readRecord(input: RawInput): string | undefined {
    const bytes = this.readBytes(input);
    const nl = bytes?.indexOf(10) ?? -1;
    return nl < 0 ? undefined : bytes?.toString('utf8', nl + 1);
  }

  get(input: RawInput): Outcome | undefined {
    const bytes = this.readBytes(input);
    if (!bytes) return undefined;
    try {
      // Only the first line is the outcome: decoding the record after it would be wasted on a re-run.
      const nl = bytes.indexOf(10);
      return JSON.parse(bytes.toString('utf8', 0, nl < 0 ? bytes.length : nl)) as Outcome;
    } catch {
      return undefined; // a file from an older format or a damaged disk: process the document again
    }
  }

  /** The stored bytes of an input's result (marking its entry used), or undefined when there are none. */
  private readBytes(input: RawInput): Buffer | undefined {
    const k = this.key(input);
    this.used.add(k);
    try {
      return readFileSync(join(this.dir, `${k}.json`));
    } catch {
      return undefined;
    }
  }

  set(input: RawInput, outcome: { result: DocumentResult } | { failure: InputFailure }): Outcome {
    this.store(input, encodeOutcome(outcome));
    return 'result' in outcome ? { merge: toMergeInput(outcome.result) } : outcome;
  }

  /** Stores the encoded outcome of an input (worker threads encode and store their own). */
  store(input: RawInput, stored: string): void {
    const k = this.key(input);
    this.used.add(k);
    // No fsync: after a power cut a damaged entry only means the document is processed again.
    writeAtomic(join(this.dir, `${k}.json`), stored, { fsync: false });
  }

  /** Marks an input's entry as used by this run (a worker thread stored it), so prune keeps it. */
  touch(input: RawInput): void {
    this.used.add(this.key(input));
  }

  /** Removes entries no input of this run used (removed or changed articles, older configurations). */
  prune(): number {
    let n = 0;
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name.replace(/\.json$/, ''))) {
        rmSync(join(this.dir, name), { force: true });
        n++;
      }
    }
    return n;
  }
}
