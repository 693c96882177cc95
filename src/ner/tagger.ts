import { readFileSync } from 'node:fs';
import { detached } from '../core/text.js';
import {
  contextFeatures,
  FORM_ROLES,
  type Form,
  formOf,
  quotedTokens,
  SENTENCE_END,
  SENTENCE_START,
  tokenFeatures,
} from './features.js';
import { addFeature, type CompiledModel, compileSaved, decode } from './perceptron.js';
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
    m = compileSaved(text);
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

/** A word form and its summed weights in each of `FORM_ROLES` (tags.length numbers per role). */
interface ScoredForm {
  form: Form;
  scores: Float64Array;
}

interface FormMemo {
  forms: Map<string, ScoredForm>;
  start: ScoredForm;
  end: ScoredForm;
}

// Forms remembered per model: bounded, or an archive's vocabulary would grow the heap without end.
const FORMS_MAX = 50_000;
const formMemos = new WeakMap<CompiledModel, FormMemo>();

function scoreForm(model: CompiledModel, form: Form): ScoredForm {
  const n = model.tags.length;
  const scores = new Float64Array(n * FORM_ROLES.length);
  FORM_ROLES.forEach((role, r) => {
    const part = scores.subarray(r * n, (r + 1) * n);
    for (const f of role.features(form)) addFeature(model, part, f);
  });
  return { form, scores };
}

function formMemoOf(model: CompiledModel): FormMemo {
  let memo = formMemos.get(model);
  if (!memo) {
    memo = { forms: new Map(), start: scoreForm(model, SENTENCE_START), end: scoreForm(model, SENTENCE_END) };
    formMemos.set(model, memo);
  }
  return memo;
}

/**
 * Each token's score per tag: the same sum as `tokenFeatures` looked up in the model (a test holds
 * them equal), with the features of one word form summed once per form.
 */
export function sentenceScores(
  model: CompiledModel,
  hook: Pick<NerHook, 'features'>,
  text: string,
  tokens: Token[],
  within?: Within,
): Float64Array[] {
  const n = model.tags.length;
  const memo = formMemoOf(model);
  const scored = tokens.map((t) => {
    let s = memo.forms.get(t.text);
    if (!s) {
      const key = detached(t.text);
      s = scoreForm(model, formOf(key));
      if (memo.forms.size >= FORMS_MAX) memo.forms.clear();
      memo.forms.set(key, s);
    }
    return s;
  });
  const forms = scored.map((s) => s.form);
  const quoted = quotedTokens(tokens);
  const extra = hook.features(text, tokens, within);
  return tokens.map((t, i) => {
    const e = new Float64Array(n);
    FORM_ROLES.forEach((role, r) => {
      const j = i + role.offset;
      const s = (j < 0 ? memo.start : (scored[j] ?? memo.end)).scores;
      for (let k = 0, at = r * n; k < n; k++) e[k] = (e[k] as number) + (s[at + k] as number);
    });
    for (const f of contextFeatures(forms, quoted, i)) addFeature(model, e, f);
    for (const f of extra(t, i)) addFeature(model, e, f);
    return e;
  });
}

/** Typed name spans (PER, LOC, ORG) of one sentence, offsets relative to `text`. */
export function tagNames(hook: NerHook, text: string, model = loadModel(hook.model), within?: Within): TypedSpan[] {
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  return wholeAbbreviations(text, fromBio(tokens, decode(model, sentenceScores(model, hook, text, tokens, within))));
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
