import type { Document, ViewMap } from '../core/document.js';
import { registerStage } from '../core/stage.js';

/**
 * Builds `doc.view`, the text the matchers read, and the map from view offsets back to the text:
 *  - NFC: a letter written with combining marks ("ə" as e + U+0308…) becomes its composed form;
 *  - soft hyphens, zero-width spaces and joiners, word joiners and stray BOMs are dropped;
 *  - Latin letters hidden in Cyrillic words ("Aзербайджаном") and the reverse take the word's script;
 *  - Cyrillic schwa (U+04D9/U+04D8) in Latin-script words becomes Azerbaijani ə/Ə;
 *  - NBSP and other spaces become a plain space; typographic double quotes '"', dashes '-'.
 * Every span a stage reports is in view offsets; `toTextSpan` maps it back to the original text.
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

const DROPPED = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/;
const COMBINING = /\p{M}/u;

/** NFC and dropped characters, with the offset map; one-for-one substitutions come after. */
function composeAndDrop(text: string): { out: string; map: ViewMap | null } {
  if (!DROPPED.test(text) && text.normalize('NFC') === text) return { out: text, map: null };
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (DROPPED.test(ch)) {
      i++;
      continue;
    }
    // A base character and the combining marks after it form one cluster to compose.
    let j = i + 1;
    if (/[\uD800-\uDBFF]/.test(ch)) j++;
    while (j < text.length && COMBINING.test(text[j] as string)) j++;
    const cluster = text.slice(i, j);
    const composed = cluster.normalize('NFC');
    for (let k = 0; k < composed.length; k++) {
      chars.push(composed[k] as string);
      // When composition shortened the cluster, its units all map to the whole source cluster.
      starts.push(composed.length === cluster.length ? i + k : i);
      ends.push(composed.length === cluster.length ? i + k + 1 : j);
    }
    i = j;
  }
  return { out: chars.join(''), map: { start: Int32Array.from(starts), end: Int32Array.from(ends) } };
}

export function normaliseView(text: string): { view: string; map: ViewMap | null } {
  const { out: composed, map } = composeAndDrop(text);
  const out = composed
    .replace(SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(WORD, (w) => {
      const fixed = fixMixedScript(w);
      // Substitutions are one UTF-16 unit for one, so the map stays valid.
      return fixed.length === w.length ? fixed : w;
    });
  return { view: out.length === composed.length ? out : composed, map };
}

registerStage({
  name: 'normalise.v1',
  requires: ['text'],
  assigns: ['view', 'viewMap'],
  defaults: {},
  create: () => (doc: Document) => {
    const { view, map } = normaliseView(doc.text);
    doc.view = view;
    doc.viewMap = map;
  },
});
