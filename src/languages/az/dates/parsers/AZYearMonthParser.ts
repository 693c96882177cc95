import { patternParser } from '../../../common/dates.js';
import { B, MONTH, monthNumber, ORD, YEAR } from '../constants.js';

/** "1966-cı ilin aprelində", "1998-ci ilin may ayında", "2008-ci ilin yanvar ayından". */
export default patternParser(
  'az/year-month',
  new RegExp(`${B}${YEAR}${ORD}\\s+ilin\\s+${MONTH}(?:\\s+ay[\\p{L}]*)?`, 'iu'),
  (m) => {
    const mo = monthNumber(m[2] ?? '');
    return mo ? { start: { year: Number(m[1]), month: mo }, precision: 'month' } : null;
  },
);
