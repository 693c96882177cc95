import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, sentencePools } from '../../bench/synthetic.js';
import { connect, openQueue, queueName } from '../../src/queue/batch.js';
import { batchStatus, collectBatch } from '../../src/queue/collect.js';
import { enqueueBatch } from '../../src/queue/enqueue.js';
import { startWorker } from '../../src/queue/worker.js';
import { runBatch } from '../../src/run.js';
import { DEFAULT_PIPELINE, ROOT } from '../helpers.js';
import { startRedis } from './redis.js';

const redis = await startRedis();
if ('reason' in redis) console.warn(`skipping the queue tests: ${redis.reason}`);
const url = 'url' in redis ? redis.url : '';
afterAll(() => {
  if ('stop' in redis) redis.stop();
});

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-queue-'));
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
/** A single-process run over the same articles: what collect must reproduce byte for byte. */
async function reference(corpus: string) {
  const out = tmp();
  const { report } = await runBatch({
    inputs: [corpus],
    out,
    pipeline: DEFAULT_PIPELINE,
    maxBytes: 5_000_000,
    jobs: 1,
  });
  return { out, report };
}

function spawnWorker(): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'worker',
      '--redis',
      url,
      '--concurrency',
      '1',
      '--lock-ms',
      '2000',
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * Waits until some worker process holds a job and freezes it there (SIGSTOP), so that killing it is
 * surely a kill mid-job; returns that process's pid and the job's id. (Workers restart themselves with
 * a V8 flag, so the process holding the job is the launcher's child; processedBy names it.)
 */
async function freezeMidJob(): Promise<{ pid: number; job: string }> {
  const conn = connect(url);
  const queue = openQueue(conn, queueName());
  try {
    for (;;) {
      const held = (await queue.getActive()).find((j) => j.processedBy);
      if (held?.processedBy) {
        const pid = Number(held.processedBy.split(':').pop());
        process.kill(pid, 'SIGSTOP');
        const still = (await queue.getActive()).find((j) => j.id === held.id && j.processedBy === held.processedBy);
        if (still) return { pid, job: held.id as string };
        process.kill(pid, 'SIGCONT'); // it finished that job between the two looks: try again
      }
      await sleep(5);
    }
  } finally {
    await queue.close();
    conn.disconnect();
  }
}

const exited = (p: ChildProcess) =>
  new Promise((r) => (p.exitCode !== null || p.signalCode ? r(null) : p.once('exit', r)));

describe.skipIf(!url)('a batch on a Redis queue (BullMQ)', () => {
  it('three workers, one killed mid-job: the collected ledger is byte-identical to run', async () => {
    const corpus = tmp();
    generate(corpus, 0, 300, sentencePools());
    writeFileSync(join(corpus, 'empty.txt'), ''); // a bad input fails the same way on both paths
    const ref = await reference(corpus);

    const queued = await enqueueBatch({
      redis: url,
      batch: 'killed',
      inputs: [corpus],
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 5_000_000,
      backoffMs: 100,
    });
    expect(queued.queued).toBe(301);
    const workers = [spawnWorker(), spawnWorker(), spawnWorker()];
    try {
      // Let the batch get going, then kill one worker while it holds a job.
      while ((await batchStatus({ redis: url, batch: 'killed' })).counts.done < 30) await sleep(100);
      const victim = await freezeMidJob();
      process.kill(victim.pid, 'SIGKILL');
      const status = await batchStatus({ redis: url, batch: 'killed' });
      expect(status.counts.done).toBeLessThan(301);
      // Its launcher reports the kill as its own exit code (128 + SIGKILL); the other two work on.
      expect(await Promise.race(workers.map((w) => exited(w).then(() => w.exitCode)))).toBe(137);

      const out = tmp();
      const collected = await collectBatch({ redis: url, batch: 'killed', out, wait: true, pollMs: 200 });
      expect(read(out, 'ledger.json')).toBe(read(ref.out, 'ledger.json'));
      expect(read(out, 'documents.jsonl')).toBe(read(ref.out, 'documents.jsonl'));
      expect(collected.report.failures).toEqual(ref.report.failures);
      // The job the dead worker held went back to the queue when its lock expired, and was done.
      const after = await batchStatus({ redis: url, batch: 'killed' });
      expect(after.counts).toMatchObject({ done: 301, failed: 0, active: 0, queued: 0 });
      expect(victim.job).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      // SIGTERM lets the live workers finish and leave before the Redis server goes.
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map(exited));
    }
  }, 180_000);
});

describe.skipIf(!url)('failures on the queue', () => {
  it('retries with backoff, reports permanent failures with reasons, and reruns them when enqueued again', async () => {
    const corpus = tmp();
    generate(corpus, 1000, 4, sentencePools());
    // Bodies above 64 KB are referenced by path, not carried in the job.
    const big = 'The president of France met the chancellor of Germany in Paris on 3 March 2024. '.repeat(900);
    writeFileSync(join(corpus, 'moved.txt'), `${big}One.`);
    writeFileSync(join(corpus, 'edited.txt'), `${big}Two.`);
    const options = {
      redis: url,
      batch: 'failing',
      inputs: [corpus],
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 5_000_000,
      attempts: 2,
      backoffMs: 50,
    };
    expect((await enqueueBatch(options)).queued).toBe(6);
    const aside = join(tmp(), 'moved.txt');
    renameSync(join(corpus, 'moved.txt'), aside); // unreadable: retried, then failed
    writeFileSync(join(corpus, 'edited.txt'), `${big}Changed.`); // changed: failed at once, not retried

    const worker = await startWorker({ redis: url, concurrency: 1 });
    try {
      const first = await collectBatch({ redis: url, batch: 'failing', out: tmp(), wait: true, pollMs: 100 });
      expect(first.report.counts).toMatchObject({ processed: 4, failed: 2 });
      const failures = Object.fromEntries(first.report.failures.map((f) => [f.source, f]));
      expect(failures['moved.txt']?.code).toBe('job-failed');
      expect(failures['moved.txt']?.message).toMatch(/after 2 attempts: cannot read .*moved\.txt \(ENOENT\)/);
      expect(failures['edited.txt']?.message).toMatch(/after 1 attempt: .*edited\.txt changed after it was enqueued/);
      const status = await batchStatus({ redis: url, batch: 'failing' });
      expect(status.counts).toMatchObject({ done: 4, failed: 2 });
      expect(status.failures.map((f) => f.source).sort()).toEqual(['edited.txt', 'moved.txt']);

      // Put the files back and enqueue again: the four stored results are reused, the two failed jobs rerun.
      renameSync(aside, join(corpus, 'moved.txt'));
      writeFileSync(join(corpus, 'edited.txt'), `${big}Two.`);
      const again = await enqueueBatch(options);
      expect(again).toMatchObject({ queued: 2, reused: 4, retried: 2 });
      const out = tmp();
      const second = await collectBatch({ redis: url, batch: 'failing', out, wait: true, pollMs: 100 });
      expect(second.report.failures).toEqual([]);
      const ref = await reference(corpus);
      expect(read(out, 'ledger.json')).toBe(read(ref.out, 'ledger.json'));
      expect(read(out, 'documents.jsonl')).toBe(read(ref.out, 'documents.jsonl'));
    } finally {
      await worker.close();
    }
  }, 120_000);
});
