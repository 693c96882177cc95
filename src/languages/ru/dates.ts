import * as chrono from 'chrono-node';
import {
  centuryValue,
  extendedChrono,
  partOfMonth,
  patternParser,
  romanToNumber,
  type SEASONS,
  seasonRange,
  YEAR,
  yearRange,
} from '../common/dates.js';
import months from './months.json' with { type: 'json' };

// chrono's Russian parser, extended for what it misses in news text (see LIBRARIES.md): "в 2016 году",
// parts of years ("в середине 1996 года"), month ranges ("январь-август 2025 года"), year ranges
// ("2023–2024 гг."), decades ("в 1990-х годах"); durations ("в течение 8 месяцев") are not dates.
const MONTHS = months.months as Record<string, number>;
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const monthNumber = (s: string) => MONTHS[s.toLowerCase()] ?? 0;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const GOD = '(?:году|года|год|годом|г\\.?)';

const MOD: Record<string, 'START' | 'MID' | 'END'> = { нач: 'START', сер: 'MID', кон: 'END' };
const modOf = (w: string) => MOD[w.toLowerCase().slice(0, 3)] ?? 'END';
const SEASON: Record<string, keyof typeof SEASONS> = { весн: 'spring', лет: 'summer', осен: 'autumn', зим: 'winter' };
const ROMAN = '([IVXХ]{1,5})';

const parsers = [
  patternParser(
    'ru/season',
    new RegExp(`${B}(весн|лет|осен|зим)(?:ой|ом|ою|ью|ь|а|о|е|у|ы)\\s+${YEAR}\\s*${GOD}`, 'iu'),
    (m) => seasonRange(Number(m[2]), SEASON[(m[1] ?? '').toLowerCase()] ?? 'summer'),
  ),
  patternParser(
    'ru/century',
    new RegExp(
      `${B}(?:в\\s+)?(?:(начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\\s+)?(?:${ROMAN}|(\\d{1,2})(?:-?(?:го|м|й|ом))?)\\s+(?:век[аеу]?|в\\.)`,
      'u',
    ),
    (m) => {
      const n = m[2] ? romanToNumber(m[2]) : Number(m[3]);
      if (n < 1 || n > 21) return null;
      const base = { start: { year: (n - 1) * 100 }, precision: 'century' as const, value: centuryValue(n) };
      return m[1] ? { ...base, mod: modOf(m[1]) } : base;
    },
  ),
  patternParser(
    'ru/year-span',
    new RegExp(`${B}с\\s+${YEAR}\\s*(?:г\\.|года)?\\s+по\\s+${YEAR}\\s*(?:гг?\\.|годы|год)`, 'iu'),
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return yearRange(a, b);
    },
  ),
  patternParser(
    'ru/half-or-quarter',
    new RegExp(
      `${B}(?:в\\s+)?(перв|втор|трет|четвёрт|четверт)\\p{L}*\\s+(половин|квартал)\\p{L}*\\s+${YEAR}\\s*${GOD}`,
      'iu',
    ),
    (m) => {
      const i = { перв: 1, втор: 2, трет: 3, четвёрт: 4, четверт: 4 }[(m[1] ?? '').toLowerCase()] ?? 1;
      const half = (m[2] ?? '').toLowerCase().startsWith('половин');
      if (half && i > 2) return null;
      const [a, b] = half ? [i * 6 - 5, i * 6] : [i * 3 - 2, i * 3];
      const y = Number(m[3]);
      return { start: { year: y, month: a }, end: { year: y, month: b }, precision: 'month' };
    },
  ),
  patternParser(
    'ru/part-of-month',
    new RegExp(
      `${B}(?:в\\s+)?(начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\\s+(${MONTH_NAMES})(?:\\s+${YEAR}\\s*${GOD})?${E}`,
      'iu',
    ),
    (m) => partOfMonth(monthNumber(m[2] ?? ''), m[3], modOf(m[1] ?? '')),
  ),
  patternParser(
    'ru/part-of-year',
    new RegExp(`${B}(?:в\\s+)?(середин[аеуы]|начал[аеоу]|конц[аеу]|конец)\\s+${YEAR}\\s*${GOD}`, 'iu'),
    (m) => {
      const w = (m[1] ?? '').toLowerCase();
      const mod = w.startsWith('серед') ? 'MID' : w.startsWith('нач') ? 'START' : 'END';
      return { start: { year: Number(m[2]) }, precision: 'year', mod };
    },
  ),
  patternParser(
    'ru/month-range',
    new RegExp(`${B}(${MONTH_NAMES})\\s*-\\s*(${MONTH_NAMES})\\s+${YEAR}(?:\\s*${GOD})?${E}`, 'iu'),
    (m) => {
      const y = Number(m[3]);
      const a = monthNumber(m[1] ?? '');
      const b = monthNumber(m[2] ?? '');
      if (!a || !b || b < a) return null;
      return { start: { year: y, month: a }, end: { year: y, month: b }, precision: 'month' };
    },
  ),
  patternParser(
    'ru/year-range',
    new RegExp(`${B}${YEAR}\\s*[-–—]\\s*${YEAR}\\s*(?:гг\\.?|годы|годах|годов|годам)`, 'iu'),
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return yearRange(a, b);
    },
  ),
  patternParser(
    'ru/decade',
    new RegExp(
      `${B}(?:в\\s+)?(?:(начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\\s+)?((?:1[5-9]|20)\\d|\\d)0-?(?:х|е|ых|ые)\\s+(?:годах|годы|годов|гг\\.?)`,
      'iu',
    ),
    (m) => {
      const d = m[2] ?? '';
      const prefix = d.length === 1 ? `19${d}` : d;
      const base = { start: { year: Number(`${prefix}0`) }, precision: 'decade' as const, value: `${prefix}X` };
      return m[1] ? { ...base, mod: modOf(m[1]) } : base;
    },
  ),
  patternParser(
    'ru/year-with-cue',
    new RegExp(`${B}(?:(?:в|с|до|по|к|на|от|за)\\s+)?${YEAR}\\s*${GOD}${E}`, 'iu'),
    (m) => ({
      start: { year: Number(m[1]) },
      precision: 'year',
    }),
  ),
];

// Durations and counts that chrono turns into dates.
const NOT_A_DATE =
  /течение|^\d+\s+(?:лет|год|месяц|недел|дн|час)(?!.*(?:назад|спустя))|^(?:сейчас|ныне|теперь)$|^(?:в\s+)?(?:последни|прошедши|ближайши|следующи)[еих]+\s+\d+/iu;

// "более 20 лет назад", "около года назад": an amount said to be vague makes no point in time.
const VAGUE = 'более|больше|свыше|около|почти|менее|меньше|примерно|приблизительно';

export const extractDatesRu = extendedChrono(chrono.ru.casual, parsers, {
  notADate: NOT_A_DATE,
  rule: 'ru/chrono',
  monthNames: MONTH_NAMES,
  vague: VAGUE,
});
