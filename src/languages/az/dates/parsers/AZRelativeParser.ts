import { DAY_MS, patternParser } from '../../../common/dates.js';
import { B, DAY, DAY_CASE, dayRange, E, MONTH, monthNumber } from '../constants.js';

/**
 * Expressions relative to the publication date: "ötən il sentyabrın 8-9-da", "bu ilin iyulunda",
 * "keçən il", "gələn ay", "bu ay", "dünən", "bu gün", "srağagün".
 */
export const AZRelativeYearParser = patternParser(
  'az/relative-year',
  new RegExp(`${B}(ötən|keçən|bu|gələn)\\s+il(?:in|də|dən)?(?:\\s+${MONTH}(?:\\s+${DAY}${DAY_CASE})?)?${E}`, 'iu'),
  (m, ref) => {
    const w = (m[1] ?? '').toLocaleLowerCase('az');
    const year = ref.getUTCFullYear() + (w === 'bu' ? 0 : w === 'gələn' ? 1 : -1);
    const mo = m[2] ? monthNumber(m[2]) : 0;
    const start: Record<string, number> = { year };
    if (!mo) return { start, precision: 'year', relative: true };
    if (!m[3]) return { start: { ...start, month: mo }, precision: 'month', relative: true };
    return { ...dayRange(year, mo, Number(m[3]), m[4] ? Number(m[4]) : undefined), relative: true };
  },
);

export const AZRelativeMonthParser = patternParser(
  'az/relative-month',
  new RegExp(`${B}(ötən|keçən|bu|gələn)\\s+ay(?:ın|da|dan)?${E}`, 'iu'),
  (m, ref) => {
    const w = (m[1] ?? '').toLocaleLowerCase('az');
    const shift = w === 'bu' ? 0 : w === 'gələn' ? 1 : -1;
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
    return { start: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }, precision: 'month', relative: true };
  },
);

export const AZRelativeDayParser = patternParser(
  'az/relative-day',
  new RegExp(`${B}(srağagün|dünən|bu\\s+gün|sabah)(?:ki)?${E}`, 'iu'),
  (m, ref) => {
    const w = (m[1] ?? '').toLocaleLowerCase('az').replace(/\s+/g, ' ');
    const shift = { srağagün: -2, dünən: -1, 'bu gün': 0, sabah: 1 }[w] ?? 0;
    const d = new Date(ref.getTime() + shift * DAY_MS);
    return {
      start: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      precision: 'day',
      relative: true,
    };
  },
);
