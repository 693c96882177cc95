import { detached } from '../core/text.js';
import { gazetteerFeatures } from './gazetteer.js';
import { isPersonName } from './people-names.js';
import type { Token } from './tokens.js';

/**
 * Features from a language's case and possessive endings (`morphology.json`): the longest ending that
 * leaves a stem of three letters, the stem, gazetteer membership of the word or its stem, and whether
 * either is a known person name.
 */
export function endingFeatures(endings: string[], locale: string): (t: Token) => string[] {
  const sorted = [...endings].sort((a, b) => b.length - a.length);
  // Word features depend on the word alone: worked out once per form (names and function words repeat).
  const memo = new Map<string, string[]>();
  return (t) => {
    const known = memo.get(t.text);
    if (known) return known;
    const key = detached(t.text);
    const w = key.toLocaleLowerCase(locale);
    const e = sorted.find((x) => w.length - x.length >= 3 && w.endsWith(x));
    const stem = e ? w.slice(0, -e.length) : w;
    const f = [`stem=${stem}`, ...(e ? [`end=${e}`] : []), ...gazetteerFeatures(w, stem)];
    if (isPersonName(w, stem)) f.push('pname');
    if (memo.size > 200_000) memo.clear();
    memo.set(key, f);
    return f;
  };
}
