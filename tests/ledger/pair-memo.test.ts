import { describe, expect, it } from 'vitest';
import { PairMemo } from '../../src/ledger/pair-memo.js';

describe('PairMemo', () => {
  it('answers as a Map keyed by the pair does, through many growths, for false answers too', () => {
    const memo = new PairMemo(16);
    const map = new Map<string, boolean>();
    // A fixed pseudo-random walk over pairs that collide often (small a, wide b) and repeat.
    let x = 12345;
    const next = () => {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      return x;
    };
    for (let k = 0; k < 50_000; k++) {
      const a = next() % 300;
      const b = next() % (1 << 29);
      const v = (next() & 1) === 1;
      expect(memo.get(a, b)).toBe(map.get(`${a},${b}`));
      memo.set(a, b, v);
      map.set(`${a},${b}`, v);
    }
    for (const [key, v] of map) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      expect(memo.get(a, b)).toBe(v);
    }
    expect(memo.get(0, 1 << 29)).toBeUndefined();
    expect(memo.get(299, 0)).toBe(map.get('299,0'));
  });
});
