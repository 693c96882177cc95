import type {
  DateMention,
  DateValue,
  Document,
  EntityMention,
  EventMention,
  EventParticipant,
  Span,
} from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { gazetteerRecord, isCountryId, officeHolder } from '../entities/gazetteer.js';
import { type EventLexicon, getLanguage, type PageWords } from '../languages/index.js';
import { ONE_OFF_TYPES } from '../ledger/merge.js';

/**
 * Events per clause, from each language's trigger lexicon (`src/languages/<code>/events.json`).
 * A sentence is cut into clauses where a new dated statement starts (", and in July 1998 …",
 * ", а в мае 1998 года …", ", 1998-ci ilin may ayında …"), so one sentence can report several events
 * of a type. A clause yields an event of a type when it holds the trigger, or when the sentence holds
 * it and the clause brings its own date. Arguments come from the clause's entity mentions by role
 * cues (prepositions, grammatical case); the date is the clause's date nearest the trigger.
 */
interface Clause extends Span {
  dates: DateMention[];
  entities: EntityMention[];
}

// Lexicon patterns compiled once per source and flags: they run for every sentence of every document.
const compiled = new Map<string, RegExp>();
function pattern(source: string, flags = 'iu'): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  return r;
}

function clausesOf(
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

const isCountry = (m: EntityMention) => m.type === 'place' && !!m.entity && isCountryId(m.entity);
const countryOf = (id: string): string | undefined => gazetteerRecord(id)?.country;

function cueOf(doc: Document, m: EntityMention, lang: string): Set<string> {
  const cues = new Set<string>();
  if (m.case) cues.add(`case:${m.case}`);
  // "Daşkənd şəhərində", "Bakı şəhərinə": the case is on the common noun after the name.
  const after = getLanguage(lang)?.events.nounCaseAfterName;
  if (after) {
    const endings = Object.keys(after).sort((a, b) => b.length - a.length);
    const next = pattern(`^\\s+\\p{Ll}+?(${endings.join('|')})(?![\\p{L}])`, 'u').exec(
      doc.view.slice(m.end, m.end + 30),
    );
    const c = next?.[1] ? after[next[1]] : undefined;
    if (c) cues.add(`case:${c}`);
  }
  const before = doc.view.slice(Math.max(0, m.start - 30), m.start).toLocaleLowerCase(lang);
  const w = /([\p{L}]+)\s+(?:the\s+)?(?:(?:president|republic|city|capital)\s+(?:of\s+)?)?$/u.exec(before);
  if (w?.[1]) cues.add(w[1]);
  return cues;
}

function dateOf(d: DateMention | undefined): DateValue | null {
  if (!d) return null;
  const v: DateValue = { value: d.value, precision: d.precision };
  if (d.mod) v.mod = d.mod;
  return v;
}

function nearest<T extends Span>(items: T[], at: number): T | undefined {
  return [...items].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start)[0];
}

function uniqueEntities(ms: EntityMention[]): EntityMention[] {
  const seen = new Set<string>();
  return ms.filter((m) => m.entity && !seen.has(m.entity) && seen.add(m.entity));
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

const AMOUNT =
  /(\$|US\$)?\s?(\d+(?:[.,]\d+)?)\s*(million|billion|thousand|миллион\p{L}*|миллиард\p{L}*|млн\.?|млрд\.?|тыс\.?|milyon|milyard|min)?\s*(dollars?|долл\p{L}*|dollar|USD|euros?|евро|avro|manat\p{L}*|AZN|рубл\p{L}*)?/iu;
const SCALE: [RegExp, number][] = [
  [/^(million|миллион|млн|milyon)/iu, 1e6],
  [/^(billion|миллиард|млрд|milyard)/iu, 1e9],
  [/^(thousand|тыс|min)/iu, 1e3],
];
const CURRENCY: [RegExp, string][] = [
  [/^(\$|US\$|dollar|долл|USD)/iu, 'USD'],
  [/^(euro|евро|avro)/iu, 'EUR'],
  [/^(manat|AZN)/iu, 'AZN'],
  [/^рубл/iu, 'RUB'],
];

export function readAmount(text: string): { amount: number; currency: string } | null {
  const re = new RegExp(AMOUNT.source, 'giu');
  for (const m of text.matchAll(re)) {
    const sym = m[1] ?? '';
    const cur = m[4] ?? sym;
    if (!cur || !m[2]) continue;
    const currency = CURRENCY.find(([r]) => r.test(cur))?.[1];
    if (!currency) continue;
    const scale = SCALE.find(([r]) => r.test(m[3] ?? ''))?.[1] ?? 1;
    return { amount: Math.round(Number(m[2].replace(',', '.')) * scale), currency };
  }
  return null;
}

function title(text: string): string | undefined {
  const m = /"([^"]{8,200})"|«([^»]{8,200})»/u.exec(text);
  return m ? (m[1] ?? m[2])?.trim() : undefined;
}

/**
 * Who a clause's pronouns and titles stand for: the speaker of the last statement (for "I" in a quoted
 * interview), the person last named before this sentence (for "his"), and office-holders named by
 * title and country ("the President of Uzbekistan"), resolved at the event's date.
 */
interface Referents {
  speaker?: string;
  recentPerson?: string;
  sentence: string;
  lex: EventLexicon;
  published: string | null;
}

function leaderOf(doc: Document, m: EntityMention, refs: Referents, date: DateValue | null): string | undefined {
  if (!m.entity || !isCountryId(m.entity)) return undefined;
  const when = date?.value ?? refs.published;
  if (!when) return undefined;
  const before = doc.view.slice(Math.max(0, m.start - 60), m.start);
  const after = doc.view.slice(m.end, m.end + 40);
  for (const [office, cues] of Object.entries(refs.lex.leaders)) {
    const hit =
      cues.before.some((p) => pattern(p, 'u').test(before)) || cues.after.some((p) => pattern(p, 'u').test(after));
    if (hit) {
      const person = officeHolder(office, m.entity, when);
      if (person) return person;
    }
  }
  return undefined;
}

/** The person a clause without a named person speaks of: an office-holder, then a pronoun's referent. */
function impliedPerson(
  doc: Document,
  ents: EntityMention[],
  refs: Referents,
  date: DateValue | null,
  text: string,
): string | undefined {
  for (const m of ents) {
    const leader = leaderOf(doc, m, refs, date);
    if (leader) return leader;
  }
  if (refs.lex.pronouns.first.some((p) => pattern(p, 'u').test(text)) && refs.speaker) return refs.speaker;
  if (refs.lex.pronouns.third.some((p) => pattern(p, 'u').test(text)) && refs.recentPerson) return refs.recentPerson;
  return undefined;
}

export function extractEvents(doc: Document): EventMention[] {
  const out: EventMention[] = [];
  let previous: EventMention | null = null;
  let previousParagraph = -1;
  const refs: Referents = { sentence: '', lex: undefined as unknown as EventLexicon, published: doc.published };
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (!lang) return;
    if (s.paragraph !== previousParagraph) previous = null;
    previousParagraph = s.paragraph;
    refs.lex = lang.events;
    const lex = lang.events;
    const sentence = doc.view.slice(s.start, s.end);
    // Trigger words inside a not-an-event phrase ("made 3 visits", "mutual visits") do not count.
    const blocked: [number, number][] = [];
    for (const p of lex.notEvents) {
      for (const m of sentence.matchAll(pattern(p, 'giu'))) blocked.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
    // "During the visit", "Səfər çərçivəsində" refer back to a visit already reported: not a new one.
    const backReferences: [number, number][] = [];
    for (const p of lex.inherit) {
      for (const m of sentence.matchAll(pattern(p, 'giu'))) {
        const end = s.start + (m.index ?? 0) + m[0].length;
        // "в ходе визита Ш.Мирзиёева в Азербайджан…" names its visit: a report, not a back-reference.
        const named = doc.entities.some((e) => e.type === 'person' && e.start >= end && e.start <= end + 2);
        if (!named) backReferences.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      }
    }
    const trigger = (text: string, offset: number, patterns: string[], type = '') => {
      const spans = type === 'visit' ? [...blocked, ...backReferences] : blocked;
      for (const p of patterns) {
        for (const m of text.matchAll(pattern(p, 'giu'))) {
          const a = offset + (m.index ?? 0);
          if (!spans.some(([x, y]) => a < y && a + m[0].length > x)) return m;
        }
      }
      return null;
    };
    const planned = lex.planned.some((p) => pattern(p).test(sentence));
    const sDates = doc.dates.filter((d) => d.sentence === si);
    const sEntities = doc.entities.filter((e) => e.sentence === si && e.entity);
    const clauses = clausesOf(doc, s, sDates, sEntities, lang.page);
    const inherit = lex.inherit.some((p) => pattern(p).test(sentence));
    let visitInSentence: EventMention | null = null;
    for (const [type, def] of Object.entries(lex.types)) {
      if (def.requires && !def.requires.some((p) => pattern(p).test(sentence))) continue;
      const sentenceTrigger = trigger(sentence, 0, def.triggers, type);
      if (!sentenceTrigger) continue;
      for (const c of clauses) {
        const ctext = doc.view.slice(c.start, c.end);
        const ct = trigger(ctext, c.start - s.start, def.triggers, type);
        if (!ct && (!c.dates.length || clauses.length === 1)) continue;
        // A clause that borrows the sentence's trigger must bring its own arguments.
        const own = ct ? undefined : c;
        const trigStart = ct ? c.start + (ct.index ?? 0) : s.start + (sentenceTrigger.index ?? 0);
        const trigText = ct ? ct[0] : sentenceTrigger[0];
        // A plural or habitual trigger ("visits", "визиты") reports an event only with a date of its own.
        if (!c.dates.length && lex.generic.some((p) => pattern(p).test(ct ? ct[0] : sentenceTrigger[0]))) continue;
        const ev = buildEvent(doc, type, c, own ? [c] : clauses, s, trigStart, lang.code, lex, ctext, refs);
        if (!ev) continue;
        ev.trigger = {
          start: trigStart,
          end: trigStart + trigText.length,
          text: doc.view.slice(trigStart, trigStart + trigText.length),
        };
        if (planned) ev.status = 'planned';
        if (!ev.date && type === 'statement' && doc.published) ev.date = { value: doc.published, precision: 'day' };
        const context: EventMention | null = visitInSentence ?? previous;
        if (!ev.date && inherit && context?.date) ev.date = { ...context.date };
        if (def.attributes) {
          for (const [attr, values] of Object.entries(def.attributes)) {
            const hit = Object.entries(values).find(([, p]) => pattern(p).test(ctext) || pattern(p).test(sentence));
            if (hit) ev.attributes[attr] = hit[0];
          }
        }
        // Narrative time: an undated event in a paragraph happens when the paragraph's last event did,
        // or else at the paragraph's last date.
        if (!ev.date && !ONE_OFF_TYPES.has(type)) {
          if (previous?.date) ev.date = { ...previous.date };
          else {
            const last = doc.dates
              .filter((d) => d.sentence < si && doc.sentences[d.sentence]?.paragraph === s.paragraph)
              .pop();
            if (last) ev.date = dateOf(last);
          }
        }
        // A statement anchored to no time at all (no date, no publication date) is left out.
        if (!ev.date && type === 'statement') continue;
        ev.rule = `${lang.code}/${type}`;
        out.push(ev);
        if (type === 'visit' && !visitInSentence) visitInSentence = ev;
        if (type === 'statement')
          refs.speaker = ev.participants.find((p) => p.role === 'speaker')?.entity ?? refs.speaker;
      }
    }
    const dated = out.filter((e) => e.start === s.start && e.date);
    const lastVisit = dated.filter((e) => e.type === 'visit').pop() ?? dated.pop();
    if (lastVisit) previous = lastVisit;
    const persons = sEntities.filter((e) => e.type === 'person' && e.entity);
    if (persons.length) refs.recentPerson = persons[persons.length - 1]?.entity;
  });
  return out;
}

function buildEvent(
  doc: Document,
  type: string,
  c: Clause,
  clauses: Clause[],
  s: Span,
  trig: number,
  lang: string,
  lex: EventLexicon,
  ctext: string,
  refs: Referents,
): EventMention | null {
  const ents = uniqueEntities([...c.entities].sort((a, b) => Math.abs(a.start - trig) - Math.abs(b.start - trig)));
  const allEnts = uniqueEntities(clauses.flatMap((k) => k.entities));
  const date = dateOf(
    nearest(c.dates, trig) ??
      (clauses.length === 1
        ? undefined
        : nearest(
            clauses.flatMap((k) => k.dates),
            trig,
          )),
  );
  const participants: EventParticipant[] = [];
  const add = (role: string, m: EntityMention | undefined) => {
    if (m?.entity && !participants.some((p) => p.entity === m.entity && p.role === role))
      participants.push({ role, entity: m.entity });
  };
  const cues = lex.roleCues ?? {};
  const hasCue = (m: EntityMention, role: string) => {
    const mine = cueOf(doc, m, lang);
    return (cues[role] ?? []).some((c2) => mine.has(c2));
  };
  const sentenceText = doc.view.slice(s.start, s.end);
  const pairAnaphora = lex.pairAnaphora.some((p) => pattern(p).test(sentenceText));
  const countries = ents.filter(isCountry);
  const base: EventMention = {
    type,
    status: 'reported',
    participants,
    date,
    attributes: {},
    start: s.start,
    end: s.end,
    text: doc.view.slice(s.start, s.end),
    trigger: { start: trig, end: trig, text: '' },
    confidence: 0.5,
    rule: '',
  };
  switch (type) {
    case 'visit': {
      const named = ents.find((m) => m.type === 'person') ?? allEnts.find((m) => m.type === 'person');
      const visitorId = named?.entity ?? impliedPerson(doc, ents, refs, date, ctext);
      if (!visitorId) return null;
      participants.push({ role: 'visitor', entity: visitorId });
      const own = countryOf(visitorId);
      const places = (ents.length ? ents : allEnts).filter(
        (m) =>
          m.type === 'place' &&
          m.entity !== own &&
          countryOf(m.entity as string) !== own &&
          !leaderOf(doc, m, refs, date),
      );
      add('destination', places.find((m) => hasCue(m, 'destination')) ?? places[0]);
      if (participants.length < 2) return null;
      base.confidence = date ? 0.8 : 0.6;
      return base;
    }
    case 'diplomatic_relations':
    case 'trade': {
      const pair =
        countries.length >= 2
          ? countries.slice(0, 2).map((m) => m.entity as string)
          : pairAnaphora || countries.length < 2
            ? mainPair(doc)
            : [];
      for (const id of [...new Set(pair)].sort()) participants.push({ role: 'party', entity: id });
      if (participants.length < 2) return null;
      if (type === 'trade') {
        const amt = readAmount(ctext);
        if (!amt) return null;
        base.attributes.amount = amt.amount;
        base.attributes.currency = amt.currency;
      }
      base.confidence = date ? 0.8 : 0.5;
      return base;
    }
    case 'embassy_opening': {
      const places = ents.filter((m) => m.type === 'place');
      const host = places.find((m) => hasCue(m, 'host'));
      const sender =
        places.find((m) => m !== host && m.entity !== host?.entity && hasCue(m, 'sender')) ??
        places.find((m) => m !== host && m.entity !== host?.entity);
      if (!sender || !host) return null;
      add('sender', sender);
      add('host', host);
      base.confidence = date ? 0.8 : 0.5;
      return base;
    }
    case 'agreement': {
      const parties = countries.length ? countries : ents.filter((m) => m.type === 'person');
      for (const m of parties.slice(0, 3)) add('party', m);
      if (participants.length < 2 && pairAnaphora)
        for (const id of mainPair(doc))
          if (!participants.some((p) => p.entity === id)) participants.push({ role: 'party', entity: id });
      if (!participants.length) return null;
      const t = title(ctext) ?? title(sentenceText);
      if (t) base.attributes.title = t;
      base.confidence = t ? 0.7 : 0.5;
      return base;
    }
    case 'meeting': {
      for (const m of ents.filter((e) => e.type === 'person')) add('participant', m);
      // "met with the President of Uzbekistan": the office-holder at the meeting's date.
      for (const m of ents) {
        const leader = leaderOf(doc, m, refs, date);
        if (leader && !participants.some((p) => p.entity === leader))
          participants.push({ role: 'participant', entity: leader });
      }
      for (const m of ents.filter((e) => e.type === 'organization')) add('organization', m);
      // A meeting is of people or of an organisation; a place alone does not make one.
      if (!participants.length) return null;
      add(
        'location',
        ents.find((e) => e.type === 'place' && hasCue(e, 'location')),
      );
      return base;
    }
    case 'membership': {
      const member = countries[0];
      const org = ents.find((e) => e.type === 'organization');
      if (!member || !org) return null;
      add('member', member);
      add('organization', org);
      base.confidence = 0.7;
      return base;
    }
    case 'statement': {
      const speaker = ents.find((e) => e.type === 'person');
      if (!speaker) return null;
      add('speaker', speaker);
      add(
        'outlet',
        ents.find((e) => e.type === 'organization'),
      );
      base.confidence = 0.5;
      return base;
    }
    case 'election':
    case 'appointment': {
      const person = ents.find((e) => e.type === 'person');
      if (!person) return null;
      add('person', person);
      add(
        'place',
        ents.find((e) => e.type === 'place'),
      );
      return base;
    }
    case 'award': {
      const recipient = ents.find((e) => e.type === 'person');
      if (!recipient) return null;
      add('recipient', recipient);
      add(
        'grantor',
        ents.find((e) => e.type === 'organization'),
      );
      return base;
    }
    case 'monument': {
      const subject = ents.find((e) => e.type === 'person');
      if (!subject) return null;
      add('subject', subject);
      const places = ents.filter((e) => e.type === 'place');
      add('location', places.find((e) => hasCue(e, 'location')) ?? places[0]);
      return base;
    }
    default:
      return null;
  }
}

registerStage({
  name: 'events.v1',
  requires: ['dates', 'entityRecords'],
  assigns: ['events'],
  defaults: {},
  create: () => (doc: Document) => {
    doc.events.push(...extractEvents(doc));
  },
});
