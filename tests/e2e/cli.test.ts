import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seed } from '../helpers.js';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('event-ledger CLI', () => {
  it('prints help for every command and exits 0', () => {
    for (const args of [['--help'], ['run', '--help'], ['eval', '--help']]) {
      const r = cli(...args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Usage: event-ledger');
    }
  });

  it('exits 2 on a usage error', () => {
    expect(cli('run', '--no-such-option').status).toBe(2);
    expect(cli('eval').status).toBe(2);
    expect(cli('run', '--pipeline', join(ROOT, 'package.json')).status).toBe(2);
  });

  it('exits 1 when a document failed, and writes the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-cli-'));
    writeFileSync(join(dir, 'ok.txt'), seed('001'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = cli('run', dir, '--out', join(dir, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: empty\.txt: .*empty/);
    expect(r.stderr).toContain('1 documents processed (0 from cache), 1 failed');
  });

  it('exits 0 on a clean run and eval prints the summary line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-cli-'));
    expect(cli('run', join(ROOT, 'corpus'), '--out', dir, '--quiet').status).toBe(0);
    const r = cli('eval', '--gold', join(ROOT, 'tests/gold/seeds.gold.json'), '--out', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^SUMMARY lang 5\/5 /m);
  });
});
