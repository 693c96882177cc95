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
    expect(processText(text, { published: '2025-02-01' }).dates.map((x) => x.value)).toEqual(['2024-08']);
  });

  it('reports every date with offsets into the original text', () => {
    const text = seed('003');
    for (const x of processText(text).dates) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('reads a lone weekday by the tense next to it: the latest one for the past, the next for the future', () => {
    // 2024-05-08 is a Wednesday.
    const past = processText('The minister resigned on Monday after the vote.', { published: '2024-05-08' });
    expect(past.dates.map((x) => x.value)).toEqual(['2024-05-06']);
    const future = processText('The minister will resign on Monday after the vote.', { published: '2024-05-08' });
    expect(future.dates.map((x) => x.value)).toEqual(['2024-05-13']);
    const soon = processText('The delegation could leave as soon as Monday, officials said.', {
      published: '2024-05-08',
    });
    expect(soon.dates.map((x) => x.value)).toEqual(['2024-05-13']);
    const ru = processText('Министр подал в отставку в понедельник.', { published: '2024-05-08', language: 'ru' });
    expect(ru.dates.map((x) => x.value)).toEqual(['2024-05-06']);
    const az = processText('Nazir cümə günü Bakıya gəlib.', { published: '2024-05-08', language: 'az' });
    expect(az.dates.map((x) => x.value)).toEqual(['2024-05-03']);
    const azFuture = processText('Nazir cümə günü Bakıya gələcək.', { published: '2024-05-08', language: 'az' });
    expect(azFuture.dates.map((x) => x.value)).toEqual(['2024-05-10']);
  });

  it('gives a month without a year the nearest year unless the tense says it lies far on the other side', () => {
    const nearest = processText('The hearing is in January.', { published: '2024-11-20' });
    expect(nearest.dates.map((x) => x.value)).toEqual(['2025-01']);
    const past = processText('The plant closed in March.', { published: '2024-10-30' });
    expect(past.dates.map((x) => x.value)).toEqual(['2024-03']);
    const future = processText('The bill will be debated on Feb. 10.', { published: '2024-09-01' });
    expect(future.dates.map((x) => x.value)).toEqual(['2025-02-10']);
  });

  it('reads relative expressions against the publication time when it is given', () => {
    const d = processText('Пожар потушили 30 минут назад.', { published: '2024-03-01T00:10:00', language: 'ru' });
    expect(d.dates.map((x) => x.value)).toEqual(['2024-02-29']);
    expect(d.published).toBe('2024-03-01');
  });
});
