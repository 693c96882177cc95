import type { DateMention, DateValue, Document, EventMention } from '../core/document.js';
import type { EventLexicon } from '../languages/index.js';
import type { Clause } from './clauses.js';
import { anyOf } from './patterns.js';
import type { EventTypeDef } from './types.js';

/**
 * An event's date: the date expression the text attaches to it, nearest the trigger in its clause
 * (then in its sentence), never a duration or validity period ("for 2025–2029", "на 2025-2029 годы",
 * "2025-2029-cu illər üçün"), nor the date of the verb that reports it ("an official said on Wednesday")
 * unless the event is that report (`types.json` `reportDates`).
 * Without one, the type's fallbacks (`types.json` `dateFallbacks`) in order:
 * the visit the sentence says it happened during ("during the visit"), the paragraph's previous event or
 * date (narrative time), the publication date when the sentence says the event is going on ("current
 * visit", "находится с визитом"), the dispatch's dateline ("WASHINGTON, August 13 --"), the publication date. `source` says which: `text`, `context` or `published`;
 * no supportable date is `null`.
 */
export interface DatingContext {
  doc: Document;
  sentence: number;
  clause: Clause;
  clauses: Clause[];
  trigger: number;
  lex: EventLexicon;
  def: EventTypeDef;
  sentenceText: string;
  /** The sentence places the event inside an earlier one ("during the visit"). */
  inherits: boolean;
  /** The visit of this sentence, or the paragraph's last dated event. */
  context: EventMention | null;
  previous: EventMention | null;
}

export function dateValue(d: DateMention, source: DateValue['source'] = 'text'): DateValue {
  const v: DateValue = { value: d.value, precision: d.precision };
  if (d.mod) v.mod = d.mod;
  v.source = source;
  return v;
}

/** Whether a date expression is a duration or validity period rather than when something happened. */
function isPeriod(doc: Document, d: DateMention, lex: EventLexicon): boolean {
  const cues = lex.notEventDates;
  if (!cues) return false;
  const before = doc.view.slice(Math.max(0, d.start - 40), d.start);
  const after = doc.view.slice(d.end, d.end + 40);
  return anyOf(cues.before, before) || anyOf(cues.after, after);
}

/** Whether a date expression dates the reporting verb ("said Saturday", "заявил в понедельник"), not the event. */
function isReportDate(doc: Document, d: DateMention, lex: EventLexicon): boolean {
  const before = doc.view.slice(Math.max(0, d.start - 40), d.start);
  return anyOf(lex.reportDates ?? [], before);
}

/**
 * The date of a news dispatch's dateline ("WASHINGTON, August 13 (Xinhua) --", "JOHANNESBURG, August
 * 7"): a date right after an upper-case place and a comma at the start of the text.
 */
function datelineOf(doc: Document): DateMention | undefined {
  const first = doc.dates[0];
  if (!first || first.sentence !== 0 || first.precision !== 'day') return undefined;
  const start = doc.sentences[0]?.start ?? 0;
  return /^\s*\p{Lu}[\p{Lu}\s.'-]*,\s*$/u.test(doc.view.slice(start, first.start)) ? first : undefined;
}

function nearest(dates: DateMention[], at: number): DateMention | undefined {
  return [...dates].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start)[0];
}

export function eventDate(ctx: DatingContext): DateValue | null {
  const { doc, lex } = ctx;
  const usable = (ds: DateMention[]) =>
    ds.filter((d) => !isPeriod(doc, d, lex) && (ctx.def.reportDates || !isReportDate(doc, d, lex)));
  const own = nearest(usable(ctx.clause.dates), ctx.trigger);
  if (own) return dateValue(own);
  if (ctx.clauses.length > 1) {
    const inSentence = nearest(usable(ctx.clauses.flatMap((c) => c.dates)), ctx.trigger);
    if (inSentence) return dateValue(inSentence);
  }
  for (const fallback of ctx.def.dateFallbacks) {
    if (fallback === 'inherit' && ctx.inherits && ctx.context?.date) return { ...ctx.context.date, source: 'context' };
    if (fallback === 'narrative' || fallback === 'narrativeDay') {
      // The paragraph's previous event, if the text dated it (a publication date says nothing of it).
      if (ctx.previous?.date && ctx.previous.date.source !== 'published')
        return { ...ctx.previous.date, source: 'context' };
      const paragraph = doc.sentences[ctx.sentence]?.paragraph;
      // 'narrativeDay': only a day carries the narrative ("On Wednesday, …"); a year earlier in the
      // paragraph is background to a remark ("since 1996").
      const last = usable(
        doc.dates.filter(
          (d) =>
            d.sentence < ctx.sentence &&
            doc.sentences[d.sentence]?.paragraph === paragraph &&
            (fallback === 'narrative' || d.precision === 'day' || d.precision === 'time'),
        ),
      ).pop();
      if (last) return dateValue(last, 'context');
    }
    if (fallback === 'present' && doc.published && anyOf(lex.present ?? [], ctx.sentenceText))
      return { value: doc.published, precision: 'day', source: 'published' };
    if (fallback === 'dateline') {
      const d = datelineOf(doc);
      if (d) return dateValue(d, 'context');
    }
    if (fallback === 'published' && doc.published)
      return { value: doc.published, precision: 'day', source: 'published' };
  }
  return null;
}
