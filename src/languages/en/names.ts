import type { NameClassifier } from '../../entities/runs.js';

/** The base form of an English name: without a possessive ending ("Aliyev's" → "Aliyev"). */
export function stripCaseEn(name: string): string {
  return name.replace(/['’]s?$/u, '');
}

/**
 * English names outside the gazetteer and the tagger: a run of one to three capitalised words right
 * after a person title ("President Bush", "Gen. Nhek Bunchhay", "Mr. Blair") is a person.
 */
export const classifyEn: NameClassifier = (run) => {
  if (!run.titledBefore || run.tokens.length > 3) return null;
  const texts = run.tokens.map((t) => t.text);
  if (!texts.every((t) => /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t))) return null;
  const to = texts.length - 1;
  return { type: 'person', rule: 'en/title', from: 0, to, base: stripCaseEn(texts.join(' ')) };
};
