import { describe } from 'vitest';
import { entityCases } from '../entities-helper.js';

describe('Azerbaijani entities', () => {
  entityCases([
    // A country's abbreviation in the genitive before a ministry: the gazetteer's ministry of that country.
    [
      'Bu barədə QR-in Xarici İşlər Nazirliyi məlumat yayıb.',
      ['QR-in Xarici İşlər Nazirliyi=organization:ministry-of-foreign-affairs-of-kazakhstan'],
      ['kharici'],
    ],
    // A numeral or function word starting a sentence is no name.
    [
      'İki ölkə prezidentinin görüşündə Bakı və Daşkənd arasında əməkdaşlıq müzakirə olunub.',
      ['Bakı=place:baku'],
      ['İki'],
    ],
    // … and so is a pronoun with a case ending, capitalised in a letter's polite address ("Sizə": to you).
    [
      'Bu bayram günündə Sizə və dost Özbəkistan xalqına ən xoş arzularımı yetirirəm, Sizinlə görüşü səbirsizliklə gözləyirəm.',
      ['Özbəkistan=place:uzbekistan'],
      ['Sizə', 'Sizinlə', 'size', 'sizinl'],
    ],
    // Case endings with vowel harmony
    [
      '18-19 iyun 1997-ci il tarixdə Azərbaycan Respublikasının Prezidenti Heydər Əliyevin Özbəkistana rəsmi səfəri olub.',
      [
        'Heydər Əliyevin=person:heydar-aliyev',
        'Özbəkistana=place:uzbekistan',
        'Azərbaycan Respublikasının=place:azerbaijan',
      ],
    ],
    [
      'Bakıda Əlişir Nəvainin, Daşkənddə isə Nizami Gəncəvinin abidələri ucaldılmışdır.',
      ['Bakıda=place:baku', 'Daşkənddə=place:tashkent', 'Nizami Gəncəvinin=person:nizami-ganjavi'],
    ],
    [
      'Prezident İlham Əliyev Mirziyoyevlə görüşüb və Kərimovun xatirəsini yad edib.',
      ['İlham Əliyev=person:ilham-aliyev', 'Mirziyoyevlə=person:shavkat-mirziyoyev', 'Kərimovun=person:islam-karimov'],
    ],
    [
      'Bu qərarlar BMT-nin Baş Assambleyası tərəfindən qəbul edilib.',
      ['BMT-nin Baş Assambleyası=organization:united-nations-general-assembly'],
    ],
    // Initials
    [
      'İ.Kərimov səfər çərçivəsində Heydər Əliyev Fondu ilə tanış olub.',
      ['İ.Kərimov=person:islam-karimov', 'Heydər Əliyev Fondu=organization:heydar-aliyev-foundation'],
    ],
    [
      'Ukrayna Prezidenti L.Kuçmanın 60 illik yubileyi tədbirlərində iştirak edib.',
      ['L.Kuçmanın=person:leonid-kuchma', 'Ukrayna=place:ukraine'],
    ],
    // Homoglyph: Cyrillic schwa inside a Latin word
    ['Azәrbaycan ilə Özbəkistan arasında diplomatik əlaqələr yaradılmışdır.', ['Azәrbaycan=place:azerbaijan']],
    // Names outside the gazetteer
    [
      'İbrahim Amanqaliyev Qazaxıstan Respublikasının Azərbaycanda ilk səfiri olmuşdur.',
      ['İbrahim Amanqaliyev=person:ibrahim-amangaliyev'],
    ],
    ['Sərgi təşkilatçısı M.Arslanla əlaqə saxlanılmışdır.', ['M.Arslanla=person:arslan']],
    [
      'Görkəmli bəstəkar Arif Məlikovun əsəri dünya musiqi sənətinin incisidir.',
      ['Arif Məlikovun=person:arif-malikov'],
    ],
    // False friends: sentence starts, months, adjectives in -li
    ['Sentyabrın 12-də prezidentlər mərasimdə iştirak ediblər.', [], ['Sentyabr']],
    ['Fövqəladə və Səlahiyyətli səfiri kimi fəaliyyət göstərir.', [], ['Səlahiyyətli', 'Fövqəladə']],
    ['Qeyd etmək lazımdır ki, əlaqələr inkişaf edir.', [], ['Qeyd']],
  ]);
});
