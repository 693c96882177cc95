import { describe, expect, it } from 'vitest';
import { processText, seed } from '../helpers.js';

describe('ingest.v1 (boilerplate and repeated lines)', () => {
  const doc = processText(seed('003'));
  const bodyText = doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)).join('\n');

  it('keeps the article of the Russian web page', () => {
    expect(bodyText).toContain('Основа дипломатических связей двух стран была заложена 2 октября 1995 года.');
    expect(bodyText).toContain('товарооборот составил уже 292 миллиона долларов');
  });

  it('drops the menus, headline lists and counters around it', () => {
    for (const furniture of [
      'Мощный взрыв в бизнес центре Баку',
      'Menu',
      'Просмотров:78',
      'Трамп моментов не упускает',
      '24 Ноября 2025 11:08',
    ]) {
      expect(bodyText).not.toContain(furniture);
    }
    expect(doc.removed.filter((r) => r.reason === 'boilerplate').length).toBeGreaterThan(40);
  });

  it('keeps a repeated paragraph once and points the copy to the first', () => {
    const paragraphs = seed('000').split('\n\n');
    const text = [paragraphs[0], paragraphs[1], paragraphs[0]].join('\n\n');
    const d = processText(text);
    const dup = d.removed.filter((r) => r.reason === 'duplicate');
    expect(dup.length).toBeGreaterThan(0);
    expect(dup.every((r) => r.duplicateOf !== undefined && r.duplicateOf < r.start)).toBe(true);
    expect(d.paragraphs).toHaveLength(2);
  });

  it('drops a long unpunctuated line of names (a tag cloud), which has no function words', () => {
    const tags =
      'Baku Tashkent Astana Bishkek Dushanbe Ashgabat Moscow Ankara Tbilisi Yerevan Politics Economy Sports Culture Society Science Health Tourism Energy Transport Agriculture Industry Technology Education Media Opinion';
    const d = processText(`${tags}\n\n${seed('000').split('\n\n')[0]}`);
    expect(d.paragraphs.map((p) => d.text.slice(p.start, p.end))).not.toContain(tags);
    expect(d.paragraphs).toHaveLength(1);
  });

  it('keeps a wire dateline on a line of its own as the start of the story', () => {
    const text =
      'OSLO, March 3 (Reuters) --\n\nThe Norwegian government announced on Tuesday a new fund for coastal towns that lost their fishing fleets.';
    const d = processText(text, { published: '2021-03-04' });
    expect(d.paragraphs[0]).toMatchObject({ start: 0, language: 'en' });
    expect(d.dates.map((x) => [x.text, x.value])).toEqual([
      ['March 3', '2021-03-03'],
      ['on Tuesday', '2021-03-02'],
    ]);
  });

  it('keeps a long paragraph of prose that cites a link or a count, which only a short line makes furniture', () => {
    const prose = seed('001')
      .split('\n\n')
      .filter((p) => p.length > 200)
      .join(' ');
    const text = `${prose} The full text is at https://example.org/treaty and has been read 1200 views so far.`;
    const d = processText(text);
    expect(d.paragraphs).toHaveLength(1);
    const short = processText(`Views: 1200\n\n${prose}`);
    expect(short.paragraphs.map((p) => short.text.slice(p.start, p.end))).not.toContain('Views: 1200');
  });
});
