import { patternParser } from '../../../common/dates.js';
import { B, E } from '../constants.js';

/** "saat 10:00-da", "saat 15.30-a qədər": a clock time, on the reference day (see toRawDate). */
export const AZTimeParser = patternParser(
  'az/time',
  new RegExp(`${B}saat\\s+(\\d{1,2})[:.](\\d{2})(?:\\s*-?\\s*(?:d[aə]n|d[aə]|[aəyı]+))?${E}`, 'iu'),
  (m, ref) => {
    const hour = Number(m[1]);
    const minute = Number(m[2]);
    if (hour > 23 || minute > 59) return null;
    return {
      start: { hour, minute },
      implied: { year: ref.getUTCFullYear(), month: ref.getUTCMonth() + 1, day: ref.getUTCDate() },
    };
  },
);
