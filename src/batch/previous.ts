import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Member } from './members.js';

/**
 * The documents.jsonl of the ledger a run updates, as lines to copy forward: a document whose stored
 * result is the one its line was written from gets that line again, its event ids swapped in, instead
 * of its record being read back from the cache and written out anew (on a re-run over an archive that
 * was most of the writing). The file is trusted only when its SHA-256 is the one its member list was
 * committed with, and each line only when it is the member's, in the member list's order.
 */
export class PreviousRecords {
  private constructor(
    private readonly file: Buffer,
    private readonly lines: Map<string, { result: string; start: number; end: number }>,
  ) {}

  static readonly none = new PreviousRecords(Buffer.alloc(0), new Map());

  /** The lines of `<out>/documents.jsonl`, or none when it is not the file `written` names. */
  static read(out: string, members: Member[], written: string | undefined): PreviousRecords {
    if (written === undefined) return PreviousRecords.none;
    let file: Buffer;
    try {
      file = readFileSync(join(out, 'documents.jsonl'));
    } catch {
      return PreviousRecords.none;
    }
    if (createHash('sha256').update(file).digest('hex') !== written) return PreviousRecords.none;
    const lines = new Map<string, { result: string; start: number; end: number }>();
    const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let start = 0;
    for (const m of sorted) {
      const end = file.indexOf(10, start);
      // The lines are the members' records in id order: anything else and nothing is copied.
      if (end < 0) return PreviousRecords.none;
      const head = `{"id":${JSON.stringify(m.id)},`;
      if (file.toString('utf8', start, start + Buffer.byteLength(head)) !== head) return PreviousRecords.none;
      if (m.result !== undefined) lines.set(m.id, { result: m.result, start, end });
      start = end + 1;
    }
    return start === file.length ? new PreviousRecords(file, lines) : PreviousRecords.none;
  }

  /**
   * The line of document `id` with `events` in it (without its newline), when it was written from the
   * stored result `result`; undefined otherwise.
   */
  line(id: string, result: string, events: string[]): Buffer[] | undefined {
    const at = this.lines.get(id);
    if (at?.result !== result) return undefined;
    return swapEvents(this.file.subarray(at.start, at.end), events);
  }
}

const EVENTS_FIELD = Buffer.from(',"events":');

/**
 * A documents.jsonl line with its `events` array replaced, as pieces to write in turn. The first
 * `,"events":` is the record's own field (see `fillEvents`), and event ids hold no `]`.
 */
export function swapEvents(line: Buffer, events: string[]): Buffer[] | undefined {
  const open = line.indexOf(EVENTS_FIELD);
  if (open < 0 || line[open + EVENTS_FIELD.length] !== 0x5b) return undefined;
  const from = open + EVENTS_FIELD.length;
  const to = line.indexOf(0x5d, from) + 1;
  if (to <= 0) return undefined;
  const array = Buffer.from(JSON.stringify(events), 'utf8');
  return line.subarray(from, to).equals(array) ? [line] : [line.subarray(0, from), array, line.subarray(to)];
}
