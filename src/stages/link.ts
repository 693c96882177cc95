import type { Document, EntityMention, EntityRecord } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { fold, matchKey } from '../core/text.js';
import { entityId, gazetteerRecord, isCountryId, lookupByKey, lookupMisspelledPerson } from '../entities/gazetteer.js';
import { conventionalOrder } from '../entities/order.js';
import { allToLatin, getLanguage } from '../languages/index.js';

/**
 * Entity normalisation: every mention becomes a canonical record (type, English-form Latin name,
 * aliases, QID where known). Gazetteer names link directly; an ambiguous surname ("Aliyev") links to
 * the person whose full name the document mentions nearest before it (and whose initial fits);
 * other names link across scripts through a transliteration match key, to the gazetteer or to a
 * fuller name in the same document, and otherwise become records of their own.
 */

/** An English-form Latin spelling of a name outside the gazetteer (every language's `toLatin` letters). */
export function latinName(surface: string): string {
  const table = allToLatin();
  return [...surface]
    .map((c) => {
      const direct = table[c];
      if (direct !== undefined) return direct;
      const lower = c.toLowerCase();
      const t = table[lower];
      if (t === undefined) return c;
      return c === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function initialFits(recordId: string, initial: string | undefined): boolean {
  if (!initial) return true;
  const i = fold(initial);
  return (gazetteerRecord(recordId)?.aliases ?? []).some((a) => fold(a).startsWith(i));
}

/**
 * Gazetteer records a name matches through its language's long forms: a country abbreviation written
 * in front of a ministry ("ABŞ-ın Ədliyyə Nazirliyi") is the country's full name there.
 */
function longFormMatches(doc: Document, m: EntityMention): string[] {
  const lang = getLanguage(doc.sentences[m.sentence]?.language ?? doc.language);
  if (!lang?.longForms) return [];
  const expand = (abbreviation: string) =>
    lookupByKey(abbreviation)
      .filter((r) => isCountryId(r.id))
      .flatMap((r) => (gazetteerRecord(r.id)?.aliases ?? []).filter((a) => /\s/u.test(a)));
  for (const form of lang.longForms(m.base ?? m.text, expand)) {
    const found = lookupByKey(form).filter((r) => r.type === 'organization');
    if (found.length) return found.map((r) => r.id);
  }
  return [];
}

export function linkEntities(doc: Document): void {
  const lastName = (m: EntityMention) => matchKey(m.text.split(/[\s.]+/).pop() ?? '');
  const use = (m: EntityMention, rec: EntityRecord) => {
    m.entity = rec.id;
    m.type = rec.type;
    const existing = doc.entityRecords.get(rec.id);
    if (!existing) doc.entityRecords.set(rec.id, { ...rec, aliases: [...rec.aliases] });
    else existing.aliases = [...new Set([...existing.aliases, ...rec.aliases])].sort();
  };
  // Full gazetteer names first, so surnames and cue names can lean on them.
  for (const m of doc.entities) {
    if (m.candidates?.length === 1 && m.rule === 'gazetteer')
      use(m, gazetteerRecord(m.candidates[0] as string) as EntityRecord);
  }
  // Full names before surnames, so that a surname written before its full name ("Обама …", then
  // "Барак Обама") still finds it.
  // Each mention's base form, worked out once: the loops below compare mentions pairwise.
  const bases = new Map<EntityMention, string>();
  const baseOf = (m: EntityMention) => {
    let b = bases.get(m);
    if (b === undefined) {
      const lang = doc.sentences[m.sentence]?.language ?? doc.language;
      b = m.base ?? getLanguage(lang)?.stripCase(m.text, m.type) ?? m.text;
      bases.set(m, b);
    }
    return b;
  };
  const singles = doc.entities.map((m) => !/\s/.test(baseOf(m).replace(/^\p{Lu}\.\s?/u, '')));
  const order = [...doc.entities.keys()].sort((a, b) => Number(singles[a]) - Number(singles[b]) || a - b);
  // Linked full names of people by their last word (as written and in base form), earliest first:
  // where a surname alone finds its full name.
  const fullNames = new Map<string, number>();
  const addFullName = (i: number) => {
    const o = doc.entities[i] as EntityMention;
    if (!o.entity || o.type !== 'person' || !o.text.includes(' ')) return;
    const keys = [
      lastName(o),
      matchKey(
        baseOf(o)
          .split(/[\s.]+/)
          .pop() ?? '',
      ),
    ];
    for (const k of keys) if ((fullNames.get(k) ?? Number.POSITIVE_INFINITY) > i) fullNames.set(k, i);
  };
  for (const i of order) if (doc.entities[i]?.entity) addFullName(i);
  for (const i of order) {
    const m = doc.entities[i] as EntityMention;
    if (m.entity) continue;
    let candidates = m.candidates ?? [];
    if (!candidates.length) candidates = lookupByKey(m.text).map((r) => r.id);
    if (!candidates.length && m.type === 'organization') candidates = longFormMatches(doc, m);
    candidates = candidates.filter((id) => initialFits(id, m.initial));
    if (candidates.length > 1) {
      // Ambiguous surname: the candidate mentioned in full nearest before this mention, else after it.
      const before = doc.entities
        .slice(0, i)
        .reverse()
        .find((o) => o.entity && candidates.includes(o.entity));
      const after = doc.entities.slice(i + 1).find((o) => o.entity && candidates.includes(o.entity));
      const pick = before?.entity ?? after?.entity;
      if (pick) candidates = [pick];
    }
    if (candidates.length === 1) {
      use(m, gazetteerRecord(candidates[0] as string) as EntityRecord);
      addFullName(i);
      continue;
    }
    const base = baseOf(m);
    // A surname-only form of a fuller name in the same document.
    if (m.type === 'person' && singles[i]) {
      const key = matchKey(base.replace(/^\p{Lu}\.\s?/u, ''));
      const at = fullNames.get(key);
      const full = at === undefined || at === i ? undefined : doc.entities[at];
      if (full?.entity) {
        const rec = doc.entityRecords.get(full.entity);
        if (rec) {
          use(m, { ...rec, aliases: [base] });
          addFullName(i);
          continue;
        }
      }
    }
    const misspelled = m.type === 'person' && /\s/.test(base) ? lookupMisspelledPerson(base) : undefined;
    if (misspelled) {
      use(m, misspelled);
      addFullName(i);
      continue;
    }
    const name = latinName(m.type === 'person' ? conventionalOrder(base) : base);
    if (!name) continue;
    use(m, { id: entityId(m.type, name), type: m.type, name, aliases: [base] });
    addFullName(i);
  }
}

/**
 * Whom a person speaks for, as the text names it: the country right before the person's title
 * ("президент США Барак Обама", "Kenya's trade minister Joseph Kamotho", "Iraq's Saddam Hussein"),
 * with nothing but title words between (no preposition, no conjunction, no punctuation). Read by the
 * merge, which counts a report naming the person and one naming the country as the same party.
 */
function affiliations(doc: Document): void {
  const bySentence = new Map<number, EntityMention[]>();
  for (const o of doc.entities) {
    const list = bySentence.get(o.sentence);
    if (list) list.push(o);
    else bySentence.set(o.sentence, [o]);
  }
  for (const m of doc.entities) {
    if (m.type !== 'person' || !m.entity) continue;
    const rec = doc.entityRecords.get(m.entity);
    if (!rec || rec.country) continue;
    const lang = getLanguage(doc.sentences[m.sentence]?.language ?? '');
    const country = (bySentence.get(m.sentence) ?? [])
      .filter((o) => o.end <= m.start && o.entity && isCountryId(o.entity))
      .pop();
    if (!country?.entity || !lang) continue;
    const between = doc.view.slice(country.end, m.start);
    const words = between.match(/[\p{L}.-]+/gu) ?? [];
    const stops = new Set([...Object.keys(lang.events.slots?.prepositions ?? {}), ...lang.page.clauseConjunctions]);
    if (words.length > 4 || /[,;:()«»"“”]/u.test(between) || words.some((w) => stops.has(w.toLocaleLowerCase())))
      continue;
    rec.country = country.entity;
  }
}

registerStage({
  name: 'link.v1',
  requires: ['entities'],
  assigns: ['entityRecords'],
  defaults: {},
  create: () => (doc: Document) => {
    linkEntities(doc);
    affiliations(doc);
  },
});
