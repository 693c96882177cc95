import { patternParser } from '../../../common/dates.js';
import { B, E, IL, ILLER, NUM_CASE, ORD, ORDINAL_YEAR, YEAR } from '../constants.js';

/**
 * "2016-cı ildə", "1944 - cü ildən", "2020-ci il", "2016-cı illərdə" (the last year of a list): a year
 * with its ordinal suffix and "il"/"illər". A year ending in 0 before "illər" is a decade (AZDecadeParser).
 */
export const AZYearParser = patternParser(
  'az/year',
  new RegExp(`${B}${ORDINAL_YEAR}${ORD}\\s+(?:${IL}${E}|(${ILLER}))`, 'iu'),
  (m) => {
    const year = Number(m[1]);
    if (year < 100 || year > 2100 || (m[2] && year % 10 === 0)) return null;
    return { start: { year }, precision: 'year' };
  },
);

/** "1946-da", "1946 da", "2009-a qədər", "2020-dən": a bare year with a case ending. */
export const AZYearCaseParser = patternParser('az/year-case', new RegExp(`${B}${YEAR}${NUM_CASE}${E}`, 'iu'), (m) => ({
  start: { year: Number(m[1]) },
  precision: 'year',
}));

/**
 * A bare year where nothing but a year can stand: closing a parenthesis ("( 1462 )", "…, 1555 )") or
 * in a list of years ("2011, 2012 və 2013-cü illərdə").
 */
export const AZBareYearParser = patternParser(
  'az/bare-year',
  new RegExp(`${B}${YEAR}(?=\\s*\\)|\\s*(?:,|və|ya)\\s*${YEAR.replace('(', '(?:')})`, 'iu'),
  (m) => ({ start: { year: Number(m[1]) }, precision: 'year' }),
);
