import { DAY_MS, patternParser } from '../../../common/dates.js';
import { B, E, WEEKDAYS } from '../constants.js';

/**
 * "bazar ertəsi", "çərşənbə axşamı günü", "cümə günü", "şənbədən": a weekday. Which one is left to the
 * tense of the sentence (dates.v1); the date implied here is the one in the reference's week.
 */
export const AZWeekdayParser = patternParser(
  'az/weekday',
  new RegExp(
    `${B}(${Object.keys(WEEKDAYS)
      .sort((a, b) => b.length - a.length)
      .join('|')})(?:[\\p{L}]*)(?:\\s+gün[\\p{L}]*)?${E}`,
    'iu',
  ),
  (m, ref) => {
    const key = (m[1] ?? '').toLocaleLowerCase('az').replace(/\s+/g, ' ');
    const weekday = WEEKDAYS[key];
    if (weekday === undefined) return null;
    // The weekday in the reference's Monday-to-Sunday week.
    const monday = ref.getTime() - ((ref.getUTCDay() + 6) % 7) * DAY_MS;
    const d = new Date(monday + ((weekday + 6) % 7) * DAY_MS);
    return {
      start: { weekday },
      implied: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      precision: 'day',
      relative: true,
    };
  },
);
