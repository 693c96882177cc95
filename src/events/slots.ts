import type { Document, EntityMention } from '../core/document.js';
import type { LanguageModule } from '../languages/index.js';
import { anyOf, pattern } from './patterns.js';

/**
 * The syntactic slot each name of a sentence stands in relative to a trigger, from what the language
 * marks (its `events.json` `slots`): a preposition before the name, read through titles and articles
 * ("visit to the Republic of Uzbekistan" → goal), the case the name's form is in ("в Китай" → goal,
 * "в Китае" → location, "Əliyevin" → possessor, "Azərbaycana" → goal), a possessive after it
 * ("Finland's membership" → possessor), a postposition ("Lavrov ilə" → comitative), and, with none of
 * these, its place: before the trigger is the subject, after it the object. A name coordinated with the
 * one before it ("Estonia, Latvia and Lithuania") shares that one's slot.
 *
 * A slot read off word order alone carries a '~' ("subject~"): it fills the same roles, ranked below
 * names whose slot a verb, a preposition or a case marks.
 *
 * Slots: subject, object, possessor (of the trigger itself), genitive (of another noun), goal, location,
 * source, comitative, agent; and attribution, the
 * source of the report, which fills no role unless a role asks for it. The subject of a passive
 * trigger is its object.
 */
export interface SlotCues {
  /** Preposition → slot, or → case → slot (`default` for any other case). */
  prepositions?: Record<string, string | Record<string, string>>;
  /** Pattern of a word that may stand between a preposition and the name ("the", "president", "city"). */
  transparent?: string;
  /** Pattern right after a name that makes it a possessor ("'s"). */
  possessive?: string;
  /** Word right after the name → slot ("ilə" → comitative, "tərəfindən" → agent). */
  postpositions?: Record<string, string>;
  /** Case of a name without a preposition → slot. */
  cases?: Record<string, string>;
  /** Which word of a name carries its case: the first (Russian heads) or the last (Azerbaijani suffixes). */
  caseWord?: string;
  /** Text after a name that makes it the subject of a verb ("Saddam said", "Castro, the leader, told"). */
  subject?: string;
  /** The text between two names that coordinates them (", ", " and ", " и "). */
  coordination?: string;
}

const WORD = /[\p{L}\p{M}'’-]+|[^\s\p{L}\p{M}]/gu;

function caseOf(doc: Document, m: EntityMention, lang: LanguageModule): string | undefined {
  if (m.case) return m.case;
  // "Daşkənd şəhərində": the case is on the common noun after the name.
  const after = lang.events.nounCaseAfterName;
  if (after) {
    const endings = Object.keys(after).sort((a, b) => b.length - a.length);
    const next = pattern(`^\\s+\\p{Ll}+?(${endings.join('|')})(?![\\p{L}])`, 'u').exec(
      doc.view.slice(m.end, m.end + 30),
    );
    const c = next?.[1] ? after[next[1]] : undefined;
    if (c) return c;
  }
  if (!lang.wordCase) return undefined;
  const words = m.text.split(/\s+/).filter(Boolean);
  const word = lang.events.slots?.caseWord === 'first' ? words[0] : words[words.length - 1];
  return word ? lang.wordCase(word) : undefined;
}

/** The preposition governing a name: the nearest word before it, past titles and articles. */
function prepositionOf(doc: Document, m: EntityMention, from: number, cues: SlotCues): string | undefined {
  const before = doc.view.slice(Math.max(from, m.start - 60), m.start);
  const words = before.match(WORD) ?? [];
  const transparent = cues.transparent ? pattern(cues.transparent, 'iu') : null;
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 5; i--, seen++) {
    const w = (words[i] as string).toLocaleLowerCase();
    if (cues.prepositions && Object.hasOwn(cues.prepositions, w)) return w;
    const capitalised = /^\p{Lu}/u.test(words[i] as string);
    if (!transparent?.test(w) && !capitalised) return undefined;
  }
  return undefined;
}

/** Whether a name is the source of the report ("according to Reuters", "сообщает РБК", "Trend reports"). */
function isAttribution(doc: Document, m: EntityMention, lang: LanguageModule): boolean {
  const cues = lang.events.attribution;
  if (!cues) return false;
  const before = doc.view.slice(Math.max(0, m.start - 40), m.start);
  const after = doc.view.slice(m.end, m.end + 40);
  return anyOf(cues.before, before) || anyOf(cues.after, after);
}

/** What a sentence's names carry whatever the trigger: the slot their own marks give, if any. */
export interface MarkedNames {
  /** The sentence's names in text order. */
  names: EntityMention[];
  /** The slot a preposition, case, possessive, postposition or verb gives a name; attribution. */
  marked: Map<EntityMention, string | undefined>;
  /** The name is coordinated with the one before it ("Estonia, Latvia and Lithuania"). */
  coordinated: Set<EntityMention>;
  /** Dates and names of the sentence, for measuring the words between a name and a trigger. */
  spans: { start: number; end: number }[];
}

/** The trigger-independent part of slot assignment, worked out once per sentence. */
export function markNames(
  doc: Document,
  entities: EntityMention[],
  dates: { start: number; end: number }[],
  from: number,
  lang: LanguageModule,
): MarkedNames {
  const cues = lang.events.slots ?? {};
  const names = [...entities].sort((a, b) => a.start - b.start);
  const marked = new Map<EntityMention, string | undefined>();
  const coordinated = new Set<EntityMention>();
  const governed = new Set<EntityMention>();
  let previous: EntityMention | undefined;
  for (const m of names) {
    let slot: string | undefined;
    const c = caseOf(doc, m, lang);
    // The preposition is looked for after the name before: it governs that one otherwise.
    const prep = prepositionOf(doc, m, Math.max(from, previous?.end ?? from), cues);
    if (prep) {
      const rule = cues.prepositions?.[prep];
      slot = typeof rule === 'string' ? rule : rule ? (rule[c ?? ''] ?? rule.default) : undefined;
    }
    // A name after another with only capitalised title words between shares its preposition
    // ("the visit of French Trade Minister Jean Martin").
    if (
      !slot &&
      previous &&
      governed.has(previous) &&
      /^(?:\s+\p{Lu}[\p{L}.-]*)+\s+$/u.test(doc.view.slice(previous.end, m.start))
    )
      slot = marked.get(previous);
    if (prep && slot) governed.add(m);
    const after = doc.view.slice(m.end, m.end + 20);
    if (!slot && cues.possessive && pattern(cues.possessive, 'u').test(after)) slot = 'possessor';
    if (!slot && cues.postpositions) {
      const next = /^\s*([\p{L}]+)/u.exec(after)?.[1]?.toLocaleLowerCase();
      if (next && Object.hasOwn(cues.postpositions, next)) slot = cues.postpositions[next];
    }
    if (!slot && c && cues.cases?.[c]) slot = cues.cases[c];
    if (!slot && cues.subject && pattern(cues.subject, 'u').test(doc.view.slice(m.end, m.end + 120))) slot = 'subject';
    if (isAttribution(doc, m, lang)) slot = 'attribution';
    marked.set(m, slot);
    if (previous && cues.coordination && pattern(cues.coordination, 'iu').test(doc.view.slice(previous.end, m.start)))
      coordinated.add(m);
    previous = m;
  }
  return { names, marked, coordinated, spans: [...names, ...dates] };
}

/** Each name's slot relative to one trigger. */
export function slotsOf(
  doc: Document,
  names: MarkedNames,
  trigger: { start: number; end: number },
  passive = false,
  /** The clause borrows its trigger from another clause ("1996-cı ildə A-nın B-də, 1998-ci ildə …
   * səfirlikləri açılıb"): a genitive there is the ellipted trigger's possessor wherever it stands. */
  borrowed = false,
): Map<EntityMention, string> {
  const out = new Map<EntityMention, string>();
  let previous: EntityMention | undefined;
  for (const m of names.names) {
    const positional = m.start < trigger.start ? 'subject' : 'object';
    let slot = names.marked.get(m);
    // Coordinated with the name before it: the same slot, unless this one is marked itself.
    if (!slot && previous && names.coordinated.has(m)) slot = out.get(previous);
    // A possessor is the trigger's own ("Blair's current visit", "визит Путина", "visit of the
    // President"): a few words from it, nothing but words between. Elsewhere a genitive belongs to
    // another noun ("the broadcast of CNN", "семьей Нельсона Манделы").
    if (slot === 'possessor' && !borrowed) {
      const [a, b] = m.end <= trigger.start ? [m.end, trigger.start] : [trigger.end, m.start];
      // Names and dates between do not count ("Kərimovun Azərbaycana 26-27 may 1996-cı il tarixdə ilk
      // rəsmi səfəri"): only the other words do.
      let gap = doc.view.slice(a, b);
      for (const x of names.spans.filter((x) => x.start >= a && x.end <= b).sort((p, q) => q.start - p.start))
        gap = gap.slice(0, x.start - a) + gap.slice(x.end - a);
      const words = gap.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0;
      // After the trigger, a name between takes the "of" phrase ("a letter to President Rafsanjani
      // of Iran") unless only title words join them ("of French Trade Minister Jean Martin");
      // before it, a genitive may stand apart from its noun ("Kərimovun Azərbaycana … səfəri").
      const between =
        m.start >= trigger.end &&
        names.names.some(
          (o) => o !== m && o.start >= a && o.end <= b && /(?<![\p{L}])\p{Ll}/u.test(doc.view.slice(o.end, m.start)),
        );
      if (m.start < trigger.end && m.end > trigger.start) slot = 'possessor';
      else if (between || words > 3 || /[,;:.()«»"“”]/u.test(gap)) slot = 'genitive';
    }
    // The subject of a passive trigger is what the action is done to ("Shah was appointed").
    if (passive && slot === 'subject') slot = 'object';
    const order = passive && positional === 'subject' ? 'object' : positional;
    // A slot read off word order alone is marked '~': a name a verb or case marks outranks it.
    out.set(m, slot ?? `${order}~`);
    previous = m;
  }
  return out;
}
