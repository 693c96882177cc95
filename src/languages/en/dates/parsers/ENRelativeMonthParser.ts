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
  new RegExp(`${B}(last|next) (${MONTH_NAMES})(?![\\p{L}])`, 'iu'),
  (m, ref) => {
    // "last April" is the latest April before the reference's month, "next April" the first after it
    // (TempEval's reading: "last April", said in October 1989, is April 1989).
    const month = monthNumber(m[2] ?? '');
    const current = ref.getUTCMonth() + 1;
    const last = (m[1] ?? '').toLowerCase() === 'last';
    const year = ref.getUTCFullYear() + (last ? (month < current ? 0 : -1) : month > current ? 0 : 1);
    return { start: { year, month }, precision: 'month', relative: true };
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
