import type { Document, Span } from '../core/document.js';
import type { EventLexicon } from '../languages/index.js';
import type { Clause } from './clauses.js';
import { anyOf, pattern } from './patterns.js';

/**
 * Trigger finding: where in a sentence a type's trigger words stand (the language's `events.json`),
 * and which clauses report an event with them. A clause reports one when it holds the trigger, or when
 * the sentence does and the clause brings its own date (", and in July 1998 the Embassy of …"). Not
 * triggers: words inside a not-an-event phrase ("made 3 visits"), a back-reference to a visit already
 * reported ("during the visit"), a plural or habitual form without a date of its own, a denied one
 * ("had not signed", "не подписал").
 */
export interface TriggerHit {
  type: string;
  clause: Clause;
  start: number;
  text: string;
  /** The clause holds the trigger itself (else it borrows the sentence's and brings only its own names). */
  own: boolean;
  /** The trigger is a passive verb ("was appointed", "назначен", "təyin olunub"): its subject is its object. */
  passive: boolean;
}

function spansOf(text: string, patterns: string[]): [number, number][] {
  const out: [number, number][] = [];
  if (!anyOf(patterns, text)) return out;
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
  // Every trigger of a type in a text, in order; of overlapping matches ("was signed", "signed") the
  // earliest and longest.
  const all = (text: string, offset: number, patterns: string[], type: string) => {
    const spans = type === 'visit' ? [...blocked, ...backReferences] : blocked;
    const found: RegExpExecArray[] = [];
    for (const p of patterns) {
      for (const m of text.matchAll(pattern(p, 'giu'))) {
        const a = offset + (m.index ?? 0);
        if (!spans.some(([x, y]) => a < y && a + m[0].length > x)) found.push(m as RegExpExecArray);
      }
    }
    found.sort((a, b) => a.index - b.index || b[0].length - a[0].length);
    return found.filter((m, i) => !found.slice(0, i).some((o) => m.index < o.index + o[0].length));
  };
  // "had not signed", "не подписал", "imzalanmayıb": no event.
  const negated = (at: number) => {
    const cues = lex.negation;
    if (!cues) return false;
    const before = doc.view.slice(Math.max(s.start, at - 30), at);
    const from = doc.view.slice(at, Math.min(s.end, at + 30));
    return anyOf(cues.before, before) || anyOf(cues.trigger, from);
  };
  const passive = (at: number) => {
    const cues = lex.passive;
    if (!cues) return false;
    const before = doc.view.slice(Math.max(s.start, at - 40), at);
    const from = doc.view.slice(at, Math.min(s.end, at + 40));
    return anyOf(cues.before, before) || anyOf(cues.trigger, from);
  };
  const hits: TriggerHit[] = [];
  for (const [type, entry] of Object.entries(lex.types)) {
    if (entry.requires && !anyOf(entry.requires, sentence)) continue;
    // Most sentences hold no trigger of a type: one scan says so before each trigger is sought.
    if (!anyOf(entry.triggers, sentence)) continue;
    const inSentence = all(sentence, 0, entry.triggers, type)[0];
    if (!inSentence) continue;
    for (const clause of clauses) {
      const text = doc.view.slice(clause.start, clause.end);
      const inClause = all(text, clause.start - s.start, entry.triggers, type);
      if (!inClause.length && (!clause.dates.length || clauses.length === 1)) continue;
      const own = inClause.length > 0;
      for (const m of own ? inClause : [inSentence]) {
        if (!clause.dates.length && anyOf(lex.generic, m[0])) continue;
        const start = (own ? clause.start : s.start) + m.index;
        if (negated(start)) continue;
        hits.push({ type, clause, start, text: m[0], own, passive: passive(start) });
      }
    }
  }
  return hits;
}
