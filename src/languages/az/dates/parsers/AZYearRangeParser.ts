import { patternParser, yearRange } from '../../../common/dates.js';
import { B, E, HY, IL, ILLER, ORD, secondYear, YEAR } from '../constants.js';

/**
 * A range of years: "2025-2029-cu illər", "1955 – 1960 - cı illərdə", "1965-66 mövsümündə" (the second
 * year written short), and a range closing a parenthesis ("( 1138 – 1254 )").
 */
export const AZYearRangeParser = patternParser(
  'az/year-range',
  new RegExp(
    `${B}${YEAR}${HY}(\\d{4}|\\d{2})(?:(?:${ORD})?\\s+(?:${ILLER}|${IL}${E}|mövsüm[\\p{L}]*)|(?=\\s*\\)))`,
    'iu',
  ),
  (m) => {
    const a = Number(m[1]);
    return yearRange(a, secondYear(a, m[2] ?? ''));
  },
);

/** "1991-ci ildən 1994-cü ilə kimi", "2001-ci ildən 2003-cü ilədək": from one year to another. */
export const AZFromToYearParser = patternParser(
  'az/year-from-to',
  new RegExp(
    `${B}${YEAR}${ORD}\\s+ild[əa]n\\s+${YEAR}${ORD}\\s+il(?:[əa]d[əa]k|[əa])(?:\\s+(?:kimi|qədər|dək))?${E}`,
    'iu',
  ),
  (m) => yearRange(Number(m[1]), Number(m[2])),
);
