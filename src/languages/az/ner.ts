import { withCues } from '../../ner/cues.js';
import { endingFeatures } from '../../ner/morphology.js';
import type { NerHook } from '../../ner/tagger.js';
import entities from './entities.json' with { type: 'json' };
import morphology from './morphology.json' with { type: 'json' };

/**
 * Azerbaijani tagger features: the case and possessive endings of `morphology.json`, gazetteer
 * membership, and the name cues of `entities.json`.
 */
export const nerAz: NerHook = {
  features: withCues(endingFeatures(morphology.endings, 'az'), entities, 'az'),
  model: new URL('./ner.model.json', import.meta.url),
};
