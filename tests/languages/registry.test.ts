import { describe, expect, it } from 'vitest';
import { getLanguage, registerLanguage, supportedLanguages } from '../../src/languages/index.js';
import { processText } from '../helpers.js';
import { turkish } from './tr/module.js';

describe('the language registry', () => {
  it('runs the whole pipeline in a language added by one module and one registration', () => {
    expect(getLanguage('tr')).toBeUndefined();
    registerLanguage(turkish);
    expect(supportedLanguages()).toContain('tr');
    const doc = processText(
      "Azerbaycan Cumhurbaşkanı İlham Aliyev 12 Mart 2024 tarihinde Türkiye'ye resmi bir ziyaret etti.",
      { language: 'tr' },
    );
    expect(doc.language).toBe('tr');
    expect(doc.dates.map((d) => [d.text, d.value])).toEqual([['12 Mart 2024', '2024-03-12']]);
    // Names the gazetteer knows in a spelling Turkish shares; "Azerbaycan" is not among its aliases.
    expect(doc.entities.map((e) => e.entity)).toEqual(['person:ilham-aliyev', 'place:turkey']);
    const visit = doc.events.find((e) => e.type === 'visit');
    expect(visit?.date?.value).toBe('2024-03-12');
    expect(visit?.participants).toEqual(
      expect.arrayContaining([
        { role: 'visitor', entity: 'person:ilham-aliyev' },
        { role: 'destination', entity: 'place:turkey' },
      ]),
    );
  });
});
