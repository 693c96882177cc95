import { francAll } from 'franc';
import { eng } from 'stopword';
import { type Document, report } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import azMonths from '../languages/az/months.json' with { type: 'json' };
import azStopwords from '../languages/az/stopwords.json' with { type: 'json' };
import enMonths from '../languages/en/months.json' with { type: 'json' };
import { supportedLanguages } from '../languages/index.js';

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
// Azerbaijani spelling Turkish does not have: q and x in native words, the past participle in -ib/-ub.
const AZ_SPELLING = /q(?!u)|x|[iıuü]b(?![\p{L}])/iu;
// In a short Turkic-looking text, Turkish wins only when Azerbaijani scores below this share of it.
const TURKISH_MARGIN = 0.5;
// Azerbaijani month names are a cue too, except those spelt as in English ("may").
const AZ_STOPWORDS = new Set([
  ...azStopwords.words,
  ...Object.keys(azMonths.months).filter((m) => !(m in enMonths.months)),
]);
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** Up to this many lower-case words, a text is too short for trigrams to outweigh the prior. */
const SHORT_WORDS = 3;

export function identifyLanguage(text: string): { language: string; confidence: number } {
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  const lat = text.match(LATIN)?.length ?? 0;
  if (cyr + lat < 2) return { language: 'und', confidence: 0 };
  const script = cyr >= lat ? 'Cyrillic' : 'Latin';
  const share = Math.max(cyr, lat) / (cyr + lat);
  // Capitalised words are mostly names, which look alike in every language: only the others count.
  const short = (text.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu)?.length ?? 0) <= SHORT_WORDS;
  // ə is written only in Azerbaijani among the Latin-script candidates.
  if (script === 'Latin' && /[əƏ]/.test(text)) return { language: 'az', confidence: round(share) };
  const only = script === 'Latin' ? latinCandidates(text, short) : cyrillicCandidates(text, short);
  if (only.length === 1)
    return { language: ISO3_TO_1[only[0] as string] ?? 'und', confidence: round(share * (short ? 0.7 : 1)) };
  const ranked = francAll(text, { only, minLength: 1 });
  if (short && only.length === 2 && only.includes('tur')) {
    const az = ranked.find(([c]) => c === 'azj')?.[1] ?? 0;
    return { language: az >= TURKISH_MARGIN ? 'az' : 'tr', confidence: round(share * 0.6) };
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
 * Latin script: English, Azerbaijani, and the Turkic languages it is confused with. Two or three words
 * carry too few trigrams to tell Azerbaijani from Turkish, so short texts are read as one of the
 * supported languages unless a letter says otherwise (Uzbek oʻ/gʻ).
 */
function latinCandidates(text: string, short: boolean): string[] {
  if (/[og][ʻ‘'`]/i.test(text) && !/[ıİşŞğĞ]/.test(text)) return short ? ['uzn'] : ['uzn', 'eng'];
  if (!short) return LATIN_CANDIDATES;
  // Turkic letters in a short text: Azerbaijani when its spelling shows (q, x, the -ib past), else
  // Turkish only if trigrams clearly say so (see TURKISH_MARGIN).
  if (/[ıİşŞçÇğĞöÖüÜ]/.test(text)) return AZ_SPELLING.test(text) ? ['azj'] : ['azj', 'tur'];
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  // English function words or letter pairs Azerbaijani spelling never has; Azerbaijani q without u.
  if (words.some((w) => EN_STOPWORDS.has(w)) || /w|th|ou|ea|ee|oo|ck|ph|qu/i.test(text)) return ['eng'];
  if (words.some((w) => AZ_STOPWORDS.has(w)) || /q(?!u)/i.test(text)) return ['azj'];
  return ['eng', 'azj'];
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
  // Russian adjective and pronoun endings that Bulgarian does not have, against Bulgarian's
  // word-internal ъ and its own function words.
  const ru = /(?:ое|ая|ую|ого|его|ему|ому|ый|ий|ых|их|ие)(?![\p{L}])/iu.test(text);
  const bg = /ъ(?=\p{L})|(?<![\p{L}])(?:във|със|към|са|се|не е|че)(?![\p{L}])/iu.test(text);
  if (ru && !bg) return ['rus'];
  return ['rus', 'bul'];
}

const round = (x: number) => Math.round(x * 100) / 100;

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
    const supported = new Set(supportedLanguages());
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
          message: `unsupported language "${doc.language}" (supported: ${[...supported].join(', ')}); the document is listed but nothing is extracted`,
          severity: 'warning',
          stage: 'language.v1',
        });
        doc.halted = true;
      }
    };
  },
});
