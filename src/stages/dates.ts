import { type DateMention, type Document, report } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { resolveWeekday, resolveYear, type Tense } from '../languages/common/dates.js';
import { getLanguage } from '../languages/index.js';

/**
 * Date mentions per sentence, by the sentence's language module (chrono-node for en/ru with the
 * project's parsers, the project's own Azerbaijani chrono locale). Then the document-level refiners:
 *  - relative expressions ("last August", "this year") need the publication date; without one they
 *    are dropped with an info message — never resolved against the machine's clock;
 *  - a year-less date ("Sentyabrın 12-də") takes the year of the nearest preceding explicit date in the
 *    same paragraph (unless the sentence's tense puts it on the other side of the publication date), else the year the sentence's tense gives against the publication date (the latest
 *    such date for the past, the next for the future, the nearest otherwise), else stays `XXXX`;
 *  - a lone weekday ("on Friday") is the latest such day for a past-tense sentence, the next for a
 *    future one.
 */
// A fixed reference for chrono when the document has none: results that depend on it are dropped.
const NO_REFERENCE = new Date(Date.UTC(1000, 0, 1));

/** The year of a year-less value ("XXXX-01-10", "XXXX-09") by the sentence's tense (see resolveYear). */
function yearFor(value: string, ref: Date, tense: Tense | null): string {
  const m = /^XXXX-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!m) return String(ref.getUTCFullYear());
  return String(resolveYear(Number(m[1]), m[2] ? Number(m[2]) : null, ref, tense));
}

export function extractDates(doc: Document): DateMention[] {
  const out: DateMention[] = [];
  // Wall-clock time as UTC (see parseWithChrono); noon when only the day is known.
  const ref = doc.publishedAt
    ? new Date(`${doc.publishedAt}Z`)
    : doc.published
      ? new Date(`${doc.published}T12:00:00Z`)
      : NO_REFERENCE;
  const lastYearInParagraph = new Map<number, string>();
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (!lang) return;
    const sentence = doc.view.slice(s.start, s.end);
    for (const d of lang.extractDates(sentence, s.start, ref)) {
      const tense = () => lang.tense(sentence, d.index - s.start, d.text.length);
      const start = d.index;
      const end = d.index + d.text.length;
      let value = d.value;
      if (d.relative && !doc.published) {
        report(
          doc,
          'dates.v1',
          'info',
          'unresolved-relative-date',
          `"${d.text}" is relative to the publication date, which is unknown; it was left out`,
          { start, end },
        );
        continue;
      }
      if (d.yearless) {
        let year = lastYearInParagraph.get(s.paragraph) ?? null;
        // The paragraph's year yields to the tense when they disagree about the publication date:
        // "invited in July 1997 …, will join on March 12" (published 1999-02-27) is March 1999.
        const published = doc.published;
        if (year && published) {
          const t = tense();
          const day = value.replaceAll('XXXX', year).slice(0, 10);
          if (
            (t === 'future' && day < published.slice(0, day.length)) ||
            (t === 'past' && day > published.slice(0, day.length))
          )
            year = null;
        }
        year = year ?? (published ? yearFor(value, ref, tense()) : null);
        if (year) value = value.replaceAll('XXXX', year);
      } else if (d.weekday !== undefined && doc.published) {
        value = resolveWeekday(d.weekday, ref, tense()) ?? value;
      } else if (/^\d{4}-\d{2}/.test(value) && !d.relative) {
        // Only a written month or day anchors the next year-less date ("on 8 September 2008 … on the
        // 12th"); a year alone is mostly background ("founded in 1988") in news.
        lastYearInParagraph.set(s.paragraph, value.slice(0, 4));
      }
      const m: DateMention = {
        text: doc.view.slice(start, end),
        start,
        end,
        value,
        precision: d.precision,
        rule: d.rule,
        sentence: si,
      };
      if (d.mod) m.mod = d.mod;
      out.push(m);
    }
  });
  return out;
}

registerStage({
  name: 'dates.v1',
  requires: ['sentences', 'published'],
  assigns: ['dates'],
  defaults: {},
  create: () => (doc: Document) => {
    doc.dates.push(...extractDates(doc));
  },
});
