// Lexicon patterns compiled once per source and flags: they run for every sentence of every document.
// Keyed by flags, then by the source string itself (no key concatenation on the hot path: V8 caches
// the hash of a string, and the sources are the lexicons' own strings).
const compiled = new Map<string, Map<string, RegExp>>();

export function pattern(source: string, flags = 'iu'): RegExp {
  let byFlags = compiled.get(flags);
  if (!byFlags) {
    byFlags = new Map();
    compiled.set(flags, byFlags);
  }
  let r = byFlags.get(source);
  if (!r) {
    r = new RegExp(source, flags);
    byFlags.set(source, r);
  }
  return r;
}

/** Whether any of the patterns occurs in the text. */
export function anyOf(patterns: string[], text: string, flags = 'iu'): boolean {
  return patterns.some((p) => pattern(p, flags).test(text));
}
