import { lazy } from '../../core/lazy.js';
import type { Segment } from '../index.js';

// English sentences come from wink-nlp, whose tokenizer knows English abbreviations ("Mr.", "U.S.",
// "p.m.") and is fast; Intl.Segmenter serves the other languages (wink splits Azerbaijani words).
// Only its sentence boundary detection runs: by default readDoc also tags parts of speech, entities,
// negation and sentiment, which nothing here reads. Same sentences on the 1,158 English texts of
// ../shared/dev and the corpus (8,275 sentences), in about half the time.
const wink = lazy((require) => {
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  return winkNLP(require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default, ['sbd']);
});

/** wink's sentences located in the text; null if one cannot be found (then ICU is used). */
export function segmentEnglish(text: string): Segment[] | null {
  const out: Segment[] = [];
  let cursor = 0;
  for (const sentence of wink().readDoc(text).sentences().out()) {
    const at = text.indexOf(sentence, cursor);
    if (at < 0) return null;
    out.push({ index: at, segment: sentence });
    cursor = at + sentence.length;
  }
  return out;
}
