import { expect, it } from 'vitest';
import type { RawDate } from '../../src/languages/common/dates.js';

export const REF = new Date(Date.UTC(2025, 10, 13, 12));

/** "value" or "value~MOD" for each date found, in text order. */
export function values(found: RawDate[]): string[] {
  return found.map((d) => (d.mod ? `${d.value}~${d.mod}` : d.value));
}

type Extract = (text: string, offset: number, ref: Date) => RawDate[];

/** The cases of a fixture file `{ ref, cases: [[sentence, [values…]], …] }`, read with its reference date. */
export function dateCaseFile(extract: Extract, file: { ref: string; cases: unknown[] }) {
  const ref = new Date(`${file.ref}T12:00:00Z`);
  for (const [text, expected] of file.cases as [string, string[]][]) {
    it(text, () => {
      expect(values(extract(text, 0, ref))).toEqual(expected);
    });
  }
}
