import { centuryValue, patternParser } from '../../../common/dates.js';
import { B, ORD, ROMAN, romanToNumber } from '../constants.js';

/** "ötən əsrin 30-cu illərində": a decade of the last century, as written in this century. */
export const AZLastCenturyDecadeParser = patternParser(
  'az/decade-last-century',
  new RegExp(`${B}ötən\\s+əsrin\\s+(\\d)0${ORD}\\s+illər[\\p{L}]*`, 'iu'),
  (m) => ({ start: { year: 1900 + Number(m[1]) * 10 }, precision: 'decade', value: `19${m[1]}X` }),
);

/**
 * "1990-cı illərdə", "90-cı illərdə", "80-ci illərin sonlarında": a decade (two-digit decades are of the
 * 20th century), with its part.
 */
export const AZDecadeParser = patternParser(
  'az/decade',
  new RegExp(`${B}((?:1[5-9]|20)\\d|\\d)0${ORD}\\s+ill[əa]r(?:in\\s+(əvvəl|orta|son)[\\p{L}]*|[\\p{L}]*)`, 'iu'),
  (m) => {
    const d = m[1] ?? '';
    const prefix = d.length === 1 ? `19${d}` : d;
    const value = `${prefix}X`;
    const mod = partMod(m[2]);
    return { start: { year: Number(`${prefix}0`) }, precision: 'decade', value, ...(mod ? { mod } : {}) };
  },
);

/** The part of a period named after it: əvvəllərində (start), ortalarında (middle), sonlarında (end). */
function partMod(word: string | undefined) {
  const w = (word ?? '').toLocaleLowerCase('az');
  if (w.startsWith('əvvəl')) return 'START' as const;
  if (w.startsWith('orta')) return 'MID' as const;
  if (w.startsWith('son')) return 'END' as const;
  return undefined;
}

/** "XX əsrdə", "XIX əsrin sonlarında", "20-ci əsrin əvvəllərində": a century, with its part. */
export const AZCenturyParser = patternParser(
  'az/century',
  new RegExp(`${B}(?:${ROMAN}|(\\d{1,2})${ORD})\\s+əsr(?:in\\s+(əvvəl|orta|son)[\\p{L}]*|[\\p{L}]*)`, 'u'),
  (m) => {
    const n = m[1] ? romanToNumber(m[1]) : Number(m[2]);
    if (n < 1 || n > 21) return null;
    const mod = partMod(m[3]);
    const value = centuryValue(n);
    return { start: { year: (n - 1) * 100 }, precision: 'century', value, ...(mod ? { mod } : {}) };
  },
);
