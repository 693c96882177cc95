import { startsLikeAny, type Token } from '../core/text.js';
import type { EntityCues } from '../languages/index.js';

/**
 * A run of capitalised words not already named by the gazetteer: the candidates for names outside it
 * in Russian and Azerbaijani, where capitals mark proper nouns (and sentence starts). Each language
 * classifies runs with its own cues (`src/languages/<code>/names.ts`).
 */
export interface NameRun {
  tokens: Token[];
  /** The run starts its sentence, where a capital proves nothing. */
  sentenceInitial: boolean;
  /** An initial written right before the run ("Ш.Мирзиёева", "İ.Kərimov"). */
  initial?: Token;
  /** A person title (президент, nazir, səfir…) stands within three words before or right after it. */
  titled: boolean;
  /** A person title stands right before the run ("President Bush", "Gen. Nhek Bunchhay"). */
  titledBefore: boolean;
}

export interface NameGuess {
  type: 'person' | 'place' | 'organization';
  rule: string;
  /** Token range inside the run, inclusive. */
  from: number;
  to: number;
  /** The base (nominative) form of the name, for its canonical record. */
  base?: string;
}

export type NameClassifier = (run: NameRun, cues: EntityCues) => NameGuess | null;

const CAP = /^\p{Lu}[\p{L}\p{M}]*(?:['’]\p{L}+)?$/u;

export function capitalisedRuns(
  view: string,
  tokens: Token[],
  isFree: (t: Token) => boolean,
  lang: string,
  cues: EntityCues,
): NameRun[] {
  const titles = startsLikeAny(cues.personTitles);
  const heads = startsLikeAny(cues.orgHeads);
  // A title word, not an organisation word that starts like one ("Nazirliyi" is not "nazir").
  const isTitle = (t: Token | undefined) => {
    if (!t) return false;
    const w = t.text.toLocaleLowerCase(lang);
    return titles.test(w) && !heads.test(w);
  };
  const runs: NameRun[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CAP.test(t.text) || !isFree(t) || isTitle(t)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1] as Token;
      const gap = view.slice((tokens[j] as Token).end, n.start);
      if (!CAP.test(n.text) || !isFree(n) || isTitle(n) || !/^[ -]$/.test(gap)) break;
      j++;
    }
    const prev = tokens[i - 1];
    const run: NameRun = {
      tokens: tokens.slice(i, j + 1),
      sentenceInitial: i === 0 || (i === 1 && !!prev && /^\p{Lu}$/u.test(prev.text)),
      titled: tokens.slice(Math.max(0, i - 3), i).some(isTitle) || isTitle(tokens[j + 1]),
      titledBefore: isTitle(prev) || (prev?.text === '.' && isTitle(tokens[i - 2])),
    };
    if (prev && /^\p{Lu}$/u.test(prev.text) && /^\.\s?$/.test(view.slice(prev.end, t.start))) run.initial = prev;
    runs.push(run);
    i = j;
  }
  return runs;
}
