import { francAll } from 'franc';
import type { Document } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { supportedLanguages } from '../languages/index.js';

/**
 * Language per paragraph, then per document (the language covering most body characters).
 * The script decides first: franc confuses Cyrillic Russian with Azerbaijani when both are allowed, and
 * reads only its input's first 2048 characters, so it is asked per paragraph and only among the
 * languages of that script. Letters unique to one language settle short texts franc cannot.
 */
const CANDIDATES = { Latin: ['eng', 'azj', 'tur', 'uzn'] };
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
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

export function identifyLanguage(text: string): { language: string; confidence: number } {
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  const lat = text.match(LATIN)?.length ?? 0;
  if (cyr + lat < 2) return { language: 'und', confidence: 0 };
  const script = cyr >= lat ? 'Cyrillic' : 'Latin';
  const share = Math.max(cyr, lat) / (cyr + lat);
  // ə is written only in Azerbaijani among the Latin-script candidates.
  if (script === 'Latin' && /[əƏ]/.test(text)) return { language: 'az', confidence: round(share) };
  const only = script === 'Latin' ? CANDIDATES.Latin : cyrillicCandidates(text);
  if (only.length === 1) return { language: ISO3_TO_1[only[0] as string] ?? 'und', confidence: round(share) };
  const ranked = francAll(text, { only, minLength: 3 });
  const best = ranked[0];
  if (!best || best[0] === 'und' || best[1] === 0) return { language: 'und', confidence: 0 };
  const second = ranked[1]?.[1] ?? 0;
  return { language: ISO3_TO_1[best[0]] ?? best[0], confidence: round(share * Math.min(1, 0.5 + (best[1] - second))) };
}

/**
 * Cyrillic languages are told apart first by the letters only some of them have; franc then chooses
 * among the languages the letters allow (its trigram models alone mislabel Russian news as Bulgarian,
 * Serbian or Macedonian about 30% of the time).
 */
function cyrillicCandidates(text: string): string[] {
  if (/[їєґ]/i.test(text)) return ['ukr'];
  if (/[әғқңөұүһ]/i.test(text)) return ['kaz'];
  if (/[ў]/i.test(text)) return ['bel'];
  if (/[јљњџ]/i.test(text)) return /[ѓќѕ]/i.test(text) ? ['mkd'] : ['srp', 'mkd'];
  if (/[ыэё]/i.test(text)) return /і/i.test(text) ? ['bel'] : ['rus'];
  if (/і/i.test(text)) return ['ukr', 'bel'];
  return ['rus', 'bul'];
}

const round = (x: number) => Math.round(x * 100) / 100;

registerStage({
  name: 'language.v1',
  requires: ['paragraphs', 'view'],
  assigns: ['language'],
  defaults: {},
  create: () => {
    const supported = new Set(supportedLanguages());
    return (doc: Document) => {
      const weight = new Map<string, number>();
      for (const p of doc.paragraphs) {
        const { language, confidence } = identifyLanguage(doc.view.slice(p.start, p.end));
        p.language = language;
        p.languageConfidence = confidence;
        weight.set(language, (weight.get(language) ?? 0) + (p.end - p.start));
      }
      const total = [...weight.values()].reduce((a, b) => a + b, 0);
      const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const top = ranked[0];
      if (!top || top[0] === 'und') {
        doc.language = 'und';
        doc.languageConfidence = 0;
        doc.messages.push({
          code: 'undetermined-language',
          message: 'the language could not be determined; nothing was extracted',
          severity: 'warning',
          stage: 'language.v1',
        });
        doc.halted = true;
        return;
      }
      doc.language = top[0];
      const confs = doc.paragraphs.filter((p) => p.language === top[0]).map((p) => p.languageConfidence ?? 0);
      doc.languageConfidence = round((top[1] / total) * (confs.reduce((a, b) => a + b, 0) / confs.length));
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
