/**
 * Queue benchmark (part of `npm run bench`): throughput of 1 and 2 worker processes (`event-ledger
 * worker --concurrency 1`, the built CLI) on a Redis queue, over the same synthetic corpus. Each round
 * starts from an empty Redis, starts the workers and waits until they are ready, then times enqueue
 * until no job is waiting or active. Rounds alternate the two configurations; medians are reported.
 * Writes bench/results/queue.json.
 *
 * Options: --articles N (default 2000), --rounds R (default 3). Needs redis-server (Debian's package).
 * Each worker process warms up its own JIT, so small batches understate steady-state scaling: on the
 * 2-core machine 1000 articles gave 1.57x for 2 workers where 2000 gave 1.79x.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { startRedis } from '../tests/queue/redis.js';
import { median, numberArg } from './args.js';
import { generate, sentencePools } from './synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const N = numberArg('--articles', 2000);
const ROUNDS = numberArg('--rounds', 3);
const PIPELINE = join(ROOT, 'pipelines', 'default.json');

// The built modules, as the workers run them (the same fingerprint as the sources when built by npm run build).
const dist = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;
const { enqueueBatch } = await dist<typeof import('../src/queue/enqueue.js')>('queue/enqueue.js');
const { connect, openQueue, queueName } = await dist<typeof import('../src/queue/batch.js')>('queue/batch.js');

const redis = await startRedis();
if ('reason' in redis) {
  console.log(`queue benchmark skipped: ${redis.reason}`);
  process.exit(0);
}
const { url, stop } = redis;
// Whatever happens (a failed round, an exception), leave no Redis server or worker behind.
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of live) p.kill('SIGKILL');
  stop();
});

const corpus = join(tmpdir(), `event-ledger-bench-queue-${N}`);
rmSync(corpus, { recursive: true, force: true });
mkdirSync(corpus, { recursive: true });
generate(corpus, 0, N, sentencePools(PIPELINE));

function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/cli/main.js'), 'worker', '--redis', url, '--concurrency', '1'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('worker ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${err}`)));
  });
}

async function round(workers: number): Promise<number> {
  const conn = connect(url);
  await conn.flushall();
  const procs = await Promise.all(Array.from({ length: workers }, startWorker));
  const queue = openQueue(conn, queueName());
  const t0 = performance.now();
  await enqueueBatch({ redis: url, batch: 'bench', inputs: [corpus], pipeline: PIPELINE, maxBytes: 5_000_000 });
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(c).every((n) => n === 0)) break;
    await sleep(100);
  }
  const seconds = (performance.now() - t0) / 1000;
  const failed = await queue.getJobCounts('failed');
  if (failed.failed) throw new Error(`${failed.failed} jobs failed`);
  await queue.close();
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode === null ? p.once('exit', r) : r(null)))));
  conn.disconnect();
  return seconds;
}

const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const w of r % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) {
    const s = await round(w);
    times[w].push(s);
    console.log(`round ${r + 1}: ${w} worker${w > 1 ? 's' : ''} ${s.toFixed(1)} s (${Math.round(N / s)} articles/s)`);
  }
}
const m1 = median(times[1]);
const m2 = median(times[2]);
const summary = {
  articles: N,
  rounds: ROUNDS,
  medianSeconds: { workers1: Math.round(m1 * 10) / 10, workers2: Math.round(m2 * 10) / 10 },
  articlesPerSec: { workers1: Math.round(N / m1), workers2: Math.round(N / m2) },
  speedupWorkers2: Math.round((m1 / m2) * 100) / 100,
  // Each round's ratio against the 1-worker time of the same round: less exposed to drifts in load.
  speedupPerRound: times[1].map((t, i) => Math.round((t / (times[2][i] as number)) * 100) / 100),
};
console.log(
  `queue, ${N} articles: 1 worker ${summary.articlesPerSec.workers1} art/s, 2 workers ${summary.articlesPerSec.workers2} art/s: ${summary.speedupWorkers2}× (per round: ${summary.speedupPerRound.join(', ')})`,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'queue.json'), `${JSON.stringify(summary, null, 1)}\n`);
rmSync(corpus, { recursive: true, force: true });
// The Redis server and any worker still running would hold the event loop open: stop them and end.
stop();
for (const p of live) p.kill('SIGKILL');
process.exit(0);
