import { describe, expect, it } from 'vitest';
import { processText, seed } from '../helpers.js';

describe('sentences.v1', () => {
  const doc = processText(seed('004'));
  const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));

  it('splits sentences glued without a space', () => {
    expect(sentences.some((s) => s.endsWith('1995-ci ildə yaradılmışdır.'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('Münasibətlərin tarixi'))).toBe(true);
  });

  it('processes a repeated sentence once', () => {
    const n = sentences.filter((s) =>
      s.startsWith('Bu baxımdan Özbəkistan Respublikasının Prezidenti İslam Kərimovun'),
    ).length;
    expect(n).toBe(1);
    expect(doc.removed.filter((r) => r.reason === 'duplicate').length).toBeGreaterThan(5);
  });
});
