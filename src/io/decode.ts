import chardet from 'chardet';
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import type { Message } from '../core/document.js';
import type { RawInput } from './inputs.js';

export interface Decoded {
  text: string;
  messages: Message[];
}

const warn = (code: string, message: string): Message => ({
  code,
  message,
  severity: 'warning',
  stage: 'decode',
});
const fail = (code: string, message: string): Message => ({
  code,
  message,
  severity: 'error',
  stage: 'decode',
});

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM; NUL bytes in a non-UTF-16 file mean
 * binary content, which is refused. Text that is not UTF-8 is either UTF-8 with a few broken bytes
 * (decoded with U+FFFD and a warning naming the first bad byte offset) or a legacy single-byte
 * encoding, detected with chardet (windows-1251, KOI8-R, ISO-8859-5, …) and decoded with iconv-lite.
 * The BOM is dropped here, so offsets count from the first character after it.
 */
export function decodeBytes(bytes: Buffer): Decoded {
  const messages: Message[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), messages };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), messages };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    messages.push(
      fail(
        'binary-input',
        `binary content (a NUL byte at offset ${nul}); this is not a text article, so it is skipped`,
      ),
    );
    return { text: '', messages };
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), messages };
  } catch {
    const { valid, invalid } = countUtf8Sequences(body);
    if (valid < 5 * invalid) {
      const legacy = detectLegacy(body);
      if (legacy) {
        messages.push({
          code: 'legacy-encoding',
          message: `not UTF-8: decoded as ${legacy.name} (detected, confidence ${legacy.confidence}%); save the file as UTF-8 to skip detection`,
          severity: 'info',
          stage: 'decode',
        });
        return { text: iconv.decode(Buffer.from(body), legacy.name), messages };
      }
    }
    const bad = firstInvalidUtf8(body) + start;
    messages.push(
      warn(
        'invalid-utf8',
        `invalid UTF-8 at byte offset ${bad}; undecodable bytes became U+FFFD. Re-save the file as UTF-8 if the text looks wrong`,
      ),
    );
    return { text: new TextDecoder('utf-8').decode(body), messages };
  }
}

// Encodings a news article outside UTF-8 plausibly comes in; chardet also guesses exotic ones on short input.
const LEGACY = new Set([
  'windows-1251',
  'KOI8-R',
  'ISO-8859-5',
  'IBM866',
  'windows-1252',
  'ISO-8859-1',
  'ISO-8859-9',
  'windows-1254',
  'ISO-8859-2',
  'windows-1250',
]);

function detectLegacy(b: Uint8Array): { name: string; confidence: number } | null {
  const found = chardet.analyse(b).find((c) => LEGACY.has(c.name) && iconv.encodingExists(c.name));
  return found && found.confidence >= 10 ? { name: found.name, confidence: found.confidence } : null;
}

/** Well-formed multi-byte UTF-8 sequences against malformed ones: a few bad bytes in UTF-8 text, or another encoding? */
function countUtf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n === 0) {
      i++;
      continue;
    }
    let ok = n > 0;
    for (let k = 1; k <= n && ok; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += n + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

const BLOCK_TAGS = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul title'.split(
    ' ',
  ),
);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/**
 * HTML → text with a real parser (htmlparser2): scripts and styles dropped, block elements become
 * paragraph breaks, entities decoded. Offsets of the document then refer to this extracted text.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skip = 0;
  let title = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        else if (SKIP_TAGS.has(name)) skip++;
        else if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
      ontext(data) {
        if (inTitle) title += data;
        else if (!skip) parts.push(data.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        else if (SKIP_TAGS.has(name)) skip = Math.max(0, skip - 1);
        else if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const body = parts
    .join('')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
  const t = title.replace(/\s+/g, ' ').trim();
  return t && !body.startsWith(t) ? `${t}\n\n${body}` : body;
}

/** The text of an input as the pipeline sees it, or error messages when it has none. */
export function decodeInput(input: RawInput): Decoded {
  let decoded: Decoded;
  if (input.text !== undefined) decoded = { text: input.text.replace(/^\uFEFF/, ''), messages: [] };
  else decoded = decodeBytes(input.bytes ?? Buffer.alloc(0));
  if (decoded.messages.some((m) => m.severity === 'error')) return decoded;
  if (input.html) decoded.text = htmlToText(decoded.text);
  if (!decoded.text.trim()) {
    decoded.messages.push(fail('empty-input', 'the input is empty or only whitespace; nothing to extract'));
  }
  return decoded;
}
