import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
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
}

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

/** Lists every input file below the given paths, in a stable (sorted) order. */
function listFiles(path: string, root: string, out: { file: string; rel: string }[], failures: InputFailure[]) {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    failures.push(
      failure(
        path,
        'unreadable-path',
        `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? e}; check the path`,
      ),
    );
    return;
  }
  if (st.isDirectory()) {
    const names = readdirSync(path).sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const child = join(path, name);
      let cst: ReturnType<typeof statSync>;
      try {
        cst = statSync(child);
      } catch {
        continue;
      }
      const ext = extname(name).toLowerCase();
      if (cst.isDirectory() || TEXT_EXTENSIONS.has(ext) || ext === '.jsonl') listFiles(child, root, out, failures);
    }
  } else {
    out.push({ file: path, rel: relative(root, path).split(sep).join('/') || basename(path) });
  }
}

/**
 * Reads files, folders (recursively: .txt, .md, .html/.htm, .jsonl) and JSONL files of
 * `{"id", "text" | "html", "published"?, "url"?, "title"?}` records. Document ids come from the path
 * relative to the folder given (or the record's id), never from the order of reading.
 */
export function readInputs(paths: string[], options: InputOptions): { inputs: RawInput[]; failures: InputFailure[] } {
  const files: { file: string; rel: string }[] = [];
  const failures: InputFailure[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      /* reported by listFiles */
    }
    listFiles(p, isDir ? p : join(p, '..'), files, failures);
  }
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
  for (const { file, rel } of files) {
    let size: number;
    try {
      size = statSync(file).size;
    } catch (e) {
      failures.push(failure(rel, 'unreadable-path', `cannot read ${file}: ${(e as Error).message}`));
      continue;
    }
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      failures.push(failure(rel, 'unreadable-path', `cannot read ${file}: ${(e as Error).message}`));
      continue;
    }
    const ext = extname(file).toLowerCase();
    if (ext === '.jsonl') {
      readJsonl(rel, bytes, add, failures, options.language);
      continue;
    }
    add({
      id: rel.slice(0, rel.length - ext.length),
      source: rel,
      sha256: sha256(bytes),
      bytes,
      html: ext === '.html' || ext === '.htm',
      meta: options.language ? { languageGiven: options.language } : {},
      path: resolve(file),
    });
  }
  return { inputs, failures };
}

function readJsonl(
  rel: string,
  bytes: Buffer,
  add: (i: RawInput) => void,
  failures: InputFailure[],
  language: string | undefined,
) {
  const lines = bytes.toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${rel}:${i + 1}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      failures.push(
        failure(where, 'malformed-jsonl', `line ${i + 1} of ${rel} is not valid JSON (${(e as Error).message})`, i + 1),
      );
      return;
    }
    const body = typeof rec.text === 'string' ? rec.text : typeof rec.html === 'string' ? rec.html : undefined;
    if (typeof rec.id !== 'string' && typeof rec.id !== 'number') {
      failures.push(failure(where, 'malformed-jsonl', `line ${i + 1} of ${rel} has no "id"`, i + 1));
      return;
    }
    if (body === undefined) {
      failures.push(failure(where, 'malformed-jsonl', `line ${i + 1} of ${rel} has no "text" or "html"`, i + 1));
      return;
    }
    const meta: RawInput['meta'] = {};
    if (typeof rec.url === 'string') meta.url = rec.url;
    if (typeof rec.title === 'string') meta.title = rec.title;
    if (typeof rec.published === 'string') meta.publishedGiven = rec.published;
    if (rec.language !== undefined && rec.language !== null) {
      const code = typeof rec.language === 'string' ? rec.language.trim().toLowerCase() : '';
      if (LANGUAGE_CODE.test(code)) meta.languageGiven = code;
      else {
        failures.push(
          failure(
            where,
            'malformed-jsonl',
            `line ${i + 1} of ${rel}: "language" must be an ISO 639-1 code such as "en", "ru" or "az", not ${JSON.stringify(rec.language)}`,
            i + 1,
          ),
        );
        return;
      }
    } else if (language) meta.languageGiven = language;
    add({
      id: String(rec.id),
      source: `${rel}#${rec.id}`,
      sha256: sha256(body),
      text: body,
      html: typeof rec.text !== 'string',
      meta,
    });
  });
}
