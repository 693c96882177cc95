import months from '../months.json' with { type: 'json' };

// Dictionaries and pattern pieces of the Azerbaijani chrono locale, like chrono's
// src/locales/<lang>/constants.ts. Unicode-aware boundaries: \b does not work on ə, ı, ş.
export const MONTHS = months.months as Record<string, number>;
/**
 * A month name with its case ending ("aprelində", "sentyabrın", "mayda", "yanvaradək") and nothing
 * else ("mayor" is no month). JavaScript's /i does not fold İ to i, hence [iİ].
 */
const MONTH_CASE = '(?:[ıiuü]n(?:d[əa]n|d[əa]k[ıi]?|d[əa]|[əa])?|[ıiuü]|d[əa]n|d[əa]k[ıi]?|d[əa]|[əa])?';
export const MONTH = `((?:${Object.keys(MONTHS)
  .map((m) => m.replace(/^i/, '[iİ]'))
  .join('|')})${MONTH_CASE})(?![\\p{L}])`;
export const YEAR = '((?:1\\d|20)\\d{2})';
/** A year of three or four digits, for forms whose suffix says it is a year ("986-cı ildə"). */
export const ORDINAL_YEAR = '(\\d{3,4})';
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
/**
 * A hyphen joining a number to its suffix or to a second number, with the spacing slips of real pages
 * and of tokenised text ("1944 - cü", "1965 – 66").
 */
export const HY = '\\s*[-‐‑–—]\\s*';
/** The ordinal suffix of a number: 1995-ci, 1996-cı, 2004-cü, 1993-cü, 30-cu, "1944 - cü". */
export const ORD = `(?:${HY})?(?:c[ıiuü]|[ıiuü]nc[ıiuü])`;
/** "il" (year) with its case endings: il, ili, ilin, ildə, ildən, ilə, ilədək. */
export const IL = '(?:il(?:d[əa]n|d[əa]|in|i|[əa]d[əa]k|[əa])?)';
/** "illər" (years) with any ending: illər, illərdə, illərin, illəri. */
export const ILLER = 'ill[əa]r[\\p{L}]*';
/** The case ending written straight after a bare number: 1946-da, "1946 da", 2009-a, 2020-dən. */
export const NUM_CASE = `(?:${HY}(?:d[əa]n|d[əa]|[əa]d[əa]k|y[əa]|[əa])|\\s(?:d[əa]n|d[əa]|[əa]d[əa]k))`;
/** A full stop between the parts of a numeric date, "22.08.1958" or tokenised "22 . 08 . 1958". */
export const DOT = '\\s*\\.\\s*';
/** The locative/dative ending after a day number: 12-də, 8-9-da, 12-sində. */
export const DAY_CASE = `(?:(?:${HY})?(?:d[əa]n|d[əa]|[iıuü]nd[əa]|s[iıuü]nd[əa]|s[iıuü]n[əa]|s[iıuü]|y[əa]|[əa]d[əa]k|[iıuü]|ə|a))?`;
/** "tarixdə", "tarixində": "on the date". */
export const TARIX = '(?:\\s+tarix(?:d[əa]|ind[əa]|i|in)?)?';
/** A day or a day range: "26", "26-27". */
export const DAY = '(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?';
export const ROMAN = '([IVX]{1,5})';
/** Number words up to ten, and "yarım" (half is not a count of units: left out). */
export const NUMBER_WORDS: Record<string, number> = {
  bir: 1,
  iki: 2,
  üç: 3,
  dörd: 4,
  beş: 5,
  altı: 6,
  yeddi: 7,
  səkkiz: 8,
  doqquz: 9,
  on: 10,
};
/** Weekday names, 0 = Sunday (as in JavaScript and chrono). */
export const WEEKDAYS: Record<string, number> = {
  'bazar ertəsi': 1,
  'çərşənbə axşamı': 2,
  çərşənbə: 3,
  'cümə axşamı': 4,
  cümə: 5,
  şənbə: 6,
  // "bazar" alone is "market": Sunday only with "günü".
  'bazar günü': 0,
};

/** A two-digit year read against the reference: the century that puts it nearest before or at it. */
export function fullYear(yy: string, ref: Date): number {
  if (yy.length === 4) return Number(yy);
  const refYear = ref.getUTCFullYear() >= 1900 ? ref.getUTCFullYear() : 2030;
  const y = Math.floor(refYear / 100) * 100 + Number(yy);
  return y > refYear + 10 ? y - 100 : y;
}

/** The second year of a range written short ("1965-66"): the first with its last two digits replaced. */
export function secondYear(first: number, second: string): number {
  if (second.length === 4) return Number(second);
  const y = Math.floor(first / 100) * 100 + Number(second);
  return y <= first ? y + 100 : y;
}

export function monthNumber(s: string): number {
  const w = s.toLocaleLowerCase('az');
  for (const [stem, n] of Object.entries(MONTHS)) if (w.startsWith(stem)) return n;
  return 0;
}

export { romanToNumber } from '../../common/dates.js';

export const dayRange = (y: number | undefined, mo: number, d1: number, d2: number | undefined) => {
  const start: Record<string, number> = { month: mo, day: d1 };
  if (y) start.year = y;
  if (!d2) return { start, precision: 'day' as const };
  const end: Record<string, number> = { ...start, day: d2 };
  return { start, end, precision: 'day' as const };
};
