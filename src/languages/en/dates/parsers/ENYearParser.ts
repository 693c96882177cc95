import { patternParser, YEAR } from '../../../common/dates.js';
import { B } from '../constants.js';

const year = (m: RegExpMatchArray) => ({ start: { year: Number(m[1]) }, precision: 'year' as const });

/** "in 2020", "since 1990", "by 2030": a bare year after a preposition that takes a time. */
export const ENYearWithCueParser = patternParser(
  'en/year-with-cue',
  new RegExp(`${B}(?:in|since|by|until|till|from|of|during|before|after|year)\\s+${YEAR}(?![\\d-])`, 'iu'),
  year,
);

/**
 * A year naming what follows it: "the 1996 Olympic bombing", "a 1994 law", "its 1998 budget",
 * "fiscal 1989", "1996's elections". The mention is the year alone, as TimeML marks it.
 */
export const ENYearModifierParser = patternParser(
  'en/year-modifier',
  new RegExp(
    `${B}(?:the|a|an|its|his|her|their|our|this|that|fiscal|calendar|model)\\s+(?<core>${YEAR}(?:'s)?)(?=\\s+\\p{L})`,
    'iu',
  ),
  year,
);

/** The years after the first of a list: "in 1994, 1995 and 1997" (each is its own date). */
export const ENYearListParser = patternParser(
  'en/year-list',
  new RegExp(`(?:,|,?\\s+and|,?\\s+or)\\s+(?<core>${YEAR})(?![\\d-])`, 'iu'),
  (m, _ref, text) => (/(?:1[5-9]|20)\d{2}$/.test(text.slice(0, m.index)) ? year(m) : null),
);
