import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getLanguage, supportedLanguages } from '../../src/languages/index.js';
import { addFeature } from '../../src/ner/perceptron.js';
import { loadModel, sentenceFeatures, sentenceScores, tagNames } from '../../src/ner/tagger.js';
import { tokenize } from '../../src/ner/tokens.js';
import { processText } from '../helpers.js';

// Sentences written for these tests, in the style of the news the ledger reads.
const tagged = (lang: string, text: string) => {
  const hook = getLanguage(lang)?.ner;
  if (!hook) throw new Error(`${lang} has no tagger`);
  return tagNames(hook, text).map((s) => `${s.type} ${text.slice(s.start, s.end)}`);
};

describe('the shipped name taggers', () => {
  it.each(supportedLanguages())('%s: a compact model of PER/LOC/ORG BIO tags', (code) => {
    const hook = getLanguage(code)?.ner;
    expect(hook).toBeDefined();
    const url = hook?.model as URL;
    expect(statSync(fileURLToPath(url)).size).toBeLessThan(5_000_000);
    expect(loadModel(url).tags).toEqual(['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG']);
  });

  it('ru: finds people in any case, places and organisations', () => {
    const got = tagged(
      'ru',
      'Министр иностранных дел Турции встретился в Анкаре с Хаканом Фиданом и Сергеем Лавровым, сообщает «Газпром».',
    );
    expect(got).toEqual(expect.arrayContaining(['LOC Анкаре', 'PER Хаканом Фиданом', 'PER Сергеем Лавровым']));
  });

  it('az: finds an organisation of several words and a person with a case ending', () => {
    const got = tagged('az', 'Azərbaycan Dövlət Neft Şirkətinin prezidenti Rövşən Nəcəf Bakıda çıxış edib.');
    expect(got).toEqual(
      expect.arrayContaining(['ORG Azərbaycan Dövlət Neft Şirkətinin', 'PER Rövşən Nəcəf', 'LOC Bakıda']),
    );
  });

  it('en: an abbreviation with stops stays whole ("U.S." is not "U." and "S. State Department")', () => {
    const got = tagged('en', 'Late Monday, U.S. State Department officials said that travel visas were granted.');
    expect(got).toEqual(['LOC U.S.', 'ORG State Department']);
  });

  it('en: finds an organisation with its article left out and a place', () => {
    const got = tagged('en', 'Officials of the European Commission met in Brussels on Monday.');
    expect(got).toEqual(expect.arrayContaining(['ORG European Commission', 'LOC Brussels']));
  });
});

describe('scoring by word form', () => {
  // The tagger sums the weights of a form's features once per form; training reads every feature as a
  // string. Both must give each token the same scores, or the model sees at run time what it did not
  // learn. The default corpus's sentences in all three languages, each tagged twice so the second pass
  // reads the remembered forms.
  const corpus = join(import.meta.dirname, '../../corpus');
  const sentences = readdirSync(corpus)
    .sort()
    .flatMap((name) => {
      const doc = processText(readFileSync(join(corpus, name), 'utf8'));
      return doc.sentences.map((s) => ({ language: s.language, text: doc.view.slice(s.start, s.end) }));
    });

  it.each(supportedLanguages())('%s: the same scores as the features written out', (code) => {
    const hook = getLanguage(code)?.ner;
    if (!hook) throw new Error(`${code} has no tagger`);
    const model = loadModel(hook.model);
    const own = sentences.filter((s) => s.language === code);
    expect(own.length).toBeGreaterThan(5);
    for (const pass of [1, 2]) {
      for (const { text } of own) {
        const tokens = tokenize(text);
        const expected = sentenceFeatures(hook, text, tokens).map((fs) => {
          const e = new Float64Array(model.tags.length);
          for (const f of fs) addFeature(model, e, f);
          return Array.from(e);
        });
        const got = sentenceScores(model, hook, text, tokens).map((e) => Array.from(e));
        expect(got, `pass ${pass}: ${text}`).toEqual(expected);
      }
    }
  });
});

describe('tagger mentions in the pipeline', () => {
  it('give a Russian name outside the gazetteer its nominative base form, and a woman her own surname form', () => {
    const doc = processText('Министр встретился с Анатолием Сердюковым и Марией Ивановой в Москве.', {
      language: 'ru',
    });
    const bases = doc.entities.filter((e) => e.rule === 'ru/tagger').map((e) => `${e.text} → ${e.base}`);
    expect(bases).toEqual(['Анатолием Сердюковым → Анатолий Сердюков', 'Марией Ивановой → Мария Иванова']);
  });

  it('leave a title before a tagged English name out of it', () => {
    const doc = processText('Prime Minister Jonas Kalvik met officials of the European Commission in Brussels.', {
      language: 'en',
    });
    expect(doc.entities.map((e) => `${e.type} ${e.text}`)).toContain('person Jonas Kalvik');
  });

  it('let a tagged organisation stand over the gazetteer country inside it', () => {
    const doc = processText('Об этом заявили в МИД Азербайджана в понедельник.', { language: 'ru' });
    expect(doc.entities.map((e) => `${e.type} ${e.text}`)).toContain('organization МИД Азербайджана');
  });
});
