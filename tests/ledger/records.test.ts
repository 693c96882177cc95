import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLedger } from '../../src/ledger/merge.js';
import { EntityInterner, type MergeInput, toDocumentResult, toMergeInput } from '../../src/ledger/records.js';
import { CORPUS, processText } from '../helpers.js';

// The default corpus's merge inputs, twice over under other ids: the same entities in every copy.
function mergeInputs(): MergeInput[] {
  const names = readdirSync(CORPUS).sort();
  return [0, 1].flatMap((copy) =>
    names.map((name) => {
      const doc = processText(readFileSync(join(CORPUS, name), 'utf8'), { id: `${copy}-${name}` });
      return toMergeInput(toDocumentResult(doc, false));
    }),
  );
}

describe('EntityInterner', () => {
  it('keeps one object per distinct entity record, and the merge reads the same ledger', () => {
    const plain = mergeInputs();
    const interner = new EntityInterner();
    const shared = mergeInputs().map((m) => interner.intern(m));
    const all = shared.flatMap((m) => m.entities);
    const distinct = new Set(all.map((e) => JSON.stringify(e)));
    expect(all.length).toBeGreaterThan(distinct.size);
    expect(new Set(all).size).toBe(distinct.size);
    expect(mergeLedger(shared)).toEqual(mergeLedger(plain));
  });
});
