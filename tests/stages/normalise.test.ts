import { describe, expect, it } from 'vitest';
import { fixMixedScript, normaliseView } from '../../src/stages/normalise.js';
import { seed } from '../helpers.js';

describe('normalise.v1', () => {
  it('turns Latin letters hidden in Cyrillic words into Cyrillic', () => {
    expect(fixMixedScript('Aзербайджаном')).toBe('Азербайджаном');
    expect(fixMixedScript('Mирзиёева')).toBe('Мирзиёева');
  });

  it('turns Cyrillic schwa in a Latin word into Azerbaijani ə', () => {
    expect(fixMixedScript('Azәrbaycan')).toBe('Azərbaycan');
  });

  it('keeps the length of every seed, so offsets into the view are offsets into the text', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const text = seed(p);
      expect(normaliseView(text).view.length).toBe(text.length);
    }
  });

  it('fixes the homoglyphs of the Russian seed', () => {
    const { view } = normaliseView(seed('003'));
    expect(view).toContain('между Азербайджаном и Узбекистаном');
    expect(view).toContain('Открытая политика Мирзиёева');
  });
});
