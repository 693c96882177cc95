import * as chronoRu from 'chrono-node/ru';
import { extendedChrono, holidayParser } from '../../common/dates.js';
import holidays from '../holidays.json' with { type: 'json' };
import { MONTH_NAMES } from './constants.js';
import { RUCenturyParser, RUDecadeParser } from './parsers/RUDecadeCenturyParser.js';
import {
  RUHalfOrQuarterParser,
  RUPartOfMonthParser,
  RUPartOfYearParser,
  RURelativeYearPartParser,
  RUSeasonParser,
} from './parsers/RUPartOfYearParser.js';
import { RUYearWithCueParser } from './parsers/RUYearParser.js';
import { RUMonthRangeParser, RUYearRangeParser, RUYearSpanParser } from './parsers/RUYearRangeParser.js';

// chrono's Russian parser, extended for what it misses in news text (see LIBRARIES.md): "в 2016 году",
// parts of years ("в середине 1996 года"), month ranges ("январь-август 2025 года"), year ranges
// ("2023–2024 гг."), decades ("в 1990-х годах"); durations ("в течение 8 месяцев") are not dates.
/**
 * chrono's Russian locale extended for news text, organised like chrono-node's src/locales/<lang>:
 * constants, one file per family of parsers, and this configuration (the order is the order of trial).
 */
const parsers = [
  holidayParser('ru/holiday', holidays),
  RURelativeYearPartParser,
  RUSeasonParser,
  RUCenturyParser,
  RUYearSpanParser,
  RUHalfOrQuarterParser,
  RUPartOfMonthParser,
  RUPartOfYearParser,
  RUMonthRangeParser,
  RUYearRangeParser,
  RUDecadeParser,
  RUYearWithCueParser,
];

// Durations and counts that chrono turns into dates.
const NOT_A_DATE =
  /течение|^\d+\s+(?:лет|год|месяц|недел|дн|час)(?!.*(?:назад|спустя))|^(?:сейчас|ныне|теперь)$|^(?:в\s+)?(?:последни|прошедши|ближайши|следующи)[еих]+\s+\d+/iu;

// An amount with a bound makes no point in time; an approximate one makes an approximate date.
const BOUNDED = 'более|больше|свыше|менее|меньше|не менее|не более';
const APPROXIMATE = 'около|почти|примерно|приблизительно';

export const extractDatesRu = extendedChrono(chronoRu.casual, parsers, {
  notADate: NOT_A_DATE,
  rule: 'ru/chrono',
  monthNames: MONTH_NAMES,
  bounded: BOUNDED,
  approximate: APPROXIMATE,
});
