import { Chrono } from 'chrono-node';
import { parseWithChrono, patternParser, type RawDate, YEAR } from '../common/dates.js';
import months from './months.json' with { type: 'json' };

// Azerbaijani has no chrono locale: this is one, built on chrono's public Parser interface, for the
// forms of news and reference text: "2 oktyabr 1995-ci ildə", "26-27 may 1996-cı il tarixdə",
// "2006-cı ilin 11 avqust tarixində", "1966-cı ilin aprelində", "1998-ci ilin may ayında",
// "1996-cı ilin ortalarında", "2016-cı ildə", "Sentyabrın 12-də", "ötən əsrin 30-cu illərində".
const MONTHS = months.months as Record<string, number>;
const MONTH_STEMS = Object.keys(MONTHS).join('|');
// A month name with any case ending ("aprelində", "sentyabrın", "mayda").
const MONTH = `((?:${MONTH_STEMS})[\\p{L}]*)`;
const monthNumber = (s: string): number => {
  const w = s.toLocaleLowerCase('az');
  for (const [stem, n] of Object.entries(MONTHS)) if (w.startsWith(stem)) return n;
  return 0;
};
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// The ordinal suffix of a year: 1995-ci, 1996-cı, 2004-cü, 1993-cü.
const ORD = '-?(?:c[ıiuü]|[ıiuü]nc[ıiuü])';
const IL = `(?:il(?:d[əa]|in|[əa])?|ilin)`;
const TARIX = '(?:\\s+tarix(?:d[əa]|ind[əa]|i|in)?)?';
const DAY = '(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?';

const dayRange = (y: number | undefined, mo: number, d1: number, d2: number | undefined) => {
  const start: Record<string, number> = { month: mo, day: d1 };
  if (y) start.year = y;
  if (!d2) return { start, precision: 'day' as const };
  const end: Record<string, number> = { ...start, day: d2 };
  return { start, end, precision: 'day' as const };
};

const parsers = [
  // 26-27 may 1996-cı il tarixdə · 2 oktyabr 1995-ci ildə · 9 avqust 1998-ci il tarixində
  patternParser(
    'az/day-month-year',
    new RegExp(`${B}${DAY}\\s+${MONTH}\\s+${YEAR}(?:${ORD})?(?:\\s*${IL})?${TARIX}${E}`, 'iu'),
    (m) => {
      const mo = monthNumber(m[3] ?? '');
      if (!mo) return null;
      return dayRange(Number(m[4]), mo, Number(m[1]), m[2] ? Number(m[2]) : undefined);
    },
  ),
  // 2006-cı ilin 11 avqust tarixində
  patternParser(
    'az/year-day-month',
    new RegExp(`${B}${YEAR}${ORD}\\s+ilin\\s+${DAY}\\s+${MONTH}${TARIX}${E}`, 'iu'),
    (m) => {
      const mo = monthNumber(m[4] ?? '');
      if (!mo) return null;
      return dayRange(Number(m[1]), mo, Number(m[2]), m[3] ? Number(m[3]) : undefined);
    },
  ),
  // 1996-cı ilin ortalarında / əvvəllərində / sonlarında
  patternParser(
    'az/part-of-year',
    new RegExp(`${B}${YEAR}${ORD}\\s+ilin\\s+(ortalar|əvvəllər|sonlar|ortası|əvvəli|sonu)[\\p{L}]*`, 'iu'),
    (m) => {
      const w = (m[2] ?? '').toLocaleLowerCase('az');
      const mod = w.startsWith('orta') ? 'MID' : w.startsWith('əvvəl') ? 'START' : 'END';
      return { start: { year: Number(m[1]) }, precision: 'year', mod };
    },
  ),
  // 1966-cı ilin aprelində · 1998-ci ilin may ayında · 2008-ci ilin yanvar ayından
  patternParser('az/year-month', new RegExp(`${B}${YEAR}${ORD}\\s+ilin\\s+${MONTH}(?:\\s+ay[\\p{L}]*)?`, 'iu'), (m) => {
    const mo = monthNumber(m[2] ?? '');
    if (!mo) return null;
    return { start: { year: Number(m[1]), month: mo }, precision: 'month' };
  }),
  // may 1996-cı il · may 1996
  patternParser('az/month-year', new RegExp(`${B}${MONTH}\\s+${YEAR}(?:${ORD})?(?:\\s*${IL})?${E}`, 'iu'), (m) => {
    const mo = monthNumber(m[1] ?? '');
    if (!mo) return null;
    return { start: { year: Number(m[2]), month: mo }, precision: 'month' };
  }),
  // 2025-2029-cu illər
  patternParser(
    'az/year-range',
    new RegExp(`${B}${YEAR}\\s*-\\s*${YEAR}(?:${ORD})?\\s+(?:il|illər)[\\p{L}]*`, 'iu'),
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (b <= a) return null;
      return { start: { year: a }, end: { year: b }, precision: 'year', value: `${a}/${b}` };
    },
  ),
  // 2016-cı ildə · 2016-cı il
  patternParser('az/year', new RegExp(`${B}${YEAR}${ORD}\\s+${IL}${E}`, 'iu'), (m) => ({
    start: { year: Number(m[1]) },
    precision: 'year',
  })),
  // Sentyabrın 12-də · sentyabrın 8-9-da: the year comes from context
  patternParser(
    'az/month-genitive-day',
    new RegExp(`${B}${MONTH}\\s+${DAY}-?(?:d[əa]|[iıuü]nd[əa]|y[əa]|ə|a)?${E}`, 'iu'),
    (m) => {
      const mo = monthNumber(m[1] ?? '');
      if (!mo) return null;
      return dayRange(undefined, mo, Number(m[2]), m[3] ? Number(m[3]) : undefined);
    },
  ),
  // ötən il sentyabrın 8-9-da · bu ilin iyulunda · keçən il: relative to the publication year
  patternParser(
    'az/relative-year',
    new RegExp(
      `${B}(ötən|keçən|bu|gələn)\\s+il(?:in|də|dən)?(?:\\s+${MONTH}(?:\\s+${DAY}-?(?:d[əa]|[iıuü]nd[əa]|y[əa])?)?)?${E}`,
      'iu',
    ),
    (m, ref) => {
      const w = (m[1] ?? '').toLocaleLowerCase('az');
      const year = ref.getUTCFullYear() + (w === 'bu' ? 0 : w === 'gələn' ? 1 : -1);
      const mo = m[2] ? monthNumber(m[2]) : 0;
      const start: Record<string, number> = { year };
      if (!mo) return { start, precision: 'year', relative: true };
      if (!m[3]) return { start: { ...start, month: mo }, precision: 'month', relative: true };
      return { ...dayRange(year, mo, Number(m[3]), m[4] ? Number(m[4]) : undefined), relative: true };
    },
  ),
  // ötən əsrin 30-cu illərində: decades of the last century, as written in this century
  patternParser(
    'az/decade-last-century',
    new RegExp(`${B}ötən\\s+əsrin\\s+(\\d)0${ORD}\\s+illər[\\p{L}]*`, 'iu'),
    (m) => ({
      start: { year: 1900 + Number(m[1]) * 10 },
      precision: 'decade',
      value: `19${m[1]}X`,
    }),
  ),
];

const az = new Chrono({ parsers, refiners: [] });

export function extractDatesAz(text: string, offset: number, ref: Date): RawDate[] {
  // Without chrono's common refiners, overlapping results are resolved here: longest first.
  const found = parseWithChrono(az, text, offset, ref, 'az/chrono').sort(
    (a, b) => a.index - b.index || b.text.length - a.text.length,
  );
  const out: RawDate[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (last && d.index < last.index + last.text.length) continue;
    out.push(d);
  }
  return out;
}
