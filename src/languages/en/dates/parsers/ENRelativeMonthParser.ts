import { patternParser, YEAR } from '../../../common/dates.js';
import { B, MONTH_NAMES, monthNumber } from '../constants.js';

export const ENThisMonthOfYearParser = patternParser(
  'en/this-month-of-year',
  new RegExp(`${B}this (?:month|year) of ${YEAR}(?!\\d)`, 'iu'),
  (m) => ({
    start: { year: Number(m[1]) },
    precision: 'year',
  }),
);

export const ENLastMonthNameParser = patternParser(
  'en/last-month-name',
  new RegExp(`${B}last (${MONTH_NAMES})(?![\\p{L}])`, 'iu'),
  (m, ref) => {
    // "last August" names the previous year's August (TimeML reading); the reference must be known.
    return {
      start: { year: ref.getUTCFullYear() - 1, month: monthNumber(m[1] ?? '') },
      precision: 'month',
      relative: true,
    };
  },
);

export const ENMonthOfThisYearParser = patternParser(
  'en/month-of-this-year',
  new RegExp(`${B}(${MONTH_NAMES})(?: of|,)? (this|last|next) year`, 'iu'),
  (m, ref) => {
    const shift = (m[2] ?? '').toLowerCase() === 'last' ? -1 : (m[2] ?? '').toLowerCase() === 'next' ? 1 : 0;
    return {
      start: { year: ref.getUTCFullYear() + shift, month: monthNumber(m[1] ?? '') },
      precision: 'month',
      relative: true,
    };
  },
);
