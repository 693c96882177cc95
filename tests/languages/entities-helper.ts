import { expect, it } from 'vitest';
import { toDocumentResult } from '../../src/ledger/records.js';
import { processText } from '../helpers.js';

/** "surface=entity-id" for every linked mention of a sentence, with surfaces cut from the original text. */
export function mentions(text: string): string[] {
  return toDocumentResult(processText(text), false).record.entities.map((e) => `${e.text}=${e.entity}`);
}

/**
 * Cases `[sentence, must, mustNot]`: every "surface=entity" in `must` is found; no mention's surface
 * or entity id contains a string of `mustNot`.
 */
export function entityCases(cases: [string, string[], string[]?][]) {
  for (const [text, must, mustNot = []] of cases) {
    it(text, () => {
      const got = mentions(text);
      expect(got).toEqual(expect.arrayContaining(must));
      for (const bad of mustNot) expect(got.filter((g) => g.includes(bad))).toEqual([]);
    });
  }
}
