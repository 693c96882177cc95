import { createHash } from 'node:crypto';
import type { DateValue, EntityRecord, EventMention } from '../core/document.js';
import { gazetteerRecord } from '../entities/gazetteer.js';
import { eventType, isSecondary, isSymmetric } from '../events/types.js';
import { PairMemo } from './pair-memo.js';
import type { DocumentRecord, MergeInput } from './records.js';
import { LEDGER_SCHEMA } from './schema.js';

/**
 * The ledger merge: one event per real-world event, however many documents report it.
 * Reports are linked when they have the same type, identifying attributes that do not disagree (an
 * agreement's title, a trade figure), compatible participants role by role (the same entity, or a city
 * and its country; the same set for a symmetric role such as an agreement's parties; no entity in one
 * role of one report and another role of the other) and compatible dates (one interval inside the
 * other). Events that happen once (`types.json` `once`: relations established, an embassy opened) link
 * whatever their dates. An undated report joins the one dated event it fits. Disagreements are recorded
 * in `conflicts`, each value with the documents that stated it. Events are the connected components of
 * that relation, so the result does not depend on the order documents arrive in; ids are hashes of
 * content.
 */
export interface LedgerEvent {
  id: string;
  type: string;
  status: 'reported' | 'planned';
  date: DateValue | null;
  participants: { role: string; entity: string }[];
  attributes: Record<string, string | number>;
  confidence: number;
  mentions: {
    document: string;
    start: number;
    end: number;
    text: string;
    trigger: string;
    date: DateValue | null;
  }[];
  conflicts: { field: string; values: string[]; reports: { value: string; documents: string[] }[] }[];
}

export interface Ledger {
  schema: typeof LEDGER_SCHEMA;
  documents: Pick<DocumentRecord, 'id' | 'source' | 'sha256' | 'url' | 'title' | 'language' | 'published'>[];
  entities: EntityRecord[];
  events: LedgerEvent[];
}

/** Events that happen once between the same participants (`types.json` `once`). */
const once = (type: string) => !!eventType(type)?.once;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** [first day, last day] of an ISO value, as comparable YYYYMMDD numbers; null when the year is unknown. */
const intervals = new Map<string, [number, number] | null>();

export function interval(value: string): [number, number] | null {
  const known = intervals.get(value);
  if (known !== undefined) return known;
  const parsed = parseInterval(value);
  if (intervals.size > 100_000) intervals.clear();
  intervals.set(value, parsed);
  return parsed;
}

function parseInterval(value: string): [number, number] | null {
  const parts = value.split('/');
  const lo = bound(parts[0] ?? '', false);
  const hi = bound(parts[parts.length - 1] ?? '', true);
  return lo === null || hi === null ? null : [lo, hi];
}

function bound(raw: string, upper: boolean): number | null {
  const s = raw.replace(/T.*$/, '');
  const century = /^(\d{2})XX$/.exec(s);
  if (century) return Number(century[1]) * 1e6 + (upper ? 991231 : 101);
  const decade = /^(\d{3})X$/.exec(s);
  if (decade) return Number(decade[1]) * 1e5 + (upper ? 91231 : 101);
  const ymd = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!ymd) return null;
  const y = Number(ymd[1]) * 1e4;
  if (!ymd[2]) return y + (upper ? 1231 : 101);
  if (!ymd[3]) return y + Number(ymd[2]) * 100 + (upper ? 31 : 1);
  return y + Number(ymd[2]) * 100 + Number(ymd[3]);
}

const overlap = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
const inside = (a: [number, number], b: [number, number]) => a[0] >= b[0] && a[1] <= b[1];

/**
 * The date a report states or reads from its text; a date taken only from the publication date
 * (`source: published`) says when the report was written, not when the event was, so for linking the
 * report counts as undated.
 */
const firm = (ev: EventMention): DateValue | null => (ev.date && ev.date.source !== 'published' ? ev.date : null);

function datesCompatible(a: DateValue | null, b: DateValue | null): boolean {
  if (!a || !b) return !a && !b;
  const ia = interval(a.value);
  const ib = interval(b.value);
  if (!ia || !ib) return a.value === b.value;
  return inside(ia, ib) || inside(ib, ia);
}

/**
 * The country an entity belongs to: a city's (gazetteer), or the one a person or body speaks for as the
 * documents name it ("президент США Барак Обама": `EntityRecord.country`, set by the linking stage).
 * Set for the duration of one `mergeLedger` call.
 */
let affiliation = new Map<string, string>();
const countryOf = (id: string): string | undefined => affiliation.get(id) ?? gazetteerRecord(id)?.country;

const related = (x: string, y: string) => x === y || countryOf(x) === y || countryOf(y) === x;

function participantsCompatible(a: EventMention, b: EventMention): boolean {
  const roles = new Set([...a.participants.map((p) => p.role), ...b.participants.map((p) => p.role)]);
  let shared = false;
  for (const role of roles) {
    const xa = a.participants.filter((p) => p.role === role).map((p) => p.entity);
    const xb = b.participants.filter((p) => p.role === role).map((p) => p.entity);
    if (!xa.length || !xb.length || isSecondary(a.type, role)) continue;
    if (isSymmetric(a.type, role)) {
      // A symmetric role is one set (up to cities in their countries): a report naming one party may
      // leave the others out, but two reports naming two or more must name the same ones.
      const aInB = xa.every((x) => xb.some((y) => related(x, y)));
      const bInA = xb.every((y) => xa.some((x) => related(x, y)));
      const ok = xa.length >= 2 && xb.length >= 2 ? aInB && bInA : aInB || bInA;
      if (!ok) return false;
    } else {
      // Other roles: the entities one report names are among those the other names (a report may
      // leave some out, but two meetings of different people are two meetings).
      const aInB = xa.every((x) => xb.some((y) => related(x, y)));
      const bInA = xb.every((y) => xa.some((x) => related(x, y)));
      if (!aInB && !bInA) return false;
    }
    shared = true;
  }
  // The same entity in different roles ("A visits B", "B visits A") is a different event.
  for (const pa of a.participants) {
    for (const pb of b.participants) {
      if (
        pa.role !== pb.role &&
        pa.entity === pb.entity &&
        !isSymmetric(a.type, pa.role) &&
        !isSymmetric(a.type, pb.role)
      )
        return false;
    }
  }
  return shared;
}

const words = (v: string) => new Set(v.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Identifying attributes (`types.json` `identity`) that both reports state must agree. */
function identityAgrees(a: EventMention, b: EventMention): boolean {
  for (const attr of eventType(a.type)?.identity ?? []) {
    const va = a.attributes[attr];
    const vb = b.attributes[attr];
    if (va === undefined || vb === undefined) continue;
    if (typeof va === 'number' || typeof vb === 'number') {
      if (va !== vb) return false;
      continue;
    }
    // Titles: the same words for the most part (quotes, case and word forms aside).
    const wa = words(va);
    const wb = words(vb);
    const common = [...wa].filter((w) => wb.has(w)).length;
    if (common / Math.max(1, Math.min(wa.size, wb.size)) < 0.6) return false;
  }
  return true;
}

/** Everything `linked` looks at: reports with equal signatures link to exactly the same reports. */
function signature(ev: EventMention): string {
  const parts = ev.participants.map((p) => `${p.role}=${p.entity}`).sort();
  const identity = (eventType(ev.type)?.identity ?? []).map((k) => String(ev.attributes[k] ?? '')).join('|');
  return `${ev.type}|${identity}|${ev.date?.value ?? ''}|${ev.date?.source ?? ''}|${parts.join(',')}`;
}

/** The day number (days since 1970) of a YYYYMMDD bound as `interval` gives it (day 31 of a short month clamps). */
function dayOf(bound: number): number {
  const y = Math.floor(bound / 1e4);
  const m = Math.floor((bound % 1e4) / 100);
  return Date.UTC(y, m - 1, Math.min(bound % 100, 28)) / 86_400_000;
}

// A report dated only by its publication date tells of something in the month before it.
const REPORT_WINDOW_DAYS = 31;

/**
 * Whether two reports' dates allow one event: stated dates one inside the other; a date taken from
 * the publication date fits a stated date in the month before publication, and another publication
 * date within a month of it; a report with no date fits any (the undated joins decide those).
 */
function datesFit(a: EventMention, b: EventMention): boolean {
  const fa = firm(a);
  const fb = firm(b);
  if (fa && fb) return datesCompatible(fa, fb);
  const published = (e: EventMention) => {
    const span = e.date && !firm(e) ? interval(e.date.value) : null;
    return span ? dayOf(span[0]) : null;
  };
  const pa = published(a);
  const pb = published(b);
  if (pa !== null && pb !== null) return Math.abs(pa - pb) <= REPORT_WINDOW_DAYS;
  const [pub, stated] = pa !== null ? [pa, fb] : [pb, fa];
  const span = stated ? interval(stated.value) : null;
  if (pub === null || !span) return true;
  return dayOf(span[0]) <= pub && dayOf(span[1]) >= pub - REPORT_WINDOW_DAYS;
}

function linked(a: EventMention, b: EventMention, ignoreDates = false): boolean {
  // Cheapest tests first: this runs for every pair of reports in a block.
  if (a.type !== b.type) return false;
  if (!once(a.type) && !(ignoreDates ? datesFit(a, b) : datesCompatible(firm(a), firm(b)))) return false;
  return identityAgrees(a, b) && participantsCompatible(a, b);
}

const PRECISION_RANK: Record<string, number> = {
  century: 0,
  decade: 1,
  year: 2,
  season: 3,
  month: 4,
  week: 5,
  day: 6,
  time: 7,
};

function mostFrequent<T>(items: T[], key: (t: T) => string): T | undefined {
  const counts = new Map<string, { n: number; item: T }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, item: it });
  }
  return [...counts.entries()].sort((x, y) => y[1].n - x[1].n || cmp(x[0], y[0]))[0]?.[1].item;
}

interface Candidate {
  doc: string;
  ev: EventMention;
}

function buildEvent(group: Candidate[]): LedgerEvent {
  const evs = group.map((g) => g.ev);
  const type = (evs[0] as EventMention).type;
  // The event's date from the best-sourced reports: a date the text attaches, else one read from
  // context, else the publication date.
  const rank = (d: DateValue) => (d.source === 'published' ? 0 : d.source === 'context' ? 1 : 2);
  const all = evs.filter((e) => e.date).map((e) => e.date as DateValue);
  const bestSource = Math.max(-1, ...all.map(rank));
  const dated = all.filter((d) => rank(d) === bestSource);
  const bestPrecision = Math.max(-1, ...dated.map((d) => PRECISION_RANK[d.precision] ?? 0));
  const date =
    mostFrequent(
      dated.filter((d) => (PRECISION_RANK[d.precision] ?? 0) === bestPrecision),
      (d) => `${d.value}|${d.mod ?? ''}`,
    ) ?? null;
  const roles = [...new Set(evs.flatMap((e) => e.participants.map((p) => p.role)))].sort();
  const participants: LedgerEvent['participants'] = [];
  for (const role of roles) {
    const ids = evs.flatMap((e) => e.participants.filter((p) => p.role === role).map((p) => p.entity));
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [entity] of [...counts.entries()].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0])))
      participants.push({ role, entity });
  }
  const attributes: Record<string, string | number> = {};
  for (const k of [...new Set(evs.flatMap((e) => Object.keys(e.attributes)))].sort()) {
    const v = mostFrequent(
      evs.map((e) => e.attributes[k]).filter((x) => x !== undefined) as (string | number)[],
      String,
    );
    if (v !== undefined) attributes[k] = v;
  }
  const conflicts: LedgerEvent['conflicts'] = [];
  // Disagreement among the dates the reports' texts state (not the publication dates).
  const stated = group.filter((g) => g.ev.date && g.ev.date.source !== 'published');
  const values = [...new Set(stated.map((g) => (g.ev.date as DateValue).value))].sort();
  const intervals = values.map(interval);
  const disagree = intervals.some((a, i) => intervals.some((b, j) => j > i && a && b && !overlap(a, b)));
  if (disagree) {
    const reports = values.map((value) => ({
      value,
      documents: [...new Set(stated.filter((g) => g.ev.date?.value === value).map((g) => g.doc))].sort(),
    }));
    conflicts.push({ field: 'date', values, reports });
  }
  // Secondary roles the reports disagree on (two documents naming unrelated places of one meeting).
  for (const role of roles.filter((r) => isSecondary(type, r))) {
    const byDoc = new Map<string, string[]>();
    for (const g of group)
      for (const p of g.ev.participants) if (p.role === role) byDoc.set(g.doc, [...(byDoc.get(g.doc) ?? []), p.entity]);
    const sets = [...byDoc.values()];
    const clash = sets.some((x, i) => sets.some((y, j) => j > i && !x.some((e) => y.some((f) => related(e, f)))));
    if (!clash) continue;
    const ids = [...new Set(sets.flat())].sort();
    conflicts.push({
      field: `participants.${role}`,
      values: ids,
      reports: ids.map((value) => ({
        value,
        documents: [...byDoc]
          .filter(([, es]) => es.includes(value))
          .map(([d]) => d)
          .sort(),
      })),
    });
  }
  const mentions = group
    .map(({ doc, ev }) => ({
      document: doc,
      start: ev.start,
      end: ev.end,
      text: ev.text,
      trigger: ev.trigger.text,
      date: ev.date,
    }))
    .sort((a, b) => cmp(a.document, b.document) || a.start - b.start || cmp(a.trigger, b.trigger))
    // Two clauses of one sentence reporting the same event are one mention of it.
    .filter((m, i, all) => i === 0 || m.document !== all[i - 1]?.document || m.start !== all[i - 1]?.start);
  // The id hashes what identifies the event: type, main participant per role, and (for events that can
  // recur) the year. More reports of the same event leave it unchanged.
  // Symmetric roles (the parties of relations, trade, an agreement) count with all their entities; other
  // roles by their main entity, so a city named beside its country does not change the id.
  const anchor = roles
    .map((r) =>
      isSymmetric(type, r)
        ? `${r}=${participants
            .filter((p) => p.role === r)
            .map((p) => p.entity)
            .sort()
            .join('+')}`
        : `${r}=${participants.find((p) => p.role === r)?.entity}`,
    )
    .join(',');
  const year = once(type) || !date ? '' : (date.value.match(/^\d{4}/)?.[0] ?? '');
  const identity = (eventType(type)?.identity ?? []).map((k) => String(attributes[k] ?? '')).join('|');
  const id = `ev-${hash(`${type}|${anchor}|${year}|${identity}`)}`;
  const confidence = Math.round((1 - evs.reduce((p, e) => p * (1 - e.confidence), 1)) * 100) / 100;
  return {
    id,
    type,
    status: evs.some((e) => e.status === 'reported') ? 'reported' : 'planned',
    date,
    participants,
    attributes,
    confidence,
    mentions,
    conflicts,
  };
}

export function mergeLedger<T extends MergeInput>(
  results: T[],
): { ledger: Ledger; records: (T['record'] & { events: string[] })[] } {
  const sorted = [...results].sort((a, b) => cmp(a.record.id, b.record.id));
  // An entity named by one record keeps its aliases as they are; named by more, it has the sorted
  // union of theirs. Records are shared between documents (EntityInterner): each is read once.
  const entities = new Map<string, EntityRecord>();
  const aliases = new Map<string, Set<string>>();
  const read = new Set<EntityRecord>();
  for (const r of sorted) {
    for (const e of r.entities) {
      const have = entities.get(e.id);
      if (!have) {
        entities.set(e.id, { ...e, aliases: [...e.aliases] });
        read.add(e);
        continue;
      }
      let union = aliases.get(e.id);
      if (!union) {
        union = new Set(have.aliases);
        aliases.set(e.id, union);
      }
      if (read.has(e)) continue;
      read.add(e);
      for (const a of e.aliases) union.add(a);
    }
  }
  for (const [id, union] of aliases) (entities.get(id) as EntityRecord).aliases = [...union].sort();
  // Affiliations as the documents state them; where they disagree, the most frequent (then the first
  // by id), so that the result does not depend on document order.
  const stated = new Map<string, Map<string, number>>();
  for (const r of sorted) {
    for (const e of r.entities) {
      if (!e.country || e.type === 'place') continue;
      const counts = stated.get(e.id) ?? new Map<string, number>();
      counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
      stated.set(e.id, counts);
    }
  }
  affiliation = new Map(
    [...stated].map(([id, counts]) => [
      id,
      [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] as string,
    ]),
  );
  const candidates: Candidate[] = sorted.flatMap((r) =>
    r.events
      .map((ev) => ({ doc: r.record.id, ev }))
      .sort((a, b) => a.ev.start - b.ev.start || cmp(a.ev.type, b.ev.type)),
  );
  // Whether two reports link depends only on their signature (type, identifying attributes, date,
  // participants by role): the relation is computed once per pair of signatures, and an event keeps
  // the set of its reports' signatures rather than the reports, so checking that a report fits every
  // report of an event costs the distinct signatures, not the reports (thousands of articles telling
  // one event have a handful).
  const sigIds = new Map<string, number>();
  const sigOf = candidates.map((c) => {
    const sig = signature(c.ev);
    let id = sigIds.get(sig);
    if (id === undefined) {
      id = sigIds.size;
      sigIds.set(sig, id);
    }
    return id;
  });
  const sigCount = sigIds.size;
  const sigRep: number[] = [];
  sigOf.forEach((sig, i) => {
    if (sigRep[sig] === undefined) sigRep[sig] = i;
  });
  const linkMemo = new PairMemo(sigCount * 4);
  const linkedSig = (sa: number, sb: number, ignoreDates: boolean): boolean => {
    const b = sb * 2 + (ignoreDates ? 1 : 0);
    let ok = linkMemo.get(sa, b);
    if (ok === undefined) {
      ok = linked(
        (candidates[sigRep[sa] as number] as Candidate).ev,
        (candidates[sigRep[sb] as number] as Candidate).ev,
        ignoreDates,
      );
      linkMemo.set(sa, b, ok);
    }
    return ok;
  };
  const linkedAt = (i: number, j: number, ignoreDates = false) =>
    linkedSig(sigOf[i] as number, sigOf[j] as number, ignoreDates);
  // Union-find over the "same event" relation, within each type.
  const parent = candidates.map((_, i) => i);
  const find = (start: number): number => {
    let i = start;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const sigsOfRoot = new Map<number, Set<number>>(candidates.map((_, i) => [i, new Set([sigOf[i] as number])]));
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a === b) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    parent[hi] = lo;
    const keep = sigsOfRoot.get(lo) as Set<number>;
    for (const sig of sigsOfRoot.get(hi) ?? []) keep.add(sig);
    sigsOfRoot.delete(hi);
  };
  // Reports join an event only when they fit every report it already holds: one report naming fewer
  // participants ("Obama met …") must not bridge two different events ("Obama and Kenny", "Obama and
  // Mandela's family"). Candidates are in content order (document id, offset), so the outcome does not
  // depend on the order documents arrive in.
  const fitsAll = (i: number, j: number): boolean => {
    for (const x of sigsOfRoot.get(find(i)) ?? []) {
      for (const y of sigsOfRoot.get(find(j)) ?? []) {
        const a = (candidates[sigRep[x] as number] as Candidate).ev;
        const b = (candidates[sigRep[y] as number] as Candidate).ev;
        if (!linkedSig(x, y, !firm(a) || !firm(b))) return false;
      }
    }
    return true;
  };
  const join = (i: number, j: number) => {
    if (find(i) !== find(j) && fitsAll(i, j)) union(i, j);
  };
  // Reports alike in everything `linked` looks at (the same event told by many articles) are one event
  // at once, and only one of them, the first, takes part in the pairwise comparisons below.
  const representatives: number[] = [];
  candidates.forEach((_, i) => {
    const first = sigRep[sigOf[i] as number] as number;
    if (first === i) representatives.push(i);
    else if (linkedAt(i, first)) union(i, first);
    else representatives.push(i);
  });
  // Blocking: two reports can only be one event if they share the type and a participant (a city counts
  // as its country), so each is compared only with the reports in its blocks, not with all others.
  // Events that recur are further blocked by year: compatible dates contain one another, so they share
  // a year; undated reports only link with undated ones. Wide dates (a decade, a century) join every
  // year block of their entity.
  const blocks = new Map<string, number[]>();
  const wide = new Map<string, number[]>();
  const datedByKey = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, k: string, i: number) => {
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  for (const i of representatives) {
    const c = candidates[i] as Candidate;
    const keys = new Set(c.ev.participants.map((p) => `${c.ev.type}|${countryOf(p.entity) ?? p.entity}`));
    const date = firm(c.ev);
    const span = date ? interval(date.value) : null;
    for (const k of keys) {
      if (date) push(datedByKey, k, i);
      if (once(c.ev.type)) push(blocks, k, i);
      else if (!date) push(blocks, `${k}|undated`, i);
      else if (!span || Math.floor(span[1] / 1e4) - Math.floor(span[0] / 1e4) > 3) push(wide, k, i);
      else for (let y = Math.floor(span[0] / 1e4); y <= Math.floor(span[1] / 1e4); y++) push(blocks, `${k}|${y}`, i);
    }
  }
  for (const [k, idxs] of wide) {
    const years = [...blocks.keys()].filter((b) => b.startsWith(`${k}|`) && !b.endsWith('|undated'));
    const all = [...new Set([...idxs, ...years.flatMap((b) => blocks.get(b) ?? [])])].sort((a, b) => a - b);
    blocks.set(`${k}|wide`, all);
  }
  for (const idxs of blocks.values()) {
    for (let x = 0; x < idxs.length; x++) {
      for (let y = x + 1; y < idxs.length; y++) {
        const i = idxs[x] as number;
        const j = idxs[y] as number;
        // Already one event: nothing to learn from comparing them (the relation's components are the same).
        if (find(i) === find(j)) continue;
        if (linkedAt(i, j)) join(i, j);
      }
    }
  }
  // Within a document, an undated report of an event that the same document also reports with a date
  // ("после избрания Ш.Мирзиёева…", then "с избранием в 2016 году Ш.Мирзиёева…") is one more mention
  // of it, when exactly one dated event fits.
  const byDoc = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const list = byDoc.get(c.doc);
    if (list) list.push(i);
    else byDoc.set(c.doc, [i]);
  });
  for (const idxs of byDoc.values()) {
    for (const i of idxs) {
      const c = candidates[i] as Candidate;
      if (firm(c.ev)) continue;
      const roots = new Set<number>();
      for (const j of idxs) {
        const d = candidates[j] as Candidate;
        if (firm(d.ev) && d.ev.type === c.ev.type && participantsCompatible(c.ev, d.ev)) roots.add(find(j));
      }
      if (roots.size === 1) join(i, [...roots][0] as number);
    }
  }
  // Across documents, an undated report (with the undated reports linked to it) joins the one dated
  // event it fits; fitting two or more, it stays apart. The dated events are fixed before any joins, so
  // the outcome does not depend on order.
  const datedRoot = new Map<number, boolean>();
  candidates.forEach((c, i) => {
    if (firm(c.ev)) datedRoot.set(find(i), true);
  });
  const fits = new Map<number, Set<number>>();
  for (const i of representatives) {
    const c = candidates[i] as Candidate;
    if (firm(c.ev) || once(c.ev.type) || datedRoot.has(find(i))) continue;
    const fit = fits.get(find(i)) ?? new Set<number>();
    fits.set(find(i), fit);
    for (const p of c.ev.participants) {
      for (const j of datedByKey.get(`${c.ev.type}|${countryOf(p.entity) ?? p.entity}`) ?? []) {
        if (linkedAt(i, j, true)) fit.add(find(j));
      }
    }
  }
  for (const [root, fit] of fits) if (fit.size === 1) join(root, [...fit][0] as number);
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(c);
    else groups.set(root, [c]);
  });
  const events = [...groups.values()].map(buildEvent);
  // Two distinct events with the same identifying content (e.g. two undated visits of the same people)
  // get their first mention appended to the id, which is content too.
  const seen = new Map<string, number>();
  for (const e of events) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  for (const e of events) {
    if ((seen.get(e.id) ?? 0) > 1) {
      const m = e.mentions[0];
      e.id = `${e.id}-${hash(`${m?.document}:${m?.start}`).slice(0, 6)}`;
    }
  }
  events.sort((a, b) => {
    const da = a.date ? (interval(a.date.value)?.[0] ?? 99999999) : 99999999;
    const db = b.date ? (interval(b.date.value)?.[0] ?? 99999999) : 99999999;
    return da - db || cmp(a.type, b.type) || cmp(a.id, b.id);
  });
  const eventsByDoc = new Map<string, Set<string>>();
  for (const e of events)
    for (const m of e.mentions) eventsByDoc.set(m.document, (eventsByDoc.get(m.document) ?? new Set()).add(e.id));
  const records = sorted.map((r) => ({
    ...r.record,
    events: [...(eventsByDoc.get(r.record.id) ?? [])].sort(),
  }));
  const used = new Set(records.flatMap((r) => r.entities.map((e) => e.entity)));
  const ledger: Ledger = {
    schema: LEDGER_SCHEMA,
    documents: records.map((r) => ({
      id: r.id,
      source: r.source,
      sha256: r.sha256,
      ...(r.url !== undefined ? { url: r.url } : {}),
      ...(r.title !== undefined ? { title: r.title } : {}),
      language: r.language,
      published: r.published,
    })),
    entities: [...entities.values()].filter((e) => used.has(e.id)).sort((a, b) => cmp(a.id, b.id)),
    events,
  };
  return { ledger, records };
}
