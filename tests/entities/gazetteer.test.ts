import { describe, expect, it } from 'vitest';
import countries from '../../src/data/gazetteer/countries.json' with { type: 'json' };
import organizations from '../../src/data/gazetteer/organizations.json' with { type: 'json' };
import people from '../../src/data/gazetteer/people.json' with { type: 'json' };
import places from '../../src/data/gazetteer/places.json' with { type: 'json' };
import { processText } from '../helpers.js';

const entries = [countries, places, organizations, people].flatMap(
  (f) => f.entries as { type: string; name: string; qid?: string }[],
);

describe('gazetteer Wikidata ids', () => {
  it('are well formed and name one entry each, so a join on qid never fans out', () => {
    const withQid = entries.filter((e) => e.qid);
    for (const e of withQid) expect(e.qid, e.name).toMatch(/^Q[1-9]\d*$/);
    const seen = new Map<string, string>();
    for (const e of withQid) {
      expect(seen.get(e.qid as string), `${e.qid} on ${e.name}`).toBeUndefined();
      seen.set(e.qid as string, e.name);
    }
  });

  it('cover people and organisations, not only places', () => {
    const byType = (t: string) => entries.filter((e) => e.type === t && e.qid).length;
    expect(byType('person')).toBeGreaterThanOrEqual(4);
    expect(byType('organization')).toBeGreaterThanOrEqual(15);
  });

  it('reach the entities linked in text, in every language', () => {
    const cases: [string, 'en' | 'ru' | 'az', string, string][] = [
      [
        'The UN Security Council met on Monday after Recep Tayyip Erdogan called for a ceasefire.',
        'en',
        'organization:united-nations-security-council',
        'Q37470',
      ],
      [
        'В понедельник Совет Безопасности ООН обсудил заявление Владимира Зеленского.',
        'ru',
        'person:volodymyr-zelensky',
        'Q3874799',
      ],
      [
        'Prezident Türk Dövlətləri Təşkilatının sammitində çıxış edib və əməkdaşlıqdan danışıb.',
        'az',
        'organization:organization-of-turkic-states',
        'Q596850',
      ],
    ];
    for (const [text, language, id, qid] of cases) {
      const rec = processText(text, { language }).entityRecords.get(id);
      expect(rec, `${id} in "${text}"`).toBeDefined();
      expect(rec?.qid).toBe(qid);
    }
  });
});
