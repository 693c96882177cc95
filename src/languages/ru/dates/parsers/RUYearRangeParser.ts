import { patternParser, YEAR, yearRange } from '../../../common/dates.js';
import { B, E, GOD, MONTH_NAMES, monthNumber } from '../constants.js';

export const RUYearSpanParser = patternParser(
  'ru/year-span',
  new RegExp(`${B}с\\s+${YEAR}\\s*(?:г\\.|года)?\\s+по\\s+${YEAR}\\s*(?:гг?\\.|годы|год)`, 'iu'),
  (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return yearRange(a, b);
  },
);

export const RUMonthRangeParser = patternParser(
  'ru/month-range',
  new RegExp(`${B}(${MONTH_NAMES})\\s*-\\s*(${MONTH_NAMES})\\s+${YEAR}(?:\\s*${GOD})?${E}`, 'iu'),
  (m) => {
    const y = Number(m[3]);
    const a = monthNumber(m[1] ?? '');
    const b = monthNumber(m[2] ?? '');
    if (!a || !b || b < a) return null;
    return { start: { year: y, month: a }, end: { year: y, month: b }, precision: 'month' };
  },
);

export const RUYearRangeParser = patternParser(
  'ru/year-range',
  new RegExp(`${B}${YEAR}\\s*[-–—]\\s*${YEAR}\\s*(?:гг\\.?|годы|годах|годов|годам)`, 'iu'),
  (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return yearRange(a, b);
  },
);
