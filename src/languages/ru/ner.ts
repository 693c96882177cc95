import { detached } from '../../core/text.js';
import { withCues } from '../../ner/cues.js';
import { isPersonName } from '../../ner/people-names.js';
import type { NerHook } from '../../ner/tagger.js';
import entities from './entities.json' with { type: 'json' };
import { analyseRu } from './morph.js';

/**
 * Russian tagger features from Az.js: lemma, part of speech, case and OpenCorpora's proper-noun
 * grammemes (Name, Surn, Patr, Geox, Orgn…), person-name membership, and the name cues of
 * `entities.json`. No gazetteer feature: it did not help from NEREL to FactRuEval in a trial.
 */
const memo = new Map<string, string[]>();

/** A word form's features, worked out once per form. */
function morphFeatures(t: { text: string }): string[] {
  const known = memo.get(t.text);
  if (known) return known;
  const key = detached(t.text);
  const f = wordFeatures(key);
  if (memo.size > 200_000) memo.clear();
  memo.set(key, f);
  return f;
}

function wordFeatures(text: string): string[] {
  if (!/\p{Script=Cyrillic}/u.test(text)) return [];
  const a = analyseRu(text);
  const f = [`lemma=${a.lemma}`, `pos=${a.pos}`, `case=${a.case ?? '-'}`, ...[...a.kinds].map((k) => `k=${k}`)];
  if (isPersonName(text, a.nameLemma)) f.push('pname');
  return f;
}

export const nerRu: NerHook = {
  features: withCues(morphFeatures, entities, 'ru'),
  model: new URL('./ner.model.json', import.meta.url),
};
