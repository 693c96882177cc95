import type { Token } from './tokens.js';

/**
 * The language-free part of the tagger's features: the word, its lower case and shape, prefixes and
 * suffixes, neighbours ±2, position. Languages add their own through `extra` (morphology, gazetteers).
 *
 * Most of them depend on one word form alone, seen from the token itself or from a neighbour's place
 * (`FORM_ROLES`): the tagger sums their weights once per form and role (`tagger.ts`), instead of
 * building and looking up a dozen strings per token. Training reads the same features as strings.
 */
export function shape(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1{2,}/gu, '$1$1');
}

/** A word form as the features see it. Sentence edges are the forms `<s>` and `</s>`. */
export interface Form {
  lower: string;
  shape: string;
}

export const SENTENCE_START: Form = { lower: '<s>', shape: '<s>' };
export const SENTENCE_END: Form = { lower: '</s>', shape: '</s>' };

export function formOf(text: string): Form {
  return { lower: text.toLocaleLowerCase(), shape: shape(text) };
}

/**
 * Features of a token that one form decides, by the place the form stands in: the token itself, or
 * the word one or two before or after it. `offset` −1 is the previous word.
 */
export const FORM_ROLES: { offset: number; features: (f: Form) => string[] }[] = [
  {
    offset: 0,
    features: ({ lower: w, shape: s }) => [
      `w=${w}`,
      `s=${s}`,
      `p3=${w.slice(0, 3)}`,
      `x2=${w.slice(-2)}`,
      `x3=${w.slice(-3)}`,
      `x4=${w.slice(-4)}`,
    ],
  },
  { offset: -1, features: ({ lower: w, shape: s }) => [`w-1=${w}`, `s-1=${s}`, `x3-1=${w.slice(-3)}`] },
  { offset: 1, features: ({ lower: w, shape: s }) => [`w+1=${w}`, `s+1=${s}`, `x3+1=${w.slice(-3)}`] },
  { offset: -2, features: ({ lower: w }) => [`w-2=${w}`] },
  { offset: 2, features: ({ lower: w }) => [`w+2=${w}`] },
];

/** The form at a place of the sentence, or the sentence edge past its ends. */
export function formAt(forms: Form[], i: number): Form {
  return forms[i] ?? (i < 0 ? SENTENCE_START : SENTENCE_END);
}

/** Inside quotation marks: organisations and titles are quoted in Russian and Azerbaijani news. */
export function quotedTokens(tokens: Token[]): boolean[] {
  const quoted: boolean[] = [];
  let open = false;
  for (const t of tokens) {
    if (/^[«“„]$/u.test(t.text)) open = true;
    else if (/^[»”]$/u.test(t.text)) open = false;
    else if (t.text === '"') open = !open;
    quoted.push(open && !/^["«»“”„]$/u.test(t.text));
  }
  return quoted;
}

/**
 * Features that depend on more than one form or on the token's place: the bias, the word pair, the
 * sentence start and quotation.
 */
export function contextFeatures(forms: Form[], quoted: boolean[], i: number): string[] {
  const f = ['b', `w-1|w=${formAt(forms, i - 1).lower}|${formAt(forms, i).lower}`];
  if (i === 0) f.push('first');
  if (quoted[i]) f.push('quoted', `quoted|s=${formAt(forms, i).shape}`);
  return f;
}

/** Every feature of every token, as strings: what training reads. */
export function tokenFeatures(tokens: Token[], extra?: (token: Token, index: number) => string[]): string[][] {
  const forms = tokens.map((t) => formOf(t.text));
  const quoted = quotedTokens(tokens);
  return tokens.map((t, i) => {
    const f = contextFeatures(forms, quoted, i);
    for (const role of FORM_ROLES) f.push(...role.features(formAt(forms, i + role.offset)));
    if (extra) f.push(...extra(t, i));
    return f;
  });
}
