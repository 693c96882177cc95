import { patternParser } from '../../../common/dates.js';
import { B, DOT, E, fullYear, IL, ORD } from '../constants.js';

/** "22.08.1958", "05.03.21", tokenised "22 . 08 . 1958", "01.09.2005-ci il": day, month, year. */
export default patternParser(
  'az/numeric',
  new RegExp(`${B}(\\d{1,2})${DOT}(\\d{1,2})${DOT}(\\d{4}|\\d{2})(?:${ORD}\\s+${IL})?${E}`, 'iu'),
  (m, ref) => {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    return { start: { year: fullYear(m[3] ?? '', ref), month, day }, precision: 'day' };
  },
);
