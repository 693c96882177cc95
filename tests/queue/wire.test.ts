import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/io/inputs.js';
import { CARRY_LIMIT, fromWire, toWire } from '../../src/queue/batch.js';

describe('articles in jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-ledger-wire-'));
  writeFileSync(join(dir, 'small.txt'), 'Baku, 3 March 2024. The ministers met.');
  writeFileSync(join(dir, 'large.txt'), 'The ministers met again. '.repeat(CARRY_LIMIT / 10));
  writeFileSync(join(dir, 'feed.jsonl'), `${JSON.stringify({ id: 'r1', text: 'Moscow, 1 May 2024.' })}\n`);
  const { inputs } = readInputs([dir], { maxBytes: 5_000_000 });
  const byId = (id: string) => inputs.find((i) => i.id === id) as (typeof inputs)[number];

  it('carries small files and JSONL records, and references large files by absolute path', () => {
    expect(toWire(byId('small'))).toMatchObject({ base64: expect.any(String) });
    expect(toWire(byId('small')).path).toBeUndefined();
    expect(toWire(byId('large'))).toMatchObject({ path: join(dir, 'large.txt') });
    expect(toWire(byId('large')).base64).toBeUndefined();
    expect(toWire(byId('r1'))).toMatchObject({ text: 'Moscow, 1 May 2024.' });
  });

  it('gives back the same input on the worker side', () => {
    for (const id of ['small', 'large', 'r1']) {
      const { path: _path, ...original } = byId(id);
      const { path: _p, ...back } = fromWire(JSON.parse(JSON.stringify(toWire(byId(id)))));
      expect(back).toEqual(original);
    }
  });

  it('refuses a referenced file that changed after it was enqueued, without retrying', () => {
    const wire = toWire(byId('large'));
    writeFileSync(join(dir, 'large.txt'), 'Something else entirely.');
    expect(() => fromWire(wire)).toThrow(UnrecoverableError);
    expect(() => fromWire(wire)).toThrow(/large\.txt changed after it was enqueued/);
  });
});
