import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileStamp, loadInput, type RawInput, readInputs } from '../../src/io/inputs.js';
import { seed } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-inputs-'));
const read = (paths: string[], maxBytes = 5_000_000) => readInputs(paths, { maxBytes });
const record = (id: string, text = seed('001')) => JSON.stringify({ id, text });

describe('JSONL, record by record', () => {
  it('reports a null, an array or a number on a line with its number, and reads the rest', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.jsonl'), `${record('one')}\nnull\n[1,2]\n42\n${record('two')}\n`);
    const { inputs, failures } = read([dir]);
    expect(inputs.map((i) => i.id)).toEqual(['one', 'two']);
    expect(failures.map((f) => [f.source, f.message.line, f.message.code])).toEqual([
      ['a.jsonl:2', 2, 'malformed-jsonl'],
      ['a.jsonl:3', 3, 'malformed-jsonl'],
      ['a.jsonl:4', 4, 'malformed-jsonl'],
    ]);
    expect(failures[0]?.message.message).toMatch(/line 2 of a\.jsonl is null/);
  });

  it('keeps the first record of a file that starts with a UTF-8 BOM', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.jsonl'), `\uFEFF${record('first')}\n${record('second')}\n`);
    const { inputs, failures } = read([dir]);
    expect(failures).toEqual([]);
    expect(inputs.map((i) => i.id)).toEqual(['first', 'second']);
  });

  it('reads a file larger than the size limit when each record is under it', () => {
    const dir = tmp();
    const lines = Array.from({ length: 40 }, (_, i) => record(`r${i}`));
    writeFileSync(
      join(dir, 'big.jsonl'),
      `${lines.join('\n')}\n${JSON.stringify({ id: 'huge', text: 'x'.repeat(60_000) })}\n`,
    );
    const { inputs, failures } = read([dir], 50_000);
    expect(inputs).toHaveLength(40);
    expect(failures.map((f) => [f.source, f.message.code])).toEqual([['big.jsonl:41', 'too-large']]);
  });

  it('reads lines across its read chunks, multi-byte characters included', () => {
    const dir = tmp();
    const text = 'Президент Азербайджана Ильхам Алиев прибыл в Ташкент. '.repeat(3000); // > 64 KB a record
    writeFileSync(join(dir, 'c.jsonl'), `${JSON.stringify({ id: 'ru', text })}\n${record('en')}`);
    const { inputs } = read([dir]);
    expect(inputs.map((i) => [i.id, i.text?.length])).toEqual([
      ['ru', text.length],
      ['en', seed('001').length],
    ]);
  });
});

describe('folders', () => {
  it('skips a FIFO and a link to a device with a warning instead of hanging', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.txt'), seed('001'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const { inputs, warnings } = read([dir]);
    expect(inputs.map((i) => i.id)).toEqual(['good']);
    expect(warnings.map((w) => [w.source, w.message.code])).toEqual([
      ['pipe.txt', 'not-a-file'],
      ['zero.txt', 'not-a-file'],
    ]);
  });

  it('reads a folder reached through a symbolic link loop once', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.txt'), seed('001'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const { inputs, warnings } = read([dir]);
    expect(inputs.map((i) => i.id)).toEqual(['sub/a']);
    expect(warnings.map((w) => w.message.code)).toEqual(['repeated-folder']);
  });

  // Root reads any folder whatever its mode: the case can only be made as another user.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable subfolder and reads the rest', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.txt'), seed('001'));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'x.txt'), seed('002'));
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const { inputs, failures } = read([dir]);
      expect(inputs.map((i) => i.id)).toEqual(['good']);
      expect(failures.map((f) => [f.source, f.message.code])).toEqual([['locked', 'unreadable-path']]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

describe('files read when needed', () => {
  it('keeps only the hash and path, reads the bytes again on demand, and refuses a file changed or gone since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-defer-'));
    const text = seed('001');
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.txt`), text);
    const { inputs } = readInputs([dir], { maxBytes: 1_000_000, deferBytes: true });
    expect(inputs.map((i) => [i.id, i.bytes, i.text])).toEqual([
      ['a', undefined, undefined],
      ['b', undefined, undefined],
      ['c', undefined, undefined],
    ]);
    const [a, b, c] = inputs as [RawInput, RawInput, RawInput];
    expect(loadInput(a)).toBeUndefined();
    expect(a.bytes?.toString('utf8')).toBe(text);
    expect(a.sha256).toBe(readInputs([dir], { maxBytes: 1_000_000 }).inputs[0]?.sha256);
    writeFileSync(join(dir, 'b.txt'), `${text} More.`);
    expect(loadInput(b)?.message).toMatchObject({ code: 'changed-during-run', severity: 'error' });
    expect(b.bytes).toBeUndefined();
    rmSync(join(dir, 'c.txt'));
    expect(loadInput(c)?.message.code).toBe('unreadable-path');
  });
});

describe('files an earlier run read', () => {
  it('takes a file whose stamp is unchanged unread, and reads one that changed or was new when read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-known-'));
    const path = join(dir, 'a.txt');
    const fresh = join(dir, 'b.txt');
    writeFileSync(path, 'The ministers met in Baku.');
    writeFileSync(fresh, 'The ministers met in Tashkent.');
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(path, past, past);
    const opts = { maxBytes: 1_000_000, deferBytes: true };
    const [a, b] = readInputs([dir], opts).inputs as [RawInput, RawInput];
    // Modified just now, b may change again within the clock's tick: it gets no stamp.
    expect(b.stamp).toBeUndefined();
    expect(a.stamp).toMatchObject({ size: 26, mtimeMs: statSync(path).mtimeMs });
    const known = new Map([[a.stamp?.path as string, { sha256: a.sha256, stamp: a.stamp as FileStamp }]]);
    // Same size and time stamp (set back): taken unread, with the hash recorded (the file is not read).
    writeFileSync(path, 'The ministers met in Kyiv.');
    utimesSync(path, past, past);
    expect(readInputs([dir], { ...opts, known }).inputs[0]?.sha256).toBe(a.sha256);
    // Loading it for processing then finds it changed, rather than processing other content.
    expect(loadInput(readInputs([dir], { ...opts, known }).inputs[0] as RawInput)?.message.code).toBe(
      'changed-during-run',
    );
    // Another size: read.
    writeFileSync(path, 'The ministers met in Bishkek.');
    utimesSync(path, past, past);
    expect(readInputs([dir], { ...opts, known }).inputs[0]?.sha256).not.toBe(a.sha256);
  });
});
