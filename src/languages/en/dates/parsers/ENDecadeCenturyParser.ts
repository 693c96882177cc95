import { centuryValue, patternParser } from '../../../common/dates.js';
import { B, modOf, ORDINAL_WORDS } from '../constants.js';

export const ENPartOfDecadeParser = patternParser(
  'en/part-of-decade',
  new RegExp(`${B}(?:the\\s+)?(mid|early|late)[-\\s]+((?:1[5-9]|20)\\d)0'?s(?![\\p{L}])`, 'iu'),
  (m) => ({ start: { year: Number(`${m[2]}0`) }, precision: 'decade', value: `${m[2]}X`, mod: modOf(m[1] ?? '') }),
);

export const ENCenturyParser = patternParser(
  'en/century',
  new RegExp(
    `${B}(?:the\\s+)?(?:(early|mid|late|beginning of the|middle of the|end of the)[-\\s]+)?(\\d{1,2})(?:st|nd|rd|th)[-\\s]+century|${B}(?:the\\s+)?(${Object.keys(ORDINAL_WORDS).join('|')})[-\\s]+century`,
    'iu',
  ),
  (m) => {
    const n = m[2] ? Number(m[2]) : (ORDINAL_WORDS[(m[3] ?? '').toLowerCase()] ?? 0);
    if (n < 1 || n > 21) return null;
    const value = centuryValue(n);
    const base = { start: { year: (n - 1) * 100 }, precision: 'century' as const, value };
    return m[1] ? { ...base, mod: modOf(m[1]) } : base;
  },
);

export const ENDecadeParser = patternParser(
  'en/decade',
  new RegExp(`${B}(?:the\\s+)?((?:1[5-9]|20)\\d)0'?s(?![\\p{L}])`, 'iu'),
  (m) => ({
    start: { year: Number(`${m[1]}0`) },
    precision: 'decade',
    value: `${m[1]}X`,
  }),
);

const DECADE_WORDS: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};

/**
 * "the '90s", "the nineties", "the late sixties": a decade of the 20th century written short. A bare
 * "the 40s" is left alone: in news it is as often an age or a temperature.
 */
export const ENShortDecadeParser = patternParser(
  'en/short-decade',
  new RegExp(
    `${B}(?:the\\s+)?(?:(early|mid|late)[-\\s]+)?(?:['’]([1-9])0s|(${Object.keys(DECADE_WORDS).join('|')}))(?![\\p{L}])`,
    'iu',
  ),
  (m) => {
    const d = m[2] ? Number(m[2]) : (DECADE_WORDS[(m[3] ?? '').toLowerCase()] ?? 0);
    if (!d) return null;
    const base = { start: { year: 1900 + d * 10 }, precision: 'decade' as const, value: `19${d}X` };
    return m[1] ? { ...base, mod: modOf(m[1]) } : base;
  },
);
