import { patternParser } from '../../../common/dates.js';
import months from '../../months.json' with { type: 'json' };
import { B, E, IL, ORD, YEAR } from '../constants.js';

const ABBREVIATIONS = months.abbreviations as Record<string, number>;
// Only before a number: "yan" alone is also "side" ("yanında": next to).
const ABBR = `(${Object.keys(ABBREVIATIONS).join('|')})\\.?`;

/** "15 yan 2020", "15 sen. 2019-cu il", "okt 2021": a month written short, with its year. */
export const AZAbbreviatedMonthParser = patternParser(
  'az/abbreviated-month',
  new RegExp(`${B}(?:(\\d{1,2})\\s+)?${ABBR}\\s+${YEAR}(?:${ORD}(?:\\s+${IL})?)?${E}`, 'iu'),
  (m) => {
    const month = ABBREVIATIONS[(m[2] ?? '').toLocaleLowerCase('az')];
    if (!month) return null;
    const year = Number(m[3]);
    if (!m[1]) return { start: { year, month }, precision: 'month' };
    const day = Number(m[1]);
    return day >= 1 && day <= 31 ? { start: { year, month, day }, precision: 'day' } : null;
  },
);
