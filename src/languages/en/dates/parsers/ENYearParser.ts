import { patternParser, YEAR } from '../../../common/dates.js';
import { B } from '../constants.js';

export const ENYearWithCueParser = patternParser(
  'en/year-with-cue',
  new RegExp(`${B}(?:in|since|by|until|till|from|of|during|before|after|year)\\s+${YEAR}(?![\\d-])`, 'iu'),
  (m) => ({
    start: { year: Number(m[1]) },
    precision: 'year',
  }),
);
