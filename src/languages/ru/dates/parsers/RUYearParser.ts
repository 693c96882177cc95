import { patternParser, YEAR } from '../../../common/dates.js';
import { B, E, GOD } from '../constants.js';

export const RUYearWithCueParser = patternParser(
  'ru/year-with-cue',
  new RegExp(`${B}(?:(?:в|с|до|по|к|на|от|за)\\s+)?${YEAR}\\s*${GOD}${E}`, 'iu'),
  (m) => ({
    start: { year: Number(m[1]) },
    precision: 'year',
  }),
);
