import type { RawDate } from '../../src/languages/common/dates.js';

export const REF = new Date(Date.UTC(2025, 10, 13, 12));

/** "value" or "value~MOD" for each date found, in text order. */
export function values(found: RawDate[]): string[] {
  return found.map((d) => (d.mod ? `${d.value}~${d.mod}` : d.value));
}
