import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RawInput } from '../io/inputs.js';
import { writeAtomic } from '../io/write.js';

/**
 * The documents an output folder's ledger is made of, kept between runs so that a run adds its inputs
 * to the ledger instead of replacing it. `members.json` lists each document's identity (what its
 * cached result is keyed by); `inputs/` keeps each document's text as read, gzipped, so a document
 * not among a later run's inputs can be processed again when the pipeline or the code changes.
 */
export interface Member {
  id: string;
  source: string;
  sha256: string;
  html?: boolean;
  meta: RawInput['meta'];
}

interface MemberFile {
  schema: 1;
  documents: Member[];
}

export const MEMBERS_FILE = 'members.json';

export class MemberStore {
  readonly dir: string;
  private readonly inputsDir: string;

  constructor(out: string) {
    this.dir = join(out, '.store');
    this.inputsDir = join(this.dir, 'inputs');
    mkdirSync(this.inputsDir, { recursive: true });
  }

  /** The members of the ledger now in the folder; none when it has no member list (a new folder). */
  read(): { members: Member[]; problem?: string } {
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
      return { members };
    } catch (e) {
      return {
        members: [],
        problem: `${join(this.dir, MEMBERS_FILE)} is damaged (${(e as Error).message}); the ledger holds this run's inputs only`,
      };
    }
  }

  /** The serialised member list, for the commit that writes it with the other outputs. */
  static serialise(members: Member[]): string {
    const documents = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return `${JSON.stringify({ schema: 1, documents } satisfies MemberFile)}\n`;
  }

  private bodyPath(id: string): string {
    return join(this.inputsDir, `${createHash('sha256').update(id).digest('hex').slice(0, 32)}.json.gz`);
  }

  /** Keeps an input's text; `unchanged`: the member list already holds this content, kept before. */
  keep(input: RawInput, unchanged = false): void {
    const path = this.bodyPath(input.id);
    if (unchanged && existsSync(path)) return;
    const body = input.text !== undefined ? { text: input.text } : { bytes: input.bytes?.toString('base64') ?? '' };
    writeAtomic(path, gzipSync(JSON.stringify({ sha256: input.sha256, ...body })), { fsync: false });
  }

  private body(id: string): { sha256: string; text?: string; bytes?: string } | undefined {
    try {
      return JSON.parse(gunzipSync(readFileSync(this.bodyPath(id))).toString('utf8')) as {
        sha256: string;
        text?: string;
        bytes?: string;
      };
    } catch {
      return undefined;
    }
  }

  /** The input of a member, its text restored; undefined when the kept text is missing or damaged. */
  restore(member: Member): RawInput | undefined {
    const body = this.body(member.id);
    if (!body || body.sha256 !== member.sha256) return undefined;
    const input: RawInput = { id: member.id, source: member.source, sha256: member.sha256, meta: member.meta };
    if (member.html) input.html = true;
    if (body.text !== undefined) input.text = body.text;
    else input.bytes = Buffer.from(body.bytes ?? '', 'base64');
    return input;
  }

  /** Removes the kept texts of documents no longer members. */
  prune(members: Member[]): void {
    const keep = new Set(members.map((m) => this.bodyPath(m.id)));
    for (const name of readdirSync(this.inputsDir)) {
      const path = join(this.inputsDir, name);
      if (!keep.has(path)) rmSync(path, { force: true });
    }
  }
}

export const toMember = (input: RawInput): Member => {
  const m: Member = { id: input.id, source: input.source, sha256: input.sha256, meta: input.meta };
  if (input.html) m.html = true;
  return m;
};

/** A member as an input for the cache key and the merge, its text not loaded (see MemberStore.restore). */
export const memberInput = (m: Member): RawInput => {
  const input: RawInput = { id: m.id, source: m.source, sha256: m.sha256, meta: m.meta };
  if (m.html) input.html = true;
  return input;
};
