import * as chrono from 'chrono-node';
import {
  centuryValue,
  extendedChrono,
  partOfMonth,
  patternParser,
  type SEASONS,
  seasonRange,
  YEAR,
  yearRange,
} from '../common/dates.js';
import months from './months.json' with { type: 'json' };

// chrono's English casual parser, extended where it falls short on news text (see LIBRARIES.md):
// bare years with a cue word, year ranges, parts of years, decades, "this month of 2022",
// "last August", "July of this year".
const MONTH_NAMES = Object.keys(months.months)
  .sort((a, b) => b.length - a.length)
  .join('|');
const monthNumber = (s: string) => (months.months as Record<string, number>)[s.toLowerCase()] ?? 0;
const B = '(?<![\\p{L}\\p{N}])';

const modOf = (w: string) => {
  const x = w.toLowerCase();
  if (x.includes('mid') || x.includes('middle')) return 'MID' as const;
  if (x.includes('early') || x.includes('beginning') || x.includes('start')) return 'START' as const;
  return 'END' as const;
};
const SEASON: Record<string, keyof typeof SEASONS> = {
  spring: 'spring',
  summer: 'summer',
  autumn: 'autumn',
  fall: 'autumn',
  winter: 'winter',
};
const ORDINAL_WORDS: Record<string, number> = {
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

const parsers = [
  patternParser(
    'en/part-of-decade',
    new RegExp(`${B}(?:the\\s+)?(mid|early|late)[-\\s]+((?:1[5-9]|20)\\d)0'?s(?![\\p{L}])`, 'iu'),
    (m) => ({ start: { year: Number(`${m[2]}0`) }, precision: 'decade', value: `${m[2]}X`, mod: modOf(m[1] ?? '') }),
  ),
  patternParser(
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
  ),
  patternParser(
    'en/season',
    new RegExp(`${B}(?:the\\s+)?(spring|summer|autumn|fall|winter)(?:\\s+of)?\\s+${YEAR}(?!\\d)`, 'iu'),
    (m) => seasonRange(Number(m[2]), SEASON[(m[1] ?? '').toLowerCase()] ?? 'summer'),
  ),
  patternParser(
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
  ),
  patternParser(
    'en/year-span',
    new RegExp(`${B}(?:from|between)\\s+${YEAR}\\s+(?:to|and|until|till|through)\\s+${YEAR}(?!\\d)`, 'iu'),
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return yearRange(a, b);
    },
  ),
  patternParser('en/year-range-short', new RegExp(`${B}${YEAR}\\s*[-/]\\s*(\\d{2})(?![\\d-])`, 'u'), (m) => {
    const a = Number(m[1]);
    const b = Math.floor(a / 100) * 100 + Number(m[2]);
    return b === a + 1 ? { start: { year: a }, end: { year: b }, precision: 'year', value: `${a}/${b}` } : null;
  }),
  patternParser(
    'en/part-of-year',
    new RegExp(`${B}(mid|early|late|the (?:middle|beginning|end|start) of)[-\\s]+${YEAR}(?!\\d|'?s)`, 'iu'),
    (m) => ({ start: { year: Number(m[2]) }, precision: 'year', mod: modOf(m[1] ?? '') }),
  ),
  patternParser(
    'en/part-of-month',
    new RegExp(
      `${B}(early|mid|late|the (?:middle|beginning|end|start) of)[-\\s]+(${MONTH_NAMES})(?:,?\\s+${YEAR})?(?![\\p{L}\\d])`,
      'iu',
    ),
    (m) => partOfMonth(monthNumber(m[2] ?? ''), m[3], modOf(m[1] ?? '')),
  ),
  patternParser('en/decade', new RegExp(`${B}(?:the\\s+)?((?:1[5-9]|20)\\d)0'?s(?![\\p{L}])`, 'iu'), (m) => ({
    start: { year: Number(`${m[1]}0`) },
    precision: 'decade',
    value: `${m[1]}X`,
  })),
  patternParser('en/year-range', new RegExp(`${B}${YEAR}\\s*[-–—]\\s*${YEAR}(?![\\d-])`, 'u'), (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return yearRange(a, b);
  }),
  patternParser('en/this-month-of-year', new RegExp(`${B}this (?:month|year) of ${YEAR}(?!\\d)`, 'iu'), (m) => ({
    start: { year: Number(m[1]) },
    precision: 'year',
  })),
  patternParser('en/last-month-name', new RegExp(`${B}last (${MONTH_NAMES})(?![\\p{L}])`, 'iu'), (m, ref) => {
    // "last August" names the previous year's August (TimeML reading); the reference must be known.
    return {
      start: { year: ref.getUTCFullYear() - 1, month: monthNumber(m[1] ?? '') },
      precision: 'month',
      relative: true,
    };
  }),
  patternParser(
    'en/month-of-this-year',
    new RegExp(`${B}(${MONTH_NAMES}) of (this|last|next) year`, 'iu'),
    (m, ref) => {
      const shift = (m[2] ?? '').toLowerCase() === 'last' ? -1 : (m[2] ?? '').toLowerCase() === 'next' ? 1 : 0;
      return {
        start: { year: ref.getUTCFullYear() + shift, month: monthNumber(m[1] ?? '') },
        precision: 'month',
        relative: true,
      };
    },
  ),
  patternParser(
    'en/year-with-cue',
    new RegExp(`${B}(?:in|since|by|until|till|from|of|during|before|after|year)\\s+${YEAR}(?![\\d-])`, 'iu'),
    (m) => ({
      start: { year: Number(m[1]) },
      precision: 'year',
    }),
  ),
];

// Words chrono reads as dates that are not dates in news text: "now", and durations ("the last 3
// years", "over the past year") which TimeML annotates as durations, not points in time.
const NOT_A_DATE =
  /^(?:(?:until|till|up to|by|for|from)\s+)?(?:now|today's|present|currently)$|^(?:the\s+)?(?:last|past|next|previous|coming)\s+(?:\d+|few|several|two|three|four|five|six|seven|eight|nine|ten|couple of)\s+\p{L}+$|^past (?:year|month|week|decade|day)s?$/iu;

// "more than 20 years ago", "about a year ago": an amount said to be vague makes no point in time.
const VAGUE = 'more than|over|nearly|almost|about|around|roughly|some|at least|less than|under';

export const extractDatesEn = extendedChrono(chrono.en.casual, parsers, {
  notADate: NOT_A_DATE,
  rule: 'en/chrono',
  monthNames: MONTH_NAMES,
  vague: VAGUE,
});
