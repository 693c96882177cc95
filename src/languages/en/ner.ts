import nlp from 'compromise';
import { endingFeatures } from '../../ner/morphology.js';
import type { NerHook } from '../../ner/tagger.js';
import morphology from './morphology.json' with { type: 'json' };

/**
 * English tagger features: compromise's tags of the term a token falls in (its person, place and
 * organisation lexicons and its parse), the possessive ending and gazetteer membership.
 */
const KEPT = new Set([
  'Person',
  'FirstName',
  'LastName',
  'Honorific',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'ProperNoun',
  'Acronym',
  'Noun',
  'Verb',
  'Adjective',
  'Demonym',
]);
const endings = endingFeatures(morphology.endings, 'en');

type Term = { tags: string[]; offset: { start: number; length: number } };

/** compromise's kept tags per character offset of a term's start. */
function termTags(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[];
  for (const s of sentences)
    for (const term of s.terms)
      out.set(
        term.offset.start,
        term.tags.filter((t) => KEPT.has(t)).map((t) => `ct=${t}`),
      );
  return out;
}

export const nerEn: NerHook = {
  features: (text) => {
    const tags = termTags(text);
    return (t) => [...endings(t), ...(tags.get(t.start) ?? [])];
  },
  model: new URL('./ner.model.json', import.meta.url),
};
