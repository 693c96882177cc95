import { type DateMention, type Document, report } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { getLanguage } from '../languages/index.js';

/**
 * Date mentions per sentence, by the sentence's language module (chrono-node for en/ru with the
 * project's parsers, the project's own Azerbaijani chrono locale). Then the document-level refiners:
 *  - relative expressions ("last August", "this year") need the publication date; without one they
 *    are dropped with an info message — never resolved against the machine's clock;
 *  - a year-less date ("Sentyabrın 12-də") takes the year of the nearest preceding explicit date in the
 *    same paragraph, else the publication year, else stays `XXXX`.
 */
// A fixed reference for chrono when the document has none: results that depend on it are dropped.
const NO_REFERENCE = new Date(Date.UTC(1000, 0, 1));

export function extractDates(doc: Document): DateMention[] {
  const out: DateMention[] = [];
  const ref = doc.published ? new Date(`${doc.published}T12:00:00Z`) : NO_REFERENCE;
  const lastYearInParagraph = new Map<number, string>();
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (!lang) return;
    for (const d of lang.extractDates(doc.view.slice(s.start, s.end), s.start, ref)) {
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
        const year = lastYearInParagraph.get(s.paragraph) ?? doc.published?.slice(0, 4);
        if (year) value = value.replaceAll('XXXX', year);
      } else if (/^\d{4}/.test(value)) {
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
