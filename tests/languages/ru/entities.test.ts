import { describe } from 'vitest';
import { entityCases } from '../entities-helper.js';

describe('Russian entities', () => {
  entityCases([
    // Inflected gazetteer names
    [
      'Особая роль принадлежит усилиям Президента Азербайджана Ильхама Алиева и Президента Узбекистана Шавката Мирзиёева.',
      [
        'Ильхама Алиева=person:ilham-aliyev',
        'Шавката Мирзиёева=person:shavkat-mirziyoyev',
        'Азербайджана=place:azerbaijan',
      ],
    ],
    [
      'Стороны договорились о координации между Баку и Ташкентом на многосторонних площадках.',
      ['Баку=place:baku', 'Ташкентом=place:tashkent'],
    ],
    [
      'Договор был подписан в Ташкенте, а затем одобрен Генеральной Ассамблеей ООН в прошлом месяце.',
      ['Ташкенте=place:tashkent', 'Генеральной Ассамблеей ООН=organization:united-nations-general-assembly'],
    ],
    [
      'Азербайджан и Узбекистан являются членами Организации тюркских государств.',
      ['Организации тюркских государств=organization:organization-of-turkic-states'],
    ],
    // Initials, with and without a space
    [
      'После избрания Ш.Мирзиёева президентом связи с Узбекистаном расширились.',
      ['Ш.Мирзиёева=person:shavkat-mirziyoyev'],
    ],
    [
      'Выступление Ш. Мирзиёева на сессии было отмечено многими делегациями.',
      ['Ш. Мирзиёева=person:shavkat-mirziyoyev'],
    ],
    // Homoglyphs: Latin letters inside Cyrillic words
    [
      'В последние годы отношения между Aзербайджаном и Узбекистаном вступили в новый этап.',
      ['Aзербайджаном=place:azerbaijan', 'Узбекистаном=place:uzbekistan'],
    ],
    [
      'Открытая политика Mирзиёева, направленная на сотрудничество, дала результаты.',
      ['Mирзиёева=person:shavkat-mirziyoyev'],
    ],
    // Names outside the gazetteer, with their nominative form
    [
      'Министр иностранных дел Франции Жан-Ноэль Барро прибыл в Баку с визитом.',
      ['Жан-Ноэль Барро=person:zhan-noel-barro'],
    ],
    [
      'Переговоры с Сергеем Ивановичем Петровым прошли успешно.',
      ['Сергеем Ивановичем Петровым=person:sergey-ivanovich-petrov'],
    ],
    // The words of a name agree in case: a man's genitive ("Дмитрия Медведева"), a woman's nominative
    // ("Ирина Медведева"), a foreign surname left as its nominative first name says ("Майкл Коллинз").
    [
      'Японский премьер осудил поездку Дмитрия Медведева на острова, а Ирина Медведева промолчала.',
      ['Дмитрия Медведева=person:dmitriy-medvedev', 'Ирина Медведева=person:irina-medvedeva'],
    ],
    [
      'Посол Ирландии Майкл Коллинз встретился с вдовой политика Грасой Машел.',
      ['Майкл Коллинз=person:maykl-kollinz', 'Грасой Машел=person:grasa-mashel'],
    ],
    // False friends: sentence-initial words, months, weekdays
    ['Однако в понедельник в октябре стороны не встречались.', [], ['Однако', 'понедельник', 'октябр']],
    ['Данный период является этапом перехода отношений между двумя странами.', [], ['Данный']],
    ['Вот уже 30 лет как между двумя братскими странами установлены отношения.', [], ['Вот']],
    // A word without a capital letter is no name: "правительство" alone is some government, not an entity.
    [
      'В парламенте заявили, что правительство одобрило соглашение с Казахстаном.',
      ['Казахстаном=place:kazakhstan'],
      ['правительств', 'парламент'],
    ],
    // A capitalised adjective alone is no name, whatever the tagger makes of it.
    [
      'Стороны обсудили доступ к Транскаспийскому маршруту и ситуацию в Каспийском регионе.',
      [],
      ['Транскаспийскому', 'Каспийском'],
    ],
    // A region, not a person: "-Азиатском" ends like a surname ("-ском") but is an adjective.
    ['Центрально-Азиатском регионе растет грузопоток, сообщают эксперты.', [], ['person:']],
  ]);
});
