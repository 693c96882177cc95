import { expect, it } from 'vitest';
import { processText } from '../helpers.js';

/** "type date role=entity …" for each event of a text, participants sorted, entity ids without type. */
export function eventSummaries(text: string, published?: string): string[] {
  return processText(text, published ? { published } : {}).events.map((e) => {
    const parts = e.participants.map((p) => `${p.role}=${p.entity.split(':')[1]}`).sort();
    return [e.type, e.date?.value ?? '-', ...parts].join(' ');
  });
}

interface EventCase {
  text: string;
  published?: string;
  /** Summaries that must be among the events. */
  expect?: string[];
  /** Event types that must not be reported. */
  none?: string[];
}

/** One test per case of a fixture file `{ cases: EventCase[] }`. */
export function eventCases(file: { cases: EventCase[] }) {
  for (const c of file.cases) {
    it(c.text.slice(0, 100), () => {
      const got = eventSummaries(c.text, c.published);
      expect(got).toEqual(expect.arrayContaining(c.expect ?? []));
      for (const type of c.none ?? []) expect(got.filter((g) => g.startsWith(`${type} `))).toEqual([]);
    });
  }
}
