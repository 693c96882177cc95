import { describe, expect, it } from 'vitest';
import { startsLikeAny } from '../../src/entities/runs.js';
import { getLanguage } from '../../src/languages/index.js';

describe('startsLikeAny', () => {
  it('matches a word that starts like a stem of the list, each stem anchored on its own', () => {
    const re = startsLikeAny(['nazir', 'генеральн\\p{L}* секретар']);
    expect(re.test('nazirliyi')).toBe(true);
    expect(re.test('генеральный секретарь')).toBe(true);
    expect(re.test('baş nazir')).toBe(false); // the stem must open the word
  });

  it('matches what the per-stem patterns it replaces matched, on the cue lists of the languages', () => {
    const words = ['nazir', 'Nazirliyi', 'prezidenti', 'министерство', 'Президент', 'komitəsi', 'Baku', 'səfir'];
    let matched = 0;
    for (const code of ['az', 'ru', 'en']) {
      const cues = getLanguage(code)?.entities;
      for (const list of [cues?.personTitles, cues?.orgHeads]) {
        const union = startsLikeAny(list);
        const each = (list ?? []).map((s) => new RegExp(`^${s}`, 'iu'));
        for (const w of words) {
          const lower = w.toLocaleLowerCase(code);
          expect(union.test(lower)).toBe(each.some((re) => re.test(lower)));
          if (union.test(lower)) matched++;
        }
      }
    }
    expect(matched).toBeGreaterThan(4); // the lists are there, and some of the words are titles or heads
  });

  it('is compiled once per list, and matches nothing for no list', () => {
    const list = ['komit'];
    expect(startsLikeAny(list)).toBe(startsLikeAny(list));
    expect(startsLikeAny(undefined).test('komitə')).toBe(false);
    expect(startsLikeAny([]).test('')).toBe(false);
  });
});
