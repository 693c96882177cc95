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
 * "for 1989", "into 1990", "through 1990", "due 1993", "dating to 1994": prepositions that take a year
 * as readily as an amount, so the year must end its phrase ("for 2000 people" is no date).
 */
export const ENYearPhraseEndParser = patternParser(
  'en/year-phrase-end',
  new RegExp(
    `${B}(?:for|into|through|throughout|due|dating (?:back )?to|as of|circa|both)\\s+${YEAR}(?=\\s*(?:[,.;:!?)"”']|$)|\\s+(?:and|or|to|through|when|as|after|before|with|compared|versus|vs)\\b)`,
    'iu',
  ),
  year,
);

/**
 * A year naming what follows it: "the 1996 Olympic bombing", "a 1994 law", "its 1998 budget",
 * "fiscal 1989", "the company's 1989 results". The mention is the year alone, as TimeML marks it.
 */
export const ENYearModifierParser = patternParser(
  'en/year-modifier',
  new RegExp(
    `(?:${B}(?:the|a|an|its|his|her|their|our|this|that|calendar|model)|\\p{L}['’]s)\\s+(?<core>${YEAR}(?:'s)?)(?=\\s+\\p{L})|${B}fiscal\\s+${YEAR}(?![\\d-])`,
    'iu',
  ),
  (m) => ({ start: { year: Number(m.groups?.core?.slice(0, 4) ?? m[3]) }, precision: 'year' as const }),
);

/** The years after the first of a list: "in 1994, 1995 and 1997" (each is its own date). */
export const ENYearListParser = patternParser(
  'en/year-list',
  new RegExp(`(?:,|,?\\s+and|,?\\s+or)\\s+(?<core>${YEAR})(?![\\d-])`, 'iu'),
  (m, _ref, text) => (/(?:1[5-9]|20)\d{2}$/.test(text.slice(0, m.index)) ? year(m) : null),
);

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const UNIT = Object.keys(UNITS).join('|');
const TEN = Object.keys(TENS).join('|');

/** "ninety-six", "ten", "oh-five" as a number under 100 (null when it is not one). */
function underHundred(w: string): number | null {
  const x = w.toLowerCase().replace(/^oh[-\s]/, '');
  if (x in UNITS) return UNITS[x] as number;
  const [t, u] = x.split(/[-\s]/);
  if (t && t in TENS) return (TENS[t] as number) + (u ? (UNITS[u] ?? 0) : 0);
  return null;
}

/**
 * A year spelt out, as transcripts have it: "nineteen ninety-six", "eighteen twelve", "the year two
 * thousand", "two thousand five".
 */
export const ENSpeltYearParser = patternParser(
  'en/spelt-year',
  new RegExp(
    `${B}(?:the\\s+year\\s+)?(?:(seventeen|eighteen|nineteen|twenty)\\s+((?:oh[-\\s])?(?:${TEN})(?:[-\\s](?:${UNIT}))?|(?:oh[-\\s])?(?:${UNIT}))|(?:(?<=(?:in|since|by|until|of|from|year)\\s+)|(?<=the\\s+year\\s+))two\\s+thousand(?:\\s+(?:and\\s+)?(${UNIT}))?)(?![\\p{L}-])(?!\\s+(?:(?:and\\s+)?(?:${UNIT}|${TEN})\\s+)?(?:hundred|thousand|million|billion|dollars|people|percent)\\b)`,
    'iu',
  ),
  (m) => {
    if (!m[1]) {
      const y = 2000 + (m[3] ? (UNITS[m[3].toLowerCase()] ?? 0) : 0);
      return { start: { year: y }, precision: 'year' as const };
    }
    const century = UNITS[m[1].toLowerCase()] ?? TENS[m[1].toLowerCase()] ?? 0;
    const rest = underHundred(m[2] ?? '');
    // "nineteen ten" and "nineteen ninety-six" are years; "nineteen" or "twenty" alone are not.
    if (rest === null || rest < 10) return null;
    return { start: { year: century * 100 + rest }, precision: 'year' as const };
  },
);
