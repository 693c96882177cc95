import { cueFeatures } from '../../ner/cues.js';
import { isPersonName } from '../../ner/people-names.js';
import type { NerHook } from '../../ner/tagger.js';
import entities from './entities.json' with { type: 'json' };
import { analyseRu } from './morph.js';

/**
 * Russian tagger features from Az.js: lemma, part of speech, case and OpenCorpora's proper-noun
 * grammemes (Name, Surn, Patr, Geox, Orgn…), and the name cues of `entities.json`. No gazetteer feature: it did not help from NEREL to
 * FactRuEval in a trial.
 */
function morphFeatures(t: { text: string }): string[] {
  if (!/\p{Script=Cyrillic}/u.test(t.text)) return [];
  const a = analyseRu(t.text);
  const f = [`lemma=${a.lemma}`, `pos=${a.pos}`, `case=${a.case ?? '-'}`, ...[...a.kinds].map((k) => `k=${k}`)];
  if (isPersonName(t.text, a.nameLemma)) f.push('pname');
  return f;
}

const cues = cueFeatures(entities, 'ru');

export const nerRu: NerHook = {
  features: (_text, tokens) => {
    const cue = cues(tokens);
    return (t, i) => [...morphFeatures(t), ...cue(t, i)];
  },
  model: new URL('./ner.model.json', import.meta.url),
};
