import type { Document, Sentence, Span } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { getLanguage } from '../languages/index.js';

/**
 * Sentences per body paragraph: the language's own splitter where it has one (English: wink-nlp), else
 * Node's ICU segmenter (Intl.Segmenter), with the language's abbreviations. Then two repairs ICU does not make: sentences glued
 * without a space ("yaradılmışdır.Münasibətlərin", "olunub18-19 iyun") are split, and a sentence
 * repeated within the document — exactly, or nearly: at least `nearDuplicate` of its words stand in
 * one earlier sentence — is processed once: later copies are listed in `removed` as duplicates of the
 * first, so their mentions are the first occurrence's.
 */
// "yaradılmışdır.Münasibətlərin": a sentence end glued to the next capitalised word; and
// "olunub18-19 iyun": a lower-case word glued to a day number that starts the next sentence.
// "yaradılmışdır.Münasibətlərin", "olunub18-19 iyun", and a sentence that starts with a number after a
// full stop ("aparılıb. 19 iyun 1997-ci il"), which ICU does not break.
const GLUED =
  /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})|(?<=\p{Ll}{3})(?=\d{1,2}(?:-\d{1,2})?\s+\p{L})|(?<=(?:^|[^\p{L}])\p{Ll}{3,}[.!?]\s+)(?=\d)/gu;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

// ICU breaks inside a numeric date written with spaces ("20 . 04 . 1959", as tokenised text and some
// pages have it): a break after "dd ." or "dd . mm ." before the rest of the date is undone.
const NUMERIC_DATE_HEAD = /(?<!\d)\d{1,2}(?:\s*\.\s*\d{1,2})?\s*\.$/u;
const NUMERIC_DATE_TAIL = /^\s*\d{1,4}(?!\d)/u;

// V8's segmenter grows quadratically with the length of the string it walks (200k characters take
// seconds): a long text is walked in windows, each ending before its last, possibly cut, segment.
const WINDOW = 10_000;

function* icuSegments(text: string, lang: string): Generator<{ index: number; segment: string }> {
  const seg = segmenter(lang);
  for (let from = 0; from < text.length; ) {
    const window = text.slice(from, from + WINDOW);
    const last = from + window.length >= text.length;
    const pieces = [...seg.segment(window)];
    // The last piece of a window may be cut by its end: it is read again at the start of the next one,
    // unless it is the only piece (a stretch without sentence ends is cut where the window ends).
    const keep = last || pieces.length === 1 ? pieces.length : pieces.length - 1;
    for (const p of pieces.slice(0, keep)) yield { index: from + p.index, segment: p.segment };
    const next = pieces[keep];
    from = next ? from + next.index : from + window.length;
  }
}

/** Whether a text ends in one of a language's abbreviations (as a word of its own). */
const endsWithAbbreviation = (tail: string, abbr: string[]) => abbr.some((a) => tail === a || tail.endsWith(` ${a}`));

/**
 * ICU breaks after an initial ("Ш. Мирзиёева", and "Ш . Мирзиёева" in tokenised text) and after abbreviations it does not know ("в 2023 г.
 * Президент"): such a break is undone when the segment ends in one.
 */
function segments(text: string, lang: string): { index: number; segment: string }[] {
  const module = getLanguage(lang);
  const own = module?.segmentSentences?.(text);
  if (own) return own;
  const abbr = module?.abbreviations ?? [];
  const out: { index: number; segment: string }[] = [];
  for (const seg of icuSegments(text, lang)) {
    const prev = out[out.length - 1];
    // Only the end of the segment so far matters (an initial, an abbreviation, a date's head): a
    // text with thousands of glued segments must not copy the whole of it each time.
    const tail = prev?.segment.slice(-80).trimEnd() ?? '';
    const glued =
      /(?:^|[\s(])\p{Lu} ?\.$/u.test(tail) ||
      endsWithAbbreviation(tail, abbr) ||
      (NUMERIC_DATE_HEAD.test(tail) && NUMERIC_DATE_TAIL.test(seg.segment));
    if (prev && glued) prev.segment += seg.segment;
    else out.push({ index: seg.index, segment: seg.segment });
  }
  return out;
}

export function splitSentences(view: string, span: Span, lang: string, maxChars = 1000): Span[] {
  const out: Span[] = [];
  // A single line break inside a paragraph is a wrapped line, not a sentence end (ICU breaks at every
  // line feed); same length, so offsets hold.
  const text = view.slice(span.start, span.end).replace(/(?<!\n)\n(?!\n)/g, ' ');
  for (const seg of segments(text, lang)) {
    const pieces: number[] = [0];
    const abbr = getLanguage(lang)?.abbreviations ?? [];
    for (const m of seg.segment.matchAll(GLUED)) {
      // "13 авг. 2005": an abbreviation's full stop before a number ends no sentence.
      const index = m.index ?? 0;
      if (
        endsWithAbbreviation(
          seg.segment
            .slice(Math.max(0, index - 80), index)
            .trimEnd()
            .toLowerCase(),
          abbr,
        )
      )
        continue;
      pieces.push(m.index ?? 0);
    }
    pieces.push(seg.segment.length);
    for (let i = 0; i + 1 < pieces.length; i++) {
      const raw = seg.segment.slice(pieces[i], pieces[i + 1]);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      const start = span.start + seg.index + (pieces[i] ?? 0) + lead;
      out.push(...capLength(view, { start, end: start + trimmed.length }, maxChars));
    }
  }
  return out;
}

/**
 * A "sentence" longer than any real one (unpunctuated text, a table flattened to one line) is cut near
 * `max` characters, at the last semicolon, comma or space before it, so no later stage works on one
 * unbounded span: the entity and event stages compare names pairwise within a sentence.
 */
function capLength(view: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let { start } = span;
  while (span.end - start > max) {
    const window = view.slice(start, start + max);
    const at = [/[;:]\s(?=[^;:]*$)/u, /,\s(?=[^,]*$)/u, /\s(?=\S*$)/u]
      .map((re) => re.exec(window)?.index ?? -1)
      .find((i) => i > max / 2);
    const end = start + (at !== undefined && at > 0 ? at + 1 : max);
    out.push({ start, end: start + view.slice(start, end).trimEnd().length });
    start = end + (/^\s*/u.exec(view.slice(end, end + 50))?.[0].length ?? 0);
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');

export interface SentenceOptions {
  /** Sentences shorter than this (in words) are never treated as repeats. */
  minDuplicateWords: number;
  /** Share of a sentence's distinct words found in one earlier sentence that makes it a near-duplicate. */
  nearDuplicate: number;
  /** A longer sentence is cut (at a comma or a space) so that no stage works on an unbounded span. */
  maxChars: number;
}

registerStage<SentenceOptions>({
  name: 'sentences.v1',
  requires: ['paragraphs', 'language'],
  assigns: ['sentences'],
  defaults: { minDuplicateWords: 6, nearDuplicate: 0.9, maxChars: 1000 },
  create: (opts) => (doc: Document) => {
    const earlier: number[] = [];
    const earlierWords: Set<string>[] = [];
    // Word → earlier sentences containing it: each sentence is compared only with those sharing words.
    const byWord = new Map<string, number[]>();
    doc.paragraphs.forEach((p, pi) => {
      const lang = p.language && p.language !== 'und' ? p.language : doc.language;
      for (const s of splitSentences(doc.view, p, lang, opts.maxChars)) {
        const ws = words(doc.view.slice(s.start, s.end));
        const set = new Set(ws);
        if (ws.length >= opts.minDuplicateWords) {
          // A sentence sharing `nearDuplicate` of these words shares at least one of the k rarest
          // (k = the words it may miss, plus one): only the sentences holding those are compared, so
          // common words ("the", "и") cost nothing on long documents.
          const k = Math.floor((1 - opts.nearDuplicate) * set.size) + 1;
          const rarest = [...set].sort((a, b) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0));
          const candidates = new Set(rarest.slice(0, k).flatMap((w) => byWord.get(w) ?? []));
          let best: [number, number] | undefined;
          for (const i of candidates) {
            const other = earlierWords[i] as Set<string>;
            let shared = 0;
            for (const w of set) if (other.has(w)) shared++;
            if (!best || shared > best[1] || (shared === best[1] && i < best[0])) best = [i, shared];
          }
          if (best && best[1] / set.size >= opts.nearDuplicate) {
            doc.removed.push({
              start: s.start,
              end: s.end,
              reason: 'duplicate',
              duplicateOf: earlier[best[0]] as number,
            });
            continue;
          }
          const index = earlier.push(s.start) - 1;
          earlierWords.push(set);
          for (const w of set) {
            const list = byWord.get(w);
            if (list) list.push(index);
            else byWord.set(w, [index]);
          }
        }
        const sentence: Sentence = { start: s.start, end: s.end, paragraph: pi, language: lang };
        doc.sentences.push(sentence);
      }
    });
  },
});
