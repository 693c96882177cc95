import type { DateMention, Document, EntityMention, Span } from '../core/document.js';
import type { PageWords } from '../languages/index.js';
import { pattern } from './patterns.js';

/**
 * A sentence cut into clauses where a new dated statement starts (", and in July 1998 …",
 * ", а в мае 1998 года …", ", 1998-ci ilin may ayında …"), so that one sentence can report several
 * events of a type, each with its own date and participants.
 */
export interface Clause extends Span {
  dates: DateMention[];
  entities: EntityMention[];
}

export function clausesOf(
  doc: Document,
  s: Span,
  dates: DateMention[],
  entities: EntityMention[],
  words: PageWords,
): Clause[] {
  const cuts = [s.start];
  const text = doc.view;
  const CONJ = pattern(`^[,;]\\s*(?:(?:${words.clauseConjunctions.join('|') || '(?!)'})\\s+)?(?:[-–]\\s*)?`);
  const LEAD = pattern(`^(?:(?:${words.clauseLeadIns.join('|') || '(?!)'})\\s+)?`);
  for (let i = s.start; i < s.end; i++) {
    const ch = text[i];
    if (ch !== ',' && ch !== ';') continue;
    const m = CONJ.exec(text.slice(i, s.end));
    if (!m) continue;
    const next = i + m[0].length;
    // Skip a short lead-in ("in", "в", "on") before the date.
    const lead = LEAD.exec(text.slice(next, s.end))?.[0].length ?? 0;
    const conjunction = m[0].replace(/[,;\s-]/g, '').length > 0;
    if (conjunction || dates.some((d) => d.start === next + lead || d.start === next)) {
      // Not inside a date ("August 22-23, 2023").
      if (!dates.some((d) => d.start < i && d.end > i)) cuts.push(i);
    }
  }
  cuts.push(s.end);
  const out: Clause[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k] as number;
    const b = cuts[k + 1] as number;
    out.push({
      start: a,
      end: b,
      dates: dates.filter((d) => d.start >= a && d.end <= b),
      entities: entities.filter((e) => e.start >= a && e.end <= b),
    });
  }
  return out;
}
