import { describe } from 'vitest';
import { extractDatesRu } from '../../../src/languages/ru/dates/index.js';
import { dateCaseFile } from '../dates-helper.js';
import cases from './dates.cases.json' with { type: 'json' };

describe('Russian dates (chrono ru + project parsers)', () => {
  dateCaseFile(extractDatesRu, cases);
});
