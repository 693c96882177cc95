// Lexicon patterns compiled once per source and flags: they run for every sentence of every document.
const compiled = new Map<string, RegExp>();

export function pattern(source: string, flags = 'iu'): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  return r;
}

/** Whether any of the patterns occurs in the text. */
export function anyOf(patterns: string[], text: string, flags = 'iu'): boolean {
  return patterns.some((p) => pattern(p, flags).test(text));
}
