import type { Document, Paragraph, RemovedSpan } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { allStopwords } from '../languages/index.js';

/**
 * Boilerplate removal in the spirit of jusText: each line is classed by its own features (length in
 * words, sentence punctuation, counters and stamps, link-likeness), then short lines take the class of
 * their context — a short line between two good lines is body, a run of short lines next to page
 * furniture (menus, headline lists, view counters) is furniture. Exact repeats of a line are kept once.
 * Paragraphs are maximal runs of kept lines not separated by a blank line.
 */
export interface IngestOptions {
  /** A line with at least this many words and sentence-final punctuation is body text. */
  goodMinWords: number;
  /** A line with this many words is body text whatever its punctuation. */
  longMinWords: number;
  /** Lines with fewer words than this are furniture unless body text surrounds them. */
  shortMaxWords: number;
  /**
   * Below this share of function words a long unpunctuated line is not prose (name lists, tag clouds,
   * menus): jusText's stop-word density, over the stop words of every supported language at once,
   * since the language is identified after boilerplate is gone.
   */
  minStopwordDensity: number;
}

// 'tiny': fewer words than shortMaxWords, furniture on a page but the whole of a headline or caption.
type LineClass = 'good' | 'short' | 'tiny' | 'bad';

interface Line {
  start: number;
  end: number;
  text: string;
  cls: LineClass;
  blankBefore: boolean;
}

const SENTENCE_END = /[.!?…:;"»”)]\s*$/u;
// View counters, comment counts, archive and source stamps, bare times: furniture whatever their length.
const COUNTER =
  /(^|\s|\p{L})(see|views?|просмотр\w*|baxış\w*)\s*:?\s*\d+|\d+\s+(коммент\w*|comments?|şərh\w*)|^\s*\d{1,2}:\d{2}\s*$|https?:\/\/|^\W*(embed|archive|top|news|close|up|menu)\p{Lu}/iu;
const WORD = /[\p{L}\p{N}]+/gu;

// A wire dateline on a line of its own ("NICOSIA, August 8 (Xinhua) --", "NAIROBI, Kenya (AP) _"): the
// first words of the story, which give its place and often its date.
const DATELINE = /^\p{Lu}[\p{Lu} .'-]{2,},\s*[^\n]{0,40}?\(\p{Lu}[\p{L}-]*\)\s*(?:--|—|–|_|-)\s*$/u;

function classify(text: string, opts: IngestOptions): LineClass {
  const tokens = text.match(WORD) ?? [];
  const words = tokens.length;
  // A counter or a link is furniture on a line of its own, not inside a paragraph of prose.
  if (words === 0 || (words < 2 * opts.longMinWords && COUNTER.test(text))) return 'bad';
  if (DATELINE.test(text)) return 'good';
  if (words >= opts.goodMinWords && SENTENCE_END.test(text)) return 'good';
  // A long line without sentence punctuation is prose only if function words run through it.
  if (words >= opts.longMinWords) {
    const stopwords = allStopwords();
    const stop = tokens.filter((t) => stopwords.has(t.toLowerCase())).length / words;
    return stop >= opts.minStopwordDensity ? 'good' : 'short';
  }
  if (words < opts.shortMaxWords) return 'tiny';
  return 'short';
}

/**
 * The text's first line is its headline when it reads like one: several words, some of them lower
 * case (a menu or a row of section names is all capitals), and prose within the next two lines (a
 * byline or a date line may stand between). Headlines name the story's people and places.
 */
function isHeadline(l: Line, lines: Line[], opts: IngestOptions): boolean {
  const words = l.text.match(WORD) ?? [];
  if (words.length < opts.shortMaxWords + 1 || words.length >= opts.longMinWords) return false;
  if (words.filter((w) => /^\p{Ll}/u.test(w)).length < 2) return false;
  return lines.slice(1, 3).some((n) => n.cls === 'good');
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let blank = true;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      const start = pos + lead;
      lines.push({ start, end: start + trimmed.length, text: trimmed, cls: 'short', blankBefore: blank });
      blank = false;
    } else {
      blank = true;
    }
    pos = nl + 1;
  }
  return lines;
}

export function segmentBody(doc: Document, opts: IngestOptions): { paragraphs: Paragraph[]; removed: RemovedSpan[] } {
  const lines = splitLines(doc.view);
  for (const l of lines) l.cls = classify(l.text, opts);
  // Context: a short line is body only when the nearest classed lines on both sides are body.
  const nearest = (i: number, step: number): LineClass | null => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      const c = (lines[j] as Line).cls;
      if (c !== 'short') return c === 'good' ? 'good' : 'bad';
    }
    return null;
  };
  // A text with no line of clear prose is a short note, a headline or a caption, not a web page: its
  // short and tiny lines are its body.
  const anyGood = lines.some((l) => l.cls === 'good');
  const resolved = lines.map((l, i) => {
    if (l.cls === 'good' || l.cls === 'bad') return l.cls;
    if (!anyGood) return 'good';
    if (i === 0 && isHeadline(l, lines, opts)) return 'good';
    if (l.cls === 'tiny') return 'bad';
    const before = nearest(i, -1);
    const after = nearest(i, 1);
    return before === 'good' && after === 'good' ? 'good' : 'bad';
  });
  const paragraphs: Paragraph[] = [];
  const removed: RemovedSpan[] = [];
  const seen = new Map<string, number>();
  let current: Paragraph | null = null;
  lines.forEach((l, i) => {
    const key = l.text.replace(/\s+/g, ' ').toLowerCase();
    const first = seen.get(key);
    if (resolved[i] !== 'good') {
      removed.push({ start: l.start, end: l.end, reason: 'boilerplate' });
      current = null;
      return;
    }
    if (first !== undefined) {
      removed.push({ start: l.start, end: l.end, reason: 'duplicate', duplicateOf: first });
      current = null;
      return;
    }
    seen.set(key, l.start);
    if (current && !l.blankBefore) {
      current.end = l.end;
    } else {
      current = { start: l.start, end: l.end };
      paragraphs.push(current);
    }
  });
  return { paragraphs, removed };
}

registerStage<IngestOptions>({
  name: 'ingest.v1',
  requires: ['view'],
  assigns: ['paragraphs', 'removed'],
  defaults: { goodMinWords: 8, longMinWords: 25, shortMaxWords: 3, minStopwordDensity: 0.1 },
  create: (opts) => (doc) => {
    const { paragraphs, removed } = segmentBody(doc, opts);
    doc.paragraphs.push(...paragraphs);
    doc.removed.push(...removed);
    if (!paragraphs.length) {
      doc.messages.push({
        code: 'no-body',
        message: 'no line looks like article text (all were classed as page furniture); nothing to extract',
        severity: 'warning',
        stage: 'ingest.v1',
      });
    }
  },
});
