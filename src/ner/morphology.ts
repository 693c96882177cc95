import { gazetteerFeatures } from './gazetteer.js';
import type { Token } from './tokens.js';

/**
 * Features from a language's case and possessive endings (`morphology.json`): the longest ending that
 * leaves a stem of three letters, the stem, and gazetteer membership of the word or its stem.
 */
export function endingFeatures(endings: string[], locale: string): (t: Token) => string[] {
  const sorted = [...endings].sort((a, b) => b.length - a.length);
  return (t) => {
    const w = t.text.toLocaleLowerCase(locale);
    const e = sorted.find((x) => w.length - x.length >= 3 && w.endsWith(x));
    const stem = e ? w.slice(0, -e.length) : w;
    return [`stem=${stem}`, ...(e ? [`end=${e}`] : []), ...gazetteerFeatures(w, stem)];
  };
}
