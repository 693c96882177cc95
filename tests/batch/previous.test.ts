import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/batch/members.js';
import { PreviousRecords, swapEvents } from '../../src/batch/previous.js';
import { ROOT } from '../helpers.js';

// The committed documents.jsonl of the default corpus: real records, with events.
const file = readFileSync(join(ROOT, 'output', 'documents.jsonl'));
const lines = file.toString('utf8').trimEnd().split('\n');
const withEvents = lines.find((l) => (JSON.parse(l) as { events: string[] }).events.length > 1) as string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** An output folder holding the committed documents.jsonl, and its member list naming result keys. */
function folder(): { out: string; members: Member[] } {
  const out = mkdtempSync(join(tmpdir(), 'previous-'));
  writeFileSync(join(out, 'documents.jsonl'), file);
  const members = lines.map((l) => {
    const { id, source, sha256 } = JSON.parse(l) as Member;
    return { id, source, sha256, meta: {}, result: `key-${id}` };
  });
  return { out, members };
}

describe('swapEvents', () => {
  const line = Buffer.from(withEvents);
  const record = JSON.parse(withEvents) as Record<string, unknown> & { events: string[] };

  it('gives the line itself when its events are the same', () => {
    expect(swapEvents(line, record.events)).toEqual([line]);
  });

  it('gives the line the writer would write from the stored record when the events changed', () => {
    for (const events of [[], ['ev-000000000000'], [...record.events, 'ev-ffffffffffff-abcdef']]) {
      const pieces = swapEvents(line, events) as Buffer[];
      expect(Buffer.concat(pieces).toString('utf8')).toBe(JSON.stringify({ ...record, events }));
    }
  });

  it('gives nothing for a line without an events field', () => {
    expect(swapEvents(Buffer.from('{"id":"x","source":"x.txt"}'), [])).toBeUndefined();
  });
});

describe('PreviousRecords', () => {
  it("copies a member's line only when it was written from the same stored result", () => {
    const { out, members } = folder();
    const previous = PreviousRecords.read(out, members, sha(file));
    for (const [k, m] of members.entries()) {
      const events = (JSON.parse(lines[k] as string) as { events: string[] }).events;
      expect(Buffer.concat(previous.line(m.id, `key-${m.id}`, events) ?? []).toString('utf8')).toBe(lines[k]);
      expect(previous.line(m.id, 'another-key', events)).toBeUndefined();
    }
  });

  it('trusts no line of a file that is not the one the member list was committed with', () => {
    const { out, members } = folder();
    const first = members[0] as Member;
    expect(PreviousRecords.read(out, members, sha(Buffer.from('other'))).line(first.id, `key-${first.id}`, [])).toBe(
      undefined,
    );
    expect(PreviousRecords.read(out, members, undefined).line(first.id, `key-${first.id}`, [])).toBeUndefined();
    // Lines that are not the members' records in id order: nothing is copied.
    const short = members.slice(1);
    const second = members[1] as Member;
    expect(PreviousRecords.read(out, short, sha(file)).line(second.id, `key-${second.id}`, [])).toBeUndefined();
  });
});
