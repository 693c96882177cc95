import type { RawDate } from '../../../src/languages/common/dates.js';
import type { LanguageModule } from '../../../src/languages/index.js';

/**
 * A small Turkish module, written for the registry test: the least a language needs (dates, page words,
 * a case-ending morphology, one event type), and no tagger, so its names come from the gazetteer.
 */
const MONTHS: Record<string, number> = {
  ocak: 1,
  şubat: 2,
  mart: 3,
  nisan: 4,
  mayıs: 5,
  haziran: 6,
  temmuz: 7,
  ağustos: 8,
  eylül: 9,
  ekim: 10,
  kasım: 11,
  aralık: 12,
};
const DATE = new RegExp(`(\\d{1,2}) (${Object.keys(MONTHS).join('|')}) (\\d{4})`, 'giu');

function extractDates(text: string, offset: number): RawDate[] {
  return [...text.matchAll(DATE)].map((m) => {
    const month = MONTHS[(m[2] ?? '').toLocaleLowerCase('tr')] ?? 0;
    return {
      index: offset + (m.index ?? 0),
      text: m[0],
      value: `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`,
      precision: 'day',
      rule: 'tr/day-month-year',
      relative: false,
      yearless: false,
    };
  });
}

export const turkish: LanguageModule = {
  code: 'tr',
  franc: 'tur',
  script: 'Latin',
  extractDates,
  tense: () => null,
  months: MONTHS,
  abbreviations: [],
  stopwords: ['ve', 'bir', 'bu', 'ile', 'için', 'da', 'de'],
  page: { headerWords: ['tarih'], stampWords: ['yayınlandı'], clauseConjunctions: ['ve'], clauseLeadIns: [] },
  stripCase: (name) => name.replace(/['’]\p{L}+$/u, ''),
  morphology: {
    stemLetters: '',
    maxStemStrip: 0,
    endings: ["'ya", "'ye", "'yı", "'yi", "'da", "'de", "'ı", "'i", "'u", "'ü"],
    cases: { "'ya": 'dat', "'ye": 'dat', "'da": 'loc', "'de": 'loc', "'yı": 'acc', "'yi": 'acc' },
  },
  entities: {},
  events: {
    about: 'One event type, for the registry test.',
    planned: [],
    notEvents: [],
    pairAnaphora: [],
    inherit: [],
    pronouns: { first: [], third: [] },
    leaders: {},
    generic: [],
    types: { visit: { triggers: ['ziyaret etti'] } },
    slots: { cases: { dat: 'goal' } },
  },
};
