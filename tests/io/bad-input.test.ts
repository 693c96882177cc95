import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/io/decode.js';
import { runBatch } from '../../src/run.js';
import { DEFAULT_PIPELINE, seed } from '../helpers.js';

describe('bad input never takes the batch down', () => {
  it('reports each bad file with a reason and still writes the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-bad-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'good.txt'), seed('002'));
    writeFileSync(join(dir, 'in', 'empty.txt'), '  \n\n ');
    writeFileSync(
      join(dir, 'in', 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    writeFileSync(
      join(dir, 'in', 'records.jsonl'),
      `{"id":"ok1","text":${JSON.stringify(seed('001'))}}\n{not json\n{"id":"no-text"}\n`,
    );
    const out = join(dir, 'out');
    const { report } = await runBatch({
      inputs: [join(dir, 'in')],
      out,
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 5_000_000,
    });
    const codes = Object.fromEntries(report.failures.map((f) => [f.source.replace(/^.*[\\/]/, ''), f.code]));
    expect(codes).toMatchObject({
      'empty.txt': 'empty-input',
      'image.txt': 'binary-input',
      'records.jsonl:2': 'malformed-jsonl',
      'records.jsonl:3': 'malformed-jsonl',
    });
    expect(report.failures.find((f) => f.source === 'records.jsonl:2')?.line).toBe(2);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(docs).toEqual(['good', 'ok1']);
  });

  it('refuses a file above the size limit before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-big-'));
    writeFileSync(join(dir, 'big.txt'), 'word '.repeat(1000));
    const { report } = await runBatch({
      inputs: [dir],
      out: join(dir, 'out'),
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 100,
    });
    expect(report.failures.map((f) => f.code)).toEqual(['too-large']);
  });

  it('decodes BOMs and UTF-16, and warns on invalid UTF-8 with the byte offset', () => {
    expect(decodeBytes(Buffer.from('\uFEFFBakı', 'utf8')).text).toBe('Bakı');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Баку', 'utf16le')])).text).toBe('Баку');
    const bad = decodeBytes(Buffer.from([0x41, 0x42, 0xff, 0x43]));
    expect(bad.text).toBe('AB\uFFFDC');
    expect(bad.messages[0]?.code).toBe('invalid-utf8');
    expect(bad.messages[0]?.message).toContain('byte offset 2');
  });

  it('detects and decodes legacy Russian encodings', () => {
    // KOI8-R has no typographic dashes or quotes: the sample keeps to letters both encodings have.
    const text = seed('003').split('\n').slice(52, 56).join('\n').replace(/[–“”]/g, '-');
    for (const enc of ['windows-1251', 'koi8-r']) {
      const d = decodeBytes(iconv.encode(text, enc));
      expect(d.text).toBe(text);
      expect(d.messages[0]?.code).toBe('legacy-encoding');
    }
  });

  it('keeps UTF-8 with a few broken bytes as UTF-8', () => {
    const good = Buffer.from(seed('003').slice(2000, 3000), 'utf8');
    const broken = Buffer.concat([good.subarray(0, 100), Buffer.from([0xff]), good.subarray(100)]);
    const d = decodeBytes(broken);
    expect(d.messages[0]?.code).toBe('invalid-utf8');
    expect(d.text).toContain('\uFFFD');
  });
});
