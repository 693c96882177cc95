import { describe, expect, it } from 'vitest';
import { readAmount } from '../../src/events/attributes.js';
import { processText } from '../helpers.js';

const summary = (text: string, published?: string) =>
  processText(text, published ? { published } : {}).events.map(
    (e) =>
      `${e.type} ${e.date?.value ?? '-'} ${e.participants.map((p) => `${p.role}=${p.entity.split(':')[1]}`).join(' ')}`,
  );

describe('events.v1', () => {
  it('English: two embassy openings in one sentence, each with its own date and roles', () => {
    const got = summary(
      'The Embassy of Azerbaijan in Uzbekistan was opened in June 1997 during the official visit of Heydar Aliyev, and in July 1998 the Embassy of Uzbekistan was opened in Azerbaijan.',
    );
    expect(got).toContain('embassy_opening 1997-06 sender=azerbaijan host=uzbekistan');
    expect(got).toContain('embassy_opening 1998-07 sender=uzbekistan host=azerbaijan');
    expect(got).toContain('visit 1997-06 visitor=heydar-aliyev destination=uzbekistan');
  });

  it('Russian: genitive sender and locative host in clauses cut at the next date', () => {
    const got = summary(
      'В середине 1996 года открылось посольство Азербайджанской Республики в Республике Узбекистан, а в мае 1998 года – посольство Республики Узбекистан в Азербайджанской Республике.',
    );
    expect(got).toEqual([
      'embassy_opening 1996 sender=azerbaijan host=uzbekistan',
      'embassy_opening 1998-05 sender=uzbekistan host=azerbaijan',
    ]);
  });

  it('Azerbaijani: dative destination of a visit', () => {
    const got = summary(
      'Bu baxımdan Özbəkistan Respublikasının Prezidenti İslam Kərimovun Azərbaycana 26-27 may 1996-cı il tarixdə ilk rəsmi səfəri xüsusi qeyd olunmalıdır.',
    );
    expect(got).toContain('visit 1996-05-26/1996-05-27 visitor=islam-karimov destination=azerbaijan');
  });

  it('Russian trade figures per clause, with amounts and currency', () => {
    const d = processText(
      'Отношения между Азербайджаном и Узбекистаном развиваются. Если в 2020 году торговый оборот между двумя странами составлял 82 миллиона долларов, то в 2024 году он достиг 252 миллионов долларов.',
    );
    const trade = d.events
      .filter((e) => e.type === 'trade')
      .map((e) => [e.date?.value, e.attributes.amount, e.attributes.currency]);
    expect(trade).toEqual([
      ['2020', 82_000_000, 'USD'],
      ['2024', 252_000_000, 'USD'],
    ]);
  });

  it('counts of visits are not events', () => {
    const got = summary(
      'It is no coincidence that in the last 3 years, President Ilham Aliyev has made 1 state visit and 3 business visits to Uzbekistan.',
    );
    expect(got.filter((g) => g.startsWith('visit'))).toEqual([]);
  });

  it('marks plans as planned', () => {
    const d = processText(
      'The President of Uzbekistan Shavkat Mirziyoyev will visit Azerbaijan in March 2026 to take part in the forum.',
    );
    expect(d.events.find((e) => e.type === 'visit')?.status).toBe('planned');
  });

  it('reads amounts with scale words and currency symbols', () => {
    expect(readAmount('turnover reached $265 million in 2024')).toEqual({ amount: 265_000_000, currency: 'USD' });
    expect(readAmount('ticarət dövriyyəsi 252 milyon dollar təşkil edib')).toEqual({
      amount: 252_000_000,
      currency: 'USD',
    });
  });
});

describe('event dates say where they come from', () => {
  const dates = (text: string, published?: string) =>
    processText(text, published ? { published } : {}).events.map((e) => [
      e.type,
      e.date?.value ?? null,
      e.date?.source ?? null,
    ]);

  it('a date the text attaches is from the text', () => {
    expect(dates('Ilham Aliyev visited Tashkent on 5 May 2024.')).toEqual([['visit', '2024-05-05', 'text']]);
  });

  it('a statement without a date of its own takes the publication date, saying so', () => {
    expect(dates('Ilham Aliyev said in an interview that the talks had gone well.', '2026-01-15')).toEqual([
      ['statement', '2026-01-15', 'published'],
    ]);
  });

  it('an event in a paragraph after a dated one takes its date from that context', () => {
    const got = dates(
      'Ilham Aliyev visited Tashkent on 5 May 2024. Shavkat Mirziyoyev and Ilham Aliyev also held talks.',
    );
    expect(got).toContainEqual(['meeting', '2024-05-05', 'context']);
  });

  it('an event with no supportable date has none', () => {
    expect(dates('Ilham Aliyev visited Tashkent.')).toEqual([['visit', null, null]]);
  });

  it('a validity period is no signing date', () => {
    expect(dates('A roadmap for 2025-2029 was signed by Azerbaijan and Uzbekistan.')).toEqual([
      ['agreement', null, null],
    ]);
  });
});
