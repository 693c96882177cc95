import { describe, expect, it } from 'vitest';
import { genitiveAz, longFormsAz } from '../../../src/languages/az/names.js';

describe('Azerbaijani long forms', () => {
  it('puts a name in the genitive by vowel harmony', () => {
    expect(genitiveAz('Qazaxıstan Respublikası')).toBe('Qazaxıstan Respublikasının');
    expect(genitiveAz('Özbəkistan')).toBe('Özbəkistanın');
    expect(genitiveAz('Türkiyə')).toBe('Türkiyənin');
  });

  it('spells out a country abbreviation in the genitive before the rest of a name', () => {
    const expand = (abbr: string) => (abbr === 'QR' ? ['Qazaxıstan Respublikası'] : []);
    expect(longFormsAz('QR-in Xarici İşlər Nazirliyi', expand)).toEqual([
      'Qazaxıstan Respublikasının Xarici İşlər Nazirliyi',
    ]);
    expect(longFormsAz('Xarici İşlər Nazirliyi', expand)).toEqual([]);
  });
});
