import { partOfMonth, patternParser, seasonRange, YEAR } from '../../../common/dates.js';
import { B, E, GOD, MONTH_NAMES, modOf, monthNumber, SEASON } from '../constants.js';

export const RUSeasonParser = patternParser(
  'ru/season',
  new RegExp(`${B}(весн|лет|осен|зим)(?:ой|ом|ою|ью|ь|а|о|е|у|ы)\\s+${YEAR}\\s*${GOD}`, 'iu'),
  (m) => seasonRange(Number(m[2]), SEASON[(m[1] ?? '').toLowerCase()] ?? 'summer'),
);

export const RUHalfOrQuarterParser = patternParser(
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
);

export const RUPartOfMonthParser = patternParser(
  'ru/part-of-month',
  new RegExp(
    `${B}(?:в\\s+)?(начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\\s+(${MONTH_NAMES})(?:\\s+${YEAR}\\s*${GOD})?${E}`,
    'iu',
  ),
  (m) => partOfMonth(monthNumber(m[2] ?? ''), m[3], modOf(m[1] ?? '')),
);

export const RUPartOfYearParser = patternParser(
  'ru/part-of-year',
  new RegExp(`${B}(?:в\\s+)?(середин[аеуы]|начал[аеоу]|конц[аеу]|конец)\\s+${YEAR}\\s*${GOD}`, 'iu'),
  (m) => {
    const w = (m[1] ?? '').toLowerCase();
    const mod = w.startsWith('серед') ? 'MID' : w.startsWith('нач') ? 'START' : 'END';
    return { start: { year: Number(m[2]) }, precision: 'year', mod };
  },
);

const SHIFT: Record<string, number> = { прошл: -1, эт: 0, текущ: 0, следующ: 1, будущ: 1 };
const shiftOf = (w: string) => SHIFT[Object.keys(SHIFT).find((k) => w.toLowerCase().startsWith(k)) ?? 'эт'] ?? 0;

/** "в апреле прошлого года", "в середине этого года", "в конце следующего года": relative to the reference. */
export const RURelativeYearPartParser = patternParser(
  'ru/relative-year-part',
  new RegExp(
    `${B}(?:в\\s+)?(?:(${MONTH_NAMES})|(начал[аеоу]|середин[аеуы]|конц[аеу]|конец))\\s+(прошл|эт|текущ|следующ|будущ)\\p{L}*\\s+года${E}`,
    'iu',
  ),
  (m, ref) => {
    const year = ref.getUTCFullYear() + shiftOf(m[3] ?? '');
    const start: Record<string, number> = { year };
    if (!m[1]) return { start, precision: 'year' as const, mod: modOf(m[2] ?? ''), relative: true };
    start.month = monthNumber(m[1]);
    return { start, precision: 'month' as const, relative: true };
  },
);
