import type { SEASONS } from '../../common/dates.js';
import months from '../months.json' with { type: 'json' };
// Dictionaries and pattern pieces of the English date locale, like chrono's src/locales/<lang>/constants.ts.
export const MONTH_NAMES = Object.keys(months.months)
  .sort((a, b) => b.length - a.length)
  .join('|');
export const monthNumber = (s: string) => (months.months as Record<string, number>)[s.toLowerCase()] ?? 0;
export const B = '(?<![\\p{L}\\p{N}])';

export const modOf = (w: string) => {
  const x = w.toLowerCase();
  if (x.includes('mid') || x.includes('middle')) return 'MID' as const;
  if (x.includes('early') || x.includes('beginning') || x.includes('start')) return 'START' as const;
  return 'END' as const;
};
export const SEASON: Record<string, keyof typeof SEASONS> = {
  spring: 'spring',
  summer: 'summer',
  autumn: 'autumn',
  fall: 'autumn',
  winter: 'winter',
};
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  'twenty-first': 21,
};
