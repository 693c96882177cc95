import { readFileSync } from 'node:fs';
import { tokenFeatures } from './features.js';
import { type CompiledModel, compile, predictCompiled, type TaggerModel } from './perceptron.js';
import { fromBio, type Token, type TypedSpan, tokenize } from './tokens.js';

/**
 * What a language gives the tagger: the features it adds per token (morphology, gazetteer membership,
 * its own NLP library's tags), and where its trained weights are. Training and tagging call the same
 * `features`, so a model always sees at run time what it saw in training.
 */
export interface NerHook {
  /**
   * `text` is the sentence the tokens come from (offsets relative to it); `within`, when given, the
   * paragraph it lies in and its offset there, for hooks that parse whole paragraphs at once.
   */
  features(text: string, tokens: Token[], within?: Within): (token: Token, index: number) => string[];
  /** The weights written by `npm run train:ner` (`src/languages/<code>/ner.model.json`). */
  model: URL;
}

/** The paragraph around a sentence, and where the sentence starts in it. */
export interface Within {
  text: string;
  offset: number;
}

const models = new Map<string, CompiledModel>();

/** The model at a path, read once per process and only when a sentence of its language comes. */
export function loadModel(url: URL): CompiledModel {
  const key = url.href;
  let m = models.get(key);
  if (!m) {
    let text: string;
    try {
      text = readFileSync(url, 'utf8');
    } catch (e) {
      throw new Error(
        `cannot read the tagger model ${url.pathname} (${(e as Error).message}): rebuild it with \`npm run train:ner -- LANG\``,
      );
    }
    m = compile(JSON.parse(text) as TaggerModel);
    models.set(key, m);
  }
  return m;
}

/** Tagger features of one sentence: the language-free ones plus the language's own. */
export function sentenceFeatures(
  hook: Pick<NerHook, 'features'>,
  text: string,
  tokens: Token[],
  within?: Within,
): string[][] {
  return tokenFeatures(tokens, hook.features(text, tokens, within));
}

/** Typed name spans (PER, LOC, ORG) of one sentence, offsets relative to `text`. */
export function tagNames(hook: NerHook, text: string, model = loadModel(hook.model), within?: Within): TypedSpan[] {
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  return wholeAbbreviations(
    text,
    fromBio(tokens, predictCompiled(model, sentenceFeatures(hook, text, tokens, within))),
  );
}

/**
 * The tokens split an abbreviation written with stops ("U.S." is U . S .), and a tag may change inside
 * it ("U." a place, "S. State Department" an organisation). A span inside an abbreviation takes all of
 * it; one running on past it starts after it.
 */
function wholeAbbreviations(text: string, spans: TypedSpan[]): TypedSpan[] {
  const abbreviations = [...text.matchAll(/(?<![\p{L}.])(?:\p{Lu}\.){2,}/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (!abbreviations.length) return spans;
  const out: TypedSpan[] = [];
  for (const span of spans) {
    const a = abbreviations.find((x) => span.start < x.end && span.end > x.start);
    if (!a || (span.start === a.start && span.end >= a.end)) out.push(span);
    else if (span.end <= a.end) out.push({ ...span, start: a.start, end: a.end });
    else {
      const start = a.end + (/^\s*/u.exec(text.slice(a.end))?.[0].length ?? 0);
      if (start < span.end) out.push({ ...span, start });
    }
  }
  // Two pieces of one abbreviation become one span.
  return out.filter((s, i) => !out.some((o, j) => j < i && o.start === s.start && o.end === s.end));
}
