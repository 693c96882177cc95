import type Nlp from 'compromise';
import { lazy } from '../../core/lazy.js';
import { cueFeatures } from '../../ner/cues.js';
import { endingFeatures } from '../../ner/morphology.js';
import type { NerHook } from '../../ner/tagger.js';
import entities from './entities.json' with { type: 'json' };
import morphology from './morphology.json' with { type: 'json' };

// compromise's second level (tokenizer and tagger) is all the features read: the third adds phrase
// methods and a chunker that runs on every parse (~15% of its time) without changing a tag.
const nlp = lazy((require) => require('compromise/two') as typeof Nlp);

/**
 * English tagger features: compromise's tags of the term a token falls in (its person, place and
 * organisation lexicons and its parse), the possessive ending, gazetteer membership and the
 * honorifics of `entities.json`.
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
const cues = cueFeatures(entities, 'en');

type Term = { pre: string; text: string; post: string; tags: Set<string> };

/**
 * compromise's kept tags per character offset of a term's start. Offsets come from walking its terms
 * (pre + text + post give back the input), which costs far less than asking `json()` for them.
 */
function termTags(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let at = 0;
  for (const sentence of (nlp()(text) as unknown as { document: Term[][] }).document) {
    for (const term of sentence) {
      at += term.pre.length;
      const kept: string[] = [];
      for (const t of term.tags) if (KEPT.has(t)) kept.push(`ct=${t}`);
      if (term.text) out.set(at, kept);
      at += term.text.length + term.post.length;
    }
  }
  return out;
}

// compromise costs about twice as much per word on single sentences as on a whole paragraph: the
// paragraph is parsed once, for all its sentences.
let parsed: { text: string; tags: Map<number, string[]> } | undefined;
// compromise grows faster than linearly within one of its own sentences: a paragraph without sentence
// ends (a flattened table, unpunctuated text) is parsed sentence by sentence, as the splitter cut it.
const PARAGRAPH_MAX = 10_000;

export const nerEn: NerHook = {
  features: (text, tokens, within) => {
    const scope = within && within.text.length <= PARAGRAPH_MAX ? within : { text, offset: 0 };
    if (parsed?.text !== scope.text) parsed = { text: scope.text, tags: termTags(scope.text) };
    const { tags } = parsed;
    const cue = cues(tokens);
    return (t, i) => [...endings(t), ...(tags.get(scope.offset + t.start) ?? []), ...cue(t, i)];
  },
  model: new URL('./ner.model.json', import.meta.url),
};
