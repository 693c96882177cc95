import months from '../months.json' with { type: 'json' };

// Dictionaries and pattern pieces of the Azerbaijani chrono locale, like chrono's
// src/locales/<lang>/constants.ts. Unicode-aware boundaries: \b does not work on ə, ı, ş.
export const MONTHS = months.months as Record<string, number>;
/** A month name with any case ending ("aprelində", "sentyabrın", "mayda"). */
export const MONTH = `((?:${Object.keys(MONTHS).join('|')})[\\p{L}]*)`;
export const YEAR = '((?:1[5-9]|20)\\d{2})';
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
/** The ordinal suffix of a number: 1995-ci, 1996-cı, 2004-cü, 1993-cü, 30-cu. */
export const ORD = '-?(?:c[ıiuü]|[ıiuü]nc[ıiuü])';
/** "il" (year) with its case endings: ildə, ilin, ilə. */
export const IL = '(?:il(?:d[əa]|in|[əa])?|ilin)';
/** "tarixdə", "tarixində": "on the date". */
export const TARIX = '(?:\\s+tarix(?:d[əa]|ind[əa]|i|in)?)?';
/** A day or a day range: "26", "26-27". */
export const DAY = '(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?';
/** The locative/dative ending after a day number: 12-də, 8-9-da, 12-sində. */
export const DAY_CASE = '-?(?:d[əa]|[iıuü]nd[əa]|s[iıuü]nd[əa]|y[əa]|ə|a)?';
export const ROMAN = '([IVX]{1,5})';

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
