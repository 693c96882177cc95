import type { DateValue, Document, EntityMention, EventParticipant } from '../core/document.js';
import { gazetteerRecord, isCountryId, officeHolder } from '../entities/gazetteer.js';
import type { EventLexicon } from '../languages/index.js';
import { anyOf, pattern } from './patterns.js';
import type { EntityKind, EventTypeDef, RoleDef } from './types.js';

/**
 * Role filling from a type's role definitions (`types.json`): each role takes the names of its entity
 * kinds, ranked by the slot they stand in (`slots.ts`) in the role's order of preference, then by
 * distance from the trigger; a name fills one role of an event. Office-holders named through their
 * country ("the President of Uzbekistan") and pronouns stand for people where a role allows it.
 */
export interface Referents {
  /** The speaker of the last statement, for "I" in a quoted interview. */
  speaker?: string;
  /** The person last named before this sentence, for "he". */
  recentPerson?: string;
  published: string | null;
}

export interface RoleContext {
  doc: Document;
  lex: EventLexicon;
  refs: Referents;
  /** The clause's names, nearest the trigger first, one per entity. */
  near: EntityMention[];
  /** The sentence's names, for a required role the clause leaves empty. */
  sentence: EntityMention[];
  slots: Map<EntityMention, string>;
  date: DateValue | null;
  /** Where the trigger stands. */
  trigger: number;
  clauseText: string;
  sentenceText: string;
}

const isCountry = (m: EntityMention) => m.type === 'place' && !!m.entity && isCountryId(m.entity);
const countryOf = (id: string): string | undefined => gazetteerRecord(id)?.country;

function isKind(m: EntityMention, kind: EntityKind): boolean {
  return kind === 'country' ? isCountry(m) : m.type === kind;
}

/** The office-holder a country mention names through a title ("the President of Uzbekistan"). */
export function leaderOf(doc: Document, m: EntityMention, lex: EventLexicon, when: string | null): string | undefined {
  if (!m.entity || !isCountryId(m.entity) || !when) return undefined;
  const before = doc.view.slice(Math.max(0, m.start - 60), m.start);
  const after = doc.view.slice(m.end, m.end + 40);
  for (const [office, cues] of Object.entries(lex.leaders)) {
    const hit = anyOf(cues.before, before, 'u') || anyOf(cues.after, after, 'u');
    if (hit) {
      const person = officeHolder(office, m.entity, when);
      if (person) return person;
    }
  }
  return undefined;
}

/** The person a clause without a named person speaks of: an office-holder, then a pronoun's referent. */
function impliedPerson(ctx: RoleContext): string | undefined {
  const when = ctx.date?.value ?? ctx.refs.published;
  for (const m of ctx.near) {
    const leader = leaderOf(ctx.doc, m, ctx.lex, when);
    if (leader) return leader;
  }
  if (anyOf(ctx.lex.pronouns.first, ctx.clauseText, 'u') && ctx.refs.speaker) return ctx.refs.speaker;
  if (anyOf(ctx.lex.pronouns.third, ctx.clauseText, 'u') && ctx.refs.recentPerson) return ctx.refs.recentPerson;
  return undefined;
}

/** The two countries the document is mostly about, for "the two countries" without names. */
function mainPair(doc: Document): string[] {
  const count = new Map<string, number>();
  for (const m of doc.entities) if (isCountry(m) && m.entity) count.set(m.entity, (count.get(m.entity) ?? 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([id]) => id)
    .sort();
}

/**
 * The countries a group reference stands for ("the three", "эти три страны", "üç ölkə"): the last list
 * of that many countries named side by side before it ("Poland, Hungary and the Czech Republic").
 */
function groupReferent(ctx: RoleContext): string[] {
  const group = ctx.lex.groupAnaphora;
  const coordination = ctx.lex.slots?.coordination;
  if (!group || !coordination) return [];
  const m = pattern(group.pattern).exec(ctx.clauseText);
  const word = m?.[1]?.toLocaleLowerCase();
  const n = word ? (group.numbers[word] ?? Number(word)) : 0;
  if (!n || n < 2) return [];
  const countries = ctx.doc.entities
    .filter((e) => e.end <= ctx.trigger && isCountry(e))
    .sort((a, b) => a.start - b.start);
  let best: string[] = [];
  let run: EntityMention[] = [];
  for (const e of countries) {
    const last = run[run.length - 1];
    if (last && pattern(coordination, 'iu').test(ctx.doc.view.slice(last.end, e.start))) run.push(e);
    else run = [e];
    const ids = [...new Set(run.map((r) => r.entity as string))];
    if (ids.length === n) best = ids;
  }
  return best;
}

/** The names of a role's kinds coordinated with a name ("Трамп и Путин", "Bush and Gorbachev"). */
function coordinatedWith(ctx: RoleContext, head: EntityMention, role: RoleDef): string[] {
  const coordination = ctx.lex.slots?.coordination;
  if (!coordination) return [];
  const names = [...ctx.sentence].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  const at = names.indexOf(head);
  for (const step of [-1, 1]) {
    for (let i = at; i + step >= 0 && i + step < names.length; i += step) {
      const [x, y] = step < 0 ? [names[i + step], names[i]] : [names[i], names[i + step]];
      if (!x || !y || !pattern(coordination, 'iu').test(ctx.doc.view.slice(x.end, y.start))) break;
      const next = names[i + step] as EntityMention;
      if (role.entities.some((k) => isKind(next, k))) out.push(next.entity as string);
    }
  }
  return out;
}

/** The names that may fill a role, best first. */
function ranked(ctx: RoleContext, role: RoleDef, pool: EntityMention[], taken: EventParticipant[]): EntityMention[] {
  const when = ctx.date?.value ?? ctx.refs.published;
  const own = role.notOwnCountryOf
    ? taken
        .filter((p) => p.role === role.notOwnCountryOf)
        // The country the article ties the person to ("French Trade Minister Jean Martin") counts too.
        .map((p) => ctx.doc.entityRecords.get(p.entity)?.country ?? countryOf(p.entity) ?? p.entity)
    : [];
  const rows = pool.flatMap((m, distance) => {
    const kind = role.entities.findIndex((k) => isKind(m, k));
    if (kind < 0 || taken.some((p) => p.entity === m.entity)) return [];
    const id = m.entity as string;
    if (own.length && (own.includes(id) || own.includes(countryOf(id) ?? ''))) return [];
    if (role.notLeaderCountry && leaderOf(ctx.doc, m, ctx.lex, when)) return [];
    const marked = ctx.slots.get(m) ?? '';
    const slot = marked.replace(/~$/, '');
    const at = role.slots.indexOf(slot);
    if (at < 0 && (role.slotsOnly || slot === 'attribution')) return [];
    // A slot read off word order alone ranks just below the same slot marked by a verb or a case.
    const weak = slot !== marked ? 0.5 : 0;
    return [{ m, slot: at < 0 ? role.slots.length : at + weak, kind, distance }];
  });
  rows.sort((a, b) => a.slot - b.slot || a.kind - b.kind || a.distance - b.distance);
  // A role of several entities takes them of one kind (the countries of an agreement, not their leaders
  // beside them) and, when it spreads over several events, of one slot.
  const first = rows[0];
  if (!first) return [];
  return rows
    .filter((r) => (role.max ?? 1) === 1 || r.kind === first.kind)
    .filter((r) => !role.distribute || r.slot === first.slot)
    .map((r) => r.m);
}

/**
 * The participant sets a trigger yields for a type: usually one, one per entity of a distributed role
 * ("Estonia, Latvia and Lithuania joined" → three memberships); none when a required role stays empty.
 */
export function fillRoles(ctx: RoleContext, def: EventTypeDef): EventParticipant[][] {
  const participants: EventParticipant[] = [];
  let spread: { role: string; entities: string[] } | null = null;
  for (const role of def.roles) {
    const max = role.max ?? 1;
    let picks = ranked(ctx, role, ctx.near, participants);
    if (!picks.length && role.required) picks = ranked(ctx, role, ctx.sentence, participants);
    const ids = [...new Set(picks.map((m) => m.entity as string))].slice(0, max);
    if (role.coordinated && picks[0])
      ids.push(...coordinatedWith(ctx, picks[0], role).filter((id) => !ids.includes(id)));
    if (role.leaders) {
      const when = ctx.date?.value ?? ctx.refs.published;
      for (const m of ctx.near) {
        const leader = leaderOf(ctx.doc, m, ctx.lex, when);
        if (leader && !ids.includes(leader) && !participants.some((p) => p.entity === leader)) ids.push(leader);
      }
    }
    if (!ids.length && role.group) ids.push(...groupReferent(ctx).slice(0, max));
    if (!ids.length && role.implied) {
      const person = impliedPerson(ctx);
      if (person && !participants.some((p) => p.entity === person)) ids.push(person);
    }
    if (ids.length < 2 && (role.mainPair || (role.pairAnaphora && anyOf(ctx.lex.pairAnaphora, ctx.sentenceText)))) {
      for (const id of mainPair(ctx.doc)) if (!ids.includes(id) && ids.length < Math.max(2, max)) ids.push(id);
    }
    if (ids.length < (role.min ?? 1)) {
      if (role.required) return [];
      continue;
    }
    if (role.distribute && ids.length > 1) {
      spread = { role: role.role, entities: ids };
      continue;
    }
    const ordered = role.symmetric ? [...ids].sort() : ids;
    for (const entity of ordered) participants.push({ role: role.role, entity });
  }
  const enough = participants.some((p) => def.enoughRoles.includes(p.role));
  if (!enough && participants.length + (spread ? 1 : 0) < def.minParticipants) return [];
  if (!spread) return [participants];
  const { role, entities } = spread;
  return entities.map((entity) => [{ role, entity }, ...participants]);
}
