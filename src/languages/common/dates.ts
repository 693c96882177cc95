import type { Chrono, ParsedResult, Parser, ParsingComponents } from 'chrono-node';
import type { DateMod, DatePrecision } from '../../core/document.js';

/**
 * Shared date plumbing for every language: chrono results carry our decisions as tags
 * (`el/precision:year`, `el/mod:MID`, `el/value:193X`, `el/relative`), and `toRawDate`
 * turns a result into the contract's ISO value at the precision the text supports.
 */
export const TAG = {
  precision: (p: DatePrecision) => `el/precision:${p}`,
  mod: (m: DateMod) => `el/mod:${m}`,
  value: (v: string) => `el/value:${v}`,
  relative: 'el/relative',
  rule: (r: string) => `el/rule:${r}`,
} as const;

export interface RawDate {
  index: number;
  text: string;
  /** ISO value; `XXXX` stands for a year to be filled from context or left unknown. */
  value: string;
  precision: DatePrecision;
  mod?: DateMod;
  rule: string;
  /** Depends on the reference date ("last August", "this year"). */
  relative: boolean;
  /** Month and day known but not the year ("September 12"): takes the year from context. */
  yearless: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const WEEK = /(?<![\p{L}])(?:weeks?|недел\p{L}*|həftə\p{L}*)(?![\p{L}])/iu;
// Expressions that name the current period without a tag from chrono.
const DEICTIC = /(?:^|\s)(?:this|current|этом|этого|текущем|текущего|bu)\s+\p{L}+|^(?:today|tonight|сегодня|bu gün)$/iu;

function tagValue(tags: Set<string>, prefix: string): string | undefined {
  for (const t of tags) if (t.startsWith(prefix)) return t.slice(prefix.length);
  return undefined;
}

function formatComponents(c: ParsingComponents, precision: DatePrecision, yearKnown: boolean): string {
  const y = yearKnown ? pad(c.get('year') ?? 0, 4) : 'XXXX';
  const m = pad(c.get('month') ?? 1);
  const d = pad(c.get('day') ?? 1);
  if (precision === 'year' || precision === 'decade' || precision === 'century') return y;
  if (precision === 'month' || precision === 'season') return `${y}-${m}`;
  return `${y}-${m}-${d}`;
}

/** Turns one chrono result into a date value, or null when it is not a date we keep. */
export function toRawDate(result: ParsedResult, defaultRule: string): RawDate | null {
  const tags = result.tags();
  const start = result.start as unknown as ParsingComponents;
  const end = result.end as unknown as ParsingComponents | undefined;
  const rule = tagValue(tags, 'el/rule:') ?? [...tags].find((t) => t.startsWith('parser/'))?.slice(7) ?? defaultRule;
  const mod = tagValue(tags, 'el/mod:') as DateMod | undefined;
  const explicitValue = tagValue(tags, 'el/value:');
  let precision = tagValue(tags, 'el/precision:') as DatePrecision | undefined;
  // chrono marks what it computed from the reference date: relative results ("3 days ago", "last
  // year") and casual references ("yesterday"); "this month" carries no tag, hence DEICTIC.
  const relative =
    tags.has(TAG.relative) ||
    tags.has('result/relativeDate') ||
    [...tags].some((t) => t.startsWith('casualReference/')) ||
    (!tagValue(tags, 'el/rule:') && DEICTIC.test(result.text)) ||
    (!start.isCertain('year') && !start.isCertain('month') && !start.isCertain('day'));
  if (explicitValue) {
    return {
      index: result.index,
      text: result.text,
      value: explicitValue,
      precision: precision ?? 'year',
      mod,
      rule,
      relative,
      yearless: false,
    };
  }
  // A bare clock time ("at 10:30", "16:56" in page furniture) says nothing about the date.
  if (
    !start.isCertain('day') &&
    !start.isCertain('month') &&
    !start.isCertain('year') &&
    !start.isCertain('weekday') &&
    start.isCertain('hour') &&
    !tags.has('result/relativeDate')
  ) {
    return null;
  }
  // "last week", "на прошлой неделе", "keçən həftə": the whole week, Monday to Sunday.
  if (relative && WEEK.test(result.text)) {
    const d = new Date(Date.UTC(start.get('year') ?? 0, (start.get('month') ?? 1) - 1, start.get('day') ?? 1));
    const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    const iso = (x: Date) => x.toISOString().slice(0, 10);
    return {
      index: result.index,
      text: result.text,
      value: `${iso(monday)}/${iso(sunday)}`,
      precision: 'week',
      rule,
      relative,
      yearless: false,
    };
  }
  if (!precision) {
    if (start.isCertain('day')) precision = 'day';
    else if (start.isCertain('month')) precision = 'month';
    else if (start.isCertain('year')) precision = 'year';
    else if (relative) precision = 'day';
    else return null;
  }
  // "from May 26 to May 27, 1996": the year written once, at the end, holds for the start too.
  if (end && !start.isCertain('year') && end.isCertain('year')) start.assign('year', end.get('year') as number);
  const yearKnown = start.isCertain('year') || relative;
  const yearless = !yearKnown && start.isCertain('month');
  let value = formatComponents(start, precision, yearKnown);
  if (end) {
    const endYearKnown = end.isCertain('year') || yearKnown;
    const endValue = formatComponents(end, precision, endYearKnown);
    if (endValue !== value) value = `${value}/${endValue}`;
  }
  const raw: RawDate = { index: result.index, text: result.text, value, precision, rule, relative, yearless };
  if (mod) raw.mod = mod;
  return raw;
}

/** A parser over a pattern that builds its result from the match (chrono's Parser interface). */
export function patternParser(
  rule: string,
  pattern: RegExp,
  build: (
    m: RegExpMatchArray,
    ref: Date,
  ) => {
    start: Record<string, number>;
    end?: Record<string, number>;
    precision?: DatePrecision;
    mod?: DateMod;
    value?: string;
    relative?: boolean;
  } | null,
): Parser {
  return {
    pattern: () => pattern,
    extract(context, match) {
      const b = build(match, context.refDate);
      if (!b) return null;
      const index = match.index ?? 0;
      const text = match[0];
      const startC = context.createParsingComponents();
      for (const [k, v] of Object.entries(b.start)) startC.assign(k as never, v);
      let endC: ParsingComponents | undefined;
      if (b.end) {
        endC = context.createParsingComponents();
        for (const [k, v] of Object.entries(b.end)) endC.assign(k as never, v);
      }
      const result = context.createParsingResult(index, text, startC, endC);
      result.addTag(TAG.rule(rule));
      if (b.precision) result.addTag(TAG.precision(b.precision));
      if (b.mod) result.addTag(TAG.mod(b.mod));
      if (b.value) result.addTag(TAG.value(b.value));
      if (b.relative) result.addTag(TAG.relative);
      return result;
    },
  };
}

/** Runs a configured chrono over one sentence; offsets are made absolute. */
export function parseWithChrono(chrono: Chrono, text: string, offset: number, ref: Date, rule: string): RawDate[] {
  const out: RawDate[] = [];
  for (const r of chrono.parse(text, ref, { forwardDate: false })) {
    const raw = toRawDate(r, rule);
    if (raw) out.push({ ...raw, index: raw.index + offset });
  }
  return out;
}

export const YEAR = '((?:1[5-9]|20)\\d{2})';

/** Meteorological seasons of the northern hemisphere, as month ranges (winter runs into the next year). */
export const SEASONS = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  winter: [12, 2],
} as const;

/** A season of a year as a month interval: summer 2020 → 2020-06/2020-08; winter 2020 → 2020-12/2021-02. */
export function seasonRange(year: number, season: keyof typeof SEASONS) {
  const [a, b] = SEASONS[season];
  const endYear = b < a ? year + 1 : year;
  return { start: { year, month: a }, end: { year: endYear, month: b }, precision: 'season' as const };
}

/** The contract's value of a century: the 19th century → 18XX. */
export const centuryValue = (n: number) => `${String(n - 1).padStart(2, '0')}XX`;

/** Roman numerals of centuries (I–XXI); Cyrillic Х is accepted for X, as Russian texts type it. */
export function romanToNumber(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, Х: 10 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i] as string] ?? 0;
    const b = v[s[i + 1] as string] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/**
 * A chrono locale extended with the project's parsers, as an extractor: results whose text matches
 * `notADate` (durations, counts, "now") are dropped.
 */
export function extendedChrono(base: Chrono, parsers: Parser[], notADate: RegExp, rule: string) {
  const configured = base.clone();
  configured.parsers.push(...parsers);
  return (text: string, offset: number, ref: Date): RawDate[] =>
    parseWithChrono(configured, text, offset, ref, rule).filter((d) => !notADate.test(d.text.trim()));
}

/** A span of whole years ("2025-2029", "с 2015 по 2019 год"), or null when it runs backwards. */
export function yearRange(a: number, b: number) {
  return b > a ? { start: { year: a }, end: { year: b }, precision: 'year' as const, value: `${a}/${b}` } : null;
}

/** A part of a month ("late March 2026", "в конце ноября"): the month, its year if written, the modifier. */
export function partOfMonth(month: number, year: string | undefined, mod: DateMod) {
  if (!month) return null;
  const start: Record<string, number> = { month };
  if (year) start.year = Number(year);
  return { start, precision: 'month' as const, mod };
}
