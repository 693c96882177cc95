import { detached, startsLikeAny } from '../core/text.js';
import type { EntityCues } from '../languages/index.js';
import type { NerHook } from './tagger.js';
import type { Token } from './tokens.js';

/**
 * The language's name cues (`entities.json`) as tagger features, on the word and its neighbours: a
 * person title ("президент", "nazir"), an honorific ("Mr"), an organisation head word ("министерство",
 * "Universiteti"), a patronymic ending ("-ович", "oğlu"). The rules that used these cues decide
 * nothing now; the tagger learns how much each is worth.
 */
export function cueFeatures(cues: EntityCues, locale: string): (tokens: Token[]) => (t: Token, i: number) => string[] {
  const titles = startsLikeAny(cues.personTitles);
  const heads = startsLikeAny(cues.orgHeads);
  const patronymic = (cues.patronymic ?? []).map((x) => new RegExp(`${x}$`, 'iu'));
  const honorifics = new Set((cues.honorifics ?? []).map((h) => h.toLocaleLowerCase(locale)));
  const memo = new Map<string, string[]>();
  const marks = (t: Token | undefined): string[] => {
    if (!t) return [];
    const known = memo.get(t.text);
    if (known) return known;
    const key = detached(t.text);
    const w = key.toLocaleLowerCase(locale);
    const out: string[] = [];
    if (titles.test(w)) out.push('title');
    if (heads.test(w)) out.push('head');
    if (patronymic.some((re) => re.test(w))) out.push('patr');
    if (honorifics.has(w)) out.push('hon');
    if (memo.size > 200_000) memo.clear();
    memo.set(key, out);
    return out;
  };
  return (tokens) => {
    const m = tokens.map(marks);
    return (_t, i) => [
      ...(m[i] ?? []).map((x) => `cue=${x}`),
      ...(m[i - 1] ?? []).map((x) => `cue-1=${x}`),
      ...(m[i + 1] ?? []).map((x) => `cue+1=${x}`),
    ];
  };
}

/** A hook's `features`: the language's features of each word, then its name cues around it. */
export function withCues(word: (t: Token) => string[], cues: EntityCues, locale: string): NerHook['features'] {
  const cue = cueFeatures(cues, locale);
  return (_text, tokens) => {
    const around = cue(tokens);
    return (t, i) => [...word(t), ...around(t, i)];
  };
}
