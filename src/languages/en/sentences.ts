import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Segment } from '../index.js';

// English sentences come from wink-nlp, whose tokenizer knows English abbreviations ("Mr.", "U.S.",
// "p.m.") and is fast; Intl.Segmenter serves the other languages (wink splits Azerbaijani words).
const wink = winkNLP(model);

/** wink's sentences located in the text; null if one cannot be found (then ICU is used). */
export function segmentEnglish(text: string): Segment[] | null {
  const out: Segment[] = [];
  let cursor = 0;
  for (const sentence of wink.readDoc(text).sentences().out()) {
    const at = text.indexOf(sentence, cursor);
    if (at < 0) return null;
    out.push({ index: at, segment: sentence });
    cursor = at + sentence.length;
  }
  return out;
}
