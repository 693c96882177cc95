/**
 * Batch benchmark (part of `npm run bench`): a synthetic corpus built deterministically from the default
 * corpus — articles recombining its sentences in each language, with years shifted and paragraphs
 * reordered — processed with --jobs 1 and --jobs 2 (full runs), then an incremental re-run after adding
 * 10 articles. Each round runs the three in turn; the figures are the medians over the rounds (the
 * machines are shared and noisy), and the jobs-2/jobs-1 ratio is also given for every round, as is the
 * incremental run's share of a full run. Reports articles/s, MB/s, words/s and peak RSS; writes
 * bench/results/batch.json.
 *
 * Options: --articles N (default 10000), --rounds R (default 3), --keep (keep the generated corpus).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../src/run.js';
import { median, numberArg } from './args.js';
import { generate, sentencePools } from './synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const N = numberArg('--articles', 10_000);
const ROUNDS = numberArg('--rounds', 3);
const PIPELINE = join(ROOT, 'pipelines', 'default.json');

function corpusSize(dir: string): { bytes: number; words: number; articles: number } {
  let bytes = 0;
  let words = 0;
  const names = readdirSync(dir);
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    bytes += statSync(join(dir, name)).size;
    words += text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  }
  return { bytes, words, articles: names.length };
}

/**
 * One run of the built CLI in a child process, so each run's peak RSS is its own (worker threads included)
 * and nothing one run leaves in memory counts against the next.
 */
function timed(jobs: number, corpus: string, out: string, full: boolean) {
  // The built CLI, as users run it: under tsx every worker thread would first transpile the sources.
  // The peak over the whole process, to its exit (bench/peak-rss.mjs): worker threads, merge, writers.
  const rssFile = join(base, 'peak-rss');
  rmSync(rssFile, { force: true });
  const args = ['--import', join(ROOT, 'bench/peak-rss.mjs'), join(ROOT, 'dist/cli/main.js'), 'run', corpus];
  args.push('--out', out, '--jobs', String(jobs));
  args.push('--quiet', '--pipeline', PIPELINE);
  if (full) args.push('--full');
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`run --jobs ${jobs} exited with ${child.status}`);
  const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as RunReport;
  return { seconds, report, peakRssMb: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024) };
}

const base = join(tmpdir(), `event-ledger-bench-${N}`);
rmSync(base, { recursive: true, force: true });
const corpus = join(base, 'corpus');
mkdirSync(corpus, { recursive: true });
const pools = sentencePools(PIPELINE);
generate(corpus, 0, N, pools);
const size = corpusSize(corpus);
console.log(`synthetic corpus: ${size.articles} articles, ${(size.bytes / 1e6).toFixed(1)} MB, ${size.words} words`);

const rows: Record<string, number | string>[] = [];
const row = (label: string, seconds: number, articles: number, bytes: number, words: number) => {
  const r = {
    run: label,
    seconds: Math.round(seconds * 10) / 10,
    articlesPerSec: Math.round(articles / seconds),
    mbPerSec: Math.round((bytes / 1e6 / seconds) * 100) / 100,
    wordsPerSec: Math.round(words / seconds),
  };
  rows.push(r);
  console.log(
    `${label.padEnd(34)} ${String(r.seconds).padStart(8)} s ${String(r.articlesPerSec).padStart(7)} art/s ${r.mbPerSec.toFixed(2).padStart(7)} MB/s ${String(r.wordsPerSec).padStart(9)} words/s`,
  );
  return r;
};

interface Round {
  jobs1: number;
  jobs2: number;
  incremental: number;
  rss: { jobs1: number; jobs2: number; incremental: number };
  cached: number;
  timings: RunReport['timings'];
}
const rounds: Round[] = [];
for (let k = 0; k < ROUNDS; k++) {
  // Every round starts from the same N articles: the 10 added by the previous round are removed.
  for (let a = N; a < N + 10; a++) rmSync(join(corpus, `art${String(a).padStart(6, '0')}.txt`), { force: true });
  for (const dir of ['out1', 'out2']) rmSync(join(base, dir), { recursive: true, force: true });
  const j1 = timed(1, corpus, join(base, 'out1'), true);
  const j2 = timed(2, corpus, join(base, 'out2'), true);
  generate(corpus, N, 10, pools);
  const inc = timed(2, corpus, join(base, 'out2'), false);
  rounds.push({
    jobs1: j1.seconds,
    jobs2: j2.seconds,
    incremental: inc.seconds,
    rss: { jobs1: j1.peakRssMb, jobs2: j2.peakRssMb, incremental: inc.peakRssMb },
    cached: inc.report.counts.cached,
    timings: j1.report.timings,
  });
  console.log(
    `round ${k + 1}/${ROUNDS}: --jobs 1 ${j1.seconds.toFixed(1)} s, --jobs 2 ${j2.seconds.toFixed(1)} s (${(j1.seconds / j2.seconds).toFixed(2)}x), +10 articles ${inc.seconds.toFixed(1)} s (${((inc.seconds / j2.seconds) * 100).toFixed(1)}%), peak RSS ${j1.peakRssMb}/${j2.peakRssMb}/${inc.peakRssMb} MB`,
  );
}
const med = (f: (r: Round) => number) => median(rounds.map(f));
console.log(`median of ${ROUNDS} rounds:`);
row(
  'full, --jobs 1',
  med((r) => r.jobs1),
  size.articles,
  size.bytes,
  size.words,
);
row(
  'full, --jobs 2',
  med((r) => r.jobs2),
  size.articles,
  size.bytes,
  size.words,
);
row(
  'incremental, +10 articles, --jobs 2',
  med((r) => r.incremental),
  10,
  0,
  0,
);
const speedups = rounds.map((r) => Math.round((r.jobs1 / r.jobs2) * 100) / 100);
const shares = rounds.map((r) => Math.round((r.incremental / r.jobs2) * 1000) / 10);
const peakRssMb = med((r) => Math.max(r.rss.jobs1, r.rss.jobs2, r.rss.incremental));
const summary = {
  articles: size.articles,
  rounds: ROUNDS,
  speedupJobs2: median(speedups),
  speedupJobs2ByRound: speedups,
  incrementalShareOfFull: median(shares),
  incrementalShareByRound: shares,
  incrementalCached: rounds[0]?.cached ?? 0,
  peakRssMb,
  peakRssMbByRun: {
    jobs1: med((r) => r.rss.jobs1),
    jobs2: med((r) => r.rss.jobs2),
    incremental: med((r) => r.rss.incremental),
  },
  stageMsJobs1: rounds[0]?.timings ?? [],
  loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
};
console.log(
  `--jobs 2 / --jobs 1: ${summary.speedupJobs2}x (rounds: ${speedups.join(', ')}); incremental re-run: ${summary.incrementalShareOfFull}% of a full run (rounds: ${shares.join(', ')}; ${summary.incrementalCached} cached); peak RSS ${peakRssMb} MB (jobs 1: ${summary.peakRssMbByRun.jobs1}, jobs 2: ${summary.peakRssMbByRun.jobs2}, incremental: ${summary.peakRssMbByRun.incremental})`,
);
console.log(
  'stage time with --jobs 1, first round (ms):',
  summary.stageMsJobs1.map((t) => `${t.stage} ${t.ms}`).join(', '),
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'batch.json'), `${JSON.stringify({ rows, summary }, null, 1)}\n`);
if (!process.argv.includes('--keep')) rmSync(base, { recursive: true, force: true });
