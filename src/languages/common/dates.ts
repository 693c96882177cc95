import '../../core/timezone.js';
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

const TAG_CORE = 'el/core:';

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
  /** A weekday alone ("on Friday", "в четверг"), 0 = Sunday: which one the tense decides. */
  weekday?: number;
}

export type Tense = 'past' | 'future';

/**
 * The tense cues of a language (`src/languages/<code>/tense.json`) as a classifier: the cue nearest to
 * the date expression (at `index` in the sentence) decides, since a sentence often mixes a report
 * ("said Friday") with what it reports ("will be returned by Jan. 14").
 */
export function tenseClassifier(cues: { future: string[]; past: string[] }) {
  const future = new RegExp(cues.future.join('|'), 'giu');
  const past = new RegExp(cues.past.join('|'), 'giu');
  return (sentence: string, index: number, length: number): Tense | null => {
    let best: Tense | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [tense, re] of [
      ['future', future],
      ['past', past],
    ] as const) {
      for (const m of sentence.matchAll(re)) {
        const at = m.index ?? 0;
        // Inside the date expression itself ("last Friday") is no cue.
        if (at >= index && at < index + length) continue;
        const distance = at < index ? index - (at + m[0].length) : at - (index + length);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = tense;
        }
      }
    }
    return best;
  };
}

export const DAY_MS = 86_400_000;

/**
 * The date of a lone weekday against the reference: in a past-tense sentence the latest such day up to
 * the reference, in a future one the next after it (TimeML's reading of news); null leaves chrono's.
 */
export function resolveWeekday(weekday: number, ref: Date, tense: Tense | null): string | null {
  if (!tense) return null;
  const base = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
  const diff = (weekday - new Date(base).getUTCDay() + 7) % 7;
  const shift = tense === 'past' && diff > 0 ? diff - 7 : diff;
  return new Date(base + shift * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The year of a month (and day) written without one: the occurrence nearest the reference (chrono's
 * rule, right for most news), unless the tense at the expression contradicts it and the nearest lies
 * more than TENSE_OVERRIDE_DAYS on the wrong side ("in March", past tense, in an October article).
 */
export function resolveYear(month: number, day: number | null, ref: Date, tense: Tense | null): number {
  const y = ref.getUTCFullYear();
  const at = (year: number) => Date.UTC(year, month - 1, day ?? 1);
  const refDay = Date.UTC(y, ref.getUTCMonth(), ref.getUTCDate());
  const nearest = [y - 1, y, y + 1].reduce(
    (best, c) => (Math.abs(at(c) - refDay) < Math.abs(at(best) - refDay) ? c : best),
    y,
  );
  const offset = (at(nearest) - refDay) / DAY_MS;
  // A month alone spans the reference while it runs: no contradiction then.
  const runs = day === null && ref.getUTCMonth() + 1 === month && nearest === y;
  if (runs) return nearest;
  if (tense === 'past' && offset > TENSE_OVERRIDE_DAYS) return nearest - 1;
  if (tense === 'future' && offset < -TENSE_OVERRIDE_DAYS) return nearest + 1;
  return nearest;
}

/** How far on the wrong side of the reference the nearest reading may lie before the tense overrides it. */
const TENSE_OVERRIDE_DAYS = 90;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const WEEK = /(?<![\p{L}])(?:weeks?|недел\p{L}*|həftə\p{L}*)(?![\p{L}])/iu;
const TIME_OF_DAY_TAG = /^casualReference\/(?:morning|afternoon|evening|night|tonight|noon|midnight)/;
const CLOCK =
  /\d{1,2}:\d{2}|(?<![\p{L}])(?:[ap]\.m\.|[ap]m|noon|midnight|midday|morning|evening|night|утр\p{L}*|вечер\p{L}*|ноч\p{L}*|полд\p{L}*|полноч\p{L}*|дня|səhər|axşam|gecə\p{L}*|günorta)(?![\p{L}])/iu;
// A weekday with a word that already says which one ("last Friday", "в прошлую пятницу", "next week").
const MODIFIED_WEEKDAY =
  /(?<![\p{L}])(?:last|next|this|coming|past|previous|of|прошл\p{L}*|следующ\p{L}*|эт\p{L}+|ближайш\p{L}*|ötən|keçən|gələn|bu|növbəti)(?![\p{L}])/iu;
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
  // A time of day riding on a full date ("Jan 1, 2020 Morning UTC") leaves it absolute.
  const absolute = start.isCertain('year') && start.isCertain('month') && start.isCertain('day');
  const relative =
    tags.has(TAG.relative) ||
    tags.has('result/relativeDate') ||
    [...tags].some((t) => t.startsWith('casualReference/') && !(absolute && TIME_OF_DAY_TAG.test(t))) ||
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
  // A clock time alone ("в 11 утра", "at 10:30") is a time on the reference day: relative, so it is kept
  // only when the publication time or date is known.
  const timeOnly =
    !start.isCertain('day') &&
    !start.isCertain('month') &&
    !start.isCertain('year') &&
    !start.isCertain('weekday') &&
    start.isCertain('hour') &&
    !tags.has('result/relativeDate');
  if (timeOnly) {
    // chrono reads prices and scores as times ("$1.35 a share" as 1:35 a.m., "rose 3 to 20"): a time
    // needs a clock, a.m./p.m. or a word of the time of day.
    if (!CLOCK.test(result.text)) return null;
    const time = (c: ParsingComponents) => `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    const day = formatComponents(start, 'day', true);
    const endValue = end?.isCertain('hour') ? `/${formatComponents(end, 'day', true)}T${time(end)}` : '';
    return {
      index: result.index,
      text: result.text,
      value: `${day}T${time(start)}${endValue}`,
      precision: 'time',
      rule,
      relative: true,
      yearless: false,
    };
  }
  // A weekday with no day of the month: which one is for the document's tense to say.
  const weekday =
    start.isCertain('weekday') && !start.isCertain('day') && !MODIFIED_WEEKDAY.test(result.text)
      ? (start.get('weekday') as number)
      : undefined;
  // "last week", "на прошлой неделе", "keçən həftə": the whole week, Monday to Sunday.
  if (relative && WEEK.test(result.text) && !start.isCertain('weekday')) {
    // chrono puts "this week" (and its Russian form) on the Sunday that opens it, US-style: the Monday after
    // is in the week meant.
    const opensWeek = !tags.has('result/relativeDate') && !tags.has(TAG.relative) ? 1 : 0;
    const d = new Date(
      Date.UTC(start.get('year') ?? 0, (start.get('month') ?? 1) - 1, (start.get('day') ?? 1) + opensWeek),
    );
    const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
    const sunday = new Date(monday.getTime() + 6 * DAY_MS);
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
  if (weekday !== undefined) raw.weekday = weekday;
  return raw;
}

/** A parser over a pattern that builds its result from the match (chrono's Parser interface). */
export function patternParser(
  rule: string,
  pattern: RegExp,
  build: (
    m: RegExpMatchArray,
    ref: Date,
    /** The whole text parsed, for a look behind the match (chrono searches what follows the last result). */
    text: string,
  ) => {
    start: Partial<Record<string, number>>;
    /** Parts taken from the reference rather than the text (a weekday's date, a time's day). */
    implied?: Record<string, number>;
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
      const b = build(match, context.refDate, context.text);
      if (!b) return null;
      const index = match.index ?? 0;
      const text = match[0];
      const startC = context.createParsingComponents();
      for (const [k, v] of Object.entries(b.implied ?? {})) startC.imply(k as never, v);
      for (const [k, v] of Object.entries(b.start)) if (v !== undefined) startC.assign(k as never, v);
      let endC: ParsingComponents | undefined;
      if (b.end) {
        endC = context.createParsingComponents();
        for (const [k, v] of Object.entries(b.end)) endC.assign(k as never, v);
      }
      const result = context.createParsingResult(index, text, startC, endC);
      result.addTag(TAG.rule(rule));
      // A cue the pattern needs but the mention does not include ("the 1996 bombing" → "1996"): chrono
      // drops results of digits alone, so the cue stays in the result and the span is cut afterwards.
      const core = match.groups?.core;
      if (core) result.addTag(`${TAG_CORE}${text.indexOf(core)}:${core.length}`);
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
  // The reference is wall-clock time written as UTC: with timezone 0, chrono's results do not depend on
  // the machine's time zone (the same input gives the same dates everywhere).
  for (const r of chrono.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const raw = toRawDate(r, rule);
    if (!raw) continue;
    const core = tagValue(r.tags(), TAG_CORE)?.split(':').map(Number);
    if (core && core[0] !== undefined && core[1] !== undefined && core[0] >= 0) {
      raw.index += core[0];
      raw.text = raw.text.slice(core[0], core[0] + core[1]);
    }
    // chrono keeps a space it read past ("August 7 (Xinhua)"): the mention is the words alone.
    const lead = raw.text.length - raw.text.trimStart().length;
    out.push({ ...raw, text: raw.text.trim(), index: raw.index + offset + lead });
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
 * A chrono locale extended with the project's parsers, as an extractor. Dropped: results whose text
 * matches `notADate` (durations, counts, "now"); results bounded by an amount (`bounded`: "более 20
 * лет назад", "more than 20 years ago" is no point in time); and any result next to a day number no
 * month has ("32 August", "August 32, 2014"), which chrono reads as a month and a year instead. An
 * approximate amount (`approximate`: "about a year ago", "около двух лет назад") keeps the date, with
 * `mod: APPROX`.
 */
export function extendedChrono(
  base: Chrono,
  parsers: Parser[],
  opts: {
    notADate: RegExp;
    rule: string;
    monthNames: string;
    bounded?: string;
    approximate?: string;
    /** Drops a result by what surrounds it ("6 1/4%" is a fraction, not January 4). */
    notInContext?: (before: string, mention: string, after: string) => boolean;
  },
) {
  const configured = base.clone();
  configured.parsers.push(...parsers);
  const before = (words?: string) => (words ? new RegExp(`(?<![\\p{L}])(?:${words})\\s+$`, 'iu') : null);
  const start = (words?: string) => (words ? new RegExp(`^(?:${words})\\s+`, 'iu') : null);
  const [boundedBefore, boundedStart] = [before(opts.bounded), start(opts.bounded)];
  const [approxBefore, approxStart] = [before(opts.approximate), start(opts.approximate)];
  const impossibleDay = new RegExp(
    `(?<![\\p{N}])(?:3[2-9]|[4-9]\\d)\\s+(?:${opts.monthNames})(?![\\p{L}])|(?<![\\p{L}])(?:${opts.monthNames})\\.?\\s+(?:3[2-9]|[4-9]\\d)(?![\\p{N}])`,
    'giu',
  );
  return (text: string, offset: number, ref: Date): RawDate[] => {
    const bad = [...text.matchAll(impossibleDay)].map((m) => [
      offset + (m.index ?? 0),
      offset + (m.index ?? 0) + m[0].length,
    ]);
    const out: RawDate[] = [];
    for (const d of parseWithChrono(configured, text, offset, ref, opts.rule)) {
      const left = text.slice(0, d.index - offset);
      const right = text.slice(d.index - offset + d.text.length);
      if (opts.notADate.test(d.text.trim())) continue;
      if (boundedBefore?.test(left) || boundedStart?.test(d.text)) continue;
      if (opts.notInContext?.(left, d.text, right)) continue;
      if (bad.some(([a, b]) => (a as number) < d.index + d.text.length && d.index < (b as number))) continue;
      if (!d.mod && d.relative && (approxBefore?.test(left) || approxStart?.test(d.text))) d.mod = 'APPROX';
      out.push(d);
    }
    return out;
  };
}

/** A holiday's place on the calendar: a fixed day, or the nth weekday of a month (-1: the last). */
export interface HolidayRule {
  month: number;
  day?: number;
  weekday?: number;
  nth?: number;
  /** Days of the month to skip before counting (US Election Day: the first Tuesday after the 1st). */
  after?: number;
}

/** The date of a holiday in a year, as a UTC timestamp. */
export function dateOfHoliday(rule: HolidayRule, year: number): number {
  if (rule.day) return Date.UTC(year, rule.month - 1, rule.day);
  const weekday = rule.weekday ?? 0;
  const nth = rule.nth ?? 1;
  if (nth > 0) {
    // US Election Day ("after": 1): the first Tuesday after a Monday, i.e. counted from the 2nd.
    const first = Date.UTC(year, rule.month - 1, 1 + (rule.after ?? 0));
    const shift = (weekday - new Date(first).getUTCDay() + 7) % 7;
    return first + (shift + (nth - 1) * 7) * DAY_MS;
  }
  const last = Date.UTC(year, rule.month, 0);
  return last - ((new Date(last).getUTCDay() - weekday + 7) % 7) * DAY_MS;
}

/**
 * A parser for a language's holidays (`src/languages/<code>/holidays.json`): "Thanksgiving Day",
 * "last Christmas", "День Победы", "Zəfər Günü". With a modifier, the last or next occurrence; without,
 * a fixed day is year-less (resolved like "May 9") and a moving one the occurrence nearest the reference.
 */
export function holidayParser(
  rule: string,
  data: {
    holidays: Record<string, HolidayRule>;
    modifiers: { last: string; next: string; this: string };
    /** Match the names with their capitals (English writes holidays capitalised). */
    caseSensitive?: boolean;
  },
): Parser {
  const keys = Object.keys(data.holidays);
  const { last, next, this: current } = data.modifiers;
  const pattern = new RegExp(
    `(?<![\\p{L}])(?:(${last})|(${next})|(${current})\\s+)?\\s*(${keys.map((k) => `(${k})`).join('|')})(?![\\p{L}])`,
    data.caseSensitive ? 'u' : 'iu',
  );
  return patternParser(rule, pattern, (m, ref) => {
    const index = keys.findIndex((_, i) => m[5 + i] !== undefined);
    const holiday = data.holidays[keys[index] as string];
    if (!holiday) return null;
    // A fixed day without a modifier is a year-less date: dates.v1 gives it a year by tense and context.
    if (holiday.day && !m[1] && !m[2] && !m[3])
      return { start: { month: holiday.month, day: holiday.day }, precision: 'day' };
    const refDay = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
    const y = ref.getUTCFullYear();
    const candidates = [y - 1, y, y + 1].map((year) => dateOfHoliday(holiday, year));
    const pick = m[1]
      ? [...candidates].reverse().find((t) => t < refDay)
      : m[2]
        ? candidates.find((t) => t > refDay)
        : m[3]
          ? candidates[1]
          : candidates.reduce((a, b) => (Math.abs(b - refDay) < Math.abs(a - refDay) ? b : a));
    if (pick === undefined) return null;
    const d = new Date(pick);
    return {
      start: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      precision: 'day',
      relative: true,
    };
  });
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
