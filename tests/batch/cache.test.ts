import { mkdtempSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeOutcome, encodeOutcome, ResultCache, recordLine } from '../../src/batch/cache.js';
import { AtomicFileWriter } from '../../src/io/write.js';
import { toDocumentResult } from '../../src/ledger/records.js';
import { processText, seed } from '../helpers.js';

const result = toDocumentResult(processText(seed('004'), { id: '004' }), false);

describe('stored outcomes', () => {
  it('copies the record into documents.jsonl with the event ids filled in, exactly as JSON.stringify would', () => {
    const stored = encodeOutcome({ result });
    const ids = ['ev-1', 'ev-2'];
    expect(recordLine(stored, ids)).toBe(JSON.stringify({ ...result.record, events: ids }));
  });

  it('fills the record’s own events field even when article text contains the same characters', () => {
    const text = 'Quoted JSON in an article: ,"events":[], and more.';
    const doc = toDocumentResult(processText(text, { id: 'quoted' }), true);
    expect(recordLine(encodeOutcome({ result: doc }), ['ev-x'])).toBe(
      JSON.stringify({ ...doc.record, events: ['ev-x'] }),
    );
  });

  it('keeps for the merge only what it reads: no spans, paragraphs or date mentions', () => {
    const outcome = decodeOutcome(encodeOutcome({ result }));
    if (!('merge' in outcome)) throw new Error('expected a result');
    expect(Object.keys(outcome.merge.record).sort()).toEqual(
      ['entities', 'id', 'language', 'published', 'sha256', 'source', 'warnings'].sort(),
    );
    expect(outcome.merge.events).toEqual(result.events);
    expect(new Set(outcome.merge.record.entities.map((e) => e.entity))).toEqual(
      new Set(result.record.entities.map((e) => e.entity)),
    );
  });

  it('treats an unreadable or damaged entry as a miss, and prunes what a run did not use', () => {
    const out = mkdtempSync(join(tmpdir(), 'event-ledger-cache-'));
    const cache = new ResultCache(out, 'salt');
    const a = { id: 'a', source: 'a.txt', sha256: '1', meta: {} };
    const b = { id: 'b', source: 'b.txt', sha256: '2', meta: {} };
    const c = { id: 'c', source: 'c.txt', sha256: '3', meta: {} };
    cache.settle(a, { result });
    cache.store(b, '{"merge": truncated');
    cache.settle(c, { result });
    expect(cache.get(b)).toBeUndefined();
    expect(cache.damaged).toEqual([{ source: 'b.txt', reason: expect.stringContaining('not JSON') }]);
    expect(cache.prune()).toBe(0); // the damaged entry was dropped when found; a and c were used
    const next = new ResultCache(out, 'salt');
    expect(next.storedKeys()).toEqual(new Set([next.key(a), next.key(c)]));
    expect(next.get(a)).toEqual(decodeOutcome(encodeOutcome({ result })));
    // One pack for all of a run's results, and the index of the live ones.
    expect(readdirSync(join(out, '.cache')).filter((n) => n.endsWith('.pack'))).toHaveLength(1);
    expect(next.prune()).toBe(1); // c was not used by this run
    expect(new ResultCache(out, 'salt').storedKeys()).toEqual(new Set([next.key(a)]));
  });

  it('reads back the results of a run killed before it wrote the index, and not an entry cut short', () => {
    const out = mkdtempSync(join(tmpdir(), 'event-ledger-cache-'));
    const inputs = ['a', 'b', 'c'].map((id, k) => ({ id, source: `${id}.txt`, sha256: String(k), meta: {} }));
    const killed = new ResultCache(out, 'salt');
    for (const i of inputs) killed.settle(i, { result });
    // Killed while appending the third: its entry is cut short, and no index was written.
    const pack = join(out, '.cache', readdirSync(join(out, '.cache'))[0] as string);
    truncateSync(pack, statSync(pack).size - 100);
    const next = new ResultCache(out, 'salt');
    expect(next.storedKeys()).toEqual(new Set(inputs.slice(0, 2).map((i) => next.key(i))));
    for (const i of inputs.slice(0, 2)) expect(next.get(i)).toEqual(decodeOutcome(encodeOutcome({ result })));
  });

  it('gives two caches of one thread (two runs of a library caller) packs of their own', () => {
    const out = mkdtempSync(join(tmpdir(), 'event-ledger-cache-'));
    const inputs = ['a', 'bb', 'ccc', 'dddd'].map((id, k) => ({
      id,
      source: `${id}.txt`,
      sha256: String(k),
      meta: {},
    }));
    const failed = (i: { id: string; source: string }) => ({
      failure: { source: i.source, message: { code: 'x', message: i.id, severity: 'error' as const, stage: 'read' } },
    });
    const one = new ResultCache(out, 'salt');
    const two = new ResultCache(out, 'salt');
    expect([one.storedKeys().size, two.storedKeys().size]).toEqual([0, 0]);
    // Both in the same millisecond, as a fast caller's would be.
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    try {
      for (const [k, i] of inputs.entries()) (k % 2 ? two : one).settle(i, failed(i));
    } finally {
      now.mockRestore();
    }
    // Each reads its own entries where it says it wrote them, as a run does its worker threads'.
    for (const [k, i] of inputs.entries()) expect((k % 2 ? two : one).get(i)).toEqual(failed(i));
    expect([...one.damaged, ...two.damaged]).toEqual([]);
  });

  it('holds only where a processed result is, and reads it back for the merge; a lost one fails its document', () => {
    const out = mkdtempSync(join(tmpdir(), 'event-ledger-cache-'));
    const cache = new ResultCache(out, 'salt');
    const a = { id: 'a', source: 'a.txt', sha256: '1', meta: {} };
    const b = { id: 'b', source: 'b.txt', sha256: '2', meta: {} };
    const held = cache.settle(a, { result });
    expect(Object.keys(held)).toEqual(['stored']);
    expect(cache.readBack(a, held)).toEqual(decodeOutcome(encodeOutcome({ result })));
    // Stored by a worker thread (another cache of the same folder), handed over by where it is.
    const worker = new ResultCache(out, 'salt');
    const at = worker.store(b, encodeOutcome({ result }));
    cache.touch(b, at);
    truncateSync(join(out, '.cache', at.pack), at.offset + 10);
    expect(cache.readBack(b, { stored: at })).toMatchObject({
      failure: { source: 'b.txt', message: { code: 'damaged-cache', message: expect.stringContaining('cut short') } },
    });
  });

  it('copies the live entries of a pack that is mostly dead into a new one, and drops the old', () => {
    const out = mkdtempSync(join(tmpdir(), 'event-ledger-cache-'));
    const inputs = Array.from({ length: 10 }, (_, k) => ({
      id: `d${k}`,
      source: `d${k}.txt`,
      sha256: String(k),
      meta: {},
    }));
    const first = new ResultCache(out, 'salt');
    for (const i of inputs) first.settle(i, { result });
    first.prune();
    const packs = () => readdirSync(join(out, '.cache')).filter((n) => n.endsWith('.pack'));
    const [old] = packs();
    // A later run uses three of the ten: the old pack is 30% live.
    const later = new ResultCache(out, 'salt');
    for (const i of inputs.slice(0, 3)) expect(later.get(i)).toBeDefined();
    expect(later.prune()).toBe(7);
    expect(packs()).toHaveLength(1);
    expect(packs()).not.toContain(old);
    const next = new ResultCache(out, 'salt');
    for (const i of inputs.slice(0, 3)) expect(next.get(i)).toEqual(decodeOutcome(encodeOutcome({ result })));
    expect(next.damaged).toEqual([]);
  });
});

describe('AtomicFileWriter', () => {
  it('leaves the old file in place until commit, and removes its temporary file on abort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-write-'));
    const path = join(dir, 'documents.jsonl');
    const first = new AtomicFileWriter(path);
    first.write('old\n');
    first.commit();
    const second = new AtomicFileWriter(path);
    second.write('new\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    second.abort();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['documents.jsonl']);
    const third = new AtomicFileWriter(path);
    for (let i = 0; i < 50_000; i++) third.write(`line ${i} ${'x'.repeat(40)}\n`);
    third.commit();
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(50_001);
  });
});
