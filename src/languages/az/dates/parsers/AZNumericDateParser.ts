import { patternParser } from '../../../common/dates.js';
import { B, DOT, E, fullYear, IL, ORD } from '../constants.js';

/** "2020-09-12": the ISO form, year first. */
export const AZIsoDateParser = patternParser(
  'az/iso',
  new RegExp(`${B}((?:1\\d|20)\\d{2})-(\\d{2})-(\\d{2})${E}`, 'u'),
  (m) => {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    return { start: { year: Number(m[1]), month, day }, precision: 'day' };
  },
);

/**
 * "22.08.1958", "05.03.21", "12/09/2020", tokenised "22 . 08 . 1958", "01.09.2005-ci il": day, month,
 * year (day first, as Azerbaijani writes it).
 */
export default patternParser(
  'az/numeric',
  new RegExp(`${B}(\\d{1,2})(?:${DOT}|/)(\\d{1,2})(?:${DOT}|/)(\\d{4}|\\d{2})(?:${ORD}\\s+${IL})?${E}`, 'iu'),
  (m, ref) => {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    return { start: { year: fullYear(m[3] ?? '', ref), month, day }, precision: 'day' };
  },
);
