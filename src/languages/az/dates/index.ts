import { Chrono } from 'chrono-node/en';
import { holidayParser, parseWithChrono, type RawDate } from '../../common/dates.js';
import holidays from '../holidays.json' with { type: 'json' };
import { AZAbbreviatedMonthParser } from './parsers/AZAbbreviatedMonthParser.js';
import AZDayMonthYearParser from './parsers/AZDayMonthYearParser.js';
import { AZCenturyParser, AZDecadeParser, AZLastCenturyDecadeParser } from './parsers/AZDecadeCenturyParser.js';
import { AZDayMonthParser, AZMonthGenitiveDayParser } from './parsers/AZMonthDayParser.js';
import AZMonthYearParser from './parsers/AZMonthYearParser.js';
import AZNumericDateParser, { AZIsoDateParser } from './parsers/AZNumericDateParser.js';
import AZPartOfYearParser from './parsers/AZPartOfYearParser.js';
import { AZRelativeDayParser, AZRelativeMonthParser, AZRelativeYearParser } from './parsers/AZRelativeParser.js';
import { AZAgoLaterParser, AZRelativeWeekParser } from './parsers/AZRelativeSpanParser.js';
import { AZTimeParser } from './parsers/AZTimeParser.js';
import { AZWeekdayParser } from './parsers/AZWeekdayParser.js';
import AZYearDayMonthParser from './parsers/AZYearDayMonthParser.js';
import AZYearMonthParser from './parsers/AZYearMonthParser.js';
import { AZBareYearParser, AZYearCaseParser, AZYearParser } from './parsers/AZYearParser.js';
import { AZFromToYearParser, AZYearRangeParser } from './parsers/AZYearRangeParser.js';
import AZOverlapRemovalRefiner from './refiners/AZOverlapRemovalRefiner.js';

/**
 * The Azerbaijani chrono locale, organised like chrono-node's src/locales/<lang>: constants, one
 * parser per file on chrono's public Parser interface, refiners, and this configuration.
 */
export const casual = new Chrono({
  parsers: [
    holidayParser('az/holiday', holidays),
    AZIsoDateParser,
    AZNumericDateParser,
    AZFromToYearParser,
    AZDayMonthYearParser,
    AZAbbreviatedMonthParser,
    AZYearDayMonthParser,
    AZPartOfYearParser,
    AZYearMonthParser,
    AZMonthYearParser,
    AZYearRangeParser,
    AZYearParser,
    AZYearCaseParser,
    AZBareYearParser,
    AZRelativeYearParser,
    AZRelativeMonthParser,
    AZRelativeDayParser,
    AZAgoLaterParser,
    AZRelativeWeekParser,
    AZWeekdayParser,
    AZTimeParser,
    AZMonthGenitiveDayParser,
    AZDayMonthParser,
    AZLastCenturyDecadeParser,
    AZDecadeParser,
    AZCenturyParser,
  ],
  refiners: [AZOverlapRemovalRefiner],
});

export function extractDatesAz(text: string, offset: number, ref: Date): RawDate[] {
  return parseWithChrono(casual, text, offset, ref, 'az/chrono');
}
