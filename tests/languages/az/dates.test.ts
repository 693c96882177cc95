import { describe, expect, it } from 'vitest';
import { extractDatesAz } from '../../../src/languages/az/dates/index.js';
import { dateCaseFile, REF } from '../dates-helper.js';
import cases from './dates.cases.json' with { type: 'json' };

describe('Azerbaijani dates (the project chrono locale)', () => {
  dateCaseFile(extractDatesAz, cases);

  it('leaves the year of "Sentyabrın 12-də" to context', () => {
    const [d] = extractDatesAz('Sentyabrın 12-də prezidentlər mərasimdə iştirak ediblər.', 0, REF);
    expect(d?.value).toBe('XXXX-09-12');
    expect(d?.yearless).toBe(true);
  });

  it('reads "ötən il" relative to the reference year', () => {
    const [d] = extractDatesAz('Sonuncu iclas ötən il sentyabrın 8-9-da olmuşdur.', 0, REF);
    expect([d?.value, d?.relative]).toEqual(['2024-09-08/2024-09-09', true]);
  });
});
