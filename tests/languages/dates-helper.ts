import { expect, it } from 'vitest';
import type { RawDate } from '../../src/languages/common/dates.js';

export const REF = new Date(Date.UTC(2025, 10, 13, 12));

/** "value" or "value~MOD" for each date found, in text order. */
export function values(found: RawDate[]): string[] {
  return found.map((d) => (d.mod ? `${d.value}~${d.mod}` : d.value));
}

/** One test per [sentence, expected values] case, read with the reference date 2025-11-13. */
export function dateCases(
  extract: (text: string, offset: number, ref: Date) => RawDate[],
  cases: [string, string[]][],
) {
  for (const [text, expected] of cases) {
    it(text, () => {
      expect(values(extract(text, 0, REF))).toEqual(expected);
    });
  }
}
