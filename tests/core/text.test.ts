import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detached, tokenize } from '../../src/core/text.js';
import { ROOT } from '../helpers.js';

/**
 * Heap (MB, after a forced GC) still held once 40 documents of 1 MB have been read and dropped, with
 * one long word of each kept in a memo, cut as tokenize cuts it, kept as is or detached.
 */
function heldMb(detach: boolean): number {
  const script = `
    import { detached, tokenize } from './src/core/text.ts';
    const memo = new Map();
    global.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      let doc = 'д '.repeat(500_000) + 'Азербайджанской' + i;
      const word = tokenize(doc, doc.length - 20).at(-1).text;
      memo.set(${detach} ? detached(word) : word, i);
      doc = null;
    }
    global.gc();
    console.log(memo.size === 40 ? (process.memoryUsage().heapUsed - before) / 1e6 : -1);
  `;
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

describe('detached', () => {
  it('gives the same text', () => {
    const text = 'Министерство иностранных дел Азербайджанской Республики';
    for (const t of tokenize(text)) expect(detached(t.text)).toBe(t.text);
  });

  it('keeps no document alive through a memo key, where the cut word itself does', () => {
    expect(heldMb(false)).toBeGreaterThan(40);
    expect(heldMb(true)).toBeLessThan(5);
  });
});
