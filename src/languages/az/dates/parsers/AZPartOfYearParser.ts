import { patternParser, type SEASONS, seasonRange } from '../../../common/dates.js';
import { B, ORD, YEAR } from '../constants.js';

/**
 * Parts and seasons of a year: "1996-cı ilin ortalarında / əvvəllərində / sonlarında / ortasında",
 * "2020-ci ilin yayında / payızında / qışında / yazında".
 */
export default patternParser(
  'az/part-of-year',
  new RegExp(`${B}${YEAR}${ORD}\\s+ilin\\s+(ortalar|ortas|əvvəllər|əvvəl|sonlar|son|yay|payız|qış|yaz)[\\p{L}]*`, 'iu'),
  (m) => {
    const year = Number(m[1]);
    const w = (m[2] ?? '').toLocaleLowerCase('az');
    const season = { yay: 'summer', payız: 'autumn', qış: 'winter', yaz: 'spring' }[w] as
      | keyof typeof SEASONS
      | undefined;
    if (season) return seasonRange(year, season);
    const mod = w.startsWith('orta') ? 'MID' : w.startsWith('əvvəl') ? 'START' : 'END';
    return { start: { year }, precision: 'year', mod };
  },
);
