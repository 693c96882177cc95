import { describe, expect, it } from 'vitest';
import { findPublished, implausible } from '../../src/stages/published.js';
import { processText, seed } from '../helpers.js';

describe('published.v1', () => {
  it('reads a header line', () => {
    const d = processText(seed('001'));
    expect([d.published, d.publishedCue]).toEqual(['2025-11-13', 'header-line']);
  });

  it('reads a Russian archive stamp in the page furniture', () => {
    const d = processText(seed('003'));
    expect([d.published, d.publishedCue]).toEqual(['2025-10-08', 'stamp']);
  });

  it('reads English and Azerbaijani stamps', () => {
    expect(findPublished('Some text.\nPublished: 12 March 2024\nMore.')?.value).toBe('2024-03-12');
    expect(findPublished('Xəbər mətni.\nDərc olunub: 05.06.2023')?.value).toBe('2023-06-05');
  });

  it('reads front matter and datelines with a year', () => {
    expect(findPublished('---\ntitle: Visit\ndate: 2024-01-02\n---\nText.')).toEqual({
      value: '2024-01-02',
      cue: 'front-matter',
    });
    expect(findPublished('TASHKENT, Uzbekistan, November 13, 2025 - The presidents met.')).toEqual({
      value: '2025-11-13',
      cue: 'dateline',
    });
  });

  it('does not take a date mentioned in prose for a stamp', () => {
    const prose = `${'The treaty, which the ministry says was published on 5 May 2020 in the official gazette, remains in force and is cited by both governments in their statements on regional transport cooperation.'}`;
    expect(findPublished(prose)).toBeNull();
  });

  it('prefers the published field of a record', () => {
    expect(processText(seed('001'), { published: '2025-11-14' }).published).toBe('2025-11-14');
  });

  it('leaves an article without cues undated', () => {
    expect(processText(seed('000')).published).toBeNull();
  });

  it('rejects a published field that is no calendar date or lies in the future, with a warning', () => {
    for (const bad of ['9999-99-99', '2025-02-30', '2999-01-01']) {
      const d = processText(seed('001'), { published: bad });
      // The header line of the article is used instead; no event can be dated 9999-99-99.
      expect(d.published).toBe('2025-11-13');
      expect(d.messages.find((m) => m.code === 'bad-published')?.message).toContain(bad);
      expect(d.events.every((e) => !e.date || e.date.value < '2026-12-31')).toBe(true);
    }
  });

  it('tells a real calendar day from an impossible or future one', () => {
    const today = new Date('2026-12-05T10:00:00Z');
    expect(implausible('2024-02-29', today)).toBeUndefined();
    expect(implausible('2026-12-06', today)).toBeUndefined();
    expect(implausible('2023-02-29', today)).toBe('is no calendar date');
    expect(implausible('2026-12-07', today)).toMatch(/later than tomorrow/);
  });
});
