import type { NameClassifier } from '../../entities/runs.js';

/** The base form of an English name: without a possessive ending ("Aliyev's" → "Aliyev"). */
export function stripCaseEn(name: string): string {
  return name.replace(/['’]s?$/u, '');
}

/**
 * English names outside the gazetteer and the tagger: a run of one to three capitalised words right
 * after a person title ("President Bush", "Gen. Nhek Bunchhay", "Mr. Blair") is a person, and so is one
 * that opens with a title belonging to the name ("King Hussein").
 */
export const classifyEn: NameClassifier = (run, cues) => {
  const texts = run.tokens.map((t) => t.text);
  // "King Hussein", "Pope John Paul": the title is part of the name.
  if (texts.length >= 2 && texts.length <= 4 && cues.nameTitles?.includes(texts[0] as string))
    return { type: 'person', rule: 'en/name-title', from: 0, to: texts.length - 1, base: stripCaseEn(texts.join(' ')) };
  if (!run.titledBefore || run.tokens.length > 3) return null;
  if (!texts.every((t) => /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t))) return null;
  const to = texts.length - 1;
  return { type: 'person', rule: 'en/title', from: 0, to, base: stripCaseEn(texts.join(' ')) };
};
