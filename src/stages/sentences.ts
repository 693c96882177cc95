import type { Document, Sentence, Span } from '../core/document.js';
import { registerStage } from '../core/stage.js';

/**
 * Sentences per body paragraph with Node's ICU segmenter (Intl.Segmenter), which handles Azerbaijani
 * letters that wink-nlp's English tokenizer splits. Then two repairs ICU does not make: sentences glued
 * without a space ("yaradılmışdır.Münasibətlərin") are split, and a sentence repeated within the
 * document (exactly, after folding case and spacing) is processed once: later copies are listed in
 * `removed` as duplicates of the first.
 */
const GLUED = /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

export function splitSentences(view: string, span: Span, lang: string): Span[] {
  const out: Span[] = [];
  const text = view.slice(span.start, span.end);
  for (const seg of segmenter(lang).segment(text)) {
    const pieces: number[] = [0];
    for (const m of seg.segment.matchAll(GLUED)) pieces.push(m.index ?? 0);
    pieces.push(seg.segment.length);
    for (let i = 0; i + 1 < pieces.length; i++) {
      const raw = seg.segment.slice(pieces[i], pieces[i + 1]);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      const start = span.start + seg.index + (pieces[i] ?? 0) + lead;
      out.push({ start, end: start + trimmed.length });
    }
  }
  return out;
}

const dedupKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

registerStage<{ minDuplicateWords: number }>({
  name: 'sentences.v1',
  requires: ['paragraphs', 'language'],
  assigns: ['sentences'],
  defaults: { minDuplicateWords: 4 },
  create: (opts) => (doc: Document) => {
    const seen = new Map<string, number>();
    doc.paragraphs.forEach((p, pi) => {
      const lang = p.language && p.language !== 'und' ? p.language : doc.language;
      for (const s of splitSentences(doc.view, p, lang)) {
        const key = dedupKey(doc.view.slice(s.start, s.end));
        const first = seen.get(key);
        if (first !== undefined && key.split(' ').length >= opts.minDuplicateWords) {
          doc.removed.push({ start: s.start, end: s.end, reason: 'duplicate', duplicateOf: first });
          continue;
        }
        seen.set(key, s.start);
        const sentence: Sentence = { start: s.start, end: s.end, paragraph: pi, language: lang };
        doc.sentences.push(sentence);
      }
    });
  },
});
