import * as chronoEn from 'chrono-node/en';
import { extendedChrono, holidayParser } from '../../common/dates.js';
import holidays from '../holidays.json' with { type: 'json' };
import { MONTH_NAMES } from './constants.js';
import {
  ENCenturyParser,
  ENDecadeParser,
  ENPartOfDecadeParser,
  ENShortDecadeParser,
} from './parsers/ENDecadeCenturyParser.js';
import {
  ENCurrentYearParser,
  ENHalfOrQuarterParser,
  ENPartOfMonthParser,
  ENPartOfYearParser,
  ENRelativePartParser,
  ENRelativeSeasonParser,
  ENSeasonParser,
  ENYearEndParser,
} from './parsers/ENPartOfYearParser.js';
import {
  ENLastMonthNameParser,
  ENMonthOfThisYearParser,
  ENThisMonthOfYearParser,
} from './parsers/ENRelativeMonthParser.js';
import {
  ENSpeltYearParser,
  ENYearListParser,
  ENYearModifierParser,
  ENYearPhraseEndParser,
  ENYearWithCueParser,
} from './parsers/ENYearParser.js';
import { ENYearRangeParser, ENYearRangeShortParser, ENYearSpanParser } from './parsers/ENYearRangeParser.js';

// chrono's English casual parser, extended where it falls short on news text (see LIBRARIES.md):
// bare years with a cue word, year ranges, parts of years, decades, "this month of 2019",
// "last August", "March of this year".
/**
 * chrono's English casual locale extended for news text, organised like chrono-node's src/locales/<lang>:
 * constants, one file per family of parsers, and this configuration (the order is the order of trial).
 */
const parsers = [
  holidayParser('en/holiday', holidays),
  ENRelativePartParser,
  ENCurrentYearParser,
  ENYearEndParser,
  ENRelativeSeasonParser,
  ENShortDecadeParser,
  ENPartOfDecadeParser,
  ENCenturyParser,
  ENSeasonParser,
  ENHalfOrQuarterParser,
  ENYearSpanParser,
  ENYearRangeShortParser,
  ENPartOfYearParser,
  ENPartOfMonthParser,
  ENDecadeParser,
  ENYearRangeParser,
  ENThisMonthOfYearParser,
  ENLastMonthNameParser,
  ENMonthOfThisYearParser,
  ENYearWithCueParser,
  ENYearModifierParser,
  ENYearPhraseEndParser,
  ENSpeltYearParser,
  ENYearListParser,
];

// Words chrono reads as dates that are not dates in news text: "now", and durations ("the last 3
// years", "over the past month") which TimeML annotates as durations, not points in time.
const NOT_A_DATE =
  /^(?:(?:until|till|up to|by|for|from)\s+)?(?:now|today's|present|currently)$|^(?:the\s+)?(?:last|past|next|previous|coming)\s+(?:\d+|few|several|two|three|four|five|six|seven|eight|nine|ten|couple of)\s+\p{L}+$|^past (?:year|month|week|decade|day)s?$/iu;

// An amount with a bound makes no point in time; an approximate one makes an approximate date.
const BOUNDED = 'more than|over|less than|under|at least|at most';
const APPROXIMATE = 'nearly|almost|about|around|roughly|some|approximately';

// chrono's readings that news text contradicts: a weekday abbreviation alone ("Sun Microsystems", "they
// sat"), a month word in lower case alone ("Orangemen march"), a slash pair after a whole number or
// before a per cent sign ("6 1/4%": a fraction).
const WEEKDAY_ABBREVIATION = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?$/i;
const LOWER_MONTH = new RegExp(`^(?:${MONTH_NAMES})$`);
function notInContext(before: string, mention: string, after: string): boolean {
  if (WEEKDAY_ABBREVIATION.test(mention) || LOWER_MONTH.test(mention)) return true;
  // Mixed fractions, as stock tables write prices ("rose 4 5/8 to 112 5/8").
  if (/\d\s+\d{1,2}\/\d{1,2}(?![\d/])/.test(mention)) return true;
  return /^\d{1,2}\/\d{1,2}$/.test(mention) && (/\d\s+$/.test(before) || /^\s*(?:%|percent|per cent)/i.test(after));
}

export const extractDatesEn = extendedChrono(chronoEn.casual, parsers, {
  notInContext,
  notADate: NOT_A_DATE,
  rule: 'en/chrono',
  monthNames: MONTH_NAMES,
  bounded: BOUNDED,
  approximate: APPROXIMATE,
});
