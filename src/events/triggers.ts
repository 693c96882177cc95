import type { Document, Span } from '../core/document.js';
import type { EventLexicon } from '../languages/index.js';
import type { Clause } from './clauses.js';
import { anyOf, pattern } from './patterns.js';

/**
 * Trigger finding: where in a sentence a type's trigger words stand (the language's `events.json`),
 * and which clauses report an event with them. A clause reports one when it holds the trigger, or when
 * the sentence does and the clause brings its own date (", and in July 1998 the Embassy of …"). Not
 * triggers: words inside a not-an-event phrase ("made 3 visits"), a back-reference to a visit already
 * reported ("during the visit"), a plural or habitual form without a date of its own.
 */
export interface TriggerHit {
  type: string;
  clause: Clause;
  start: number;
  text: string;
  /** The clause holds the trigger itself (else it borrows the sentence's and brings only its own names). */
  own: boolean;
}

function spansOf(text: string, patterns: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of patterns)
    for (const m of text.matchAll(pattern(p, 'giu'))) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

export function findTriggers(doc: Document, s: Span, clauses: Clause[], lex: EventLexicon): TriggerHit[] {
  const sentence = doc.view.slice(s.start, s.end);
  const blocked = spansOf(sentence, lex.notEvents);
  // "During the visit", "Səfər çərçivəsində" refer back to a visit already reported: not a new one.
  // "в ходе визита Ш.Мирзиёева в Азербайджан…" names its visit: a report, not a back-reference.
  const backReferences = spansOf(sentence, lex.inherit).filter(([, y]) => {
    const end = s.start + y;
    return !doc.entities.some((e) => e.type === 'person' && e.start >= end && e.start <= end + 2);
  });
  const first = (text: string, offset: number, patterns: string[], type: string) => {
    const spans = type === 'visit' ? [...blocked, ...backReferences] : blocked;
    for (const p of patterns) {
      for (const m of text.matchAll(pattern(p, 'giu'))) {
        const a = offset + (m.index ?? 0);
        if (!spans.some(([x, y]) => a < y && a + m[0].length > x)) return m;
      }
    }
    return null;
  };
  const hits: TriggerHit[] = [];
  for (const [type, entry] of Object.entries(lex.types)) {
    if (entry.requires && !anyOf(entry.requires, sentence)) continue;
    const inSentence = first(sentence, 0, entry.triggers, type);
    if (!inSentence) continue;
    for (const clause of clauses) {
      const text = doc.view.slice(clause.start, clause.end);
      const inClause = first(text, clause.start - s.start, entry.triggers, type);
      if (!inClause && (!clause.dates.length || clauses.length === 1)) continue;
      const m = inClause ?? inSentence;
      if (!clause.dates.length && anyOf(lex.generic, m[0])) continue;
      hits.push({
        type,
        clause,
        start: inClause ? clause.start + (inClause.index ?? 0) : s.start + (inSentence.index ?? 0),
        text: m[0],
        own: !!inClause,
      });
    }
  }
  return hits;
}
