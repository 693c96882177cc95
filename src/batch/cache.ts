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

/** What is wrong with a decoded outcome and the record line after it, or undefined when nothing is. */
function outcomeProblem(outcome: unknown, hasRecord: boolean): string | undefined {
  const o = outcome as Partial<{
    merge: { record?: { id?: unknown } };
    failure: { source?: unknown; message?: unknown };
  }>;
  if (o && typeof o === 'object' && o.failure) {
    return typeof o.failure.source === 'string' && typeof o.failure.message === 'object'
      ? undefined
      : 'its failure has no source or message';
  }
  if (!o || typeof o !== 'object' || !o.merge || typeof o.merge.record?.id !== 'string')
    return 'its outcome is neither a result nor a failure';
  if (!hasRecord) return 'its document record is missing or cut short';
  return undefined;
}

/** Whether the bytes from `start` look like a stored record: an object with the empty events field. */
const isRecord = (payload: Buffer, start: number) =>
  payload[start] === 0x7b && payload.indexOf(',"events":[]', start) >= 0;

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
  readonly dir: string;
  private readonly used = new Set<string>();
  private readonly keys = new WeakMap<KeyedInput, string>();
  /**
   * Entries whose checksum this run has checked or written: a re-run reads each cached result twice
   * (the outcome for the merge, then the record for documents.jsonl) and need hash it only once.
   */
  private readonly verified = new Set<string>();

  constructor(
    out: string,
    readonly salt: string,
  ) {
    this.dir = join(out, '.cache');
    mkdirSync(this.dir, { recursive: true });
  }

  key(input: KeyedInput): string {
    let k = this.keys.get(input);
    if (k === undefined) {
      k = resultKey(input, this.salt);
      this.keys.set(input, k);
    }
    return k;
  }

  /** The keys of every stored result (one directory listing, not a lookup per input). */
  storedKeys(): Set<string> {
    return new Set(
      readdirSync(this.dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length)),
    );
  }

  /** The record line of an input's stored result (without decoding the outcome before it). */
  readRecord(input: RawInput): string | undefined {
    const payload = this.readPayload(input);
    const nl = payload?.indexOf(10) ?? -1;
    return nl < 0 ? undefined : payload?.toString('utf8', nl + 1);
  }

  get(input: RawInput): Outcome | undefined {
    const payload = this.readPayload(input);
    if (payload === undefined) return undefined;
    // Only the first line is the outcome: decoding the record after it (most of the bytes) would be
    // wasted on a re-run, which copies records from the previous documents.jsonl or reads them later.
    const nl = payload.indexOf(10);
    let outcome: unknown;
    try {
      outcome = JSON.parse(payload.toString('utf8', 0, nl < 0 ? payload.length : nl));
    } catch (e) {
      return this.damage(input, `its outcome is not JSON (${(e as Error).message})`);
    }
    const problem = outcomeProblem(outcome, nl >= 0 && isRecord(payload, nl + 1));
    return problem ? this.damage(input, problem) : (outcome as Outcome);
  }

  /** Stored results found damaged by this run (each then processed again), with the reason. */
  readonly damaged: { source: string; reason: string }[] = [];

  private damage(input: RawInput, reason: string): undefined {
    this.damaged.push({ source: input.source, reason });
    this.verified.delete(this.key(input));
    rmSync(join(this.dir, `${this.key(input)}.json`), { force: true });
    return undefined;
  }

  /**
   * The checked payload of an input's stored result (marking its entry used), or undefined when there
   * is none or it is damaged: a first line `v2 <sha256>` of the rest, which must match.
   */
  private readPayload(input: RawInput): Buffer | undefined {
    const k = this.key(input);
    this.used.add(k);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.dir, `${k}.json`));
    } catch {
      return undefined;
    }
    const nl = bytes.indexOf(10);
    const header = nl < 0 ? '' : bytes.toString('latin1', 0, nl);
    const m = /^v2 ([0-9a-f]{64})$/.exec(header);
    if (!m) return this.damage(input, 'it has no checksum line (an older format, or a damaged file)');
    const body = bytes.subarray(nl + 1);
    if (!this.verified.has(k)) {
      if (createHash('sha256').update(body).digest('hex') !== m[1])
        return this.damage(input, 'its checksum does not match (a truncated or altered file)');
      this.verified.add(k);
    }
    return body;
  }

  set(input: RawInput, outcome: { result: DocumentResult } | { failure: InputFailure }): Outcome {
    this.store(input, encodeOutcome(outcome));
    return 'result' in outcome ? { merge: toMergeInput(outcome.result) } : outcome;
  }

  /** Stores the encoded outcome of an input (worker threads encode and store their own). */
  store(input: RawInput, stored: string): void {
    const k = this.key(input);
    this.used.add(k);
    // No fsync: after a power cut the checksum finds a damaged entry, and the document is processed again.
    const body = Buffer.from(stored, 'utf8');
    const header = `v2 ${createHash('sha256').update(body).digest('hex')}\n`;
    writeAtomic(join(this.dir, `${k}.json`), Buffer.concat([Buffer.from(header, 'latin1'), body]), { fsync: false });
    this.verified.add(k);
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
