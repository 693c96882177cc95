import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Az from 'az';

/**
 * Russian morphology with Az.js (the `az` package: OpenCorpora dictionaries and pymorphy2-style
 * analysis). Used on capitalised words only: their lemma ("Ильхама" → "ильхам") and OpenCorpora's
 * proper-noun grammemes: Name (first name), Surn (surname), Patr (patronymic), Geox (place),
 * Orgn (organisation), Abbr. Results are cached per word form: names repeat.
 */
const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');
await new Promise<void>((resolve, reject) => {
  Az.Morph.init(dicts, (err?: Error) =>
    err ? reject(new Error(`cannot load the Russian dictionaries in ${dicts}: ${err.message}`)) : resolve(),
  );
});

export interface RuWord {
  lemma: string;
  /** Proper-noun grammemes of the most likely parse: Name, Surn, Patr, Geox, Orgn, Abbr. */
  kinds: Set<string>;
  /** The case of the most likely parse: nomn, gent, datv, accs, ablt, loct. */
  case?: string;
  /** Part of speech of the most likely parse (OpenCorpora: NOUN, ADJF, VERB, …). */
  pos: string;
}

const KINDS = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Abbr', 'Trad'];
const cache = new Map<string, RuWord>();

export function analyseRu(word: string): RuWord {
  let w = cache.get(word);
  if (w) return w;
  const parses = Az.Morph(word);
  const best = parses[0];
  const tag = best ? best.tag.toString() : '';
  const kinds = new Set(KINDS.filter((k) => new RegExp(`(^|[ ,])${k}([ ,]|$)`).test(tag)));
  w = { lemma: best ? best.normalize().word : word.toLowerCase(), kinds, pos: /^[A-Z]+/.exec(tag)?.[0] ?? '' };
  const c = /(nomn|gent|datv|accs|ablt|loct)/.exec(tag)?.[1];
  if (c) w.case = c;
  if (cache.size > 200_000) cache.clear();
  cache.set(word, w);
  return w;
}
