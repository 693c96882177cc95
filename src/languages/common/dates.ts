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

const DAY_MS = 86_400_000;

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
 * matches `notADate` (durations, counts, "now"); results with or right after a vague amount (`vague`:
 * "более 20 лет назад" is no point in time); and any result next to a day number no month has
 * ("32 August", "August 32, 2014"), which chrono reads as a month and a year instead.
 */
export function extendedChrono(
  base: Chrono,
  parsers: Parser[],
  opts: {
    notADate: RegExp;
    rule: string;
    monthNames: string;
    vague?: string;
    /** Drops a result by what surrounds it ("6 1/4%" is a fraction, not January 4). */
    notInContext?: (before: string, mention: string, after: string) => boolean;
  },
) {
  const configured = base.clone();
  const vagueBefore = opts.vague ? new RegExp(`(?<![\\p{L}])(?:${opts.vague})\\s+$`, 'iu') : null;
  const vagueStart = opts.vague ? new RegExp(`^(?:${opts.vague})\\s+`, 'iu') : null;
  configured.parsers.push(...parsers);
  const impossibleDay = new RegExp(
    `(?<![\\p{N}])(?:3[2-9]|[4-9]\\d)\\s+(?:${opts.monthNames})(?![\\p{L}])|(?<![\\p{L}])(?:${opts.monthNames})\\.?\\s+(?:3[2-9]|[4-9]\\d)(?![\\p{N}])`,
    'giu',
  );
  return (text: string, offset: number, ref: Date): RawDate[] => {
    const bad = [...text.matchAll(impossibleDay)].map((m) => [
      offset + (m.index ?? 0),
      offset + (m.index ?? 0) + m[0].length,
    ]);
    return parseWithChrono(configured, text, offset, ref, opts.rule).filter(
      (d) =>
        !opts.notADate.test(d.text.trim()) &&
        !vagueBefore?.test(text.slice(0, d.index - offset)) &&
        !vagueStart?.test(d.text) &&
        !opts.notInContext?.(text.slice(0, d.index - offset), d.text, text.slice(d.index - offset + d.text.length)) &&
        !bad.some(([a, b]) => (a as number) < d.index + d.text.length && d.index < (b as number)),
    );
  };
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
