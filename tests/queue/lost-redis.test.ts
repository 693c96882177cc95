import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ROOT, seed } from '../helpers.js';
import { startRedis } from './redis.js';

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** The CLI in a child process, killed should it outlive `timeoutMs`. */
function cli(args: string[], timeoutMs: number): Promise<{ status: number | null; stderr: string; ms: number }> {
  return started(args, timeoutMs).done;
}

/** The same, with a promise that settles once stderr shows `ready`. */
function started(args: string[], timeoutMs: number, ready = '') {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
  let stderr = '';
  let signal: () => void = () => {};
  const isReady = new Promise<void>((r) => {
    signal = r;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    if (ready && stderr.includes(ready)) signal();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ status: number | null; stderr: string; ms: number }>((resolve) =>
    child.on('close', (status) => {
      clearTimeout(killer);
      signal();
      resolve({ status, stderr, ms: Date.now() - t0 });
    }),
  );
  return { ready: isReady, done };
}

const server = await startRedis();
const second = await startRedis();

describe('Redis unreachable or gone', () => {
  it('enqueue, worker and status give up with one line and exit 2 when nothing listens', async () => {
    const url = 'redis://127.0.0.1:1'; // nothing listens on port 1
    const results = await Promise.all([
      cli(['enqueue', join(ROOT, 'corpus'), '--redis', url], 60_000),
      cli(['worker', '--redis', url, '--quiet'], 60_000),
      cli(['status', '--redis', url], 60_000),
    ]);
    for (const r of results) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it.skipIf('reason' in server || 'reason' in second)(
    'worker and collect --wait give up within their timeouts when Redis goes away',
    async () => {
      if ('reason' in server || 'reason' in second) return;
      const dir = mkdtempSync(join(tmpdir(), 'event-ledger-lost-'));
      writeFileSync(join(dir, 'a.txt'), seed('001'));
      // collect waits on a job no worker takes; a worker idles on another server; both servers go away.
      const enqueued = await cli(['enqueue', dir, '--redis', server.url, '--batch', 'lost'], 60_000);
      expect(enqueued.status).toBe(0);
      const collect = started(
        ['collect', '--redis', server.url, '--batch', 'lost', '--out', join(dir, 'out'), '--wait', '--timeout', '20'],
        60_000,
        'not done',
      );
      const worker = started(
        ['worker', '--redis', second.url, '--lock-ms', '2000', '--concurrency', '1'],
        60_000,
        'worker ready',
      );
      await Promise.all([worker.ready, sleep(4000)]);
      server.stop();
      second.stop();
      const [c, w] = await Promise.all([collect.done, worker.done]);
      expect(c.status).toBe(2);
      expect(c.stderr).toMatch(/error: lost Redis at .* while collecting/);
      expect(c.stderr).not.toMatch(STACK);
      expect(w.status).toBe(2);
      expect(w.stderr).toMatch(/error: lost Redis at .* giving up/);
      // Both well before collect's own 20 s timeout would have ended it, and before the 60 s kill.
      expect(Math.max(c.ms, w.ms)).toBeLessThan(20_000);
    },
  );
});
