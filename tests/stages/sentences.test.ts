import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/stages/sentences.js';
import { processText, seed } from '../helpers.js';

describe('sentences.v1', () => {
  const doc = processText(seed('004'));
  const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));

  it('splits sentences glued without a space', () => {
    expect(sentences.some((s) => s.endsWith('1995-ci ildə yaradılmışdır.'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('Münasibətlərin tarixi'))).toBe(true);
  });

  it('does not break inside a numeric date written with spaces', () => {
    const d = processText('Nazirlər Sovetinin 20 . 04 . 1959 tarixli qərarı ilə zavod yenidən quruldu.', {
      language: 'az',
    });
    expect(d.sentences).toHaveLength(1);
    expect(d.dates.map((x) => x.value)).toEqual(['1959-04-20']);
  });

  it('processes a repeated sentence once', () => {
    const n = sentences.filter((s) =>
      s.startsWith('Bu baxımdan Özbəkistan Respublikasının Prezidenti İslam Kərimovun'),
    ).length;
    expect(n).toBe(1);
    expect(doc.removed.filter((r) => r.reason === 'duplicate').length).toBeGreaterThan(5);
  });

  it('splits a word glued to the day number that starts the next sentence', () => {
    expect(
      sentences.some((s) => s.startsWith('18-19 iyun 1997-ci il tarixdə Azərbaycan Respublikasının Prezidenti')),
    ).toBe(true);
  });

  it('treats a sentence whose words all stand in an earlier one as a near-duplicate', () => {
    const d = processText(
      'The Embassy of Azerbaijan in Uzbekistan was opened in June 1997 during the official visit. Relations grew quickly after that visit to Tashkent. The Embassy of Azerbaijan in Uzbekistan was opened in June 1997, during the visit.',
    );
    expect(d.sentences).toHaveLength(2);
    expect(d.removed.find((r) => r.reason === 'duplicate')?.duplicateOf).toBe(0);
  });

  it('keeps English abbreviations and Russian initials inside their sentences', () => {
    const en = processText(
      'Mr. Smith arrived in the U.S. at 5 p.m. on Jan. 5 with the delegation. He left the next day for Baku.',
    );
    expect(en.sentences).toHaveLength(2);
    const ru = processText(
      'Выступление Ш. Мирзиёева на сессии было отмечено многими делегациями. Затем делегации разъехались.',
    );
    expect(ru.sentences).toHaveLength(2);
  });

  it('cuts a paragraph without sentence ends into spans of at most maxChars, at commas or spaces', () => {
    // Real article text with its sentence ends taken out, as flattened tables and some feeds have it.
    const prose = seed('001')
      .replace(/[.!?]/g, ',')
      .replace(/\s*\n\s*/g, ' ');
    const text = prose.repeat(Math.ceil(30_000 / prose.length)).slice(0, 30_000);
    const d = processText(text, { language: 'en' });
    // The repeats of the article come out as duplicates: count every cut span.
    const spans = [...d.sentences, ...d.removed.filter((r) => r.reason === 'duplicate')];
    expect(spans.length).toBeGreaterThan(30);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(1000);
    // Cut after a comma or between words, never inside a word.
    for (const s of d.sentences.slice(0, -1)) expect(text.slice(s.end, s.end + 1)).toMatch(/[\s,]/u);
  });

  it('walks a long paragraph in windows and finds the same sentences as one walk over it', () => {
    // V8's segmenter is quadratic in the string's length; the windows must not change the result.
    const ru = seed('003').replace(/\s*\n\s*/g, ' ');
    const text = Array.from({ length: 12 }, (_, i) => ru.replace(/Азербайджан/g, `Азербайджан ${i}`)).join(' ');
    expect(text.length).toBeGreaterThan(30_000);
    const whole = [...new Intl.Segmenter('ru', { granularity: 'sentence' }).segment(text)].map((x) => x.index);
    const windowed = splitSentences(text, { start: 0, end: text.length }, 'ru', 100_000).map((x) => x.start);
    // splitSentences also repairs ICU (initials, abbreviations, glued words): every ICU start it
    // keeps is one of the whole walk's, and nearly all are kept.
    const starts = new Set(whole);
    const kept = windowed.filter((x) => starts.has(x)).length;
    expect(kept).toBeGreaterThan(whole.length * 0.9);
    expect(windowed.length - kept).toBeLessThan(whole.length * 0.05);
  });
});
