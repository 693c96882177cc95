import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { InputFailure, RawInput } from '../io/inputs.js';
import { packsToCompact } from '../io/packs.js';
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
 * What a batch holds of a document while others are still being extracted: a failure, or only where
 * its result was stored. The merge inputs are read back once extraction is over and the worker threads
 * are gone (`ResultCache.readBack`): held as objects, 10,000 of them were ~100 MB of the main thread's
 * heap at the moment the threads' heaps were largest, the run's peak.
 */
export type Settled = Outcome | { stored: StoredEntry };

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

/** Where a stored result is: a pack in `.cache/` and the byte range of its checked payload. */
export interface StoredEntry {
  pack: string;
  offset: number;
  length: number;
}

export const INDEX_FILE = 'index.json';

/** `index.json`: the packs it accounts for, and each live entry as [pack number, offset, length]. */
interface IndexFile {
  schema: 1;
  packs: string[];
  entries: Record<string, [number, number, number]>;
}

// An entry in a pack: a line `<key> <payload length>`, then the payload (a line `v2 <sha256>` of the
// rest, and the stored outcome) and a newline, so that each entry starts a line.
const ENTRY_HEAD = /^([0-9a-f]{32}) (\d+)$/;

const NEWLINE = Buffer.from('\n');
let packsStarted = 0;

/**
 * Per-document results kept between runs in `<out>/.cache/`, keyed by the document id, its content
 * hash, the pipeline configuration's hash and the code fingerprint. Each writer (the run, each worker
 * thread) appends its results to a pack file of its own as soon as each document is done; `index.json`,
 * rewritten after each run's commit, says where the live entries are. A run that was killed left packs
 * the index does not list: the next run reads their entries back from the packs themselves, so it
 * resumes where the killed one stopped. One file per document cost seconds of opening and closing per
 * 10,000 articles on a re-run, and millions of files on an archive. The ledger is always re-merged from
 * the current inputs, so removed articles drop out.
 */
export class ResultCache {
  readonly dir: string;
  private readonly used = new Set<string>();
  private readonly keys = new WeakMap<KeyedInput, string>();
  /**
   * Entries whose checksum this run has checked or written: a re-run may read a cached result twice
   * (the outcome for the merge, then the record for documents.jsonl) and need hash it only once.
   */
  private readonly verified = new Set<string>();
  /** Where each stored result is; read on first use (a worker thread only writes). */
  private index: Map<string, StoredEntry> | undefined;
  /** This writer's pack, opened on the first result stored. */
  private pack: { name: string; size: number } | undefined;
  private readonly readers = new Map<string, number>();

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

  /** The keys of every stored result. */
  storedKeys(): Set<string> {
    return new Set(this.entries().keys());
  }

  /**
   * Every stored result's place: the index, the entries of packs it does not list (read from the
   * packs), and what this run stored or was told its worker threads stored (`written`, whose packs are
   * not read: they are this run's own, still being written).
   */
  private entries(): Map<string, StoredEntry> {
    if (this.index) return this.index;
    let index = new Map<string, StoredEntry>();
    let listed = new Set<string>();
    try {
      const file = JSON.parse(readFileSync(join(this.dir, INDEX_FILE), 'utf8')) as IndexFile;
      if (file.schema !== 1 || !Array.isArray(file.packs)) throw new Error('not an index of schema 1');
      for (const [key, [n, offset, length]] of Object.entries(file.entries)) {
        const pack = file.packs[n];
        if (pack !== undefined) index.set(key, { pack, offset, length });
      }
      listed = new Set(file.packs);
    } catch {
      // No index (a new folder) or a damaged one: every pack is read for its entries below.
      index = new Map();
    }
    const own = new Set([...this.written.values()].map((at) => at.pack));
    for (const name of readdirSync(this.dir).sort())
      if (name.endsWith('.pack') && !listed.has(name) && !own.has(name)) this.recover(name, index);
    for (const [k, at] of this.written) index.set(k, at);
    this.index = index;
    return index;
  }

  /** Where this run stored results, or was told its worker threads did. */
  private readonly written = new Map<string, StoredEntry>();

  /** The entries of a pack the index does not list (written by a run that was killed), read from the pack. */
  private recover(pack: string, index: Map<string, StoredEntry>): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.dir, pack));
    } catch {
      return;
    }
    let at = 0;
    while (at < bytes.length) {
      const nl = bytes.indexOf(10, at);
      const head = nl < 0 ? null : ENTRY_HEAD.exec(bytes.toString('latin1', at, nl));
      if (!head) return; // cut short: the entries before it stand
      const length = Number(head[2]);
      if (nl + 1 + length + 1 > bytes.length) return;
      index.set(head[1] as string, { pack, offset: nl + 1, length });
      at = nl + 1 + length + 1;
    }
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
    const k = this.key(input);
    this.verified.delete(k);
    this.used.delete(k);
    // Its bytes stay in the pack until the pack is compacted or dropped; the index forgets them.
    this.written.delete(k);
    this.entries().delete(k);
    return undefined;
  }

  private bytesAt(at: StoredEntry): Buffer | undefined {
    try {
      let fd = this.readers.get(at.pack);
      if (fd === undefined) {
        fd = openSync(join(this.dir, at.pack), 'r');
        this.readers.set(at.pack, fd);
      }
      const buf = Buffer.allocUnsafe(at.length);
      return readSync(fd, buf, 0, at.length, at.offset) === at.length ? buf : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The checked payload of an input's stored result (marking its entry used), or undefined when there
   * is none or it is damaged: a first line `v2 <sha256>` of the rest, which must match.
   */
  private readPayload(input: RawInput): Buffer | undefined {
    const k = this.key(input);
    const at = this.entries().get(k);
    if (!at) return undefined;
    this.used.add(k);
    const bytes = this.bytesAt(at);
    if (!bytes) return this.damage(input, `its pack ${at.pack} is missing or cut short`);
    const nl = bytes.indexOf(10);
    const header = nl < 0 ? '' : bytes.toString('latin1', 0, nl);
    const m = /^v2 ([0-9a-f]{64})$/.exec(header);
    if (!m) return this.damage(input, 'it has no checksum line (a damaged pack)');
    const body = bytes.subarray(nl + 1);
    if (!this.verified.has(k)) {
      if (createHash('sha256').update(body).digest('hex') !== m[1])
        return this.damage(input, 'its checksum does not match (a truncated or altered pack)');
      this.verified.add(k);
    }
    return body;
  }

  /** Stores an input's outcome; returns its failure, or where its result is, to be read back (`readBack`). */
  settle(input: RawInput, outcome: { result: DocumentResult } | { failure: InputFailure }): Settled {
    const at = this.store(input, encodeOutcome(outcome));
    return 'failure' in outcome ? outcome : { stored: at };
  }

  /**
   * The outcome of a document this run stored (or a worker thread did, `touch`), read back for the
   * merge; a stored result that cannot be read back fails the document, saying why.
   */
  readBack(input: RawInput, settled: Settled): Outcome {
    if (!('stored' in settled)) return settled;
    const outcome = this.get(input);
    if (outcome) return outcome;
    const reason = this.damaged.findLast((d) => d.source === input.source)?.reason ?? 'it is missing';
    return {
      failure: {
        source: input.source,
        message: {
          code: 'damaged-cache',
          message: `the result of ${input.source}, stored by this run, could not be read back (${reason}); run again to process it again`,
          severity: 'error',
          stage: 'extract',
        },
      },
    };
  }

  /**
   * Stores the encoded outcome of an input (worker threads encode and store their own) at the end of
   * this writer's pack, and says where: a worker thread hands that to the run's cache (`touch`).
   */
  store(input: RawInput, stored: string): StoredEntry {
    const k = this.key(input);
    this.used.add(k);
    // No fsync: after a power cut the checksum finds a damaged entry, and the document is processed again.
    const body = Buffer.from(stored, 'utf8');
    const payload = Buffer.concat([
      Buffer.from(`v2 ${createHash('sha256').update(body).digest('hex')}\n`, 'latin1'),
      body,
    ]);
    const at = this.append(Buffer.from(`${k} ${payload.length}\n`, 'latin1'), payload);
    this.written.set(k, at);
    this.index?.set(k, at);
    this.verified.add(k);
    return at;
  }

  private append(head: Buffer, payload: Buffer): StoredEntry {
    // Named by time, process, thread and a count within the thread: two caches of one thread (a library
    // caller's two runs in one millisecond) never append to one pack with two ideas of its size.
    if (!this.pack)
      this.pack = { name: `${Date.now().toString(36)}-${process.pid}-${threadId}-${packsStarted++}.pack`, size: 0 };
    // Opened for each entry: a worker thread has no end to close a pack at, and a descriptor a thread
    // leaves open outlives it (descriptors are the process's).
    const fd = openSync(join(this.dir, this.pack.name), 'a');
    try {
      writeSync(fd, Buffer.concat([head, payload, NEWLINE]));
    } finally {
      closeSync(fd);
    }
    const at = { pack: this.pack.name, offset: this.pack.size + head.length, length: payload.length };
    this.pack.size += head.length + payload.length + 1;
    return at;
  }

  /**
   * Marks an input's entry as used by this run; `at` is where a worker thread stored it this run, whose
   * checksum that thread computed: reading it back need not check it again.
   */
  touch(input: RawInput, at?: StoredEntry): void {
    const k = this.key(input);
    this.used.add(k);
    if (!at) return;
    this.written.set(k, at);
    this.index?.set(k, at);
    this.verified.add(k);
  }

  /**
   * After the run's commit: the index lists only the entries this run used (removed or changed
   * articles, older configurations drop out); a pack with no live entry is removed, and one mostly of
   * dead entries has its live ones copied into this run's pack first. Returns the entries dropped.
   */
  prune(): number {
    // A run that read no stored result (--full, or a new folder) has used only what it wrote: the
    // earlier entries all drop out, and no pack is read to find them.
    const index = this.index ?? new Map(this.written);
    let dropped = 0;
    for (const k of index.keys()) {
      if (!this.used.has(k)) {
        index.delete(k);
        dropped++;
      }
    }
    const live = new Map<string, number>();
    for (const at of index.values()) live.set(at.pack, (live.get(at.pack) ?? 0) + at.length);
    for (const pack of packsToCompact(this.dir, live, this.pack?.name)) {
      for (const [k, at] of index) {
        if (at.pack !== pack) continue;
        const payload = this.bytesAt(at);
        if (payload) index.set(k, this.append(Buffer.from(`${k} ${payload.length}\n`, 'latin1'), payload));
        else index.delete(k);
      }
    }
    this.close();
    const packs = [...new Set([...index.values()].map((at) => at.pack))].sort();
    const number = new Map(packs.map((p, n) => [p, n]));
    const entries: IndexFile['entries'] = {};
    for (const k of [...index.keys()].sort()) {
      const at = index.get(k) as StoredEntry;
      entries[k] = [number.get(at.pack) as number, at.offset, at.length];
    }
    writeAtomic(join(this.dir, INDEX_FILE), `${JSON.stringify({ schema: 1, packs, entries } satisfies IndexFile)}\n`, {
      fsync: false,
    });
    // Packs no entry is in, and the one-file-per-result entries of earlier versions.
    for (const name of readdirSync(this.dir))
      if (name !== INDEX_FILE && !number.has(name) && (name.endsWith('.pack') || name.endsWith('.json')))
        rmSync(join(this.dir, name), { force: true });
    return dropped;
  }

  /** Closes the packs read; the next result stored starts a new pack. */
  close(): void {
    this.pack = undefined;
    for (const fd of this.readers.values()) closeSync(fd);
    this.readers.clear();
  }
}
