import { describe, expect, it } from 'vitest';
import { conventionalOrder } from '../../src/entities/order.js';
import { processText } from '../helpers.js';

describe('a person name in its conventional order', () => {
  it('puts the surname of an official surname-first name last', () => {
    expect(conventionalOrder('Primbetov Serik Dostanoviç')).toBe('Serik Dostanoviç Primbetov');
    expect(conventionalOrder('Иванов Иван Иванович')).toBe('Иван Иванович Иванов');
    expect(conventionalOrder('Петрова Анна Сергеевна')).toBe('Анна Сергеевна Петрова');
  });

  it('leaves names already given first, and names without a patronymic, as they are', () => {
    for (const n of [
      'Ivan Ivanovich Ivanov',
      'Сергей Иванович Петров',
      'Ilham Heydar oglu',
      'Jean-Noël Barrot',
      'Aliyev',
    ])
      expect(conventionalOrder(n)).toBe(n);
  });

  it('names the entity that way, keeping the form the text wrote as an alias', () => {
    const d = processText(
      'Qazaxıstanın Azərbaycandakı səfiri Primbetov Serik Dostanoviç Bakıda jurnalistlərlə görüşüb və əməkdaşlıqdan danışıb.',
      { language: 'az' },
    );
    const rec = [...d.entityRecords.values()].find((r) => r.aliases.includes('Primbetov Serik Dostanoviç'));
    expect(rec).toMatchObject({ id: 'person:serik-dostanovich-primbetov', name: 'Serik Dostanovich Primbetov' });
  });
});
