import { centuryValue, patternParser } from '../../../common/dates.js';
import { B, ORD, ROMAN, romanToNumber } from '../constants.js';

/** "ötən əsrin 30-cu illərində": a decade of the last century, as written in this century. */
export const AZLastCenturyDecadeParser = patternParser(
  'az/decade-last-century',
  new RegExp(`${B}ötən\\s+əsrin\\s+(\\d)0${ORD}\\s+illər[\\p{L}]*`, 'iu'),
  (m) => ({ start: { year: 1900 + Number(m[1]) * 10 }, precision: 'decade', value: `19${m[1]}X` }),
);

/** "1990-cı illərdə", "90-cı illərdə": a decade (two-digit decades are of the 20th century). */
export const AZDecadeParser = patternParser(
  'az/decade',
  new RegExp(`${B}((?:1[5-9]|20)\\d|\\d)0${ORD}\\s+illər[\\p{L}]*`, 'iu'),
  (m) => {
    const d = m[1] ?? '';
    const prefix = d.length === 1 ? `19${d}` : d;
    return { start: { year: Number(`${prefix}0`) }, precision: 'decade', value: `${prefix}X` };
  },
);

/** "XX əsrdə", "XIX əsrin sonlarında", "20-ci əsrin əvvəllərində": a century, with its part. */
export const AZCenturyParser = patternParser(
  'az/century',
  new RegExp(`${B}(?:${ROMAN}|(\\d{1,2})${ORD})\\s+əsr(?:in\\s+(əvvəl|orta|son)[\\p{L}]*|[\\p{L}]*)`, 'u'),
  (m) => {
    const n = m[1] ? romanToNumber(m[1]) : Number(m[2]);
    if (n < 1 || n > 21) return null;
    const w = (m[3] ?? '').toLocaleLowerCase('az');
    const mod = w.startsWith('əvvəl')
      ? 'START'
      : w.startsWith('orta')
        ? 'MID'
        : w.startsWith('son')
          ? 'END'
          : undefined;
    const value = centuryValue(n);
    return { start: { year: (n - 1) * 100 }, precision: 'century', value, ...(mod ? { mod } : {}) };
  },
);
