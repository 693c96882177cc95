import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/batch/cache.js';
import { runInPool } from '../../src/batch/pool.js';
import { loadPipelineConfig } from '../../src/core/pipeline.js';
import type { RawInput } from '../../src/io/inputs.js';
import { DEFAULT_PIPELINE } from '../helpers.js';

// A pool whose thread fails as piscina reports it: a real out-of-memory needs a document larger than
// a test should process, the error it raises is this one.
const failing = (error: Error & { code?: string }) => ({ run: async () => Promise.reject(error) });
const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), {
  code: 'ERR_WORKER_OUT_OF_MEMORY',
});

describe('runInPool', () => {
  const out = mkdtempSync(join(tmpdir(), 'event-ledger-pool-'));
  const cache = new ResultCache(out, 'salt');
  const input: RawInput = { id: 'a', source: 'a.txt', sha256: '0'.repeat(64), text: 'Text.', meta: {} };
  const task = { config: loadPipelineConfig(DEFAULT_PIPELINE), input, cache: { out, salt: 'salt' }, timeBudget: 10 };
  const inThread = () =>
    ({ failure: { source: 'in-thread', message: { code: 'x', message: 'y', severity: 'info' } } }) as never;

  it('hands a document whose thread ran out of its heap bound to the calling thread', async () => {
    const got = await runInPool(failing(oom), task, cache, new Map(), inThread);
    expect(got).toEqual(inThread());
  });

  it('fails a document whose thread failed otherwise, saying so', async () => {
    const got = await runInPool(failing(new Error('boom')), task, cache, new Map(), inThread);
    expect(got).toMatchObject({ failure: { source: 'a.txt', message: { code: 'worker-failed' } } });
    expect(JSON.stringify(got)).toContain('boom');
  });
});
