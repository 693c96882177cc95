import * as chrono from 'chrono-node';
import { parseWithChrono, patternParser, type RawDate, YEAR } from '../common/dates.js';
import months from './months.json' with { type: 'json' };

// chrono's English casual parser, extended where it falls short on news text (see LIBRARIES.md):
// bare years with a cue word, year ranges, parts of years, decades, "this month of 2022",
// "last August", "July of this year".
const MONTH_NAMES = Object.keys(months.months)
  .sort((a, b) => b.length - a.length)
  .join('|');
const monthNumber = (s: string) => (months.months as Record<string, number>)[s.toLowerCase()] ?? 0;
const B = '(?<![\\p{L}\\p{N}])';

const parsers = [
  patternParser(
    'en/part-of-year',
    new RegExp(`${B}(mid|early|late|the (?:middle|beginning|end) of)[-\\s]+${YEAR}(?!\\d)`, 'iu'),
    (m) => {
      const w = (m[1] ?? '').toLowerCase();
      const mod =
        w.includes('mid') || w.includes('middle')
          ? 'MID'
          : w.includes('early') || w.includes('beginning')
            ? 'START'
            : 'END';
      return { start: { year: Number(m[2]) }, precision: 'year', mod };
    },
  ),
  patternParser('en/decade', new RegExp(`${B}(?:the\\s+)?((?:1[5-9]|20)\\d)0'?s(?![\\p{L}])`, 'iu'), (m) => ({
    start: { year: Number(`${m[1]}0`) },
    precision: 'decade',
    value: `${m[1]}X`,
  })),
  patternParser('en/year-range', new RegExp(`${B}${YEAR}\\s*-\\s*${YEAR}(?![\\d-])`, 'u'), (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b <= a) return null;
    return { start: { year: a }, end: { year: b }, precision: 'year', value: `${a}/${b}` };
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

const en = chrono.en.casual.clone();
en.parsers.push(...parsers);

// Words chrono reads as dates that are not dates in news text: "now", and durations ("the last 3
// years", "over the past year") which TimeML annotates as durations, not points in time.
const NOT_A_DATE =
  /^(?:(?:until|till|up to|by|for|from)\s+)?(?:now|today's|present|currently)$|^(?:the\s+)?(?:last|past|next|previous|coming)\s+(?:\d+|few|several|two|three|four|five|six|seven|eight|nine|ten|couple of)\s+\p{L}+$|^past (?:year|month|week|decade|day)s?$/iu;

export function extractDatesEn(text: string, offset: number, ref: Date): RawDate[] {
  return parseWithChrono(en, text, offset, ref, 'en/chrono').filter((d) => !NOT_A_DATE.test(d.text.trim()));
}
