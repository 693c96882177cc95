import { describe, expect, it } from 'vitest';
import { identifyLanguage } from '../../src/stages/language.js';
import { processText, seed } from '../helpers.js';

describe('language.v1', () => {
  it('labels the seeds', () => {
    expect(['000', '001', '002', '003', '004'].map((p) => processText(seed(p)).language)).toEqual([
      'en',
      'en',
      'en',
      'ru',
      'az',
    ]);
  });

  it('labels short real sentences of each supported language', () => {
    expect(identifyLanguage('The two countries have strategic partnership relations.').language).toBe('en');
    expect(identifyLanguage('Народы двух стран обладают общими этническими корнями.').language).toBe('ru');
    expect(identifyLanguage('Görüşdə ikitərəfli maraq doğuran məsələlər müzakirə olunub.').language).toBe('az');
  });

  it('reports other languages as themselves, never as en/ru/az', () => {
    expect(identifyLanguage('Україна та Азербайджан підписали угоду про співпрацю в галузі енергетики.').language).toBe(
      'uk',
    );
    expect(identifyLanguage('Қазақстан мен Әзірбайжан арасындағы сауда көлемі артты.').language).toBe('kk');
  });

  it('reads two-word strings with the prior of the supported languages', () => {
    const got = [
      'Всеобщая декларация',
      'between Azerbaijan',
      'görüşü keçirilib',
      'Baş Assambleyası',
      'Qarşılıqlı anlaşma',
    ].map((t) => identifyLanguage(t).language);
    expect(got).toEqual(['ru', 'en', 'az', 'az', 'az']);
  });

  it('keeps Turkish, Uzbek and Bulgarian sentences apart from Azerbaijani and Russian', () => {
    expect(identifyLanguage('Birleşmiş Milletler Genel Kurulu, bu Beyannameyi ilan eder.').language).toBe('tr');
    expect(identifyLanguage('Barcha odamlar erkin, qadr-qimmat va huquqlarda teng bo‘lib tug‘iladilar.').language).toBe(
      'uz',
    );
    expect(identifyLanguage('Барча одамлар эркин, қадр-қиммат ва ҳуқуқларда тенг бўлиб туғиладилар.').language).toBe(
      'uz',
    );
    expect(identifyLanguage('Всички хора се раждат свободни и равни по достойнство и права.').language).toBe('bg');
    expect(identifyLanguage('Материнство и младенчество дают право на особое попечение и помощь.').language).toBe('ru');
  });

  it('gives a mixed document per-paragraph languages, and extraction follows them', () => {
    const en =
      'Diplomatic relations between Azerbaijan and Uzbekistan were established on October 2nd, 1995, and both sides have marked the date every year since.';
    const ru =
      'Основа дипломатических связей двух стран была заложена 2 октября 1995 года, и с тех пор стороны ежегодно отмечают эту дату.';
    const d = processText(`${en}\n\n${ru}`);
    expect(d.paragraphs.map((p) => p.language)).toEqual(['en', 'ru']);
    expect(d.dates.map((x) => [x.text, x.value])).toEqual([
      ['October 2nd, 1995', '1995-10-02'],
      ['2 октября 1995 года', '1995-10-02'],
    ]);
    expect(d.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['place:azerbaijan', 'place:uzbekistan']));
  });

  it('halts an unsupported document with a warning', () => {
    const d = processText('Україна та Азербайджан підписали угоду про співпрацю в галузі енергетики та транспорту.');
    expect(d.language).toBe('uk');
    expect(d.messages.map((m) => m.code)).toContain('unsupported-language');
    expect(d.dates).toEqual([]);
  });
});

describe('language.v1 with a given language', () => {
  it('keeps the given language for short paragraphs detection cannot vouch for', () => {
    const d = processText('Дедлайн сегодня', { language: 'ru', published: '2024-05-06' });
    expect([d.language, d.languageSource, d.paragraphs[0]?.language]).toEqual(['ru', 'given', 'ru']);
    expect(d.dates.map((x) => x.value)).toEqual(['2024-05-06']);
  });

  it('flags a paragraph that clearly reads as another language, and extracts it in that language', () => {
    const ru = 'Переговоры министров иностранных дел двух стран прошли 12 марта 2021 года в Москве.';
    const en = 'The foreign ministers of the two countries met in Moscow on March 12, 2021, for talks.';
    const d = processText(`${ru}\n\n${en}`, { language: 'ru' });
    expect(d.language).toBe('ru');
    expect(d.paragraphs.map((p) => p.language)).toEqual(['ru', 'en']);
    expect(d.messages.filter((m) => m.code === 'paragraph-language')).toHaveLength(1);
    expect(d.dates.map((x) => x.value)).toEqual(['2021-03-12', '2021-03-12']);
  });
});

describe('language.v1 on headlines and captions', () => {
  it('labels a record of one or two words instead of dropping it as page furniture', () => {
    expect(processText('Сентябрь 2012').language).toBe('ru');
    expect(processText('hökumət qərarı').language).toBe('az');
    expect(processText('Election results').language).toBe('en');
  });
});

describe('identifyLanguage on what franc alone gets wrong', () => {
  it('reads Russian without ы, э or ё as Russian, not Bulgarian, by its endings and function words', () => {
    // Each of these came out Bulgarian before the cues were counted.
    const sentences = [
      'Президент уволил министра и назначил замену.',
      'На месте работает бригада врачей.',
      'Сенат утвердил кандидата на пост посла.',
      'Жители села собрались на митинг.',
    ];
    expect(sentences.map((t) => identifyLanguage(t).language)).toEqual(['ru', 'ru', 'ru', 'ru']);
    // Bulgarian keeps its own function words and the full-vowel ъ.
    const bulgarian = [
      'Той каза, че правителството ще подаде оставка още днес.',
      'Министърът е подписал договора във вторник.',
      'Президентът назначи нов посланик в Москва.',
    ];
    expect(bulgarian.map((t) => identifyLanguage(t).language)).toEqual(['bg', 'bg', 'bg']);
  });

  it('takes the script of the prose, not of the brand names quoted in it', () => {
    expect(
      identifyLanguage('По данным агентства, контракты подписали Siemens, Airbus, Boeing и General Electric.').language,
    ).toBe('ru');
  });

  it('does not take an English possessive for Uzbek oʻ/gʻ', () => {
    expect(identifyLanguage("It is Boeing's most popular airliner.").language).toBe('en');
    expect(identifyLanguage('Men oʻzbek tilida gapiraman.').language).toBe('uz');
  });

  it('labels single words by the English word list and Azerbaijani spelling', () => {
    const got = ['business', 'taken', 'familiar', 'qurucu', 'nazirliyi', 'respublikası'].map(
      (w) => identifyLanguage(w).language,
    );
    expect(got).toEqual(['en', 'en', 'en', 'az', 'az', 'az']);
  });
});
