import { partOfMonth, patternParser, seasonRange, YEAR } from '../../../common/dates.js';
import { B, MONTH_NAMES, modOf, monthNumber, SEASON } from '../constants.js';

export const ENSeasonParser = patternParser(
  'en/season',
  new RegExp(`${B}(?:the\\s+)?(spring|summer|autumn|fall|winter)(?:\\s+of)?\\s+${YEAR}(?!\\d)`, 'iu'),
  (m) => seasonRange(Number(m[2]), SEASON[(m[1] ?? '').toLowerCase()] ?? 'summer'),
);

export const ENHalfOrQuarterParser = patternParser(
  'en/half-or-quarter',
  new RegExp(
    `${B}(?:the\\s+)?(?:(first|second|1st|2nd)\\s+half|(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter|(Q[1-4])|(H[12]))(?:\\s+of)?\\s+${YEAR}(?!\\d)`,
    'iu',
  ),
  (m) => {
    const y = Number(m[5]);
    const idx = (w: string) =>
      ({ first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 })[w.toLowerCase()] ?? 1;
    const half = m[1] ? idx(m[1]) : m[4] ? Number(m[4].slice(1)) : 0;
    const quarter = m[2] ? idx(m[2]) : m[3] ? Number(m[3].slice(1)) : 0;
    const [a, b] = half ? [half * 6 - 5, half * 6] : [quarter * 3 - 2, quarter * 3];
    return { start: { year: y, month: a }, end: { year: y, month: b }, precision: 'month' };
  },
);

export const ENPartOfYearParser = patternParser(
  'en/part-of-year',
  new RegExp(`${B}(mid|early|late|the (?:middle|beginning|end|start) of)[-\\s]+${YEAR}(?!\\d|'?s)`, 'iu'),
  (m) => ({ start: { year: Number(m[2]) }, precision: 'year', mod: modOf(m[1] ?? '') }),
);

export const ENPartOfMonthParser = patternParser(
  'en/part-of-month',
  new RegExp(
    `${B}(early|mid|late|the (?:middle|beginning|end|start) of)[-\\s]+(${MONTH_NAMES})(?:,?\\s+${YEAR})?(?![\\p{L}\\d])`,
    'iu',
  ),
  (m) => partOfMonth(monthNumber(m[2] ?? ''), m[3], modOf(m[1] ?? '')),
);

const shiftOf = (w: string) => ({ last: -1, next: 1 })[w.toLowerCase()] ?? 0;

/** "last spring", "this summer", "next winter": a season relative to the reference year. */
export const ENRelativeSeasonParser = patternParser(
  'en/relative-season',
  new RegExp(`${B}(last|this|next)\\s+(spring|summer|autumn|fall|winter)(?![\\p{L}])`, 'iu'),
  (m, ref) => ({
    ...seasonRange(ref.getUTCFullYear() + shiftOf(m[1] ?? ''), SEASON[(m[2] ?? '').toLowerCase()] ?? 'summer'),
    relative: true,
  }),
);

/**
 * "the end of this year", "the beginning of the month", "the middle of next year", "late this year":
 * a part of the reference's year or month.
 */
export const ENRelativePartParser = patternParser(
  'en/relative-part',
  new RegExp(
    `${B}(?:(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+(?:the|this|(last|next))|(early|mid|late)(?:-|\\s+)(?:this|(last|next)))\\s+(year|month)(?![\\p{L}])`,
    'iu',
  ),
  (m, ref) => {
    const shift = shiftOf(m[2] ?? m[4] ?? '');
    const mod = modOf(m[1] ?? m[3] ?? '');
    if ((m[5] ?? '').toLowerCase() === 'year')
      return { start: { year: ref.getUTCFullYear() + shift }, precision: 'year', mod, relative: true };
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
    return {
      start: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 },
      precision: 'month',
      mod,
      relative: true,
    };
  },
);

/** "the present year", "this fiscal year", "the current calendar year": the reference's year. */
export const ENCurrentYearParser = patternParser(
  'en/current-year',
  new RegExp(`${B}(?:the\\s+)?(?:current|present|this)\\s+(?:fiscal|calendar)?\\s*year(?![\\p{L}'’-])`, 'iu'),
  (_m, ref) => ({ start: { year: ref.getUTCFullYear() }, precision: 'year', relative: true }),
);

/** "by year-end", "at year's end", "toward year-end": the end of the reference's year. */
export const ENYearEndParser = patternParser(
  'en/year-end',
  new RegExp(
    `${B}(?:by|at|around|before|until|through|toward|towards)\\s+(?:the\\s+)?year(?:-|\\s+|['’]s\\s+)end(?![\\p{L}])`,
    'iu',
  ),
  (_m, ref) => ({ start: { year: ref.getUTCFullYear() }, precision: 'year', mod: 'END', relative: true }),
);
