import { describe, expect, it } from 'vitest';
import { processText } from '../helpers.js';

const linked = (text: string) => processText(text).entities.map((e) => `${e.text}=${e.entity}`);

describe('entities.v1 + link.v1', () => {
  it('links inflected Russian names to the canonical record', () => {
    const got = linked(
      'Особая роль принадлежит усилиям Президента Азербайджана Ильхама Алиева и Президента Узбекистана Шавката Мирзиёева.',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'Ильхама Алиева=person:ilham-aliyev',
        'Шавката Мирзиёева=person:shavkat-mirziyoyev',
        'Азербайджана=place:azerbaijan',
        'Узбекистана=place:uzbekistan',
      ]),
    );
  });

  it('links Azerbaijani case forms and initials', () => {
    const got = linked(
      '23-24 mart 2004-cü il tarixdə Azərbaycan Prezidenti İlham Əliyev Özbəkistan Respublikasında dövlət səfərində olub. İ.Kərimov səfər çərçivəsində Heydər Əliyev Fondu ilə tanış olub.',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'İlham Əliyev=person:ilham-aliyev',
        'Özbəkistan Respublikasında=place:uzbekistan',
        'İ.Kərimov=person:islam-karimov',
        'Heydər Əliyev Fondu=organization:heydar-aliyev-foundation',
      ]),
    );
  });

  it('strips English honorifics and possessives and links a bare surname', () => {
    const got = linked(
      "During President Ilham Aliyev's first state visit to Uzbekistan, President Mirziyoyev welcomed the guests in Tashkent.",
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'Ilham Aliyev=person:ilham-aliyev',
        'Mirziyoyev=person:shavkat-mirziyoyev',
        'Tashkent=place:tashkent',
      ]),
    );
  });

  it('resolves an ambiguous surname to the person named in full before it', () => {
    const d = processText(
      'National Leader Heydar Aliyev played an exceptional role in the relations of the two states. Aliyev visited Tashkent in June 1997 with a large delegation.',
    );
    expect(d.entities.filter((e) => e.text === 'Aliyev').map((e) => e.entity)).toEqual(['person:heydar-aliyev']);
  });

  it('finds a person outside the gazetteer by a patronymic and gives a Latin name, surname last', () => {
    const d = processText(
      '2008-ci ilin yanvar ayından etibarən Primbetov Serik Dostanoviç Qazaxıstan Respublikasının Azərbaycan Respublikasındakı yeni səfiri kimi fəaliyyət göstərir.',
    );
    const m = d.entities.find((e) => e.text.startsWith('Primbetov'));
    expect(m?.type).toBe('person');
    expect(d.entityRecords.get(m?.entity ?? '')?.name).toBe('Serik Dostanovich Primbetov');
  });
});
