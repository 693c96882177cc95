/** Tokens with offsets, BIO tags from character spans, and spans back from tags. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// An ending after an apostrophe is a token of its own ("EADS" + "'s", "Bakı" + "'da"): names end before it.
const TOKEN = /\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*|['’]\p{L}+|\p{N}+(?:[.,:]\p{N}+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

/** BIO tags of tokens from entity spans (a token belongs to a span it overlaps). */
export function toBio(tokens: Token[], spans: TypedSpan[]): string[] {
  const tags = tokens.map(() => 'O');
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    let first = true;
    tokens.forEach((t, i) => {
      if (t.end <= s.start || t.start >= s.end || tags[i] !== 'O') return;
      tags[i] = `${first ? 'B' : 'I'}-${s.type}`;
      first = false;
    });
  }
  return tags;
}

/** Entity spans from BIO tags (an I- without its B- starts a span, as decoders usually read it). */
export function fromBio(tokens: Token[], tags: string[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  let current: TypedSpan | null = null;
  tags.forEach((tag, i) => {
    const t = tokens[i] as Token;
    const [bio, type] = tag.split('-') as [string, string | undefined];
    if (bio === 'O' || !type) {
      current = null;
      return;
    }
    if (bio === 'I' && current && current.type === type) {
      current.end = t.end;
      return;
    }
    current = { type, start: t.start, end: t.end };
    out.push(current);
  });
  return out;
}
