import { patternParser, YEAR, yearRange } from '../../../common/dates.js';
import { B } from '../constants.js';

export const ENYearSpanParser = patternParser(
  'en/year-span',
  new RegExp(`${B}(?:from|between)\\s+${YEAR}\\s+(?:to|and|until|till|through)\\s+${YEAR}(?!\\d)`, 'iu'),
  (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return yearRange(a, b);
  },
);

export const ENYearRangeShortParser = patternParser(
  'en/year-range-short',
  new RegExp(`${B}${YEAR}\\s*[-/]\\s*(\\d{2})(?![\\d-])`, 'u'),
  (m) => {
    const a = Number(m[1]);
    const b = Math.floor(a / 100) * 100 + Number(m[2]);
    return b === a + 1 ? { start: { year: a }, end: { year: b }, precision: 'year', value: `${a}/${b}` } : null;
  },
);

export const ENYearRangeParser = patternParser(
  'en/year-range',
  new RegExp(`${B}${YEAR}\\s*[-–—]\\s*${YEAR}(?![\\d-])`, 'u'),
  (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return yearRange(a, b);
  },
);
