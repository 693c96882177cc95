import type { Span } from './document.js';

export interface Token extends Span {
  text: string;
}

// Letters, marks and digits, with inner apostrophes (English possessives, Azerbaijani "Baku'da").
// Hyphens split tokens, so "Azerbaijan-Uzbekistan" yields two names; matchers allow a hyphen between tokens.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring of 13
 * characters or more as a view of its parent: a long-lived memo keyed by a word cut from a document
 * would keep the whole document alive (50 such words of 2 MB documents held 100 MB). Memos that
 * outlive a document store their keys, and values derived from them, through this. Flattening the
 * concatenation copies the characters; the slice then points into that small copy.
 */
export function detached(s: string): string {
  return ` ${s}`.slice(1);
}

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  let m: RegExpExecArray | null = TOKEN.exec(text);
  while (m !== null && m.index < end) {
    const tokEnd = Math.min(m.index + m[0].length, end);
    out.push({ start: m.index, end: tokEnd, text: text.slice(m.index, tokEnd) });
    m = TOKEN.exec(text);
  }
  return out;
}

/**
 * A case- and dotless-i-insensitive key for matching names: "İlham", "Ilham" and "ılham" meet.
 * Plain toLowerCase() would turn "İ" into "i̇" (with a combining dot), so İ/I/ı are folded first.
 */
export function fold(s: string): string {
  return s.replace(/[İIı]/g, 'i').toLowerCase().normalize('NFC');
}

/** Russian (and Kazakh) Cyrillic letters in a BGN/PCGN-like Latin transliteration. */
export const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'q',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};
const LATIN_FOLD: Record<string, string> = {
  ə: 'a',
  ı: 'i',
  ş: 'sh',
  ç: 'ch',
  ğ: 'g',
  ö: 'o',
  ü: 'u',
  x: 'kh',
  q: 'k',
  c: 'dzh',
  j: 'zh',
  w: 'v',
};

/**
 * A script-independent match key: Russian transliterated (BGN/PCGN-like), Azerbaijani letters folded,
 * vowel clusters and doubled letters simplified, so "Мирзиёев", "Mirziyoyev" and "Mirziyoev" meet.
 * Only ever compared with other keys; never shown.
 */
export function matchKey(s: string): string {
  let t = fold(s);
  t = [...t].map((c) => CYRILLIC_TO_LATIN[c] ?? LATIN_FOLD[c] ?? c).join('');
  t = t.normalize('NFKD').replace(/\p{M}/gu, '');
  t = t.replace(/[^a-z0-9]+/g, ' ').trim();
  // Spelling variants between transliteration schemes: kh/h, y between vowels, doubled letters, dzh/j.
  return t
    .replace(/dzh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/([aeiou])y(?=[aeiou])/g, '$1')
    .replace(/iy/g, 'i')
    .replace(/yo/g, 'o')
    .replace(/(.)\1+/g, '$1');
}

/** The slug used in readable ids: lower case ASCII words joined by hyphens. */
export function slug(s: string): string {
  const ascii = [...fold(s)].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');
  return ascii
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// One pattern per stem list, compiled once: the lists are the languages' data (entities.json) and live
// as long as the process; building a pattern per stem for every sentence or name run, and trying them
// in turn, cost ~2% of the Azerbaijani path.
const stemPatterns = new WeakMap<string[], RegExp>();
const NO_STEM = /(?!)/u;

/** Matches a word (lowercased) that starts with any stem of a list, each stem a pattern (`^(?:stem)`). */
export function startsLikeAny(stems: string[] | undefined): RegExp {
  if (!stems?.length) return NO_STEM;
  let re = stemPatterns.get(stems);
  if (!re) {
    re = new RegExp(`^(?:${stems.join('|')})`, 'iu');
    stemPatterns.set(stems, re);
  }
  return re;
}
