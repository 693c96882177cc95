import nlp from 'compromise';
import type { Document, EntityMention, EntityType, Sentence } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { type Token, tokenize } from '../core/text.js';
import { GAZETTEER, matchGazetteer } from '../entities/gazetteer.js';
import { type EntityCues, getLanguage } from '../languages/index.js';

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

const CAP = /^\p{Lu}[\p{Ll}\p{M}]+(?:['’]\p{L}+)?$/u;

/** Russian and Azerbaijani names outside the gazetteer, from title, initial, patronymic and organisation cues. */
function cueNames(doc: Document, s: Sentence, si: number, cues: EntityCues, taken: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  const tokens = tokenize(doc.view, s.start, s.end);
  const free = (t: Token) => !taken.some((g) => overlaps(g, t)) && !out.some((o) => overlaps(o, t));
  const lang = s.language;
  const lower = (t: string) => t.toLocaleLowerCase(lang);
  const titles = (cues.personTitles ?? []).map((t) => new RegExp(`^${t}`, 'iu'));
  const heads = (cues.orgHeads ?? []).map((t) => new RegExp(`^${t}`, 'iu'));
  const patronymic = new RegExp(`(?:${(cues.patronymic ?? []).join('|')})\\p{L}*$`, 'iu');
  const push = (a: number, b: number, type: EntityType, rule: string) => {
    const first = tokens[a] as Token;
    const last = tokens[b] as Token;
    const m: EntityMention = {
      start: first.start,
      end: last.end,
      text: doc.view.slice(first.start, last.end),
      type,
      rule,
      sentence: si,
    };
    // An initial right before ("İ.Kərimov", "M.Arslanla") belongs to the name.
    const prev = tokens[a - 1];
    if (prev && /^\p{Lu}$/u.test(prev.text) && /^\.\s?$/.test(doc.view.slice(prev.end, first.start))) {
      m.start = prev.start;
      m.text = doc.view.slice(m.start, m.end);
      m.initial = prev.text;
    }
    out.push(m);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CAP.test(t.text) || !free(t)) continue;
    // A run of capitalised, untaken tokens separated by single spaces.
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1] as Token;
      if (!CAP.test(n.text) || !free(n) || !/^\s$/.test(doc.view.slice((tokens[j] as Token).end, n.start))) break;
      j++;
    }
    const run = tokens.slice(i, j + 1);
    const prev = tokens[i - 1];
    const prevSep = prev ? doc.view.slice(prev.end, t.start) : '';
    const afterTitle = tokens.slice(Math.max(0, i - 3), i).some((x) => titles.some((re) => re.test(lower(x.text))));
    const hasInitial = prev && /^\p{Lu}$/u.test(prev.text) && /^\.\s?$/.test(prevSep);
    const headAt = run.findIndex((x) => heads.some((re) => re.test(lower(x.text))));
    if (headAt >= 0 && lang === 'az' && headAt > 0) {
      push(i, i + headAt, 'organization', `${lang}/org-head`);
    } else if (run.some((x) => patronymic.test(x.text)) && run.length >= 2) {
      push(i, j, 'person', `${lang}/patronymic`);
    } else if (hasInitial) {
      push(i, i, 'person', `${lang}/initial`);
    } else if (afterTitle && run.length >= 1 && run.length <= 3 && i > 0) {
      push(i, j, 'person', `${lang}/title`);
    }
    i = j;
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
    if (s.language === 'en') return;
    const lang = getLanguage(s.language);
    if (lang) mentions.push(...cueNames(doc, s, si, lang.entities, mentions));
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
