import { DAY_MS, patternParser } from '../../../common/dates.js';
import { B, E, NUMBER_WORDS } from '../constants.js';

const UNIT: Record<string, 'day' | 'week' | 'month' | 'year' | 'hour' | 'minute'> = {
  gün: 'day',
  həftə: 'week',
  ay: 'month',
  il: 'year',
  saat: 'hour',
  dəqiqə: 'minute',
};

/** "3 gün əvvəl", "iki həftə öncə", "5 ay sonra", "bir il bundan əvvəl": a span back or ahead. */
export const AZAgoLaterParser = patternParser(
  'az/ago-later',
  new RegExp(
    `${B}(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(gün|həftə|ay|il|saat|dəqiqə)\\s+(?:bundan\\s+)?(əvvəl|öncə|sonra)${E}`,
    'iu',
  ),
  (m, ref) => {
    const w = (m[1] ?? '').toLocaleLowerCase('az');
    const n = /^\d/.test(w) ? Number(w) : (NUMBER_WORDS[w] ?? 0);
    const unit = UNIT[(m[2] ?? '').toLocaleLowerCase('az')] ?? 'day';
    const sign = (m[3] ?? '').toLocaleLowerCase('az') === 'sonra' ? 1 : -1;
    const d = new Date(ref.getTime());
    if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + sign * n);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + sign * n);
    else if (unit === 'week') d.setTime(d.getTime() + sign * n * 7 * DAY_MS);
    else if (unit === 'day') d.setTime(d.getTime() + sign * n * DAY_MS);
    else d.setTime(d.getTime() + sign * n * (unit === 'hour' ? 3_600_000 : 60_000));
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const start: Record<string, number> = { year };
    if (unit === 'year') return { start, precision: 'year' as const, relative: true };
    start.month = month;
    if (unit === 'month') return { start, precision: 'month' as const, relative: true };
    start.day = d.getUTCDate();
    return { start, precision: 'day' as const, relative: true };
  },
);

/** "keçən həftə", "gələn həftə", "bu həftə": the whole week, Monday to Sunday (see toRawDate). */
export const AZRelativeWeekParser = patternParser(
  'az/relative-week',
  new RegExp(`${B}(ötən|keçən|bu|gələn|növbəti)\\s+həftə[\\p{L}]*`, 'iu'),
  (m, ref) => {
    const w = (m[1] ?? '').toLocaleLowerCase('az');
    const shift = w === 'bu' ? 0 : w === 'gələn' || w === 'növbəti' ? 7 : -7;
    const d = new Date(ref.getTime() + shift * DAY_MS);
    return {
      start: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      precision: 'day',
      relative: true,
    };
  },
);
