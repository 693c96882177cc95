import { describe, expect, it } from 'vitest';
import { processText, seed } from '../helpers.js';

describe('dates.v1 (document-level refiners)', () => {
  it('gives a year-less date the year of the preceding date in its paragraph', () => {
    const d = processText(seed('004'));
    expect(d.dates.find((x) => x.text === 'Sentyabrın 12-də')?.value).toBe('2008-09-12');
  });

  it('resolves relative dates against the publication date', () => {
    const d = processText(seed('001'));
    expect(d.dates.find((x) => x.text === 'July of this year')?.value).toBe('2025-07');
  });

  it('drops relative dates when the publication date is unknown, never using the clock', () => {
    const text = 'Last August, the President of Uzbekistan made a state visit to Azerbaijan and signed documents.';
    const d = processText(text);
    expect(d.dates).toEqual([]);
    expect(d.messages.map((m) => m.code)).toContain('unresolved-relative-date');
    expect(processText(text, { published: '2030-02-01' }).dates.map((x) => x.value)).toEqual(['2029-08']);
  });

  it('reports every date with offsets into the original text', () => {
    const text = seed('003');
    for (const x of processText(text).dates) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});
