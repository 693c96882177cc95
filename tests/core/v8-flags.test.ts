import { describe, expect, it } from 'vitest';
import { givenToNode } from '../../src/core/v8-flags.js';

describe('givenToNode', () => {
  it('finds a flag node was started with, in any form and spelling', () => {
    expect(givenToNode('regexp-tier-up', ['--regexp-tier-up'])).toBe(true);
    expect(givenToNode('regexp-tier-up', ['--no-regexp-tier-up'])).toBe(true);
    expect(givenToNode('regexp-tier-up', ['--no_regexp_tier_up'])).toBe(true);
    expect(givenToNode('heap-growing-percent', ['--max-old-space-size=512', '--heap_growing_percent=30'])).toBe(true);
  });

  it('does not take another flag that begins with the same name for it', () => {
    expect(givenToNode('regexp-tier-up', ['--regexp-tier-up-ticks=5'])).toBe(false);
    expect(givenToNode('heap-growing-percent', ['--single-threaded', '--max-old-space-size=2048'])).toBe(false);
    expect(givenToNode('heap-growing-percent', [])).toBe(false);
  });
});
