import { patternParser } from '../../../common/dates.js';
import { B, E, IL, ORD, YEAR } from '../constants.js';

/** "2016-cı ildə", "2016-cı il": a year with its ordinal suffix and "il". */
export default patternParser('az/year', new RegExp(`${B}${YEAR}${ORD}\\s+${IL}${E}`, 'iu'), (m) => ({
  start: { year: Number(m[1]) },
  precision: 'year',
}));
