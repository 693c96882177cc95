import { describe, expect, it } from 'vitest';
import { lineColumn } from '../../src/core/document.js';

describe('lineColumn', () => {
  const text = 'first line\nsecond\n\nfourth line here';

  it('gives 1-based lines and columns of offsets, as editors count them', () => {
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 10)).toEqual({ line: 1, column: 11 }); // the line feed itself
    expect(lineColumn(text, 11)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 18)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, 19)).toEqual({ line: 4, column: 1 });
    expect(lineColumn(text, 25)).toEqual({ line: 4, column: 7 });
  });

  it('agrees with counting line feeds, on another text after the first', () => {
    const other = 'a\nbb\nccc\n'.repeat(50);
    for (const offset of [0, 1, 2, 5, 9, 10, 200, other.length]) {
      const before = other.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - (before.lastIndexOf('\n') + 1) + 1;
      expect(lineColumn(other, offset)).toEqual({ line, column });
    }
  });
});
