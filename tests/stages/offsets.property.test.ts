import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDocumentResult } from '../../src/ledger/records.js';
import { processText, seed } from '../helpers.js';

/**
 * Property: whatever invisible or equivalent characters a page adds (soft hyphens, zero-width spaces,
 * NBSP, decomposed letters), every span the pipeline reports slices the original text to the reported
 * surface string, and what is extracted stays the same.
 */
const NOISE: [RegExp, (m: string) => string][] = [
  [/ /, () => '\u00A0'],
  [/[a-zа-яəı]{4}/, (m) => `${m.slice(0, 2)}\u00AD${m.slice(2)}`],
  [/[a-zа-я]{3}/, (m) => `${m.slice(0, 1)}\u200B${m.slice(1)}`],
  [/ö/, () => 'o\u0308'],
  [/ü/, () => 'u\u0308'],
  [/й/, () => 'и\u0306'],
];

function addNoise(text: string, edits: [number, number][]): string {
  let out = text;
  for (const [at, kind] of edits) {
    const [re, make] = NOISE[kind % NOISE.length] as (typeof NOISE)[number];
    const from = at % Math.max(1, out.length);
    const m = re.exec(out.slice(from));
    if (!m) continue;
    const i = from + (m.index ?? 0);
    out = out.slice(0, i) + make(m[0]) + out.slice(i + m[0].length);
  }
  return out;
}

const visible = (s: string) =>
  s
    .replace(/[\u00AD\u200B]/g, '')
    .replace(/\u00A0/g, ' ')
    .normalize('NFC');

const sliceCheck = (text: string) => {
  const { record, events } = toDocumentResult(processText(text), false);
  for (const d of record.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  for (const e of record.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  for (const e of events) {
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
  }
  for (const s of [...record.body, ...record.removed, ...record.paragraphs]) {
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(text.length);
  }
  return record;
};

describe('offsets survive every normalisation', () => {
  for (const p of ['001', '003', '004']) {
    it(`seed ${p} with random invisible characters`, () => {
      const clean = sliceCheck(seed(p));
      const entityIds = (r: typeof clean) => r.entities.map((e) => e.entity);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }), (edits) => {
          const noisy = sliceCheck(addNoise(seed(p), edits));
          expect(entityIds(noisy)).toEqual(entityIds(clean));
          expect(noisy.dates.map((d) => d.value)).toEqual(clean.dates.map((d) => d.value));
          // The surface strings are the clean ones plus the invisible characters inside them.
          expect(noisy.entities.map((e) => visible(e.text))).toEqual(clean.entities.map((e) => e.text));
          expect(noisy.dates.map((d) => visible(d.text))).toEqual(clean.dates.map((d) => d.text));
        }),
        { numRuns: 15, seed: 42 },
      );
    });
  }
});
