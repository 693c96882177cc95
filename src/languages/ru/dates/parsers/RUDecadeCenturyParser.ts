import { centuryValue, patternParser, romanToNumber } from '../../../common/dates.js';
import { B, modOf, ROMAN } from '../constants.js';

export const RUCenturyParser = patternParser(
  'ru/century',
  new RegExp(
    `${B}(?:в\\s+)?(?:(начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\\s+)?(?:${ROMAN}|(\\d{1,2})(?:-?(?:го|м|й|ом))?)\\s+(?:век[аеу]?|в\\.)`,
    'u',
  ),
  (m) => {
    const n = m[2] ? romanToNumber(m[2]) : Number(m[3]);
    if (n < 1 || n > 21) return null;
    const base = { start: { year: (n - 1) * 100 }, precision: 'century' as const, value: centuryValue(n) };
    return m[1] ? { ...base, mod: modOf(m[1]) } : base;
  },
);

export const RUDecadeParser = patternParser(
  'ru/decade',
  new RegExp(
    `${B}(?:в\\s+)?(?:(начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\\s+)?(?:((?:1[5-9]|20)\\d|\\d)0-?(?:х|е|ых|ые)\\s+(?:годах|годы|годов|гг\\.?)|((?:1[5-9]|20)\\d)0-?(?:х|е|ых|ые)(?![\\p{L}]))`,
    'iu',
  ),
  (m) => {
    // "в 1990-х годах", "в 90-е годы", and a four-digit decade on its own ("в начале 2000-х").
    const d = m[2] ?? m[3] ?? '';
    const prefix = d.length === 1 ? `19${d}` : d;
    const base = { start: { year: Number(`${prefix}0`) }, precision: 'decade' as const, value: `${prefix}X` };
    return m[1] ? { ...base, mod: modOf(m[1]) } : base;
  },
);
