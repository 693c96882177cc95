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

// One alternation per lexicon list, its source kept by the list itself (the lexicons' arrays live as
// long as the process) and compiled by `pattern`: a sentence is scanned once for the whole list, not
// once per pattern.
const unionSources = new WeakMap<string[], string>();
const NEVER = /(?!)/u;

/** A pattern that matches where any of the patterns does. The lexicons use no backreferences. */
export function union(patterns: string[], flags = 'iu'): RegExp {
  // No pattern at all matches nothing, as `some` over an empty list finds nothing (and a list made
  // on the spot, `lex.x ?? []`, is no key worth keeping).
  if (!patterns.length) return NEVER;
  let source = unionSources.get(patterns);
  if (source === undefined) {
    source = patterns.map((p) => `(?:${p})`).join('|');
    unionSources.set(patterns, source);
  }
  return pattern(source, flags);
}

/** Whether any of the patterns occurs in the text. */
export function anyOf(patterns: string[], text: string, flags = 'iu'): boolean {
  return union(patterns, flags).test(text);
}
