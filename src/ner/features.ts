import type { Token } from './tokens.js';

/**
 * The language-free part of the tagger's features: the word, its lower case and shape, prefixes and
 * suffixes, neighbours ±2, position. Languages add their own through `extra` (morphology, gazetteers).
 */
export function shape(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1{2,}/gu, '$1$1');
}

export function tokenFeatures(tokens: Token[], extra?: (token: Token, index: number) => string[]): string[][] {
  const lower = tokens.map((t) => t.text.toLocaleLowerCase());
  const shapes = tokens.map((t) => shape(t.text));
  // Inside quotation marks: organisations and titles are quoted in Russian and Azerbaijani news.
  const quoted: boolean[] = [];
  let open = false;
  for (const t of tokens) {
    if (/^[«“„]$/u.test(t.text)) open = true;
    else if (/^[»”]$/u.test(t.text)) open = false;
    else if (t.text === '"') open = !open;
    quoted.push(open && !/^["«»“”„]$/u.test(t.text));
  }
  return tokens.map((t, i) => {
    const w = lower[i] as string;
    const f = [
      'b',
      `w=${w}`,
      `s=${shapes[i]}`,
      `p3=${w.slice(0, 3)}`,
      `x2=${w.slice(-2)}`,
      `x3=${w.slice(-3)}`,
      `x4=${w.slice(-4)}`,
      `w-1=${lower[i - 1] ?? '<s>'}`,
      `w+1=${lower[i + 1] ?? '</s>'}`,
      `w-2=${lower[i - 2] ?? '<s>'}`,
      `w+2=${lower[i + 2] ?? '</s>'}`,
      `s-1=${shapes[i - 1] ?? '<s>'}`,
      `s+1=${shapes[i + 1] ?? '</s>'}`,
      `w-1|w=${lower[i - 1] ?? '<s>'}|${w}`,
      `x3-1=${(lower[i - 1] ?? '<s>').slice(-3)}`,
      `x3+1=${(lower[i + 1] ?? '</s>').slice(-3)}`,
    ];
    if (i === 0) f.push('first');
    if (quoted[i]) f.push('quoted', `quoted|s=${shapes[i]}`);
    if (extra) f.push(...extra(t, i));
    return f;
  });
}
