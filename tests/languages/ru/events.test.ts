import { describe } from 'vitest';
import { eventCases } from '../events-helper.js';
import cases from './events.cases.json' with { type: 'json' };

describe('ru events', () => {
  eventCases(cases);
});
