import { eng as enStopwords, rus as ruStopwords } from 'stopword';
import { CYRILLIC_TO_LATIN } from '../core/text.js';
import type { NameClassifier } from '../entities/runs.js';
import type { SlotCues } from '../events/slots.js';
import type { NerHook } from '../ner/tagger.js';
import azAbbreviations from './az/abbreviations.json' with { type: 'json' };
import { extractDatesAz } from './az/dates/index.js';
import azEntities from './az/entities.json' with { type: 'json' };
import azEvents from './az/events.json' with { type: 'json' };
import azMonths from './az/months.json' with { type: 'json' };
import azMorphology from './az/morphology.json' with { type: 'json' };
import { classifyAz, commonWordAz, longFormsAz, stripCaseNameAz, wordCaseAz } from './az/names.js';
import { nerAz } from './az/ner.js';
import azPage from './az/page.json' with { type: 'json' };
import azStopwords from './az/stopwords.json' with { type: 'json' };
import azTense from './az/tense.json' with { type: 'json' };
import azTransliteration from './az/transliteration.json' with { type: 'json' };
import { type RawDate, type Tense, tenseClassifier } from './common/dates.js';
import enAbbreviations from './en/abbreviations.json' with { type: 'json' };
import { extractDatesEn } from './en/dates/index.js';
import enEntities from './en/entities.json' with { type: 'json' };
import enEvents from './en/events.json' with { type: 'json' };
import enMonths from './en/months.json' with { type: 'json' };
import enMorphology from './en/morphology.json' with { type: 'json' };
import { classifyEn, stripCaseEn } from './en/names.js';
import { nerEn } from './en/ner.js';
import enPage from './en/page.json' with { type: 'json' };
import { segmentEnglish } from './en/sentences.js';
import enTense from './en/tense.json' with { type: 'json' };
import ruAbbreviations from './ru/abbreviations.json' with { type: 'json' };
import { extractDatesRu } from './ru/dates/index.js';
import ruEntities from './ru/entities.json' with { type: 'json' };
import ruEvents from './ru/events.json' with { type: 'json' };
import ruMonths from './ru/months.json' with { type: 'json' };
import { wordCaseRu } from './ru/morph.js';
import ruMorphology from './ru/morphology.json' with { type: 'json' };
import { classifyRu, commonWordRu, stripCaseRu } from './ru/names.js';
import { nerRu } from './ru/ner.js';
import ruPage from './ru/page.json' with { type: 'json' };
import ruTense from './ru/tense.json' with { type: 'json' };

/** Case endings that may follow a name's stem, and how to find the stem of a base form. */
export interface Morphology {
  stemLetters: string;
  maxStemStrip: number;
  endings: string[];
  cases: Record<string, string>;
}

/** Trigger lexicon of one language: per event type, patterns over the sentence (data, not code). */
export interface EventLexicon {
  about: string;
  /** Patterns before a trigger marking a plan or expectation rather than a report ("will", "plans to"). */
  planned: string[];
  /** The same after the trigger, where the language puts them there ("визит состоится", "edəcək"). */
  plannedAfter?: string[];
  /** Patterns of generic or counting statements that are not events ("made 3 visits"). */
  notEvents: string[];
  /** A group reference with its number ("the three", "эти три страны"): pattern (number in group 1), number words. */
  groupAnaphora?: { pattern: string; numbers: Record<string, number> };
  /** Phrases that refer to "the two countries" without naming them. */
  pairAnaphora: string[];
  /** Phrases that place an event inside the previous one ("during the visit"): it inherits its date. */
  inherit: string[];
  /** Pronouns that stand for a person: first person (the speaker of a quote) and third person. */
  pronouns: { first: string[]; third: string[] };
  /**
   * Titles that name an office-holder through a country ("the President of Uzbekistan", "Президент
   * Узбекистана", "Özbəkistan Prezidenti"): text right before or right after the country mention.
   */
  leaders: Record<string, { before: string[]; after: string[] }>;
  /** Plural or habitual trigger forms ("visits", "визиты"): an event only when their clause has a date. */
  generic: string[];
  types: Record<
    string,
    {
      triggers: string[];
      /** Further patterns the sentence must contain (an embassy is an event only when it opens). */
      requires?: string[];
      /** Attribute values read off the sentence: attribute → value → pattern. */
      attributes?: Record<string, Record<string, string>>;
    }
  >;
  /** Case endings on the common noun right after a name ("Daşkənd şəhərində" → loc), ending → case. */
  nounCaseAfterName?: Record<string, string>;
  /** How names are placed relative to a trigger: prepositions, cases, possessives (`src/events/slots.ts`). */
  slots?: SlotCues;
  /** Text right before a date that makes it the date of a reporting verb ("said on Wednesday"). */
  reportDates?: string[];
  /** Cues of an event going on at publication ("current visit", "находится с визитом"). */
  present?: string[];
  /** A denied trigger: text right before it ("had not", "не") or the trigger word's own form ("imzalanmayıb"). */
  negation?: { before: string[]; trigger: string[] };
  /** A passive trigger: text right before it ("was ") or the trigger's own form ("назначен"). */
  passive?: { before: string[]; trigger: string[] };
  /** Text before or after a name that makes it the source of the report ("according to", "сообщает"). */
  attribution?: { before: string[]; after: string[] };
  /** Text before or after a date expression that makes it a duration or validity period, not an event date. */
  notEventDates?: { before: string[]; after: string[] };
}

/**
 * A supported language: everything per-language lives in its folder (`src/languages/<code>/`),
 * the way chrono-node keeps `src/locales/<lang>`. Adding a language means adding a folder and one
 * entry here.
 */
export interface LanguageModule {
  code: string;
  /** franc's ISO 639-3 code. */
  franc: string;
  script: 'Latin' | 'Cyrillic';
  extractDates(text: string, offset: number, ref: Date): RawDate[];
  /** Month names (lower case) → month number, for publication stamps. */
  months: Record<string, number>;
  /** Abbreviations ending in a full stop that ends no sentence ("Mr.", "г.", "küç."). */
  abbreviations: string[];
  /** The language's own sentence splitter; without one (or when it returns null) ICU's is used. */
  segmentSentences?(text: string): Segment[] | null;
  /** Function words, for telling prose from page furniture. */
  stopwords: string[];
  page: PageWords;
  /** Letters → their English-form Latin spelling, for names outside the gazetteer. */
  toLatin?: Record<string, string>;
  /** The tense at a date expression of a sentence, from the nearest cue (`tense.json`), or null. */
  tense(sentence: string, index: number, length: number): Tense | null;
  morphology: Morphology;
  entities: EntityCues;
  /** Classifies runs of capitalised words the gazetteer did not name (ru, az). */
  classifyName?: NameClassifier;
  /** The base (nominative) form of a name found in text, for its canonical record. */
  stripCase(name: string, type: string): string;
  /** The grammatical case a word's form marks (nom, gen, dat, acc, ins, loc, abl), for role slots. */
  wordCase?(word: string): string | undefined;
  /** A single word the tagger may take for a name but the language's dictionary knows as no name. */
  commonWord?(word: string): boolean;
  /** Fuller spellings of a name for the gazetteer ("QR-in … Nazirliyi" → "Qazaxıstan Respublikasının … Nazirliyi"). */
  longForms?(name: string, expand: (abbreviation: string) => string[]): string[];
  /** The trained name tagger: its features and weights (`ner.ts`, `ner.model.json`). */
  ner?: NerHook;
  events: EventLexicon;
}

/** Page and clause words of a language (`page.json`). */
export interface PageWords {
  /** Labels of a header line that gives the date ("date: 2025-11-13", "Tarix: …"). */
  headerWords: string[];
  /** Labels of a publication stamp ("Published: …", "Опубликовано: …", "Dərc olunub: …"). */
  stampWords: string[];
  /** Conjunctions after a comma that start a new clause ("and", "и", "və"). */
  clauseConjunctions: string[];
  /** Short words that may stand before a clause's opening date ("in", "в"). */
  clauseLeadIns: string[];
}

/** A sentence piece of a text: where it starts and its text (as Intl.Segmenter gives them). */
export interface Segment {
  index: number;
  segment: string;
}

/** Cues for names outside the gazetteer (data files `src/languages/<code>/entities.json`). */
export interface EntityCues {
  honorifics?: string[];
  notNames?: string[];
  personTitles?: string[];
  orgHeads?: string[];
  patronymic?: string[];
  /** Titles that by convention belong to the name ("King Hussein"): kept in it. */
  nameTitles?: string[];
  /** Names do not inflect: a surname found once marks its bare repetitions in the article. */
  repeatNames?: boolean;
  /**
   * Pattern of the text before a name inside a document's title ("the Treaty on …"): such a name is
   * what the document is about, not an organisation or place of its own.
   */
  documentTitles?: string;
}

const LANGUAGES: LanguageModule[] = [
  {
    code: 'en',
    franc: 'eng',
    script: 'Latin',
    extractDates: extractDatesEn,
    months: enMonths.months,
    abbreviations: enAbbreviations.words,
    segmentSentences: segmentEnglish,
    stopwords: enStopwords,
    page: enPage,
    morphology: enMorphology,
    tense: tenseClassifier(enTense),
    entities: enEntities,
    events: enEvents,
    classifyName: classifyEn,
    ner: nerEn,
    stripCase: stripCaseEn,
  },
  {
    code: 'ru',
    franc: 'rus',
    script: 'Cyrillic',
    extractDates: extractDatesRu,
    months: ruMonths.months,
    abbreviations: ruAbbreviations.words,
    stopwords: ruStopwords,
    page: ruPage,
    toLatin: CYRILLIC_TO_LATIN,
    morphology: ruMorphology,
    tense: tenseClassifier(ruTense),
    entities: ruEntities,
    classifyName: classifyRu,
    events: ruEvents,
    ner: nerRu,
    stripCase: stripCaseRu,
    wordCase: wordCaseRu,
    commonWord: commonWordRu,
  },
  {
    code: 'az',
    franc: 'azj',
    script: 'Latin',
    extractDates: extractDatesAz,
    months: azMonths.months,
    abbreviations: azAbbreviations.words,
    stopwords: azStopwords.words,
    page: azPage,
    toLatin: azTransliteration.toLatin,
    morphology: azMorphology,
    tense: tenseClassifier(azTense),
    entities: azEntities,
    classifyName: classifyAz,
    events: azEvents,
    ner: nerAz,
    stripCase: stripCaseNameAz,
    wordCase: wordCaseAz,
    commonWord: commonWordAz,
    longForms: longFormsAz,
  },
];

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));

/**
 * Adds a language (or replaces one of the same code): the one line a new language folder needs, here
 * or from a plugin. Stages read every language through this registry.
 */
export function registerLanguage(module: LanguageModule): void {
  const at = LANGUAGES.findIndex((l) => l.code === module.code);
  if (at >= 0) LANGUAGES[at] = module;
  else LANGUAGES.push(module);
  byCode.set(module.code, module);
  merged.clear();
}

export function getLanguage(code: string): LanguageModule | undefined {
  return byCode.get(code);
}

export function supportedLanguages(): string[] {
  return LANGUAGES.map((l) => l.code);
}

export function allLanguages(): readonly LanguageModule[] {
  return LANGUAGES;
}

// Unions over every language, built once per registry state (stages ask per document).
const merged = new Map<string, unknown>();
function union<T>(key: string, build: () => T): T {
  if (!merged.has(key)) merged.set(key, build());
  return merged.get(key) as T;
}

/** Month names of every language, for stamps read before the language is known. */
export const allMonths = () =>
  union('months', () => Object.assign({}, ...LANGUAGES.map((l) => l.months)) as Record<string, number>);
/** Stop words of every language, for furniture found before the language is known. */
export const allStopwords = () =>
  union('stopwords', () => new Set(LANGUAGES.flatMap((l) => l.stopwords).map((w) => w.toLowerCase())));
/** Page words of every language, for stamps read before the language is known. */
export const allPageWords = () =>
  union('page', () => ({
    headerWords: LANGUAGES.flatMap((l) => l.page.headerWords),
    stampWords: LANGUAGES.flatMap((l) => l.page.stampWords),
  }));
/** Every language's transliteration letters. */
export const allToLatin = () =>
  union('toLatin', () => Object.assign({}, ...LANGUAGES.map((l) => l.toLatin ?? {})) as Record<string, string>);
