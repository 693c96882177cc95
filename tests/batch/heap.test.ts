import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundHeapGrowth, HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../src/batch/heap.js';

vi.mock('node:v8', () => ({ setFlagsFromString: vi.fn() }));
const setFlags = vi.mocked(setFlagsFromString);

describe('heapGrowthFlag', () => {
  it('bounds heap growth when node was started without a say in it', () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--single-threaded', '--max-old-space-size=2048'])).toBeDefined();
  });

  it('leaves the growth node was started with, in either spelling', () => {
    expect(heapGrowthFlag(['--heap-growing-percent=50'])).toBeUndefined();
    expect(heapGrowthFlag(['--heap_growing_percent=50'])).toBeUndefined();
  });
});

describe('boundHeapGrowth', () => {
  afterEach(() => setFlags.mockClear());

  it('bounds growth while any run extracts, and gives V8 its own back after the last', () => {
    const first = boundHeapGrowth([]);
    const second = boundHeapGrowth([]);
    expect(setFlags.mock.calls).toEqual([[`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]]);
    first();
    first(); // a release called twice (the run's finally after its merge) counts once
    expect(setFlags).toHaveBeenCalledTimes(1);
    second();
    expect(setFlags.mock.calls.at(-1)).toEqual(['--heap-growing-percent=0']);
  });

  it('never touches a growth node was started with', () => {
    boundHeapGrowth(['--heap-growing-percent=30'])();
    expect(setFlags).not.toHaveBeenCalled();
  });
});
