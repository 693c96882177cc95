import { describe, expect, it } from 'vitest';
import { extractDatesEn } from '../../../src/languages/en/dates/index.js';
import { dateCaseFile, REF, values } from '../dates-helper.js';
import cases from './dates.cases.json' with { type: 'json' };

describe('English dates (chrono + project parsers)', () => {
  dateCaseFile(extractDatesEn, cases);

  it('marks what depends on the reference date as relative', () => {
    const found = extractDatesEn(
      'A few days ago, your state visit to Azerbaijan opened a new page; yesterday we met.',
      0,
      REF,
    );
    expect(found.map((d) => [d.text, d.relative])).toEqual([
      ['A few days ago', true],
      ['yesterday', true],
    ]);
  });

  it('returns absolute offsets of the mention', () => {
    const [d] = extractDatesEn('Signed on June 21st, 2022.', 100, REF);
    expect(d?.index).toBe(110);
    expect(d?.text).toBe('June 21st, 2022');
    expect(values(extractDatesEn('Signed on June 21st, 2022.', 0, REF))).toEqual(['2022-06-21']);
  });
});
