import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seed } from '../helpers.js';

const cli = (...args: string[]) => cliIn({}, ...args);
const cliIn = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

/** The CLI without blocking, so that several can run at once. */
function cliAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('event-ledger CLI', () => {
  it('prints help for every command and exits 0', async () => {
    // The processes run side by side: each spends most of its time starting up.
    const results = await Promise.all(
      [['--help'], ['run', '--help'], ['eval', '--help']].map((args) => cliAsync(...args)),
    );
    for (const r of results) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Usage: event-ledger');
    }
  });

  it('exits 2 on a usage error', async () => {
    const results = await Promise.all(
      [['run', '--no-such-option'], ['eval'], ['run', '--pipeline', join(ROOT, 'package.json')]].map((args) =>
        cliAsync(...args),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([2, 2, 2]);
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

  it("writes the same dates whatever the machine's time zone, and takes --language for records without one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-cli-'));
    const input = join(dir, 'in.jsonl');
    const records = [
      { id: 'night', text: 'The fire broke out last night near the station.', published: '2024-03-01T00:30:00' },
      { id: 'ru', text: 'Пожар начался 30 минут назад и вчера вечером.', published: '2024-03-01T00:10:00' },
      { id: 'given', text: 'Дедлайн сегодня', published: '2024-03-01' },
    ];
    writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n'));
    const read = (out: string) => readFileSync(join(out, 'documents.jsonl'), 'utf8');
    const east = cliIn(
      { TZ: 'Pacific/Kiritimati' },
      'run',
      input,
      '--out',
      join(dir, 'east'),
      '--quiet',
      '--language',
      'ru',
    );
    const west = cliIn(
      { TZ: 'America/Los_Angeles' },
      'run',
      input,
      '--out',
      join(dir, 'west'),
      '--quiet',
      '--language',
      'ru',
    );
    expect([east.status, west.status]).toEqual([0, 0]);
    expect(read(join(dir, 'east'))).toBe(read(join(dir, 'west')));
    const docs = read(join(dir, 'east'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // The English record states no language, so --language ru is taken: it is still flagged as English.
    expect(docs.map((d) => [d.id, d.language, d.languageSource])).toEqual([
      ['given', 'ru', 'given'],
      ['night', 'ru', 'given'],
      ['ru', 'ru', 'given'],
    ]);
    expect(docs[1].warnings.map((w: { code: string }) => w.code)).toContain('paragraph-language');
    expect(docs[2].dates.map((d: { value: string }) => d.value)).toEqual(['2024-02-29', '2024-02-29']);
  });
});
