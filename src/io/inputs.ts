import { createHash } from 'node:crypto';
import { closeSync, type Dirent, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { DocumentMeta, Message } from '../core/document.js';

/** One article as read from disk, before decoding: the unit the pipeline processes. */
export interface RawInput {
  id: string;
  source: string;
  sha256: string;
  /** Raw bytes of a file, or the text of a JSONL record. */
  bytes?: Buffer;
  text?: string;
  html?: boolean;
  meta: DocumentMeta;
  /** The file read, as an absolute path (files only), for workers that read it themselves. */
  path?: string;
  /** The file's identity and time stamp when it was read, if it was not new then (see `FileStamp`). */
  stamp?: FileStamp;
}

/**
 * What a later run compares to know a file unchanged without reading it: its path, size, modification
 * time and inode. Taken only of a file last modified over `SETTLED_MS` before it was read, so that a
 * write in the same tick of the clock as the read cannot go unseen (git's "racy clean" rule).
 */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

const SETTLED_MS = 2000;

/** An input that could not become a document at all, with the reason and where. */
export interface InputFailure {
  source: string;
  message: Message;
}

export interface InputOptions {
  /** Files larger than this are refused before they are read, so memory stays bounded. */
  maxBytes: number;
  /** The language of every input that does not state its own (a JSONL record's `language` wins). */
  language?: string;
  /**
   * Keep a file's hash and path, not its bytes: they are read again when needed (`loadInput`), so a
   * batch does not hold every article it was given while it works through them.
   */
  deferBytes?: boolean;
  /**
   * Files an earlier run read, by absolute path: one whose stamp is unchanged is taken with the
   * content hash recorded then, without being read (with `deferBytes`, it is read if it is processed).
   */
  known?: Map<string, { sha256: string; stamp: FileStamp }>;
}

/** An ISO 639-1 code, as a caller may state it: two lower-case letters. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function failure(source: string, code: string, message: string, line?: number): InputFailure {
  const m: Message = { code, message, severity: 'error', stage: 'read' };
  if (line !== undefined) m.line = line;
  return { source, message: m };
}

function warning(source: string, code: string, message: string): InputFailure {
  return { source, message: { code, message, severity: 'warning', stage: 'read' } };
}

/** What the listing found: files to read, and what it skipped or could not read. */
interface Listing {
  files: { file: string; rel: string }[];
  failures: InputFailure[];
  warnings: InputFailure[];
  /** Real paths of the folders entered: a folder reached twice (a symlink loop, two links) is read once. */
  seen: Set<string>;
}

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/**
 * Lists every input file below a path, in a stable (sorted) order. Symbolic links are followed, each
 * folder once by its real path; what is neither a file nor a folder (a FIFO, a socket, a device such
 * as /dev/zero) is skipped with a warning, since reading it could block forever or never end.
 */
function listFiles(path: string, root: string, out: Listing, top = false) {
  const rel = () => relative(root, path).split(sep).join('/') || basename(path);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    out.failures.push(
      failure(
        top ? path : rel(),
        'unreadable-path',
        `cannot read ${path}: ${errorCode(e)}; check the path and its permissions`,
      ),
    );
    return;
  }
  if (st.isDirectory()) {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      /* the stat above succeeded: keep the path as given */
    }
    if (out.seen.has(real)) {
      if (!top)
        out.warnings.push(
          warning(rel(), 'repeated-folder', `${path} is a folder already read (through a symbolic link); skipped`),
        );
      return;
    }
    out.seen.add(real);
    let entries: Dirent[];
    try {
      // Sorted by name, as the strings were: ids never depend on the order of listing.
      entries = readdirSync(path, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (e) {
      out.failures.push(
        failure(
          top ? path : rel(),
          'unreadable-path',
          `cannot list the folder ${path}: ${errorCode(e)}; check its permissions`,
        ),
      );
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      if (name.startsWith('.')) continue;
      const child = join(path, name);
      const ext = extname(name).toLowerCase();
      // A regular file is listed from its folder's entry; links, folders and the rest are looked at.
      if (entry.isFile()) {
        if (TEXT_EXTENSIONS.has(ext) || ext === '.jsonl')
          out.files.push({ file: child, rel: relative(root, child).split(sep).join('/') });
        continue;
      }
      let cst: ReturnType<typeof statSync>;
      try {
        cst = statSync(child);
      } catch (e) {
        out.failures.push(
          failure(
            relative(root, child).split(sep).join('/'),
            'unreadable-path',
            `cannot read ${child}: ${errorCode(e)}`,
          ),
        );
        continue;
      }
      if (cst.isDirectory() || TEXT_EXTENSIONS.has(ext) || ext === '.jsonl') listFiles(child, root, out);
    }
  } else if (st.isFile()) {
    out.files.push({ file: path, rel: rel() });
  } else {
    out.warnings.push(
      warning(
        top ? path : rel(),
        'not-a-file',
        `${path} is not a regular file (a pipe, socket or device); skipped, since reading it might never end`,
      ),
    );
  }
}

/**
 * Reads files, folders (recursively: .txt, .md, .html/.htm, .jsonl) and JSONL files of
 * `{"id", "text" | "html", "published"?, "url"?, "title"?}` records. Document ids come from the path
 * relative to the folder given (or the record's id), never from the order of reading.
 */
export function readInputs(
  paths: string[],
  options: InputOptions,
): { inputs: RawInput[]; failures: InputFailure[]; warnings: InputFailure[] } {
  const listing: Listing = { files: [], failures: [], warnings: [], seen: new Set() };
  for (const p of paths) {
    // `-`: JSONL records on standard input.
    if (p === '-') {
      listing.files.push({ file: '-', rel: 'stdin' });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      /* reported by listFiles */
    }
    listFiles(p, isDir ? p : join(p, '..'), listing, true);
  }
  const { failures, warnings } = listing;
  const inputs: RawInput[] = [];
  const seen = new Set<string>();
  const add = (input: RawInput) => {
    if (seen.has(input.id)) {
      failures.push(
        failure(input.source, 'duplicate-id', `document id "${input.id}" is used twice; the second is skipped`),
      );
      return;
    }
    seen.add(input.id);
    inputs.push(input);
  };
  for (const { file, rel } of listing.files) {
    const ext = file === '-' ? '.jsonl' : extname(file).toLowerCase();
    if (ext === '.jsonl') {
      // Read record by record: a JSONL file has no size limit as a whole, only each record has.
      try {
        readJsonl(rel, file, add, failures, options);
      } catch (e) {
        failures.push(failure(rel, 'unreadable-path', `cannot read ${file}: ${errorCode(e)}`));
      }
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(file);
    } catch (e) {
      failures.push(failure(rel, 'unreadable-path', `cannot read ${file}: ${errorCode(e)}`));
      continue;
    }
    const { size } = st;
    if (size > options.maxBytes) {
      failures.push(
        failure(
          rel,
          'too-large',
          `${rel} is ${size} bytes, above the limit of ${options.maxBytes}; split it or raise --max-bytes`,
        ),
      );
      continue;
    }
    const path = resolve(file);
    const base = {
      id: rel.slice(0, rel.length - ext.length),
      source: rel,
      html: ext === '.html' || ext === '.htm',
      meta: options.language ? { languageGiven: options.language } : {},
      path,
    };
    const known = options.deferBytes ? options.known?.get(path) : undefined;
    if (known && sameStamp(known.stamp, path, st)) {
      add({ ...base, sha256: known.sha256, stamp: known.stamp });
      continue;
    }
    const readAt = Date.now();
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      failures.push(failure(rel, 'unreadable-path', `cannot read ${file}: ${errorCode(e)}`));
      continue;
    }
    add({
      ...base,
      sha256: sha256(bytes),
      ...(options.deferBytes ? {} : { bytes }),
      ...(st.mtimeMs < readAt - SETTLED_MS ? { stamp: { path, size, mtimeMs: st.mtimeMs, ino: st.ino } } : {}),
    });
  }
  return { inputs, failures, warnings };
}

const sameStamp = (stamp: FileStamp, path: string, st: { size: number; mtimeMs: number; ino: number }) =>
  stamp.path === path && stamp.size === st.size && stamp.mtimeMs === st.mtimeMs && stamp.ino === st.ino;

/**
 * A file input's bytes read again (see `deferBytes`) and checked against the hash taken when it was
 * listed; undefined when the input has its content (or none to read), else why it cannot.
 */
export function loadInput(input: RawInput): InputFailure | undefined {
  if (input.bytes !== undefined || input.text !== undefined || input.path === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.path);
  } catch (e) {
    return failure(input.source, 'unreadable-path', `cannot read ${input.path} again: ${errorCode(e)}; run again`);
  }
  if (sha256(bytes) !== input.sha256)
    return failure(
      input.source,
      'changed-during-run',
      `${input.source} changed while the run was working; run again to process its new content`,
    );
  input.bytes = bytes;
  return undefined;
}

/** A chunk of a file or of standard input (a pipe with nothing ready yet reads as EAGAIN: wait). */
function readChunk(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      else if (code === 'EOF') return 0;
      else throw e;
    }
  }
}

/** The lines of a file (`-`: standard input), read in chunks (never whole), with their 1-based numbers; a leading BOM dropped. */
function* fileLines(file: string): Generator<{ line: string; number: number }> {
  const fd = file === '-' ? 0 : openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(1 << 16);
    let rest = '';
    let number = 0;
    let first = true;
    for (let n = readChunk(fd, chunk); n > 0; n = readChunk(fd, chunk)) {
      rest += decoder.write(chunk.subarray(0, n));
      if (first && rest.length) {
        if (rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
        first = false;
      }
      let nl = rest.indexOf('\n');
      let from = 0;
      while (nl >= 0) {
        number++;
        yield { line: rest.slice(from, nl), number };
        from = nl + 1;
        nl = rest.indexOf('\n', from);
      }
      rest = rest.slice(from);
    }
    rest += decoder.end();
    if (rest.length) yield { line: rest, number: number + 1 };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function readJsonl(
  rel: string,
  file: string,
  add: (i: RawInput) => void,
  failures: InputFailure[],
  options: InputOptions,
) {
  const language = options.language;
  for (const { line, number } of fileLines(file)) {
    if (!line.trim()) continue;
    const where = `${rel}:${number}`;
    const bad = (message: string, code = 'malformed-jsonl') =>
      failures.push(failure(where, code, `line ${number} of ${rel} ${message}`, number));
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      bad(`is not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      bad(
        `is ${rec === null ? 'null' : Array.isArray(rec) ? 'an array' : `a ${typeof rec}`}, not a record {"id", "text"}`,
      );
      continue;
    }
    const r = rec as Record<string, unknown>;
    const body = typeof r.text === 'string' ? r.text : typeof r.html === 'string' ? r.html : undefined;
    if (typeof r.id !== 'string' && typeof r.id !== 'number') {
      bad('has no "id"');
      continue;
    }
    if (body === undefined) {
      bad('has no "text" or "html"');
      continue;
    }
    if (Buffer.byteLength(body) > options.maxBytes) {
      bad(
        `holds ${Buffer.byteLength(body)} bytes of text, above the limit of ${options.maxBytes}; split it or raise --max-bytes`,
        'too-large',
      );
      continue;
    }
    const meta: RawInput['meta'] = {};
    if (typeof r.url === 'string') meta.url = r.url;
    if (typeof r.title === 'string') meta.title = r.title;
    if (typeof r.published === 'string') meta.publishedGiven = r.published;
    if (r.language !== undefined && r.language !== null) {
      const code = typeof r.language === 'string' ? r.language.trim().toLowerCase() : '';
      if (LANGUAGE_CODE.test(code)) meta.languageGiven = code;
      else {
        bad(`has "language": ${JSON.stringify(r.language)}, which is no ISO 639-1 code such as "en", "ru" or "az"`);
        continue;
      }
    } else if (language) meta.languageGiven = language;
    add({
      id: String(r.id),
      source: `${rel}#${r.id}`,
      sha256: sha256(body),
      text: body,
      html: typeof r.text !== 'string',
      meta,
    });
  }
}
