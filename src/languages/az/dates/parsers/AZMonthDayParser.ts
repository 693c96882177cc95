import { patternParser } from '../../../common/dates.js';
import { B, DAY, DAY_CASE, dayRange, E, MONTH, monthNumber } from '../constants.js';

/**
 * "Sentyabrın 12-də", "sentyabrın 8-9-da", "dekabr ayının 5-də", "mayın 9-u": a day without a year, which the
 * document refiner fills from the paragraph's preceding date or the publication date.
 */
export const AZMonthGenitiveDayParser = patternParser(
  'az/month-genitive-day',
  new RegExp(`${B}${MONTH}(?:\\s+ay[ıi]n[ıi]n)?\\s+${DAY}${DAY_CASE}${E}`, 'iu'),
  (m) => {
    const mo = monthNumber(m[1] ?? '');
    return mo ? dayRange(undefined, mo, Number(m[2]), m[3] ? Number(m[3]) : undefined) : null;
  },
);

export const AZDayMonthParser = patternParser('az/day-month', new RegExp(`${B}${DAY}\\s+${MONTH}${E}`, 'iu'), (m) => {
  const mo = monthNumber(m[3] ?? '');
  // "12 sentyabrda": the month word must carry a case ending or stand alone, not start a longer word.
  return mo ? dayRange(undefined, mo, Number(m[1]), m[2] ? Number(m[2]) : undefined) : null;
});
