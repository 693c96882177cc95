import { patternParser } from '../../../common/dates.js';
import { B, DAY, dayRange, E, IL, MONTH, monthNumber, ORD, TARIX, YEAR } from '../constants.js';

/** "26-27 may 1996-cı il tarixdə", "2 oktyabr 1995-ci ildə", "9 avqust 1998-ci il tarixində". */
export default patternParser(
  'az/day-month-year',
  new RegExp(`${B}${DAY}\\s+${MONTH}\\s+${YEAR}(?:${ORD})?(?:\\s*${IL})?${TARIX}${E}`, 'iu'),
  (m) => {
    const mo = monthNumber(m[3] ?? '');
    return mo ? dayRange(Number(m[4]), mo, Number(m[1]), m[2] ? Number(m[2]) : undefined) : null;
  },
);
