import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint, FINGERPRINT_FILE, hashTree } from '../../src/batch/fingerprint.js';
import { ROOT } from '../helpers.js';

describe('code fingerprint', () => {
  it('changes with any source or data file, and ignores a recorded fingerprint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-fp-'));
    mkdirSync(join(dir, 'stages'));
    writeFileSync(join(dir, 'stages', 'dates.ts'), 'export const a = 1;');
    writeFileSync(join(dir, 'lexicon.json'), '{"visit": ["visited"]}');
    const first = hashTree(dir);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(join(dir, FINGERPRINT_FILE), '{"fingerprint":"x"}');
    writeFileSync(join(dir, 'notes.txt'), 'not code');
    expect(hashTree(dir)).toBe(first);
    writeFileSync(join(dir, 'lexicon.json'), '{"visit": ["visited", "toured"]}');
    expect(hashTree(dir)).not.toBe(first);
  });

  it('is, from the sources, the hash of src/ that a build records for dist/', () => {
    expect(codeFingerprint()).toBe(hashTree(join(ROOT, 'src')));
  });
});
