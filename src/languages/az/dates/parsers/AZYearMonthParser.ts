import { patternParser } from '../../../common/dates.js';
import { B, DAY, DAY_CASE, dayRange, E, MONTH, monthNumber, ORD, YEAR } from '../constants.js';

/**
 * The year first, then the month and perhaps the day: "1971-ci ilin martında", "1998-ci ilin may
 * ayında", "2019-cu il fevral ayında", "2008-ci il sentyabrın 8-də" (the genitive chain), "2019-cu ilin
 * dekabr ayının 5-də".
 */
export default patternParser(
  'az/year-month',
  new RegExp(`${B}${YEAR}${ORD}\\s+il(?:in)?\\s+${MONTH}(?:\\s+ay[\\p{L}]*)?(?:\\s+${DAY}${DAY_CASE}${E})?`, 'iu'),
  (m) => {
    const year = Number(m[1]);
    const mo = monthNumber(m[2] ?? '');
    if (!mo) return null;
    if (m[3]) return dayRange(year, mo, Number(m[3]), m[4] ? Number(m[4]) : undefined);
    return { start: { year, month: mo }, precision: 'month' };
  },
);
