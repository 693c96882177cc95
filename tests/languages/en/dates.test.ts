import { describe, expect, it } from 'vitest';
import { extractDatesEn } from '../../../src/languages/en/dates.js';
import { dateCases, REF, values } from '../dates-helper.js';

const cases: [string, string[]][] = [
  [
    'His official visit to Uzbekistan on June 18-19, 1997, further contributed to cooperation.',
    ['1997-06-18/1997-06-19'],
  ],
  [
    'After Uzbekistan became a member of the Organisation of Turkic States (OTS) in October 2019, relations grew.',
    ['2019-10'],
  ],
  ['In 2020, Uzbekistan once again expressed its sincere attitude.', ['2020']],
  ['On 14-15 October 2019 at 7th summit an agreement was reached.', ['2019-10-14/2019-10-15']],
  ['A new milestone was the visit of the President to Uzbekistan on June 21st, 2022.', ['2022-06-21']],
  ['On March 1st 2023, the President of Uzbekistan arrived in Baku.', ['2023-03-01']],
  ['In this month of 2022, the Tashkent declaration was signed at the ministerial level meeting.', ['2022']],
  ['The Roadmap for the Implementation of the Treaty for 2025-2029 was signed.', ['2025/2029']],
  ['The Action Plan for 2023–2024 was adopted.'.replace('–', '-'), ['2023/2024']],
  ['Growth slowed in mid-1996 and recovered in early 2020.', ['1996~MID', '2020~START']],
  ['The collective farms were set up in the 1930s.', ['193X']],
  ['Last August, I made a state visit to Uzbekistan.', ['2024-08']],
  ['The President made a state visit to Azerbaijan in July of this year.', ['2025-07']],
];

describe('English dates (chrono + project parsers)', () => {
  dateCases(extractDatesEn, cases);

  it('does not read "until now" or durations as dates', () => {
    expect(values(extractDatesEn('Until now, relations have developed on an upward line.', 0, REF))).toEqual([]);
    expect(values(extractDatesEn('In the last 3 years, the President made four visits.', 0, REF))).toEqual([]);
    expect(values(extractDatesEn('There were five visits over the past year and a half.', 0, REF))).toEqual([]);
  });

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
  });
});
