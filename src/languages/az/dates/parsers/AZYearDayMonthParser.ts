import { patternParser } from '../../../common/dates.js';
import { B, DAY, dayRange, E, MONTH, monthNumber, ORD, TARIX, YEAR } from '../constants.js';

/** "2006-cı ilin 11 avqust tarixində", "2020-ci il 12 sentyabr": day and month after the year. */
export default patternParser(
  'az/year-day-month',
  new RegExp(`${B}${YEAR}${ORD}\\s+il(?:in)?\\s+${DAY}\\s+${MONTH}${TARIX}${E}`, 'iu'),
  (m) => {
    const mo = monthNumber(m[4] ?? '');
    return mo ? dayRange(Number(m[1]), mo, Number(m[2]), m[3] ? Number(m[3]) : undefined) : null;
  },
);
