import type { NerHook } from '../../ner/tagger.js';
import { analyseRu } from './morph.js';

/**
 * Russian tagger features from Az.js: lemma, part of speech, case and OpenCorpora's proper-noun
 * grammemes (Name, Surn, Patr, Geox, Orgn…). No gazetteer feature: it did not help from NEREL to
 * FactRuEval in a trial.
 */
function morphFeatures(t: { text: string }): string[] {
  if (!/\p{Script=Cyrillic}/u.test(t.text)) return [];
  const a = analyseRu(t.text);
  return [`lemma=${a.lemma}`, `pos=${a.pos}`, `case=${a.case ?? '-'}`, ...[...a.kinds].map((k) => `k=${k}`)];
}

export const nerRu: NerHook = {
  features: () => morphFeatures,
  model: new URL('./ner.model.json', import.meta.url),
};
