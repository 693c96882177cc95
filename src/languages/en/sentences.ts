import { lazy } from '../../core/lazy.js';
import type { Segment } from '../index.js';

// English sentences come from wink-nlp, whose tokenizer knows English abbreviations ("Mr.", "U.S.",
// "p.m.") and is fast; Intl.Segmenter serves the other languages (wink splits Azerbaijani words).
const wink = lazy((require) => {
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  return winkNLP(require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default);
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
