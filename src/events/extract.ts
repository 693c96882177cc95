import type { Document, EventMention } from '../core/document.js';
import { allLanguages, getLanguage } from '../languages/index.js';
import { ATTRIBUTE_READERS } from './attributes.js';
import { clausesOf } from './clauses.js';
import { eventDate } from './dating.js';
import { anyOf, pattern } from './patterns.js';
import { fillRoles, type Referents } from './roles.js';
import { markNames, slotsOf } from './slots.js';
import { findTriggers } from './triggers.js';
import { eventType } from './types.js';

/**
 * Events per clause: triggers (`triggers.ts`) found in the language's lexicon, roles filled from the
 * type's definition (`types.json`) by syntactic slot (`slots.ts`, `roles.ts`), dates attached by the
 * text or taken, saying so, from context or the publication date (`dating.ts`).
 */

/** Every language's trigger types must be defined: a lexicon type without a definition is an error. */
export function checkLexicons(): void {
  for (const lang of allLanguages()) {
    for (const type of Object.keys(lang.events.types)) {
      if (!eventType(type))
        throw new Error(
          `src/languages/${lang.code}/events.json: triggers for the event type "${type}", which src/events/types.json does not define; add its roles there or remove the triggers`,
        );
    }
  }
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

export function extractEvents(doc: Document): EventMention[] {
  const out: EventMention[] = [];
  let previous: EventMention | null = null;
  let previousParagraph = -1;
  const refs: Referents = { published: doc.published };
  const datesBySentence = groupBy(doc.dates, (d) => d.sentence);
  const entitiesBySentence = groupBy(
    doc.entities.filter((e) => e.entity),
    (e) => e.sentence,
  );
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (!lang) return;
    if (s.paragraph !== previousParagraph) previous = null;
    previousParagraph = s.paragraph;
    const lex = lang.events;
    const sentence = doc.view.slice(s.start, s.end);
    const sDates = datesBySentence.get(si) ?? [];
    const sEntities = entitiesBySentence.get(si) ?? [];
    const clauses = clausesOf(doc, s, sDates, sEntities, lang.page);
    const inherits = anyOf(lex.inherit, sentence);
    let visitInSentence: EventMention | null = null;
    const hits = findTriggers(doc, s, clauses, lex);
    const names = hits.length ? markNames(doc, sEntities, sDates, s.start, lang) : null;
    for (const hit of hits) {
      const def = eventType(hit.type);
      if (!def) continue;
      const c = hit.clause;
      const clauseText = doc.view.slice(c.start, c.end);
      const date = eventDate({
        doc,
        sentence: si,
        clause: c,
        clauses,
        trigger: hit.start,
        lex,
        def,
        sentenceText: sentence,
        inherits,
        context: visitInSentence ?? previous,
        previous,
      });
      // A plan: a modal or plan word before the trigger ("will visit", "plans to sign"), or after it
      // where the language puts it there ("визит состоится", "səfər edəcək"), within its clause. It is
      // a ledger event only when the text schedules it.
      const end = hit.start + hit.text.length;
      const before = doc.view.slice(Math.max(c.start, hit.start - 60), end);
      const after = doc.view.slice(hit.start, Math.min(c.end, end + 25));
      const planned = anyOf(lex.planned, before) || anyOf(lex.plannedAfter ?? [], after);
      if (planned && date?.source !== 'text') continue;
      const scope = hit.own ? clauses : [c];
      const byDistance = (a: { start: number }, b: { start: number }) =>
        Math.abs(a.start - hit.start) - Math.abs(b.start - hit.start) || a.start - b.start;
      const unique = <T extends { entity?: string }>(ms: T[]) => {
        const seen = new Set<string>();
        return ms.filter((m) => m.entity && !seen.has(m.entity) && seen.add(m.entity));
      };
      const near = unique([...c.entities].sort(byDistance));
      const wide = unique(scope.flatMap((k) => k.entities).sort(byDistance));
      const trigger = { start: hit.start, end: hit.start + hit.text.length };
      const slots = slotsOf(doc, names as NonNullable<typeof names>, trigger, hit.passive, !hit.own);
      const attributes: Record<string, string | number> = {};
      for (const [attr, reader] of Object.entries(def.attributes)) {
        const v = ATTRIBUTE_READERS[reader]?.(clauseText, sentence);
        if (v !== undefined && typeof v === 'object') Object.assign(attributes, v);
        else if (v !== undefined) attributes[attr] = v;
      }
      if (def.requiredAttributes.some((a) => attributes[a] === undefined)) continue;
      for (const [attr, values] of Object.entries(lex.types[hit.type]?.attributes ?? {})) {
        const found = Object.entries(values).find(([, p]) => pattern(p).test(clauseText) || pattern(p).test(sentence));
        if (found) attributes[attr] = found[0];
      }
      const sets = fillRoles(
        { doc, lex, refs, near, sentence: wide, slots, date, trigger: hit.start, clauseText, sentenceText: sentence },
        def,
      );
      for (const participants of sets) {
        const ev: EventMention = {
          type: hit.type,
          status: planned ? 'planned' : 'reported',
          participants,
          date,
          attributes: { ...attributes },
          start: s.start,
          end: s.end,
          text: sentence,
          trigger: { start: hit.start, end: hit.start + hit.text.length, text: hit.text },
          confidence: date?.source === 'text' ? 0.8 : date ? 0.6 : 0.5,
          rule: `${lang.code}/${hit.type}`,
        };
        out.push(ev);
        if (hit.type === 'visit' && !visitInSentence) visitInSentence = ev;
        if (hit.type === 'statement')
          refs.speaker = participants.find((p) => p.role === 'speaker')?.entity ?? refs.speaker;
      }
    }
    const dated = out.filter((e) => e.start === s.start && e.date);
    const last = dated.filter((e) => e.type === 'visit').pop() ?? dated.pop();
    if (last) previous = last;
    const persons = sEntities.filter((e) => e.type === 'person' && e.entity);
    if (persons.length) refs.recentPerson = persons[persons.length - 1]?.entity;
  });
  return out;
}
