import nlp from 'compromise';
import type { Document, EntityMention, EntityType, Sentence } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { type Token, tokenize } from '../core/text.js';
import { GAZETTEER, matchGazetteer } from '../entities/gazetteer.js';
import { capitalisedRuns } from '../entities/runs.js';
import { type EntityCues, getLanguage, type LanguageModule } from '../languages/index.js';

/**
 * Entity mentions per sentence: gazetteer names in every language (with case endings), then
 * compromise for English names outside the gazetteer, and title/initial/patronymic/organisation cues
 * for Russian and Azerbaijani (no package in the stack does NER for them). Mentions carry the
 * gazetteer candidates; the link stage decides which record each one names.
 */

// Teach compromise the gazetteer's English names, so it tags them and parses around them correctly.
const TAGS: Record<EntityType, string> = { person: 'Person', place: 'Place', organization: 'Organization' };
const lexicon: Record<string, string> = {};
for (const r of GAZETTEER) lexicon[r.name.toLowerCase()] = TAGS[r.type];
nlp.plugin({ words: lexicon });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function sentenceOf(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function cleanEnglish(text: string, start: number, cues: EntityCues): { start: number; end: number } | null {
  let s = start;
  let t = text;
  const honorifics = [...(cues.honorifics ?? [])].sort((a, b) => b.length - a.length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const h of honorifics) {
      if (t.startsWith(`${h} `)) {
        s += h.length + 1;
        t = t.slice(h.length + 1);
        changed = true;
      }
    }
  }
  t = t.replace(/(?:['’]s?|[\s,.;:!?)"”]+)$/u, '');
  t = t.replace(/(?:['’]s?)$/u, '');
  if (!t || !/^\p{Lu}/u.test(t) || (cues.notNames ?? []).includes(t)) return null;
  return { start: s, end: s + t.length };
}

function englishNames(doc: Document, cues: EntityCues, taken: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const p of doc.paragraphs) {
    if ((p.language ?? doc.language) !== 'en') continue;
    const view = doc.view.slice(p.start, p.end);
    const d = nlp(view);
    type Matches = { json(o: { offset: boolean }): unknown };
    const groups: [EntityType, Matches][] = [
      ['person', d.people()],
      ['place', d.places()],
      ['organization', d.organizations()],
    ];
    for (const [type, view_] of groups) {
      for (const m of view_.json({ offset: true }) as {
        text: string;
        offset: { start: number; length: number };
      }[]) {
        // compromise merges comma lists of places ("Kazakhstan, Kyrgyzstan, Tajikistan"): split them.
        const pieces = m.text.split(/,\s*|\s+and\s+/);
        let cursor = p.start + m.offset.start;
        for (const piece of pieces) {
          const at = doc.view.indexOf(piece, cursor);
          if (at < 0 || !piece) continue;
          cursor = at + piece.length;
          const span = cleanEnglish(piece, at, cues);
          if (!span) continue;
          const sentence = sentenceOf(doc.sentences, span.start);
          if (sentence < 0 || taken.some((g) => overlaps(g, span)) || out.some((o) => overlaps(o, span))) continue;
          out.push({
            ...span,
            text: doc.view.slice(span.start, span.end),
            type,
            rule: 'en/compromise',
            sentence,
          });
        }
      }
    }
  }
  return out;
}

/** Names outside the gazetteer in Russian and Azerbaijani: capitalised runs, classified per language. */
function runNames(
  doc: Document,
  s: Sentence,
  si: number,
  lang: LanguageModule,
  taken: EntityMention[],
): EntityMention[] {
  const classify = lang.classifyName;
  if (!classify) return [];
  const out: EntityMention[] = [];
  const tokens = tokenize(doc.view, s.start, s.end);
  const free = (t: Token) => !taken.some((g) => overlaps(g, t));
  for (const run of capitalisedRuns(doc.view, tokens, free, lang.code, lang.entities)) {
    const guess = classify(run, lang.entities);
    if (!guess) continue;
    const first = run.tokens[guess.from] as Token;
    const last = run.tokens[guess.to] as Token;
    const start = guess.from === 0 && run.initial ? run.initial.start : first.start;
    const m: EntityMention = {
      start,
      end: last.end,
      text: doc.view.slice(start, last.end),
      type: guess.type,
      rule: guess.rule,
      sentence: si,
    };
    if (guess.from === 0 && run.initial) m.initial = run.initial.text;
    if (guess.base) m.base = guess.base;
    out.push(m);
  }
  return out;
}

export function extractEntities(doc: Document): EntityMention[] {
  const mentions: EntityMention[] = [];
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (!lang) return;
    const tokens = tokenize(doc.view, s.start, s.end);
    for (const g of matchGazetteer(doc.view, tokens, lang.morphology)) {
      const first = g.forms[0];
      if (!first) continue;
      const m: EntityMention = {
        start: g.start,
        end: g.end,
        text: doc.view.slice(g.start, g.end),
        type: first.record.type,
        rule: first.weak ? 'gazetteer/surname' : 'gazetteer',
        sentence: si,
        candidates: g.forms.map((f) => f.record.id).sort(),
      };
      if (g.case) m.case = g.case;
      if (g.initial) m.initial = g.initial;
      mentions.push(m);
    }
  });
  const gaz = [...mentions];
  const en = getLanguage('en');
  if (en && doc.paragraphs.some((p) => (p.language ?? doc.language) === 'en'))
    mentions.push(...englishNames(doc, en.entities, gaz));
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (lang) mentions.push(...runNames(doc, s, si, lang, mentions));
  });
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

registerStage({
  name: 'entities.v1',
  requires: ['sentences'],
  assigns: ['entities'],
  defaults: {},
  create: () => (doc: Document) => {
    doc.entities.push(...extractEntities(doc));
  },
});
