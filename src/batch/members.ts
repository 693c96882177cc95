import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type FileStamp, loadInput, type RawInput } from '../io/inputs.js';
import { packsToCompact } from '../io/packs.js';

/**
 * The documents an output folder's ledger is made of, kept between runs so that a run adds its inputs
 * to the ledger instead of replacing it. `members.json` lists each document's identity (what its
 * cached result is keyed by) and where its text is kept: `inputs/` holds the texts as read, each
 * gzipped, appended to one pack file per run (one write per document; one small file per document
 * cost seconds per 10,000 articles), so a document not among a later run's inputs can be processed
 * again when the pipeline or the code changes. Packs no member points to are removed after the
 * commit; a pack mostly of superseded texts has its live ones copied into the new pack first.
 */
export interface Member {
  id: string;
  source: string;
  sha256: string;
  html?: boolean;
  meta: RawInput['meta'];
  /** Where the text is kept: a pack in `.store/inputs/` and the byte range of its gzipped entry. */
  stored?: StoredAt;
  /** The key of the stored result (batch/cache) its documents.jsonl line was written from. */
  result?: string;
  /** The file it was read from, as it was then: a later run takes it unread while this still holds. */
  stamp?: FileStamp;
}

export interface StoredAt {
  pack: string;
  offset: number;
  length: number;
}

interface MemberFile {
  schema: 1;
  documents: Member[];
  /** The SHA-256 of the documents.jsonl committed with this list: a line of it may be copied forward. */
  written?: string;
}

interface KeptBody {
  id?: string;
  sha256: string;
  text?: string;
  bytes?: string;
}

export const MEMBERS_FILE = 'members.json';

export class MemberStore {
  readonly dir: string;
  private readonly inputsDir: string;
  /** This run's pack, opened on the first text kept. */
  private pack: { name: string; fd: number; size: number } | undefined;
  /** Where this run kept (or found kept) each input's text, by document id. */
  private readonly located = new Map<string, StoredAt>();

  constructor(out: string) {
    this.dir = join(out, '.store');
    this.inputsDir = join(this.dir, 'inputs');
    mkdirSync(this.inputsDir, { recursive: true });
  }

  /** The members of the ledger now in the folder; none when it has no member list (a new folder). */
  read(): { members: Member[]; written?: string; problem?: string } {
    let text: string;
    try {
      text = readFileSync(join(this.dir, MEMBERS_FILE), 'utf8');
    } catch {
      return { members: [] };
    }
    try {
      const parsed = JSON.parse(text) as MemberFile;
      if (parsed.schema !== 1 || !Array.isArray(parsed.documents)) throw new Error('not a member list of schema 1');
      const members = parsed.documents.filter(
        (m) => typeof m?.id === 'string' && typeof m.source === 'string' && typeof m.sha256 === 'string',
      );
      return typeof parsed.written === 'string' ? { members, written: parsed.written } : { members };
    } catch (e) {
      return {
        members: [],
        problem: `${join(this.dir, MEMBERS_FILE)} is damaged (${(e as Error).message}); the ledger holds this run's inputs only`,
      };
    }
  }

  /** The serialised member list, for the commit that writes it with the other outputs. */
  static serialise(members: Member[], written?: string): string {
    const documents = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const file: MemberFile = { schema: 1, documents };
    if (written !== undefined) file.written = written;
    return `${JSON.stringify(file)}\n`;
  }

  /** Where texts were kept one file per document, before packs (still read, and removed when unused). */
  private legacyPath(id: string): string {
    return join(this.inputsDir, `${createHash('sha256').update(id).digest('hex').slice(0, 32)}.json.gz`);
  }

  private readonly packs = new Map<string, boolean>();

  private packExists(name: string): boolean {
    let known = this.packs.get(name);
    if (known === undefined) {
      known = existsSync(join(this.inputsDir, name));
      this.packs.set(name, known);
    }
    return known;
  }

  private append(data: Buffer): StoredAt {
    if (!this.pack) {
      const name = `${Date.now().toString(36)}-${process.pid}.pack`;
      this.pack = { name, fd: openSync(join(this.inputsDir, name), 'a'), size: 0 };
    }
    const at = { pack: this.pack.name, offset: this.pack.size, length: data.length };
    writeSync(this.pack.fd, data);
    this.pack.size += data.length;
    return at;
  }

  /** Whether `previous` already keeps this input's very content (so keeping it writes nothing). */
  private holds(input: RawInput, previous?: Member): boolean {
    if (previous?.sha256 !== input.sha256) return false;
    return previous.stored ? this.packExists(previous.stored.pack) : existsSync(this.legacyPath(input.id));
  }

  /**
   * Keeps an input's text, unless `previous` (the member of the same id in the ledger so far) already
   * keeps this very content.
   */
  keep(input: RawInput, previous?: Member): void {
    if (this.holds(input, previous)) {
      if (previous?.stored) this.located.set(input.id, previous.stored);
      return;
    }
    // A file read lazily is read again here, its text being new; one that cannot be (gone, or changed
    // since it was listed) is not kept, and fails where it is processed.
    if (loadInput(input)) return;
    const body = input.text !== undefined ? { text: input.text } : { bytes: input.bytes?.toString('base64') ?? '' };
    // The fastest level: the store is written for every new document while worker threads extract (on
    // two cores it takes their time), and is read back only when the pipeline or code changes. Level 1
    // took ~60% of the default level's time for ~4% more bytes on the synthetic 10k corpus.
    const kept = JSON.stringify({ id: input.id, sha256: input.sha256, ...body });
    this.located.set(input.id, this.append(gzipSync(kept, { level: 1 })));
  }

  /** The member list entry of a document of this run's ledger: its identity and where its text is. */
  member(input: RawInput, previous?: Member, result?: string): Member {
    const m = toMember(input);
    const stored = this.located.get(input.id) ?? (previous?.sha256 === input.sha256 ? previous.stored : undefined);
    if (stored) m.stored = stored;
    if (result !== undefined) m.result = result;
    return m;
  }

  private entry(at: StoredAt): Buffer | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(join(this.inputsDir, at.pack), 'r');
      const buf = Buffer.alloc(at.length);
      return readSync(fd, buf, 0, at.length, at.offset) === at.length ? buf : undefined;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private body(member: Member): KeptBody | undefined {
    try {
      const raw = member.stored ? this.entry(member.stored) : readFileSync(this.legacyPath(member.id));
      if (!raw) return undefined;
      const body = JSON.parse(gunzipSync(raw).toString('utf8')) as KeptBody;
      return body.id === undefined || body.id === member.id ? body : undefined;
    } catch {
      return undefined;
    }
  }

  /** The input of a member, its text restored; undefined when the kept text is missing or damaged. */
  restore(member: Member): RawInput | undefined {
    const body = this.body(member);
    if (!body || body.sha256 !== member.sha256) return undefined;
    const input: RawInput = { id: member.id, source: member.source, sha256: member.sha256, meta: member.meta };
    if (member.html) input.html = true;
    if (body.text !== undefined) input.text = body.text;
    else input.bytes = Buffer.from(body.bytes ?? '', 'base64');
    return input;
  }

  /**
   * Before the member list is written: the live texts of a pack that is mostly superseded texts are
   * copied into this run's pack (their members updated), so packs do not grow with every edit; then
   * this run's pack is closed.
   */
  compact(members: Member[]): void {
    const live = new Map<string, number>();
    for (const m of members) if (m.stored) live.set(m.stored.pack, (live.get(m.stored.pack) ?? 0) + m.stored.length);
    for (const pack of packsToCompact(this.inputsDir, live, this.pack?.name)) {
      for (const m of members) {
        if (m.stored?.pack !== pack) continue;
        const raw = this.entry(m.stored);
        if (raw) m.stored = this.append(raw);
      }
    }
    this.close();
  }

  /** Closes this run's pack (written entries stay valid whether or not the run commits). */
  close(): void {
    if (this.pack) closeSync(this.pack.fd);
    this.pack = undefined;
  }

  /** After the commit: removes packs and per-document files that no member points to. */
  prune(members: Member[]): void {
    const packs = new Set(members.flatMap((m) => (m.stored ? [m.stored.pack] : [])));
    const legacy = new Set(members.filter((m) => !m.stored).map((m) => this.legacyPath(m.id)));
    for (const name of readdirSync(this.inputsDir)) {
      const path = join(this.inputsDir, name);
      if (!packs.has(name) && !legacy.has(path)) rmSync(path, { force: true });
    }
  }
}

export const toMember = (input: RawInput): Member => {
  const m: Member = { id: input.id, source: input.source, sha256: input.sha256, meta: input.meta };
  if (input.html) m.html = true;
  if (input.stamp) m.stamp = input.stamp;
  return m;
};

/** A member as an input for the cache key and the merge, its text not loaded (see MemberStore.restore). */
export const memberInput = (m: Member): RawInput => {
  const input: RawInput = { id: m.id, source: m.source, sha256: m.sha256, meta: m.meta };
  if (m.html) input.html = true;
  if (m.stamp) input.stamp = m.stamp;
  return input;
};
