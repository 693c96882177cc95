import { setFlagsFromString } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { compileRegExpsAtFirstUse, regexpTierUpFlag } from '../../src/core/regexp.js';

vi.mock('node:v8', () => ({ setFlagsFromString: vi.fn() }));
const setFlags = vi.mocked(setFlagsFromString);

describe('regexpTierUpFlag', () => {
  it('compiles patterns at first use when node was started without a say in it', () => {
    expect(regexpTierUpFlag([])).toBe('--no-regexp-tier-up');
    expect(regexpTierUpFlag(['--max-old-space-size=2048', '--single-threaded'])).toBe('--no-regexp-tier-up');
  });

  it('leaves the choice node was started with, either way and in either spelling', () => {
    expect(regexpTierUpFlag(['--regexp-tier-up'])).toBeUndefined();
    expect(regexpTierUpFlag(['--no-regexp-tier-up'])).toBeUndefined();
    expect(regexpTierUpFlag(['--regexp_tier_up'])).toBeUndefined();
  });
});

describe('compileRegExpsAtFirstUse', () => {
  it('sets the flag once for the process, however many pipelines are built', () => {
    compileRegExpsAtFirstUse([]);
    compileRegExpsAtFirstUse([]);
    expect(setFlags.mock.calls).toEqual([['--no-regexp-tier-up']]);
  });
});
