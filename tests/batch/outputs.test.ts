import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutputs, finishCommit, lockOutput, removeStaleTemps } from '../../src/batch/outputs.js';
import { UsageError } from '../../src/core/errors.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-outputs-'));

describe('the output folder as one consistent set', () => {
  it('renames prepared files into place and leaves no journal behind', () => {
    const out = tmp();
    writeFileSync(join(out, '.ledger.json.1.tmp'), 'new ledger');
    writeFileSync(join(out, '.documents.jsonl.1.tmp'), 'new documents');
    commitOutputs(out, [
      ['.documents.jsonl.1.tmp', 'documents.jsonl'],
      ['.ledger.json.1.tmp', 'ledger.json'],
    ]);
    expect(readdirSync(out).sort()).toEqual(['documents.jsonl', 'ledger.json']);
  });

  it('finishes a commit a killed run left between its two renames', () => {
    // The state kill -9 leaves after the first rename: documents.jsonl new, ledger.json old, the
    // journal naming both, the new ledger still in its temporary file.
    const out = tmp();
    writeFileSync(join(out, 'documents.jsonl'), 'new documents');
    writeFileSync(join(out, 'ledger.json'), 'old ledger');
    writeFileSync(join(out, '.ledger.json.7.tmp'), 'new ledger');
    writeFileSync(
      join(out, '.commit.json'),
      JSON.stringify({
        files: [
          ['.documents.jsonl.7.tmp', 'documents.jsonl'],
          ['.ledger.json.7.tmp', 'ledger.json'],
        ],
      }),
    );
    expect(finishCommit(out)).toBe(true);
    expect(readFileSync(join(out, 'ledger.json'), 'utf8')).toBe('new ledger');
    expect(readFileSync(join(out, 'documents.jsonl'), 'utf8')).toBe('new documents');
    expect(existsSync(join(out, '.commit.json'))).toBe(false);
    expect(finishCommit(out)).toBe(false);
  });

  it('removes the temporary files of killed writes, and nothing else', () => {
    const out = tmp();
    const cache = join(out, '.cache');
    for (const f of [
      'ledger.json',
      'documents.jsonl',
      '.documents.jsonl.123.456.tmp',
      'ledger.json.3735928559',
      'notes.txt',
    ])
      writeFileSync(join(out, f), 'x');
    mkdirSync(cache);
    for (const f of ['0123456789abcdef0123456789abcdef.json', '0123456789abcdef0123456789abcdef.json.2882400001'])
      writeFileSync(join(cache, f), 'x');
    expect(removeStaleTemps(out, [cache])).toBe(3);
    expect(readdirSync(out).sort()).toEqual(['.cache', 'documents.jsonl', 'ledger.json', 'notes.txt']);
    expect(readdirSync(cache)).toEqual(['0123456789abcdef0123456789abcdef.json']);
  });
});

describe('one run per output folder', () => {
  it('refuses a second holder while the first lives, and frees the folder on release', () => {
    const out = tmp();
    // A live process other than this one (the one that started the tests) holds the lock.
    writeFileSync(join(out, '.lock'), `${process.ppid}\n`);
    expect(() => lockOutput(out)).toThrow(UsageError);
    expect(() => lockOutput(out)).toThrow(new RegExp(`another run \\(pid ${process.ppid}\\) is writing to`));
    // The lock of a process that is gone is taken over.
    writeFileSync(join(out, '.lock'), '999999999\n');
    const release = lockOutput(out);
    expect(readFileSync(join(out, '.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });
});
