import { endingFeatures } from '../../ner/morphology.js';
import type { NerHook } from '../../ner/tagger.js';
import morphology from './morphology.json' with { type: 'json' };

/** Azerbaijani tagger features: the case and possessive endings of `morphology.json`, gazetteer membership. */
const endings = endingFeatures(morphology.endings, 'az');

export const nerAz: NerHook = {
  features: () => endings,
  model: new URL('./ner.model.json', import.meta.url),
};
