import { patternParser } from '../../../common/dates.js';
import { B, E, IL, MONTH, monthNumber, ORD, YEAR } from '../constants.js';

/** "may 1996-cı il", "oktyabr 2019": a month and a year without a day. */
export default patternParser(
  'az/month-year',
  new RegExp(`${B}${MONTH}\\s+${YEAR}(?:${ORD})?(?:\\s*${IL})?${E}`, 'iu'),
  (m) => {
    const mo = monthNumber(m[1] ?? '');
    return mo ? { start: { year: Number(m[2]), month: mo }, precision: 'month' } : null;
  },
);
