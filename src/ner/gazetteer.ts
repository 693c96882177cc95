import { GAZETTEER } from '../entities/gazetteer.js';

/**
 * Gazetteer membership as tagger features: the entity types whose names (in any script and language)
 * contain a word, and whether it starts or continues such a name. The gazetteer stays the linker's;
 * here it only tells the tagger what a word is known to be part of.
 */
let index: Map<string, Set<string>> | undefined;

function build(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (word: string, tag: string) => {
    let s = out.get(word);
    if (!s) {
      s = new Set();
      out.set(word, s);
    }
    s.add(tag);
  };
  for (const r of GAZETTEER) {
    for (const alias of r.aliases) {
      const words = alias.toLocaleLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? [];
      words.forEach((w, i) => {
        add(w, `${r.type}:${i === 0 ? 'B' : 'I'}`);
      });
    }
  }
  return out;
}

/** Features for one word form (and optionally its lemma or stem). */
export function gazetteerFeatures(...forms: (string | undefined)[]): string[] {
  index ??= build();
  const tags = new Set<string>();
  for (const f of forms) if (f) for (const t of index.get(f.toLocaleLowerCase()) ?? []) tags.add(t);
  return [...tags].sort().map((t) => `gz=${t}`);
}
