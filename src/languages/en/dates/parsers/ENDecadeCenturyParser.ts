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
