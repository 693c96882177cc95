import type { NameClassifier } from '../entities/runs.js';
import type { NerHook } from '../ner/tagger.js';
import { extractDatesAz } from './az/dates/index.js';
import azEntities from './az/entities.json' with { type: 'json' };
import azEvents from './az/events.json' with { type: 'json' };
import azMorphology from './az/morphology.json' with { type: 'json' };
import { classifyAz, stripCaseNameAz } from './az/names.js';
import { nerAz } from './az/ner.js';
import azTense from './az/tense.json' with { type: 'json' };
import { type RawDate, type Tense, tenseClassifier } from './common/dates.js';
import { extractDatesEn } from './en/dates/index.js';
import enEntities from './en/entities.json' with { type: 'json' };
import enEvents from './en/events.json' with { type: 'json' };
import enMorphology from './en/morphology.json' with { type: 'json' };
import { stripCaseEn } from './en/names.js';
import { nerEn } from './en/ner.js';
import enTense from './en/tense.json' with { type: 'json' };
import { extractDatesRu } from './ru/dates/index.js';
import ruEntities from './ru/entities.json' with { type: 'json' };
import ruEvents from './ru/events.json' with { type: 'json' };
import ruMorphology from './ru/morphology.json' with { type: 'json' };
import { classifyRu, stripCaseRu } from './ru/names.js';
import { nerRu } from './ru/ner.js';
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
  /** Patterns marking a sentence as a plan or expectation rather than a report. */
  planned: string[];
  /** Patterns of generic or counting statements that are not events ("made 3 visits"). */
  notEvents: string[];
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
  /** Prepositions or case endings marking roles, by role name. */
  roleCues?: Record<string, string[]>;
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
  /** The tense at a date expression of a sentence, from the nearest cue (`tense.json`), or null. */
  tense(sentence: string, index: number, length: number): Tense | null;
  morphology: Morphology;
  entities: EntityCues;
  /** Classifies runs of capitalised words the gazetteer did not name (ru, az). */
  classifyName?: NameClassifier;
  /** The base (nominative) form of a name found in text, for its canonical record. */
  stripCase(name: string, type: string): string;
  /** The trained name tagger: its features and weights (`ner.ts`, `ner.model.json`). */
  ner?: NerHook;
  events: EventLexicon;
}

/** Cues for names outside the gazetteer (data files `src/languages/<code>/entities.json`). */
export interface EntityCues {
  honorifics?: string[];
  notNames?: string[];
  personTitles?: string[];
  orgHeads?: string[];
  patronymic?: string[];
}

const LANGUAGES: LanguageModule[] = [
  {
    code: 'en',
    franc: 'eng',
    script: 'Latin',
    extractDates: extractDatesEn,
    morphology: enMorphology,
    tense: tenseClassifier(enTense),
    entities: enEntities,
    events: enEvents,
    ner: nerEn,
    stripCase: stripCaseEn,
  },
  {
    code: 'ru',
    franc: 'rus',
    script: 'Cyrillic',
    extractDates: extractDatesRu,
    morphology: ruMorphology,
    tense: tenseClassifier(ruTense),
    entities: ruEntities,
    classifyName: classifyRu,
    events: ruEvents,
    ner: nerRu,
    stripCase: stripCaseRu,
  },
  {
    code: 'az',
    franc: 'azj',
    script: 'Latin',
    extractDates: extractDatesAz,
    morphology: azMorphology,
    tense: tenseClassifier(azTense),
    entities: azEntities,
    classifyName: classifyAz,
    events: azEvents,
    ner: nerAz,
    stripCase: stripCaseNameAz,
  },
];

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));

export function getLanguage(code: string): LanguageModule | undefined {
  return byCode.get(code);
}

export function supportedLanguages(): string[] {
  return LANGUAGES.map((l) => l.code);
}
