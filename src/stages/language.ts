import { readFileSync } from 'node:fs';
import { francAll } from 'franc';
import { eng } from 'stopword';
import wordListPath from 'word-list';
import { type Document, report } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import azLangid from '../languages/az/langid.json' with { type: 'json' };
import azMonths from '../languages/az/months.json' with { type: 'json' };
import azStopwords from '../languages/az/stopwords.json' with { type: 'json' };
import enMonths from '../languages/en/months.json' with { type: 'json' };
import { getLanguage, supportedLanguages } from '../languages/index.js';
import ruLangid from '../languages/ru/langid.json' with { type: 'json' };

/**
 * Language per paragraph, then per document (the language covering most body characters).
 * The script decides first: franc confuses Cyrillic Russian with Azerbaijani when both are allowed, and
 * reads only its input's first 2048 characters, so it is asked per paragraph and only among the
 * languages of that script. Letters unique to one language settle short texts franc cannot.
 */
const LATIN_CANDIDATES = ['eng', 'azj', 'tur', 'uzn'];
const ISO3_TO_1: Record<string, string> = {
  eng: 'en',
  rus: 'ru',
  azj: 'az',
  ukr: 'uk',
  bul: 'bg',
  kaz: 'kk',
  bel: 'be',
  srp: 'sr',
  mkd: 'mk',
  tur: 'tr',
  uzn: 'uz',
};
const EN_STOPWORDS = new Set(eng);
// In a short Turkic-looking text, Turkish wins only when Azerbaijani scores below this share of it.
const TURKISH_MARGIN = 0.5;
const TURKISH_MARGIN_TINY = 0.3;
// A text of names alone is Azerbaijani only when its trigram score times this beats English's.
const NAMES_EN_PRIOR = 0.9;
// Azerbaijani month names are a cue too, except those spelt as in English ("may").
const AZ_STOPWORDS = new Set([
  ...azStopwords.words,
  ...Object.keys(azMonths.months).filter((m) => !(m in enMonths.months)),
]);
const TURKIC_LETTERS = /[ıİşŞçÇğĞöÖüÜəƏ]/;
const cuePattern = (patterns: string[]) => new RegExp(patterns.join('|'), 'iu');
const AZ_SPELLING = cuePattern(azLangid.azerbaijani.patterns);
const TR_SPELLING = cuePattern(azLangid.turkish.patterns);
const TR_WORDS = new Set(azLangid.turkish.words);
const RU_WORDS = new Set(ruLangid.russian.words);
const RU_SUFFIX = new RegExp(`\\p{L}(?:${ruLangid.russian.suffixes.join('|')})$`, 'u');
const RU_LONG_SUFFIX = new RegExp(`\\p{L}{3}(?:${ruLangid.russian.longSuffixes.join('|')})$`, 'u');
const BG_WORDS = new Set(ruLangid.bulgarian.words);
const BG_SPELLING = new RegExp(ruLangid.bulgarian.patterns.join('|'), 'giu');
// Uzbek writes oʻ and gʻ; with a plain apostrophe only when a letter follows that is no English clitic.
const UZBEK_LETTERS = /[og]ʻ|[og][‘'`](?!(?:s|t|d|ll|re|ve|m)(?!\p{L}))(?=\p{L})/iu;
// Letter pairs English spelling has and Azerbaijani spelling never does.
const ENGLISH_DIGRAPHS = /w|th|ou|ea|ee|oo|ck|ph|sh|ch|gh/i;

/** Up to this many lower-case words, a text is too short for trigrams to outweigh the prior. */
const SHORT_WORDS = 3;

const WORDS = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu;

/**
 * The script a text is written in, read from its lower-case words first: names and brands in another
 * script ("Как сообщает NEWSru.com, … Canon, Fujifilm") do not make Russian prose Latin.
 */
const LOWER_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu;
const lowerWords = (text: string) => text.match(LOWER_WORD) ?? [];

function scriptOf(text: string, lower = lowerWords(text)): { script: 'Latin' | 'Cyrillic' | null; share: number } {
  const count = (s: string) => {
    const cyr = s.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
    const lat = s.match(/\p{Script=Latin}/gu)?.length ?? 0;
    return { cyr, lat };
  };
  let { cyr, lat } = count(lower.join(' '));
  if (cyr + lat < 2) ({ cyr, lat } = count(text));
  if (cyr + lat < 2) return { script: null, share: 0 };
  return { script: cyr >= lat ? 'Cyrillic' : 'Latin', share: Math.max(cyr, lat) / (cyr + lat) };
}

export function identifyLanguage(text: string): { language: string; confidence: number } {
  const lower = lowerWords(text);
  const { script, share } = scriptOf(text, lower);
  if (!script) return { language: 'und', confidence: 0 };
  // Capitalised words are mostly names, which look alike in every language: only the others count.
  const short = lower.length <= SHORT_WORDS;
  // ə is written only in Azerbaijani among the Latin-script candidates.
  if (script === 'Latin' && /[əƏ]/.test(text)) return { language: 'az', confidence: round(share) };
  const only = script === 'Latin' ? latinCandidates(text, short, lower) : cyrillicCandidates(text, short);
  if (only.length === 1)
    return { language: ISO3_TO_1[only[0] as string] ?? 'und', confidence: round(share * (short ? 0.7 : 1)) };
  const ranked = francAll(text, { only, minLength: 1 });
  if (short && only.length === 2 && only.includes('tur')) {
    const az = ranked.find(([c]) => c === 'azj')?.[1] ?? 0;
    // One or two words carry almost no evidence: Azerbaijani, the supported one, needs less.
    const margin = (text.match(WORDS)?.length ?? 0) <= 2 ? TURKISH_MARGIN_TINY : TURKISH_MARGIN;
    return { language: az >= margin ? 'az' : 'tr', confidence: round(share * 0.6) };
  }
  // Proper names make English news look Turkic to trigrams: English wins a near tie with Turkish or Uzbek.
  const eng = ranked.find(([c]) => c === 'eng');
  if (eng && (ranked[0]?.[0] === 'tur' || ranked[0]?.[0] === 'uzn') && eng[1] >= (ranked[0]?.[1] ?? 0) - 0.05) {
    ranked.unshift(eng);
  }
  const best = ranked[0];
  if (!best || best[0] === 'und' || best[1] === 0) return { language: 'und', confidence: 0 };
  const second = ranked[1]?.[1] ?? 0;
  const confidence = share * Math.min(1, 0.5 + (best[1] - second)) * (short ? 0.7 : 1);
  return { language: ISO3_TO_1[best[0]] ?? best[0], confidence: round(confidence) };
}

/**
 * Latin script: English, Azerbaijani, and the Turkic languages it is confused with. Letters decide
 * first (Uzbek oʻ/gʻ; the Turkic letters), then spelling and function words, then for a short text
 * the English word list, and franc only where none of these speaks.
 */
function latinCandidates(text: string, short: boolean, lower: string[]): string[] {
  if (UZBEK_LETTERS.test(text) && !/[ıİşŞğĞ]/.test(text)) return short ? ['uzn'] : ['uzn', 'eng'];
  const words = text.match(WORDS)?.map((w) => w.toLocaleLowerCase('tr').replace(/['’]s$/, '')) ?? [];
  if (TURKIC_LETTERS.test(text)) {
    if (!short) return LATIN_CANDIDATES;
    // A short Turkic text: Azerbaijani when its spelling shows, Turkish when its spelling or function
    // words do, else Turkish only if trigrams clearly say so (see TURKISH_MARGIN).
    const az = AZ_SPELLING.test(text);
    const tr = TR_SPELLING.test(text) || words.some((w) => TR_WORDS.has(w));
    if (az !== tr) return az ? ['azj'] : ['tur'];
    return ['azj', 'tur'];
  }
  const english = words.filter((w) => EN_STOPWORDS.has(w)).length;
  const azerbaijani = words.filter((w) => AZ_STOPWORDS.has(w)).length;
  // No Turkic letter in a whole sentence: Turkish and Azerbaijani prose nearly always shows one, so
  // English function words settle it.
  if (!short) return english > azerbaijani ? ['eng'] : ['eng', 'azj', 'uzn'];
  if (english > azerbaijani || ENGLISH_DIGRAPHS.test(text)) return ['eng'];
  if (azerbaijani > english || AZ_SPELLING.test(text)) return ['azj'];
  // Lower-case words all in the English word list: English; none of them: Azerbaijani.
  const common = lower.map((w) => w.toLowerCase());
  if (common.length) {
    const known = common.filter(isEnglishWord).length;
    if (known === common.length) return ['eng'];
    if (known === 0) return ['azj'];
    return ['eng', 'azj'];
  }
  // Capitalised words alone (a dateline, a byline, a name): English words say English, Azerbaijani
  // spelling says Azerbaijani; trigrams decide the rest.
  if (words.length && words.every(isEnglishWord)) return ['eng'];
  if (AZ_SPELLING.test(text.replace(/(?<![\p{L}])[XQ]/gu, ''))) return ['azj'];
  // Names of the wider world look Turkic to trigrams ("Nairobi", "Kenya"): Azerbaijani must win clearly.
  const scores = new Map(francAll(text, { only: ['azj', 'eng'], minLength: 1 }));
  const [az, en] = [scores.get('azj') ?? 0, scores.get('eng') ?? 0];
  return az * NAMES_EN_PRIOR > en ? ['azj'] : ['eng'];
}

/**
 * Cyrillic languages are told apart first by the letters only some of them have; franc then chooses
 * among the languages the letters allow (its trigram models alone mislabel Russian news as Bulgarian,
 * Serbian or Macedonian about 30% of the time). A short text with no telling letter is Russian.
 */
function cyrillicCandidates(text: string, short: boolean): string[] {
  if (/[їєґ]/i.test(text)) return ['ukr'];
  if (/[әңөұүһ]/i.test(text)) return ['kaz'];
  if (/[ҳ]/i.test(text) || (/ў/i.test(text) && /[қғ]/i.test(text))) return ['uzn'];
  if (/[қғ]/i.test(text)) return /і/i.test(text) ? ['kaz'] : ['kaz', 'uzn'];
  if (/ў/i.test(text)) return /[іы]/i.test(text) ? ['bel'] : ['uzn'];
  if (/[јљњџ]/i.test(text)) return /[ѓќѕ]/i.test(text) ? ['mkd'] : ['srp', 'mkd'];
  if (/[ыэё]/i.test(text)) return /і/i.test(text) ? ['bel'] : ['rus'];
  if (/і/i.test(text)) return ['ukr', 'bel'];
  if (short) return ['rus'];
  // Russian and Bulgarian cues counted against each other; franc decides a tie.
  const words = text.match(WORDS)?.map((w) => w.toLowerCase()) ?? [];
  const ru = words.filter(
    (w) => RU_WORDS.has(w) || (w.length > 3 && RU_SUFFIX.test(w)) || RU_LONG_SUFFIX.test(w),
  ).length;
  const bg = words.filter((w) => BG_WORDS.has(w)).length + (text.match(BG_SPELLING)?.length ?? 0);
  if (ru > bg) return ['rus'];
  if (bg > ru) return ['bul'];
  return ['rus', 'bul'];
}

let englishWords: Set<string> | undefined;

/**
 * The English word list (sindresorhus/word-list: 274k words, no names), read on first use: only texts
 * of one to three words need it.
 */
function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return englishWords.has(word.replace(/['’]s$/, ''));
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Paragraphs of fewer words than this are too short to stand against the rest of their document. */
const SHORT_PARAGRAPH_WORDS = 5;

/**
 * A short paragraph (a dateline, a heading, a caption) in the script of the document's main language
 * but read as another takes the main language: a handful of names carries no evidence against a
 * document of prose.
 */
function smoothShortParagraphs(doc: Document, weight: Map<string, number>) {
  const main = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (!main || main === 'und') return;
  const mainScript = getLanguage(main)?.script;
  for (const p of doc.paragraphs) {
    if (p.language === main) continue;
    const text = doc.view.slice(p.start, p.end);
    if ((text.match(/\p{L}+/gu)?.length ?? 0) >= SHORT_PARAGRAPH_WORDS) continue;
    if (scriptOf(text).script !== mainScript || /[əƏ]/.test(text)) continue;
    const len = p.end - p.start;
    weight.set(p.language ?? 'und', (weight.get(p.language ?? 'und') ?? 0) - len);
    weight.set(main, (weight.get(main) ?? 0) + len);
    p.language = main;
  }
}

/** A paragraph read as another language than the given one overrides it only above this confidence. */
const OVERRIDE_CONFIDENCE = 0.6;
/** … and only when it has at least this many words: short paragraphs carry too little evidence. */
const OVERRIDE_MIN_WORDS = 4;

registerStage({
  name: 'language.v1',
  requires: ['paragraphs', 'view'],
  assigns: ['language'],
  defaults: {},
  create: () => {
    // Asked per document: a language registered after the pipeline was built counts.
    const supported = { has: (code: string) => getLanguage(code) !== undefined };
    return (doc: Document) => {
      const given = doc.meta.languageGiven;
      const weight = new Map<string, number>();
      for (const p of doc.paragraphs) {
        const text = doc.view.slice(p.start, p.end);
        const { language, confidence } = identifyLanguage(text);
        if (given && language !== given) {
          // The caller's word holds unless a paragraph clearly reads as another language; it is then
          // flagged, and extracted in its own language when that one is supported.
          const words = text.match(/\p{L}+/gu)?.length ?? 0;
          const clear = language !== 'und' && confidence >= OVERRIDE_CONFIDENCE && words >= OVERRIDE_MIN_WORDS;
          if (clear) {
            report(
              doc,
              'language.v1',
              'warning',
              'paragraph-language',
              `this paragraph reads as "${language}" (confidence ${confidence}), not the given "${given}"${supported.has(language) ? `; it is processed as "${language}"` : ''}`,
              p,
            );
          }
          p.language = clear && supported.has(language) ? language : given;
          p.languageConfidence = p.language === given ? 1 : confidence;
        } else {
          p.language = language;
          p.languageConfidence = given ? 1 : confidence;
        }
        weight.set(p.language, (weight.get(p.language) ?? 0) + (p.end - p.start));
      }
      if (given) {
        doc.language = given;
        doc.languageConfidence = 1;
        doc.languageSource = 'given';
      } else {
        smoothShortParagraphs(doc, weight);
        const total = [...weight.values()].reduce((a, b) => a + b, 0);
        const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        const top = ranked[0];
        if (!top) {
          // No body text (everything was page furniture): the label still says what the text is.
          const whole = identifyLanguage(doc.view);
          doc.language = whole.language;
          doc.languageConfidence = whole.confidence;
        } else {
          doc.language = top[0];
          const confs = doc.paragraphs.filter((p) => p.language === top[0]).map((p) => p.languageConfidence ?? 0);
          doc.languageConfidence = round((top[1] / total) * (confs.reduce((a, b) => a + b, 0) / confs.length));
        }
      }
      if (doc.language === 'und') {
        doc.messages.push({
          code: 'undetermined-language',
          message:
            'the language could not be determined; nothing was extracted (state it with a JSONL "language" field or run --language)',
          severity: 'warning',
          stage: 'language.v1',
        });
        doc.halted = true;
        return;
      }
      if (!supported.has(doc.language)) {
        doc.messages.push({
          code: 'unsupported-language',
          message: `unsupported language "${doc.language}" (supported: ${supportedLanguages().join(', ')}); the document is listed but nothing is extracted`,
          severity: 'warning',
          stage: 'language.v1',
        });
        doc.halted = true;
      }
    };
  },
});
