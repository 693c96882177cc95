import * as chrono from 'chrono-node';
import { parseWithChrono, patternParser, type RawDate, YEAR } from '../common/dates.js';
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

const parsers = [
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
    new RegExp(`${B}${YEAR}\\s*-\\s*${YEAR}\\s*(?:гг\\.?|годы|годах|годов|годам)`, 'iu'),
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (b <= a) return null;
      return { start: { year: a }, end: { year: b }, precision: 'year', value: `${a}/${b}` };
    },
  ),
  patternParser(
    'ru/decade',
    new RegExp(`${B}(?:в\\s+)?((?:1[5-9]|20)\\d)0-?(?:х|е|ых|ые)\\s+(?:годах|годы|годов|гг\\.?)`, 'iu'),
    (m) => ({
      start: { year: Number(`${m[1]}0`) },
      precision: 'decade',
      value: `${m[1]}X`,
    }),
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

const ru = chrono.ru.casual.clone();
ru.parsers.push(...parsers);

// Durations and counts that chrono turns into dates.
const NOT_A_DATE = /течение|^\d+\s+(?:лет|год|месяц|недел|дн|час)|^(?:сейчас|ныне|теперь)$/iu;

export function extractDatesRu(text: string, offset: number, ref: Date): RawDate[] {
  return parseWithChrono(ru, text, offset, ref, 'ru/chrono').filter((d) => !NOT_A_DATE.test(d.text.trim()));
}
