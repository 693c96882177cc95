import { patternParser, yearRange } from '../../../common/dates.js';
import { B, ORD, YEAR } from '../constants.js';

/** "2025-2029-cu illər", "2023-2024-cü illərdə": a range of years. */
export default patternParser(
  'az/year-range',
  new RegExp(`${B}${YEAR}\\s*-\\s*${YEAR}(?:${ORD})?\\s+(?:il|illər)[\\p{L}]*`, 'iu'),
  (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return yearRange(a, b);
  },
);
