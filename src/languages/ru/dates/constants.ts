import type { SEASONS } from '../../common/dates.js';
import months from '../months.json' with { type: 'json' };
// Dictionaries and pattern pieces of the Russian date locale, like chrono's src/locales/<lang>/constants.ts.
export const MONTHS = months.months as Record<string, number>;
export const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
export const monthNumber = (s: string) => MONTHS[s.toLowerCase()] ?? 0;
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
export const GOD = '(?:году|года|год|годом|г\\.?)';

export const MOD: Record<string, 'START' | 'MID' | 'END'> = { нач: 'START', сер: 'MID', кон: 'END' };
export const modOf = (w: string) => MOD[w.toLowerCase().slice(0, 3)] ?? 'END';
export const SEASON: Record<string, keyof typeof SEASONS> = {
  весн: 'spring',
  лет: 'summer',
  осен: 'autumn',
  зим: 'winter',
};
export const ROMAN = '([IVXХ]{1,5})';
