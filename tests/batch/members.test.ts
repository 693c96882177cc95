import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Member, MemberStore } from '../../src/batch/members.js';
import { type RawInput, sha256 } from '../../src/io/inputs.js';

const input = (id: string, text: string): RawInput => ({
  id,
  source: `${id}.txt`,
  sha256: sha256(text),
  text,
  meta: {},
});
const packsIn = (out: string) => readdirSync(join(out, '.store', 'inputs')).filter((n) => n.endsWith('.pack'));

/** One run's use of the store: keep the inputs, list the members (with the earlier ones kept), prune. */
function run(out: string, inputs: RawInput[], before: Member[] = []): Member[] {
  const store = new MemberStore(out);
  const earlier = new Map(before.map((m) => [m.id, m]));
  for (const i of inputs) store.keep(i, earlier.get(i.id));
  const given = new Set(inputs.map((i) => i.id));
  const kept = before.filter((m) => !given.has(m.id));
  const members = [...inputs.map((i) => store.member(i, earlier.get(i.id))), ...kept];
  store.compact(members);
  store.prune(members);
  return members;
}

describe('the input store', () => {
  it('keeps every text of a run in one pack and restores each by its member entry', () => {
    const out = mkdtempSync(join(tmpdir(), 'members-'));
    const docs = Array.from({ length: 50 }, (_, k) => input(`d${k}`, `Text ${k}: the ministers met in Baku.`));
    const members = run(out, docs);
    expect(packsIn(out)).toHaveLength(1);
    const store = new MemberStore(out);
    for (const [k, m] of members.entries()) expect(store.restore(m)?.text).toBe(docs[k]?.text);
  });

  it('writes nothing for an unchanged text, appends a changed one, and drops a pack no member needs', () => {
    const out = mkdtempSync(join(tmpdir(), 'members-'));
    const first = run(out, [input('a', 'first text of a'), input('b', 'text of b')]);
    const [packA] = packsIn(out);
    // Same texts again: the members point into the first pack, no second pack is made.
    const same = run(out, [input('a', 'first text of a'), input('b', 'text of b')], first);
    expect(packsIn(out)).toEqual([packA]);
    expect(same.map((m) => m.stored)).toEqual(first.map((m) => m.stored));
    // Both texts changed: the new pack holds them, the first one is no longer needed and goes.
    const changed = run(out, [input('a', 'second text of a'), input('b', 'second text of b')], same);
    expect(packsIn(out)).toHaveLength(1);
    expect(packsIn(out)).not.toContain(packA);
    const store = new MemberStore(out);
    expect(changed.map((m) => store.restore(m)?.text)).toEqual(['second text of a', 'second text of b']);
  });

  it('copies the live texts out of a pack that is mostly superseded ones', () => {
    const out = mkdtempSync(join(tmpdir(), 'members-'));
    const docs = Array.from({ length: 10 }, (_, k) => input(`d${k}`, `original text number ${k} `.repeat(20)));
    const first = run(out, docs);
    const [old] = packsIn(out);
    // Nine of ten change: the first pack is mostly dead, so d9's text moves to the new pack.
    const edits = docs.slice(0, 9).map((d, k) => input(d.id, `edited text number ${k} `.repeat(20)));
    const second = run(out, edits, first);
    expect(packsIn(out)).not.toContain(old);
    const store = new MemberStore(out);
    const d9 = second.find((m) => m.id === 'd9') as Member;
    expect(store.restore(d9)?.text).toBe(docs[9]?.text);
  });

  it('keeps an unchanged text again when the pack that held it is gone', () => {
    const out = mkdtempSync(join(tmpdir(), 'members-'));
    const first = run(out, [input('a', 'text of a')]);
    rmSync(join(out, '.store', 'inputs', first[0]?.stored?.pack as string));
    const again = run(out, [input('a', 'text of a')], first);
    expect(new MemberStore(out).restore(again[0] as Member)?.text).toBe('text of a');
  });

  it('restores nothing from a damaged entry, and still reads texts kept one file per document', () => {
    const out = mkdtempSync(join(tmpdir(), 'members-'));
    const [m] = run(out, [input('a', 'a text that will be damaged')]);
    const pack = join(out, '.store', 'inputs', (m as Member).stored?.pack as string);
    writeFileSync(pack, Buffer.alloc(statSync(pack).size, 0));
    expect(new MemberStore(out).restore(m as Member)).toBeUndefined();
    // The earlier layout: <sha256(id)[0..32]>.json.gz holding { sha256, text }.
    const text = 'kept by an earlier version';
    const legacy = join(
      out,
      '.store',
      'inputs',
      `${createHash('sha256').update('old').digest('hex').slice(0, 32)}.json.gz`,
    );
    writeFileSync(legacy, gzipSync(JSON.stringify({ sha256: sha256(text), text })));
    const member: Member = { id: 'old', source: 'old.txt', sha256: sha256(text), meta: {} };
    expect(new MemberStore(out).restore(member)?.text).toBe(text);
  });
});
