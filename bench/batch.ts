/**
 * Batch benchmark (part of `npm run bench`): a synthetic corpus built deterministically from the default
 * corpus — articles recombining its sentences in each language, with years shifted and paragraphs
 * reordered — processed with --jobs 1 and --jobs 2 (full runs), then an incremental re-run after adding
 * 10 articles. Reports articles/s, MB/s and words/s, the jobs-2/jobs-1 ratio, the incremental run's share
 * of a full run, and peak RSS; writes bench/results/batch.json.
 *
 * Options: --articles N (default 10000), --keep (keep the generated corpus in bench/corpus-N).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../src/run.js';
import { numberArg } from './args.js';
import { generate, sentencePools } from './synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const N = numberArg('--articles', 10_000);
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
  const args = [join(ROOT, 'dist/cli/main.js'), 'run', corpus, '--out', out, '--jobs', String(jobs)];
  args.push('--quiet', '--pipeline', PIPELINE);
  if (full) args.push('--full');
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`run --jobs ${jobs} exited with ${child.status}`);
  return { seconds, report: JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as RunReport };
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
    `${label.padEnd(24)} ${String(r.seconds).padStart(8)} s ${String(r.articlesPerSec).padStart(7)} art/s ${r.mbPerSec.toFixed(2).padStart(7)} MB/s ${String(r.wordsPerSec).padStart(9)} words/s`,
  );
  return r;
};

const j1 = timed(1, corpus, join(base, 'out1'), true);
row('full, --jobs 1', j1.seconds, size.articles, size.bytes, size.words);
const j2 = timed(2, corpus, join(base, 'out2'), true);
row('full, --jobs 2', j2.seconds, size.articles, size.bytes, size.words);
generate(corpus, N, 10, pools);
const inc = timed(2, corpus, join(base, 'out2'), false);
row('incremental, +10 articles', inc.seconds, 10, 0, 0);
const peakRssMb = Math.max(j1.report.peakRssMb, j2.report.peakRssMb, inc.report.peakRssMb);
const summary = {
  articles: size.articles,
  speedupJobs2: Math.round((j1.seconds / j2.seconds) * 100) / 100,
  incrementalShareOfFull: Math.round((inc.seconds / j2.seconds) * 1000) / 10,
  incrementalCached: inc.report.counts.cached,
  peakRssMb,
  peakRssMbByRun: { jobs1: j1.report.peakRssMb, jobs2: j2.report.peakRssMb, incremental: inc.report.peakRssMb },
  stageMsJobs1: j1.report.timings,
};
console.log(
  `--jobs 2 / --jobs 1: ${summary.speedupJobs2}×; incremental re-run: ${summary.incrementalShareOfFull}% of a full run (${summary.incrementalCached} cached); peak RSS ${peakRssMb} MB (jobs 1: ${j1.report.peakRssMb}, jobs 2: ${j2.report.peakRssMb}, incremental: ${inc.report.peakRssMb})`,
);
console.log('stage time with --jobs 1 (ms):', j1.report.timings.map((t) => `${t.stage} ${t.ms}`).join(', '));
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'batch.json'), `${JSON.stringify({ rows, summary }, null, 1)}\n`);
if (!process.argv.includes('--keep')) rmSync(base, { recursive: true, force: true });
