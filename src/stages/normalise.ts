import type { Document } from '../core/document.js';
import { registerStage } from '../core/stage.js';

/**
 * Builds `doc.view`: a copy of the text with one-for-one character substitutions, so every offset into
 * the view is the same offset into the original text. Matchers read the view; spans point into both.
 *  - Latin letters hidden in Cyrillic words ("Aзербайджаном") and the reverse become the word's script.
 *  - Cyrillic schwa (U+04D9/U+04D8) in Latin-script words becomes Azerbaijani ə/Ə.
 *  - NBSP and other spaces become a plain space; typographic double quotes become '"', dashes '-'.
 */

// Letters that look the same in both scripts (Latin → Cyrillic).
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l]),
);
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const DOUBLE_QUOTES = /[“”„‟″]/g;
const DASHES = /[‐‑‒–—―−]/g;
const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function fixMixedScript(word: string): string {
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (CYRILLIC.test(ch)) cyr++;
    else if (LATIN.test(ch)) lat++;
  }
  if (!cyr || !lat) return word;
  if (cyr > lat) return [...word].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
  // A Latin-script word: Cyrillic schwa is Azerbaijani ə; other lookalikes go back to Latin.
  return [...word].map((ch) => (ch === 'ә' ? 'ə' : ch === 'Ә' ? 'Ə' : (CYRILLIC_TO_LATIN[ch] ?? ch))).join('');
}

export function normaliseView(text: string): string {
  const out = text
    .replace(SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(WORD, (w) => {
      const fixed = fixMixedScript(w);
      // Substitutions are one UTF-16 unit for one: the view keeps the text's length.
      return fixed.length === w.length ? fixed : w;
    });
  return out.length === text.length ? out : text;
}

registerStage({
  name: 'normalise.v1',
  requires: ['text'],
  assigns: ['view'],
  defaults: {},
  create: () => (doc: Document) => {
    doc.view = normaliseView(doc.text);
  },
});
