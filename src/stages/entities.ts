import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document, EntityMention, EntityType, Sentence } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { startsLikeAny, type Token, tokenize } from '../core/text.js';
import { matchGazetteer } from '../entities/gazetteer.js';
import { capitalisedRuns } from '../entities/runs.js';
import { getLanguage, type LanguageModule } from '../languages/index.js';
import type { CompiledModel } from '../ner/perceptron.js';
import { loadModel, tagNames } from '../ner/tagger.js';

/**
 * Entity mentions per sentence: the language's trained tagger finds name spans and their types; the
 * gazetteer names known entities (with case endings) and gives them their candidate records. Where
 * both speak of one span, the longer one stands: a gazetteer name inside a tagged organisation
 * ("Азербайджана" in "МИД Азербайджана") gives way to it, a tagged surname inside a gazetteer full name
 * gives way to that. A language without a model falls back to its rule classifier of capitalised runs.
 * The link stage decides which record each mention names.
 */
const TYPES: Record<string, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export interface EntityOptions {
  /**
   * Languages whose name rules (`classifyName`) also run, on capitalised runs the tagger left (chosen
   * by held-out scores: they add Azerbaijani people the tagger misses, and cost Russian ones).
   */
  rules?: string[];
  /** Tagger weights per language code, in place of the language's own `ner.model.json`. */
  models?: Record<string, string>;
}

interface NameCleaner {
  /** One or more honorifics at the start of a span ("President", "Mr."), or null when the language has none. */
  honorific: RegExp | null;
  notNames: Set<string>;
  /** The text before a name inside a document's title (see EntityCues.documentTitles). */
  titleOpener: RegExp | null;
  /** A leading word that opens no name of this type. */
  opensNoName(word: string, type: EntityType): boolean;
}

const cleaners = new Map<LanguageModule, NameCleaner>();

/** The language's cues for trimming tagged spans, compiled once per language. */
function cleanerOf(lang: LanguageModule): NameCleaner {
  let c = cleaners.get(lang);
  if (c) return c;
  const escaped = [...(lang.entities.honorifics ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const titles = startsLikeAny(lang.entities.personTitles);
  const heads = startsLikeAny(lang.entities.orgHeads);
  c = {
    honorific: escaped.length ? new RegExp(`^(?:(?:${escaped.join('|')})\\.?\\s+)+`, 'u') : null,
    notNames: new Set(lang.entities.notNames ?? []),
    titleOpener: lang.entities.documentTitles ? new RegExp(lang.entities.documentTitles, 'u') : null,
    // A leading person title, or a lower-case word that is no organisation head, opens no name
    // ("визите Президента Франции" is no organisation; "мэрии Казани" is one). Title stems are
    // tried on names other than people's only: they begin first names too ("Sədrəddin").
    opensNoName: (word, type) => {
      const w = word.toLocaleLowerCase(lang.code);
      if (type !== 'person' && titles.test(w)) return true;
      return /^\p{Ll}/u.test(word) && !heads.test(w);
    },
  };
  cleaners.set(lang, c);
  return c;
}

function taggedNames(
  doc: Document,
  s: Sentence,
  si: number,
  lang: LanguageModule,
  model: CompiledModel | undefined,
): EntityMention[] {
  if (!lang.ner) return [];
  const text = doc.view.slice(s.start, s.end);
  const p = doc.paragraphs[s.paragraph];
  const within = p ? { text: doc.view.slice(p.start, p.end), offset: s.start - p.start } : undefined;
  const { honorific, notNames, opensNoName, titleOpener } = cleanerOf(lang);
  const out: EntityMention[] = [];
  for (const span of tagNames(lang.ner, text, model, within)) {
    const type = TYPES[span.type] ?? 'organization';
    // Titles before a name are not part of it ("President Jonas Kalvik", "Mr. Kalvik").
    let from = span.start;
    for (let m = honorific?.exec(text.slice(from, span.end)); m && m[0].length < span.end - from; ) {
      from += m[0].length;
      m = honorific?.exec(text.slice(from, span.end));
    }
    for (let word = /^[\p{L}\p{M}'’-]+\s+/u.exec(text.slice(from, span.end)); word; ) {
      if (!opensNoName(word[0].trim(), type)) break;
      from += word[0].length;
      word = /^[\p{L}\p{M}'’-]+\s+/u.exec(text.slice(from, span.end));
    }
    // A name ends before a parenthesis: "North Atlantic Treaty Organization (NATO)" is the name and its
    // acronym, two mentions of one entity.
    const paren = text.slice(from, span.end).search(/\s*\(/u);
    const to = paren > 0 ? from + paren : span.end;
    const surface = text.slice(from, to);
    if (notNames.has(surface) || opensNoName(surface, type)) continue;
    // A name has a capital letter somewhere ("правительство" alone is the government, no name).
    if (!/\p{Lu}/u.test(surface)) continue;
    if (!/\s/u.test(surface) && lang.commonWord?.(surface)) continue;
    if (type !== 'person' && titleOpener?.test(text.slice(Math.max(0, from - 120), from))) continue;
    const m: EntityMention = {
      start: s.start + from,
      end: s.start + to,
      text: surface,
      type,
      rule: `${lang.code}/tagger`,
      sentence: si,
    };
    // An initial before the name ("M.Arslanla", "И. Каримова") is kept apart, as the gazetteer does.
    // Not an abbreviation written with stops ("U.S.", "U.N."): an initial stands before a word.
    const initial = /^(\p{Lu})\.\s?(?=\p{Lu}\p{Ll})/u.exec(surface);
    const name = initial ? surface.slice(initial[0].length) : surface;
    if (initial?.[1]) m.initial = initial[1];
    const base = lang.stripCase(name, type);
    if (base && base !== surface) m.base = base;
    out.push(m);
  }
  return out;
}

/**
 * Gazetteer and tagger mentions of one sentence, without overlaps. A longer tagged span stands over
 * the gazetteer names inside it (an organisation named after its country or founder, "Azərbaycan
 * Respublikası" over "Azərbaycan"), except around a gazetteer person's full name that is a person too
 * or that ends it: the extra words are a title ("Prime Minister Jonas Kalvik", "the President of
 * Estonia Jonas Kalvik"); around a surname alone, the tagged name stands. Where spans cross, the
 * gazetteer's stands.
 */
function combine(view: string, gazetteer: EntityMention[], taggedSpans: EntityMention[]): EntityMention[] {
  // A gazetteer name in a case other than the genitive or nominative opens no compound name: the
  // tagger ran two names together ("Rəşad Quliyevə | Gəncə Dövlət Universitetinin"), so the tagged span
  // starts after it.
  const tagged = taggedSpans.map((t) => {
    const head = gazetteer.find(
      (g) => g.start === t.start && g.end < t.end && g.type !== t.type && g.case && !['gen', 'nom'].includes(g.case),
    );
    if (!head) return t;
    const start = head.end + (/^\s*/u.exec(view.slice(head.end, t.end))?.[0].length ?? 0);
    const { base: _base, ...rest } = t;
    return { ...rest, start, text: view.slice(start, t.end) };
  });
  const inside = (t: EntityMention, g: EntityMention) =>
    t.start <= g.start && t.end >= g.end && t.end - t.start > g.end - g.start;
  const crosses = (t: EntityMention, g: EntityMention) =>
    overlaps(t, g) && !(t.start <= g.start && t.end >= g.end) && !(g.start <= t.start && g.end >= t.end);
  // A tagged span that is nothing but gazetteer names side by side, the last no organisation ("NATO
  // Washington summit": "NATO Washington"), is those names.
  const tiled = (t: EntityMention) => {
    const parts = gazetteer.filter((g) => t.start <= g.start && g.end <= t.end).sort((a, b) => a.start - b.start);
    // An organisation's name ends with its head: "Azərbaycan Heydər Əliyev Fondu", "BMT Təhlükəsizlik
    // Şurası" are one organisation each, though both parts are known names.
    if (parts.length < 2 || parts[parts.length - 1]?.type === 'organization') return false;
    let at = t.start;
    for (const g of parts) {
      // Side by side, or joined by a hyphen or dash ("Azerbaijan-Uzbekistan relations": two countries).
      if (!/^\s*[-–—]?\s*$/u.test(view.slice(at, g.start))) return false;
      at = g.end;
    }
    return at === t.end;
  };
  const standing = tagged.filter(
    (t) =>
      !tiled(t) &&
      !gazetteer.some(
        (g) =>
          (inside(t, g) && g.type === 'person' && g.rule === 'gazetteer' && (t.type === 'person' || g.end === t.end)) ||
          crosses(t, g),
      ),
  );
  const out = gazetteer.filter((g) => !standing.some((t) => inside(t, g)));
  for (const t of standing) if (!out.some((g) => overlaps(g, t))) out.push(t);
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

export function extractEntities(doc: Document, options: EntityOptions = {}): EntityMention[] {
  const mentions: EntityMention[] = [];
  const models = new Map<string, CompiledModel>();
  const modelOf = (lang: LanguageModule) => {
    const path = options.models?.[lang.code];
    if (!path) return undefined;
    let m = models.get(lang.code);
    if (!m) {
      m = loadModel(pathToFileURL(resolve(path)));
      models.set(lang.code, m);
    }
    return m;
  };
  doc.sentences.forEach((s, si) => {
    const lang = getLanguage(s.language);
    if (!lang) return;
    const tokens = tokenize(doc.view, s.start, s.end);
    const gazetteer: EntityMention[] = [];
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
      gazetteer.push(m);
    }
    const found = lang.ner ? combine(doc.view, gazetteer, taggedNames(doc, s, si, lang, modelOf(lang))) : gazetteer;
    mentions.push(...found);
    if (!lang.ner || options.rules?.includes(lang.code)) mentions.push(...runNames(doc, s, si, lang, found));
  });
  mentions.push(...repeatedNames(doc, mentions));
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * One name, one person per article: once "President Bush" or "George Bush" is found, a later bare
 * "Bush" is the same person. For languages whose names do not inflect (`entities.json`
 * `repeatNames`); the gazetteer reads inflected forms in the others.
 */
function repeatedNames(doc: Document, found: EntityMention[]): EntityMention[] {
  const surnames = new Map<string, Set<string>>();
  for (const m of found) {
    const lang = doc.sentences[m.sentence]?.language ?? '';
    if (m.type !== 'person' || !getLanguage(lang)?.entities.repeatNames) continue;
    const last =
      m.text
        .replace(/['’]s?$/u, '')
        .split(/\s+/)
        .pop() ?? '';
    if (/^\p{Lu}\p{Ll}{2,}$/u.test(last)) surnames.set(lang, (surnames.get(lang) ?? new Set()).add(last));
  }
  if (!surnames.size) return [];
  const out: EntityMention[] = [];
  const taken = [...found].sort((a, b) => a.start - b.start);
  doc.sentences.forEach((s, si) => {
    const names = surnames.get(s.language);
    if (!names) return;
    for (const t of tokenize(doc.view, s.start, s.end)) {
      const word = t.text.replace(/['’]s?$/u, '');
      if (!names.has(word)) continue;
      const end = t.start + word.length;
      if (taken.some((m) => m.start < end && m.end > t.start)) continue;
      out.push({ start: t.start, end, text: word, type: 'person', rule: 'repeated-name', sentence: si });
    }
  });
  return out;
}

registerStage({
  name: 'entities.v1',
  requires: ['sentences'],
  assigns: ['entities'],
  defaults: {},
  create: (options: EntityOptions) => (doc: Document) => {
    doc.entities.push(...extractEntities(doc, options));
  },
});
