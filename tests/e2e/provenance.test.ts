import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../src/batch/fingerprint.js';
import type { Ledger } from '../../src/ledger/merge.js';
import { ROOT, seed } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });

describe('provenance', () => {
  it('prints its version', () => {
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('reads JSONL from standard input with `run -`, keeps url and title, and names what made the run', () => {
    const out = mkdtempSync(join(tmpdir(), 'event-ledger-stdin-'));
    const records = [
      { id: 'a', text: seed('001'), url: 'https://example.org/a', title: 'Presidents meet' },
      { id: 'b', text: seed('002') },
    ];
    const r = cli(['run', '-', '--out', out, '--quiet'], `${records.map((x) => JSON.stringify(x)).join('\n')}\n`);
    expect(r.status, r.stderr).toBe(0);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; source: string; url?: string; title?: string });
    expect(docs.map((d) => [d.id, d.source, d.url, d.title])).toEqual([
      ['a', 'stdin#a', 'https://example.org/a', 'Presidents meet'],
      ['b', 'stdin#b', undefined, undefined],
    ]);
    const ledger = JSON.parse(readFileSync(join(out, 'ledger.json'), 'utf8')) as Ledger;
    expect(ledger.documents[0]).toMatchObject({ id: 'a', url: 'https://example.org/a', title: 'Presidents meet' });
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
    expect(report.tool).toEqual({
      name: 'event-ledger',
      version: pkg.version,
      fingerprint: codeFingerprint(),
      node: process.version,
    });
    expect(report.inputs).toEqual(['-']);
    expect(Date.now() - Date.parse(report.startedAt)).toBeLessThan(10 * 60_000);
    expect(report.pipeline.name).toBe('default');
  });
});
