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
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}-${m}`;
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
  if (!precision) {
    if (start.isCertain('day')) precision = 'day';
    else if (start.isCertain('month')) precision = 'month';
    else if (start.isCertain('year')) precision = 'year';
    else if (relative) precision = 'day';
    else return null;
  }
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
